"""Minute numbers through a real database: restart per meeting, continuous through the council
year (across meetings and the May boundary), prefix patterns, and renumbering on a move; the
numbers read back from every exported file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from clerk_app.core.changes import InsertItem, MoveItem
from clerk_app.core.document import compose
from clerk_app.core.model import AgendaItem, LabelStyle, Meeting, Point
from clerk_app.core.procedure.references import minute_references
from clerk_app.services import bodies, meetings
from clerk_app.services.editing import apply_changes
from clerk_app.services.exporting import export_minutes
from clerk_app.store.database import Database
from tests.export.readers import find_in_order, flowing, pdftotext, squash, word_list_labels

TITLES = ["Apologies", "Declarations of interest", "Minutes", "Allotment rents", "Minutes"]


def _meeting(
    db: Database,
    body: str,
    day: dt.date,
    count: int,
    typed: dict[int, str],
    style: LabelStyle = LabelStyle.DOT,
) -> int:
    items = [
        AgendaItem(TITLES[i % len(TITLES)], number=typed.get(i, ""), points=[Point("Noted.")])
        for i in range(count)
    ]
    meeting = Meeting(committee=body, date=day, items=items, label_style=style)
    return meetings.create_meeting(db, meeting)


def _headings(db: Database, meeting_id: int) -> list[str]:
    document = compose(meetings.load_meeting(db, meeting_id))
    return [b.number for b in document.blocks if type(b).__name__ == "Heading"]


def test_numbers_restart_at_each_meeting(db: Database) -> None:
    bodies.set_up_body(db, "Planning Committee", numbering="per meeting")
    first = _meeting(db, "Planning Committee", dt.date(2024, 6, 4), 3, {})
    second = _meeting(db, "Planning Committee", dt.date(2024, 7, 2), 2, {})
    assert _headings(db, first) == ["1.", "2.", "3."]
    assert _headings(db, second) == ["1.", "2."]


def test_numbers_run_on_through_the_council_year_and_restart_in_may(db: Database) -> None:
    bodies.set_up_body(db, "Full Council", numbering="continuous", pattern="{yy}/{n}")
    june = _meeting(db, "Full Council", dt.date(2024, 6, 10), 3, {})
    march = _meeting(db, "Full Council", dt.date(2025, 3, 10), 2, {})
    may = _meeting(db, "Full Council", dt.date(2025, 5, 20), 2, {})
    # Another body's meeting in between uses its own counter.
    _meeting(db, "Cabinet", dt.date(2024, 9, 1), 4, {})
    assert _headings(db, june) == ["24/1", "24/2", "24/3"]
    assert _headings(db, march) == ["24/4", "24/5"]
    assert _headings(db, may) == ["25/1", "25/2"]

    # An item added to June's meeting moves every later minute of that council year on.
    june_meeting = meetings.load_meeting(db, june)
    apply_changes(db, june_meeting, [InsertItem(1, AgendaItem("Public questions"))])
    assert minute_references(june_meeting) == ["24/1", "24/2", "24/3", "24/4"]
    assert _headings(db, march) == ["24/5", "24/6"]
    assert _headings(db, may) == ["25/1", "25/2"]


def test_a_council_year_starting_in_april(db: Database) -> None:
    bodies.set_up_body(db, "Fire Authority", pattern="DSFRA/{n}", year_start_month=4)
    march = _meeting(db, "Fire Authority", dt.date(2024, 3, 20), 2, {})
    april = _meeting(db, "Fire Authority", dt.date(2024, 4, 20), 2, {})
    assert _headings(db, march) == ["DSFRA/1", "DSFRA/2"]
    assert _headings(db, april) == ["DSFRA/1", "DSFRA/2"]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("{yy}/{n}", ["23/1", "23/2", "Urgent A", "23/4"]),
        ("C{n:3}/{yy}", ["C001/23", "C002/23", "Urgent A", "C004/23"]),
        ("PLA{n}/{yy}", ["PLA1/23", "PLA2/23", "Urgent A", "PLA4/23"]),
    ],
)
def test_prefix_patterns_and_a_typed_reference(
    db: Database, pattern: str, expected: list[str]
) -> None:
    bodies.set_up_body(db, "Licensing", numbering="continuous", pattern=pattern)
    meeting_id = _meeting(db, "Licensing", dt.date(2023, 11, 1), 4, {2: "Urgent A"})
    assert _headings(db, meeting_id) == expected


def test_moving_an_item_renumbers_and_the_files_say_so(db: Database, tmp_path: Path) -> None:
    bodies.set_up_body(db, "Parks Panel", kind="panel", pattern="C{n:3}/{yy}", labels="8.1")
    _meeting(db, "Parks Panel", dt.date(2023, 6, 1), 47, {})  # the year so far: 47 minutes
    meeting_id = _meeting(db, "Parks Panel", dt.date(2023, 9, 1), 3, {}, LabelStyle.DECIMAL)
    meeting = meetings.load_meeting(db, meeting_id)
    assert minute_references(meeting) == ["C048/23", "C049/23", "C050/23"]

    minutes = meeting.items[2]
    apply_changes(db, meeting, [MoveItem(minutes, 0)])
    assert [i.title for i in meeting.items] == ["Minutes", "Apologies", "Declarations of interest"]
    assert minute_references(meeting) == ["C048/23", "C049/23", "C050/23"]
    # The move is in the file: a fresh load agrees, and no number was stored as typed.
    again = meetings.load_meeting(db, meeting_id)
    assert [i.title for i in again.items][0] == "Minutes"
    assert [i.number for i in again.items] == ["", "", ""]

    docx_path = export_minutes(db, meeting_id, tmp_path / "m.docx").path
    text = " ".join(p.text for p in docx.Document(str(docx_path)).paragraphs)
    find_in_order(squash(text), ["C048/23", "Minutes", "C049/23", "Apologies", "C050/23"])
    pdf_text = flowing(pdftotext(export_minutes(db, meeting_id, tmp_path / "m.pdf").path))
    find_in_order(squash(pdf_text), ["C048/23", "Minutes", "C049/23", "Apologies"])
    txt = export_minutes(db, meeting_id, tmp_path / "m.txt").path.read_text(encoding="utf-8")
    find_in_order(txt, ["C048/23", "Minutes", "C049/23", "Apologies"])
    # Paragraph numbers follow the body's label style, under the derived minute number.
    # ("C048/23" is minute 48: its paragraphs are 48.1, 49.1 ...)
    assert [label for label, _ in word_list_labels(docx_path)] == ["48.1", "49.1", "50.1"]
    find_in_order(squash(pdf_text), ["48.1", "Noted.", "49.1", "Noted.", "50.1"])
