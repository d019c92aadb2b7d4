"""The quick reader (sqlite3 alone, for the PDF export) reads what the usual reader reads.

store/quick_read.py builds meetings through the same row mapping as store/meetings.py, from
``SELECT *`` rows converted by their declared SQL type.  These tests hold it to the usual
reader (SQLAlchemy's) on every schema fixture brought up to date, on generated meetings with
the whole formal record, and under bodies that number their minutes; and check that it steps
aside (None) whenever it cannot be sure, and never writes.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.services import archive, bodies, meetings
from clerk_app.store.database import open_database
from clerk_app.store.quick_read import _ITEM_CHILDREN, read_meeting
from clerk_app.store.tables import ItemRow, MeetingRow, MotionRow
from tests.procedure.test_procedure_round_trip import declared_meetings
from tests.samples import planning_meeting

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"


def _usual(path: Path, meeting_id: int) -> Meeting:
    db = open_database(path)
    try:
        return meetings.load_meeting(db, meeting_id)
    finally:
        db.close()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.db")), ids=lambda p: p.stem)
def test_every_stored_schema_once_up_to_date_reads_the_same(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "council.db"
    shutil.copy(fixture, path)
    assert read_meeting(path, 1) is None  # an older revision is left to the usual path
    usual = _usual(path, 1)  # which brings it up to date
    quick = read_meeting(path, 1)
    assert quick is not None
    assert quick.meeting == usual == planning_meeting()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meeting=declared_meetings())
def test_generated_meetings_with_the_formal_record_read_the_same(meeting: Meeting) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "council.db"
        db = open_database(path)
        try:
            meeting_id = meetings.create_meeting(db, meeting)
        finally:
            db.close()
        quick = read_meeting(path, meeting_id)
        assert quick is not None
        assert quick.meeting == _usual(path, meeting_id)


def test_a_body_numbering_continuously_counts_the_same_earlier_minutes(tmp_path: Path) -> None:
    path = tmp_path / "council.db"
    db = open_database(path)
    try:
        bodies.set_up_body(
            db, "Parish Council", numbering="continuous", pattern="{yy}/{n}", year_start_month=5
        )
        days = [
            dt.date(2025, 4, 30),
            dt.date(2025, 5, 12),
            dt.date(2025, 6, 9),
            dt.date(2025, 6, 9),
        ]
        ids = []
        for number, day in enumerate(days):
            items = [AgendaItem(f"Item {number}.{n}", points=[Point("Noted.")]) for n in range(3)]
            ids.append(meetings.create_meeting(db, Meeting("Parish Council", day, items=items)))
        archive.move_to_trash(db, ids[1])  # in the trash: its minutes no longer count
    finally:
        db.close()
    starts = []
    for meeting_id in ids:
        quick = read_meeting(path, meeting_id)
        assert quick is not None
        assert quick.meeting == _usual(path, meeting_id)
        starts.append(quick.meeting.numbering_start)
    assert starts == [0, 0, 0, 3]  # a new council year in May; the same day counts by id


def test_a_body_s_house_style_templates_come_with_the_meeting(tmp_path: Path) -> None:
    word, typ = tmp_path / "house.docx", tmp_path / "house.typ"
    shutil.copy(Path(__file__).parents[2] / "resources/templates/minutes.docx", word)
    typ.write_text("#let data = json(bytes(sys.inputs.data))\n#data.title\n", encoding="utf-8")
    path = tmp_path / "council.db"
    db = open_database(path)
    try:
        bodies.set_up_body(db, "Licensing Committee", word_template=word, pdf_template=typ)
        meeting_id = meetings.create_meeting(
            db, Meeting("Licensing Committee", dt.date(2025, 2, 6))
        )
        usual_word, usual_pdf = bodies.house_style(
            db, meetings.load_meeting(db, meeting_id).body_id
        )
    finally:
        db.close()
    quick = read_meeting(path, meeting_id)
    assert quick is not None
    assert (quick.word_template, quick.pdf_template) == (usual_word, usual_pdf) == (word, typ)


def test_what_it_cannot_be_sure_of_is_left_to_the_usual_reader(tmp_path: Path) -> None:
    path = tmp_path / "council.db"
    db = open_database(path)
    try:
        meeting_id = meetings.create_meeting(db, planning_meeting())
    finally:
        db.close()
    assert read_meeting(path, meeting_id) is not None
    assert read_meeting(path, meeting_id + 1) is None  # no such meeting: the usual words
    assert read_meeting(tmp_path / "nowhere.db", 1) is None
    assert not (tmp_path / "nowhere.db").exists()  # and nothing was made there
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert read_meeting(empty, 1) is None
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database, it was saved by a word processor\n" * 200)
    assert read_meeting(garbage, 1) is None
    # A value this Clerk does not know (written by a newer one, or damaged): not guessed at.
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meetings SET status = 'ratified'")
    assert read_meeting(path, meeting_id) is None


def test_reading_never_writes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "council.db"
    db = open_database(path)
    try:
        meeting_id = meetings.create_meeting(db, planning_meeting())
    finally:
        db.close()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name != "council.db-shm"}
    path.chmod(0o444)  # read-only, as on a CD or a locked share: still read
    try:
        assert read_meeting(path, meeting_id) is not None
    finally:
        path.chmod(0o644)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name != "council.db-shm"}
    assert after == before


def test_every_child_of_a_meeting_in_the_schema_is_read() -> None:
    """A table added under items (or meetings, or motions) must be read here too; until it
    is, the row mapping's first use of it fails the quick read over to the usual reader."""
    assert {r.key for r in MeetingRow.__mapper__.relationships} == {"attendees", "items"}
    assert {r.key for r in ItemRow.__mapper__.relationships} - {"meeting"} == set(_ITEM_CHILDREN)
    assert {r.key for r in MotionRow.__mapper__.relationships} == {"named"}


def test_the_quick_reader_never_imports_sqlalchemy() -> None:
    """Its whole point: a PDF export starts laying out before SQLAlchemy is loaded."""
    code = (
        "import sys, clerk_app.cli, clerk_app.services.pdf_ahead, clerk_app.store.quick_read; "
        "sys.exit('sqlalchemy' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@given(st.sampled_from(["2025-02-06", "2024-12-31"]))
def test_dates_and_times_are_read_as_sqlalchemy_stores_them(day: str) -> None:
    """ISO text with microseconds, as SQLAlchemy's SQLite dialect writes them."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "council.db"
        db = open_database(path)
        try:
            meeting = planning_meeting()
            meeting.date = dt.date.fromisoformat(day)
            meeting.start_time = dt.time(18, 30, 15, 250)
            meeting.items[0].taken_at = dt.time(19, 5)
            meeting_id = meetings.create_meeting(db, meeting)
        finally:
            db.close()
        quick = read_meeting(path, meeting_id)
        assert quick is not None
        assert quick.meeting.start_time == dt.time(18, 30, 15, 250)
        assert quick.meeting == _usual(path, meeting_id)
