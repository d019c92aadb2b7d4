"""A council's database and its templates folder move together (a shared drive, a new
laptop): the house style goes with them, because a template kept beside the database is
stored relative to it.  A template kept elsewhere stays where it is, by its absolute path."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import docx

from tests.cli.test_cli import minutes, run  # noqa: F401  (minutes is a fixture)
from tests.cli.test_cli_house_style import BODY, HOUSE_LINE, house_template
from tests.export.readers import flowing, pdftotext
from tests.export.test_docx_template import council_template


def stored(db: Path) -> tuple[str, str]:
    """What the file itself holds for the body's templates (read with sqlite3, not Clerk)."""
    with sqlite3.connect(db) as connection:
        row = connection.execute(
            "SELECT word_template, pdf_template FROM bodies WHERE name = ?", (BODY,)
        ).fetchone()
    connection.close()
    return row[0], row[1]


def listed(db: Path) -> dict[str, str]:
    code, out, err = run(db, "bodies", "--json")
    assert (code, err) == (0, "")
    [body] = [b for b in json.loads(out) if b["name"] == BODY]
    return {"word": body["word_template"], "pdf": body["pdf_template"]}


def test_the_house_style_moves_with_the_database_and_its_templates_folder(
    tmp_path: Path,
    minutes: Path,  # noqa: F811  (the imported fixture)
) -> None:
    shared = tmp_path / "shared drive" / "Clerk"
    shared.mkdir(parents=True)
    db = shared / "clerk.db"
    code, out, err = run(db, "import", str(minutes))
    assert code == 0, err
    meeting_id = out.strip()
    (shared / "templates").mkdir()
    word = council_template(shared / "templates" / "council.docx")
    typ = house_template(shared / "templates" / "house")
    code, out, err = run(db, "body", BODY, "--word-template", str(word), "--pdf-template", str(typ))
    assert (code, err) == (0, "")
    assert stored(db) == ("templates/council.docx", "templates/house/house.typ")
    assert listed(db) == {"word": str(word.resolve()), "pdf": str(typ.resolve())}

    # Copied to a new laptop, and the shared drive gone: nothing points at the old place.
    laptop = tmp_path / "laptop" / "Documents" / "Clerk"
    shutil.copytree(shared, laptop)
    shutil.rmtree(shared)
    moved = laptop / "clerk.db"
    assert listed(moved) == {  # where the templates resolve now
        "word": str((laptop / "templates" / "council.docx").resolve()),
        "pdf": str((laptop / "templates" / "house" / "house.typ").resolve()),
    }
    code, out, err = run(moved, "bodies")  # the plain listing says the same, in full
    assert (code, err) == (0, "")
    assert f"; Word template {(laptop / 'templates' / 'council.docx').resolve()};" in out
    assert f"; PDF template {(laptop / 'templates' / 'house' / 'house.typ').resolve()})" in out
    assert "not there" not in out
    target = tmp_path / "out" / "minutes.docx"
    target.parent.mkdir()
    code, out, err = run(moved, "export", meeting_id, "--to", str(target))
    assert (code, out.strip(), err) == (0, str(target), "")
    assert docx.Document(str(target)).styles["Normal"].font.name == "Georgia"  # the council's
    pdf = target.with_suffix(".pdf")
    code, out, err = run(moved, "export", meeting_id, "--to", str(pdf))
    assert (code, out.strip(), err) == (0, str(pdf), "")
    text = flowing(pdftotext(pdf))
    assert HOUSE_LINE in text and "Members asked about noise after 11 pm." in text


def test_a_template_outside_the_databases_folder_stays_absolute(
    tmp_path: Path,
    minutes: Path,  # noqa: F811  (the imported fixture)
) -> None:
    (tmp_path / "data").mkdir()
    db = tmp_path / "data" / "clerk.db"
    code, out, err = run(db, "import", str(minutes))
    assert code == 0, err
    meeting_id = out.strip()
    typ = house_template(tmp_path / "home" / "Templates")  # the clerk's own folder
    assert run(db, "body", BODY, "--pdf-template", str(typ))[0] == 0
    assert stored(db) == ("", str(typ.resolve()))

    # The database alone is copied elsewhere: the template is still found where it is.
    (tmp_path / "copy").mkdir()
    copy = tmp_path / "copy" / "clerk.db"
    shutil.copy(db, copy)
    assert listed(copy)["pdf"] == str(typ.resolve())
    code, out, _ = run(copy, "bodies")
    assert f"; PDF template {typ.resolve()})" in out
    pdf = tmp_path / "minutes.pdf"
    code, _, err = run(copy, "export", meeting_id, "--to", str(pdf))
    assert (code, err) == (0, "")
    assert HOUSE_LINE in flowing(pdftotext(pdf))


def test_the_listing_says_when_a_template_is_not_there(
    tmp_path: Path,
    minutes: Path,  # noqa: F811  (the imported fixture)
) -> None:
    """The templates folder was left behind: the clerk reads so in the listing, before an
    export warns, and the file still holds the path (put the folder back and it is used)."""
    db = tmp_path / "clerk.db"
    code, out, err = run(db, "import", str(minutes))
    assert code == 0, err
    typ = house_template(tmp_path / "templates" / "house")
    assert run(db, "body", BODY, "--pdf-template", str(typ))[0] == 0
    shutil.rmtree(tmp_path / "templates")
    code, out, err = run(db, "bodies")
    assert (code, err) == (0, "")
    assert f"; PDF template {typ.resolve()} (not there: Clerk's default is used))" in out
    assert stored(db) == ("", "templates/house/house.typ")
