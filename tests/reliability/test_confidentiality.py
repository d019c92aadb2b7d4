"""Exempt (confidential) items never reach a public output, in any format or by any route.

Every public output is produced from a real database and searched, as raw bytes and as text
read back by independent readers, for words that occur only in the exempt item.
"""

from __future__ import annotations

import csv
import html
import io
import re
import zipfile
from pathlib import Path

import pypdf
import pytest

from clerk_app.cli import main
from clerk_app.core.model import Point
from clerk_app.export.files import export_actions
from clerk_app.services import meetings
from clerk_app.services.action_tracker import action_log, to_csv
from clerk_app.services.exporting import export_minutes
from clerk_app.services.searching import search
from clerk_app.store.database import Database
from tests.samples import planning_meeting

# Words found only in the exempt item (title aside, which the public stub keeps by law).
SECRET = ("Kwiatkowska", "repossession", "Zebedee")


@pytest.fixture
def meeting_id(db: Database) -> int:
    meeting = planning_meeting()
    exempt = meeting.items[2]
    exempt.intro = "Mrs Kwiatkowska's repossession case was reported."
    exempt.points.append(Point("Officers to write to Mr Zebedee. (Action: Priya Raman)"))
    return meetings.create_meeting(db, meeting)


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:  # every part: body, headers, footers, properties
        return " ".join(
            archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
        )


def _pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(str(path))
    text = " ".join(page.extract_text() for page in reader.pages)
    outline = " ".join(str(entry) for entry in reader.outline)
    return f"{text} {outline} {reader.metadata}"


def _html_text(path: Path) -> str:
    """The page's text as a browser shows it, and its title and meta properties."""
    return html.unescape(re.sub(r"<[^>]*>", " ", path.read_text(encoding="utf-8")))


def _text_of(path: Path) -> str:
    readers = {".docx": _docx_text, ".pdf": _pdf_text, ".html": _html_text}
    return readers.get(path.suffix, lambda p: p.read_text())(path)


def _assert_public(text: str, where: str) -> None:
    for word in SECRET:
        assert word.casefold() not in text.casefold(), f"{word!r} leaked into {where}"


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html", ".txt"])
def test_public_minutes_keep_only_the_stub(
    db: Database, meeting_id: int, tmp_path: Path, suffix: str
) -> None:
    target = export_minutes(db, meeting_id, tmp_path / f"public{suffix}", action_log=True).path
    raw = target.read_bytes()
    for word in SECRET:
        assert word.encode() not in raw
    text = _text_of(target)
    _assert_public(text, target.name)
    flat = " ".join(text.split())
    assert "Enforcement case 2025/0041" in flat  # the stub is there, saying why
    assert "paragraph 1" in flat
    confidential = export_minutes(
        db, meeting_id, tmp_path / f"confidential{suffix}", confidential=True
    ).path
    text = _text_of(confidential)
    assert "Kwiatkowska" in text  # the confidential version does carry it


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_public_action_log_leaves_out_exempt_actions(
    db: Database, meeting_id: int, tmp_path: Path, suffix: str
) -> None:
    meeting = meetings.load_meeting(db, meeting_id)
    target = export_actions(meeting, tmp_path / f"actions{suffix}")
    text = _docx_text(target) if suffix == ".docx" else _pdf_text(target)
    _assert_public(text, target.name)
    assert "Priya Raman" in text  # the public action of item 13/25 is listed


def test_public_csv_and_search_leave_out_exempt_items(db: Database, meeting_id: int) -> None:
    # Public is the default: a caller that does not ask for exempt items never gets them.
    rows = list(csv.reader(io.StringIO(to_csv(action_log(db)))))
    _assert_public(" ".join(" ".join(r) for r in rows), "the CSV action log")
    assert len(rows) == 3  # header and the two public actions
    assert len(action_log(db, include_exempt=True)) == 3
    for word in SECRET:
        assert search(db, word) == []
        assert search(db, word, include_exempt=True)  # the clerk can ask for it


