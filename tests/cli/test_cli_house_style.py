"""A body's house style: ``clerk-app body NAME --word-template/--pdf-template`` chooses the
templates its minutes export with; a template that fails is said in one line, and Clerk's
default writes the file all the same."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from clerk_app.export.pdf import TEMPLATE
from tests.cli.test_cli import minutes, run  # noqa: F401  (minutes is a fixture)
from tests.export.readers import flowing, need, pdftotext, word_list_labels
from tests.export.test_docx_template import LETTERHEAD, council_template
from tests.export.test_pdf_accessibility import validate

BODY = "Licensing Committee"  # the committee of the imported minutes: its body
HOUSE_LINE = "Borough of Wexham Vale: house style"
SERIF = Path("/usr/share/fonts/truetype/dejavu")


@pytest.fixture
def meeting_id(tmp_path: Path, minutes: Path) -> str:  # noqa: F811  (the imported fixture)
    code, out, err = run(tmp_path / "c.db", "import", str(minutes))
    assert code == 0, err
    return out.strip()


def house_template(folder: Path, *, serif: bool = False) -> Path:
    """Clerk's default with the council's own line at the top and, if asked, its own font
    (DejaVu Serif, which Clerk does not ship) in a fonts folder beside the template."""
    folder.mkdir(parents=True, exist_ok=True)
    text = TEMPLATE.read_text(encoding="utf-8")
    if serif:
        (folder / "fonts").mkdir()
        for name in ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"):
            shutil.copy(SERIF / name, folder / "fonts" / name)
        text = text.replace('font: ("Liberation Sans"', 'font: ("DejaVu Serif", "Liberation Sans"')
    marker = "  let head = data.header\n"
    assert marker in text
    text = text.replace(marker, f"{marker}  block(par[{HOUSE_LINE}])\n", 1)
    path = folder / "house.typ"
    path.write_text(text, encoding="utf-8")
    return path


def fonts(pdf: Path) -> str:
    return subprocess.run(
        [need("pdffonts"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout


def test_a_bodys_word_template_styles_its_minutes_and_keeps_the_numbering(
    tmp_path: Path, meeting_id: str
) -> None:
    db = tmp_path / "c.db"
    plain = tmp_path / "plain.docx"
    assert run(db, "export", meeting_id, "--to", str(plain))[0] == 0
    template = council_template(tmp_path / "council.docx")
    code, out, err = run(db, "body", BODY, "--word-template", str(template))
    assert (code, err) == (0, "") and f"Word template {template.resolve()})" in out
    styled = tmp_path / "styled.docx"
    code, out, err = run(db, "export", meeting_id, "--to", str(styled))  # no --template
    assert (code, out.strip(), err) == (0, str(styled), "")
    document = docx.Document(str(styled))
    assert document.styles["Normal"].font.name == "Georgia"
    assert document.styles["Minutes Point"].font.name == "Verdana"
    assert document.sections[0].header.paragraphs[0].text == LETTERHEAD
    labels = [label for label, _text in word_list_labels(styled)]
    assert word_list_labels(styled) == word_list_labels(plain) and labels == ["a.", "b."]
    # An explicit --template still wins over the body's, for one export.
    other = tmp_path / "other.docx"
    plain_template = docx.Document()
    plain_template.styles["Normal"].font.name = "Cambria"
    plain_template.save(str(tmp_path / "cambria.docx"))
    code, _, _ = run(
        db, "export", meeting_id, "--to", str(other), "--template", str(tmp_path / "cambria.docx")
    )
    assert code == 0 and docx.Document(str(other)).styles["Normal"].font.name == "Cambria"


@pytest.mark.skipif(not (SERIF / "DejaVuSerif.ttf").is_file(), reason="needs DejaVu Serif")
def test_a_bodys_typst_template_lays_out_its_pdf_which_is_still_accessible(
    tmp_path: Path, meeting_id: str
) -> None:
    db = tmp_path / "c.db"
    house = house_template(tmp_path / "house", serif=True)
    code, out, err = run(db, "body", BODY, "--pdf-template", str(house))
    assert (code, err) == (0, "") and f"PDF template {house.resolve()})" in out
    code, listed, _ = run(db, "bodies", "--json")
    [body] = [b for b in json.loads(listed) if b["name"] == BODY]
    assert body["pdf_template"] == str(house.resolve()) and body["word_template"] == ""

    target = tmp_path / "minutes.pdf"
    code, out, err = run(db, "export", meeting_id, "--to", str(target))
    assert (code, out.strip(), err) == (0, str(target), "")
    text = flowing(pdftotext(target))
    assert HOUSE_LINE in text and "Members asked about noise after 11 pm." in text
    assert "DejaVuSerif" in fonts(target)  # the council's own font, from beside its template
    name, result, report = validate("ua1", target)
    assert result == 0 and report.startswith("PASS"), f"{name}:\n{report}"

    # Back to Clerk's own: no house line, Liberation Sans.
    assert run(db, "body", BODY, "--pdf-template", "default")[0] == 0
    assert run(db, "export", meeting_id, "--to", str(target))[0] == 0
    assert HOUSE_LINE not in flowing(pdftotext(target))
    assert "DejaVuSerif" not in fonts(target) and "LiberationSans" in fonts(target)


def test_templates_that_fail_are_said_once_and_the_default_writes_the_file(
    tmp_path: Path, meeting_id: str
) -> None:
    db = tmp_path / "c.db"
    word = council_template(tmp_path / "council.docx")
    typ = house_template(tmp_path / "house")
    assert run(db, "body", BODY, "--word-template", str(word), "--pdf-template", str(typ))[0] == 0
    word.write_bytes(b"PK\x03\x04 not really a Word file")  # damaged since it was chosen
    typ.write_text("#let data = (\n", encoding="utf-8")  # a Typst syntax error

    target = tmp_path / "minutes.docx"
    code, out, err = run(db, "export", meeting_id, "--to", str(target))
    assert (code, out.strip()) == (0, str(target))
    assert err.count("\n") == 1 and err.startswith("clerk-app: warning: ") and "council.docx" in err
    assert docx.Document(str(target)).styles["Normal"].font.name == "Arial"  # Clerk's style

    target = tmp_path / "minutes.pdf"
    code, out, err = run(db, "export", meeting_id, "--to", str(target))
    assert (code, out.strip()) == (0, str(target))
    assert err.count("\n") == 1 and err.startswith("clerk-app: warning: PDF template house.typ")
    assert "Clerk's default is used" in err
    assert HOUSE_LINE not in flowing(pdftotext(target))
    assert "Members asked about noise after 11 pm." in flowing(pdftotext(target))

    typ.unlink()  # moved away: said, and the default used
    code, _, err = run(db, "export", meeting_id, "--to", str(target))
    assert code == 0 and "house.typ could not be used (it is not there)" in err


@pytest.mark.parametrize(
    ("option", "name", "says"),
    [
        ("--word-template", "missing.docx", "the Word template"),
        ("--word-template", "letterhead.pdf", "is not a .docx or .dotx file"),
        ("--pdf-template", "house.docx", "is not a .typ file"),
        ("--pdf-template", "missing.typ", "does not exist"),
    ],
)
def test_a_template_that_cannot_be_one_is_refused_in_one_line(
    tmp_path: Path, meeting_id: str, option: str, name: str, says: str
) -> None:
    for existing in ("letterhead.pdf", "house.docx"):
        (tmp_path / existing).write_bytes(b"x")
    code, out, err = run(tmp_path / "c.db", "body", BODY, option, str(tmp_path / name))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and says in err
    code, listed, _ = run(tmp_path / "c.db", "bodies", "--json")
    [body] = [b for b in json.loads(listed) if b["name"] == BODY]
    assert body["word_template"] == body["pdf_template"] == ""  # nothing was changed
