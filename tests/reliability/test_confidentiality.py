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
    target = export_minutes(db, meeting_id, tmp_path / f"public{suffix}", action_log=True)
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
    )
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
    rows = list(csv.reader(io.StringIO(to_csv(action_log(db, include_exempt=False)))))
    _assert_public(" ".join(" ".join(r) for r in rows), "the CSV action log")
    assert len(rows) == 3  # header and the two public actions
    for word in SECRET:
        assert search(db, word, include_exempt=False) == []
        assert search(db, word)  # the clerk's own search does find it