def _cli(db_path: Path, *args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", str(db_path), *args], out=out, err=err) == 0, err.getvalue()
    return out.getvalue()


ACTION_OUTPUTS = [[], ["--json"], ["--csv"], ["--open"], ["--open", "--json"], ["--public"]]


@pytest.mark.parametrize("options", ACTION_OUTPUTS, ids=" ".join)
def test_command_line_action_log_is_public_by_default(
    db: Database, db_path: Path, meeting_id: int, options: list[str]
) -> None:
    db.close()
    public = _cli(db_path, "actions", *options)
    _assert_public(public, f"clerk-app actions {' '.join(options)}")
    assert "Priya Raman" in public  # the public actions are all there
    assert "14/25" not in public  # the exempt item's minute: none of its actions is listed
    if "--public" not in options:
        confidential = _cli(db_path, "actions", *options, "--confidential")
        assert "14/25" in confidential  # asked for, the exempt action is there


@pytest.mark.parametrize("options", [[], ["--json"], ["--public"]], ids=" ".join)
def test_command_line_search_is_public_by_default(
    db: Database, db_path: Path, meeting_id: int, options: list[str]
) -> None:
    db.close()
    for word in SECRET:
        out, err = io.StringIO(), io.StringIO()
        assert main(["--db", str(db_path), "search", word, *options], out=out, err=err) == 0
        _assert_public(out.getvalue(), f"clerk-app search {word} {' '.join(options)}")
        assert out.getvalue() in ("", "[]\n")
    if "--public" not in options:
        assert "Zebedee" in _cli(db_path, "search", "Zebedee", *options, "--confidential")


def test_public_and_confidential_together_are_refused(db: Database, db_path: Path) -> None:
    db.close()
    for command in (["actions"], ["search", "budget"]):
        err = io.StringIO()
        code = main(["--db", str(db_path), *command, "--public", "--confidential"], err=err)
        assert code == 2 and err.getvalue().count("\n") == 1
        assert "not allowed with" in err.getvalue()


LEAKY_MINUTES = """Committee: Planning Sub-Committee
Date: 11 March 2025

13.\tPLANNING APPLICATION
The application was considered.

{marker}
14.\tENFORCEMENT CASE
The Sub-Committee considered the case in private.
"""
LEAKY_MARKER = "EXEMPT: paragraph 1 - legal advice on the Kwiatkowska repossession"


def _read(target: Path) -> str:
    return {".docx": _docx_text, ".pdf": _pdf_text}.get(target.suffix, lambda p: p.read_text())(
        target
    )


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_text_on_the_exempt_line_stays_confidential(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / "minutes.txt"
    source.write_text(LEAKY_MINUTES.format(marker=LEAKY_MARKER), encoding="utf-8")
    db_path = tmp_path / "minutes.db"
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", str(db_path), "import", str(source)], out=out, err=err) == 0
    meeting = out.getvalue().strip()
    assert "line 7: the exempt marker has text besides its Schedule 12A paragraph" in (
        err.getvalue()
    )
    assert "Kwiatkowska" not in err.getvalue()  # the warning does not repeat it either
    public = Path(_cli(db_path, "export", meeting, "--to", str(tmp_path / f"p{suffix}")).strip())
    text = " ".join(_read(public).split())
    _assert_public(text, public.name)
    assert "paragraph 1" in text  # the stub still says why the item is private
    confidential = tmp_path / f"c{suffix}"
    _cli(db_path, "export", meeting, "--to", str(confidential), "--confidential")
    assert "Kwiatkowska" in _read(confidential)  # moved, not lost


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_reasons_already_stored_in_the_paragraph_field_stay_out(
    db: Database, tmp_path: Path, suffix: str
) -> None:
    # A database written before the field was checked may hold reasons after the number.
    meeting = planning_meeting()
    meeting.items[2].exempt_paragraph = "1 - legal advice on the Kwiatkowska repossession"
    meeting_id = meetings.create_meeting(db, meeting)
    target = export_minutes(db, meeting_id, tmp_path / f"public{suffix}").path
    text = " ".join(_read(target).split())
    _assert_public(text, target.name)
    assert "paragraph 1" in text


@pytest.mark.parametrize(
    "marker",
    [
        "Exempt: paragraph 1",
        "EXEMPT ITEM",
        "Exempt item",
        "EXEMPT - paragraph 3",
        "Not for publication",
        "Confidential: paragraph 3",
        "Exempt information under paragraph 3 of Schedule 12A",
        "NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A",
    ],
)
def test_every_common_exempt_marker_keeps_the_item_out(tmp_path: Path, marker: str) -> None:
    source = tmp_path / "minutes.txt"
    text = LEAKY_MINUTES.format(marker=marker).replace(
        "in private.", "in private. Mrs Kwiatkowska's repossession."
    )
    source.write_text(text, encoding="utf-8")
    db_path = tmp_path / "minutes.db"
    meeting = _cli(db_path, "import", str(source)).strip()
    public = Path(_cli(db_path, "export", meeting, "--to", str(tmp_path / "p.txt")).strip())
    _assert_public(public.read_text(), f"{public.name} with {marker!r}")
