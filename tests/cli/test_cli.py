"""The command line end to end, in a temporary folder, as a script or a clerk would use it."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app.cli import main
from clerk_app.store.database import open_database

REFERENCE = (
    Path(__file__).resolve().parents[2].parent / "shared/reference/example-minute-haringey-osc.txt"
)


def run(db: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", str(db), *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def digest(path: Path) -> str:
    """The database's content, WAL included, so 'unchanged' means unchanged."""
    h = hashlib.sha256()
    for part in (path, path.with_name(path.name + "-wal")):
        if part.exists():
            h.update(part.read_bytes())
    return h.hexdigest()


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    text = (
        "Council: Borough of Wexham Vale\n"
        "Committee: Licensing Committee\n"
        "Date: Thursday 6 February 2025\n"
        "Time: 7.00 pm\n"
        "\n"
        "31.\tLICENCE REVIEW, THE OLD FORGE\n"
        "The Licensing Officer introduced the report.\n"
        "a.\tMembers asked about noise after 11 pm. (Action: Łukasz Wójcik)\n"
        "b.\tThe applicant agreed to close the garden at 10 pm.\n"
        "RESOLVED: That the licence be varied.\n"
    )
    path = tmp_path / "licensing.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared/ reference example not beside the repo")
def test_reference_example_imports_and_lists_its_actions(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    code, out, _ = run(
        db, "import", str(REFERENCE), "--committee", "Overview and Scrutiny", "--date", "2019-06-17"
    )
    assert code == 0
    meeting_id = int(out.strip())
    code, out, _ = run(db, "actions", "--json")
    assert code == 0
    actions = json.loads(out)
    assert [(a["point"], a["owners"]) for a in actions] == [
        ("h.", ["Charlotte Pomery"]),
        ("i.", ["Chair", "Clerk"]),
    ]
    assert all(a["meeting"] == meeting_id and a["status"] == "open" for a in actions)


def test_import_list_export_round_trip(tmp_path: Path, minutes: Path) -> None:
    db = tmp_path / "c.db"
    code, out, err = run(db, "import", str(minutes))
    assert code == 0, err
    meeting_id = out.strip()
    code, out, _ = run(db, "list", "--json")
    listed = json.loads(out)
    assert listed[0]["id"] == int(meeting_id)
    assert listed[0]["committee"] == "Licensing Committee"
    assert listed[0]["date"] == "2025-02-06"
    assert (listed[0]["items"], listed[0]["points"]) == (1, 2)
    code, out, _ = run(db, "list")
    assert "2025-02-06" in out and "Licensing Committee" in out
    target = tmp_path / "out.txt"
    code, out, err = run(db, "export", meeting_id, "--to", str(target))
    assert code == 0, err
    written = target.read_text(encoding="utf-8")
    assert "Members asked about noise after 11 pm. (Action: Łukasz Wójcik)" in written
    # the exported text imports back to the same meeting
    code, out, _ = run(db, "import", str(target))
    assert code == 0
    code, out, _ = run(db, "actions", "--open", "--json")
    assert [a["owners"] for a in json.loads(out)] == [["Łukasz Wójcik"], ["Łukasz Wójcik"]]


def test_overrides_beat_the_file_header(tmp_path: Path, minutes: Path) -> None:
    db = tmp_path / "c.db"
    code, _, _ = run(
        db,
        "import",
        str(minutes),
        "--committee",
        "Licensing Sub-Committee A",
        "--date",
        "2025-02-07",
    )
    assert code == 0
    _, out, _ = run(db, "list", "--json")
    assert json.loads(out)[0]["committee"] == "Licensing Sub-Committee A"
    assert json.loads(out)[0]["date"] == "2025-02-07"


def _bad_file(tmp_path: Path, kind: str) -> Path:
    if kind == "missing":
        return tmp_path / "absent.txt"
    if kind == "folder":
        return tmp_path
    path = tmp_path / f"{kind}.txt"
    if kind == "empty":
        path.write_text("\n  \n")
    elif kind == "binary":
        path.write_bytes(b"PK\x03\x04\x00\x01\x02\xff" * 500)
    return path


@pytest.mark.parametrize("kind", ["missing", "empty", "binary", "folder"])
def test_bad_import_files_fail_cleanly_and_change_nothing(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "c.db"
    open_database(db).close()  # an empty database: read-only commands never create one
    before = digest(db)
    bad = _bad_file(tmp_path, kind)
    code, out, err = run(db, "import", str(bad))
    assert code == 2
    assert out == ""
    assert err.startswith("clerk-app: ") and err.count("\n") == 1
    assert str(bad) in err
    assert "Traceback" not in err
    assert digest(db) == before


def test_unknown_meeting_and_bad_date(tmp_path: Path, minutes: Path) -> None:
    db = tmp_path / "c.db"
    open_database(db).close()  # an empty database: read-only commands never create one
    before = digest(db)
    for args, needle in (
        (("export", "99", "--to", str(tmp_path / "x.txt")), "no meeting 99"),
        (("export", "nine", "--to", str(tmp_path / "x.txt")), "'nine'"),
        (("import", str(minutes), "--date", "2025-02-30"), "bad date '2025-02-30'"),
        (("import", str(minutes), "--date", "06/02/2025"), "YYYY-MM-DD"),
        (("frobnicate",), "invalid choice"),
    ):
        code, out, err = run(db, *args)
        assert (code, out) == (2, ""), args
        assert needle in err and err.count("\n") == 1, err
    assert digest(db) == before
    assert not (tmp_path / "x.txt").exists()


def test_unusable_database_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("not a database at all\n" * 10)
    code, _, err = run(bad, "list")
    assert code == 2 and "not a Clerk database" in err and err.count("\n") == 1
    assert bad.read_text() == "not a database at all\n" * 10
    code, _, err = run(tmp_path / "missing-folder" / "c.db", "list")
    assert code == 2 and "there is no database at" in err  # list never creates one


def test_the_installed_entry_point_and_environment_variable(tmp_path: Path, minutes: Path) -> None:
    """A real process, choosing its database through CLERK_DB."""
    env = dict(os.environ, CLERK_DB=str(tmp_path / "env.db"))
    proc = subprocess.run(
        [sys.executable, "-m", "clerk_app.cli", "import", str(minutes)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "1"
    assert (tmp_path / "env.db").exists()
    proc = subprocess.run(
        [sys.executable, "-m", "clerk_app.cli", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("clerk-app ")


def test_export_word_and_pdf_of_the_reference(tmp_path: Path) -> None:
    """The reference item through import and both exporters, read back by other readers."""
    if not REFERENCE.exists():
        pytest.skip("shared/ reference example not beside the repo")
    import docx
    import pypdf

    db = tmp_path / "c.db"
    _, out, _ = run(
        db,
        "import",
        str(REFERENCE),
        "--committee",
        "Overview and Scrutiny Committee",
        "--date",
        "2019-06-17",
    )
    meeting_id = out.strip()
    for suffix in (".docx", ".pdf"):
        target = tmp_path / f"minutes{suffix}"
        code, out, err = run(db, "export", meeting_id, "--to", str(target))
        assert code == 0, err
        assert out.strip() == str(target)
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "minutes.docx")).paragraphs]
    assert any(p.startswith("The Chair noted that individual scrutiny panels") for p in paragraphs)
    pdf_text = " ".join(
        page.extract_text() for page in pypdf.PdfReader(str(tmp_path / "minutes.pdf")).pages
    )
    assert "(Action: Charlotte Pomery)" in pdf_text and "(Actions: Chair/Clerk)" in pdf_text
    assert "DRAFT" in pdf_text
    # exporting the draft circulated it: the history keeps it
    from clerk_app.services import archive

    database = open_database(db)
    try:
        assert [r.reason for r in archive.revisions(database, int(meeting_id))] == ["circulated"]
    finally:
        database.close()


def test_export_to_an_unsupported_or_impossible_target(tmp_path: Path, minutes: Path) -> None:
    db = tmp_path / "c.db"
    _, out, _ = run(db, "import", str(minutes))
    meeting_id = out.strip()
    (tmp_path / "afile").write_text("x")
    for target, needle in (
        (tmp_path / "minutes.odt", ".docx"),
        (tmp_path / "afile" / "minutes.pdf", "afile"),
        (tmp_path / "missing" / "minutes.docx", "missing"),
    ):
        code, out, err = run(db, "export", meeting_id, "--to", str(target))
        assert (code, out) == (2, ""), target
        assert needle in err and err.count("\n") == 1
        assert not target.exists()


def test_search_from_the_command_line(tmp_path: Path, minutes: Path) -> None:
    db = tmp_path / "c.db"
    run(db, "import", str(minutes))
    code, out, _ = run(db, "search", "wojcik", "--json")
    assert code == 0
    [hit] = [h for h in json.loads(out) if h["kind"] == "point"]
    assert (hit["item"], hit["point"]) == ("31", "a.")
    assert "[Wójcik]" in hit["snippet"]
    code, out, err = run(db, "search", '"garden')
    assert code == 2 and "closing" in err and out == ""
    code, out, err = run(db, "search", "zzyzx")
    assert code == 0 and out == "" and "nothing found" in err


def test_backups_from_the_command_line(tmp_path: Path, minutes: Path) -> None:
    import datetime as dt

    from clerk_app.store.backups import take_backup

    db = tmp_path / "c.db"
    run(db, "import", str(minutes))
    old = take_backup(db, now=dt.datetime(2020, 1, 1, 9, 0))
    code, out, _ = run(db, "backup")
    assert code == 0 and Path(out.strip()).exists()
    code, out, _ = run(db, "backups", "--json")
    assert [b["taken_at"][:4] for b in json.loads(out)][-1] == "2020"
    code, out, err = run(db, "backup", "--keep-days", "30")
    assert code == 0 and f"removed old backup {old}" in err and not old.exists()
    code, _, err = run(db, "backup", "--keep-days", "0")
    assert code == 2 and "1 or more" in err


def test_search_filters_from_the_command_line(tmp_path: Path, minutes: Path) -> None:
    db = tmp_path / "c.db"
    run(db, "import", str(minutes))
    later = tmp_path / "planning.txt"
    later.write_text(
        minutes.read_text(encoding="utf-8")
        .replace("Licensing Committee", "Planning Committee")
        .replace("6 February 2025", "4 March 2026"),
        encoding="utf-8",
    )
    run(db, "import", str(later))

    def found(*args: str) -> list[tuple[str, str, str]]:
        code, out, err = run(db, "search", *args, "--json")
        assert code == 0, err
        return sorted((h["committee"], h["meeting_date"][:4], h["kind"]) for h in json.loads(out))

    assert len(found("licence")) == 4  # each meeting: the item title and the decision
    assert found("licence resolved year:2026") == [("Planning Committee", "2026", "decision")]
    assert found("licence", "--decisions", "--year", "2026") == found("licence resolved year:2026")
    assert {c for c, _y, _k in found("licence", "--committee", "licensing")} == {
        "Licensing Committee"
    }
    assert found("noise actions:open committee:planning") == [
        ("Planning Committee", "2026", "point")
    ]
    assert found("garden", "--open-actions") == []
    code, out, err = run(db, "search", "licence", "--year", "20x4")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "year:2024" in err
