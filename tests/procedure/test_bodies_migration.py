"""A database at schema 0006 with meetings of two committees migrates to bodies: one body per
committee name, numbered as typed, so every minute keeps exactly the reference it had."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import docx

from clerk_app.core.document import compose
from clerk_app.core.procedure.numbering import NumberingMode
from clerk_app.services import bodies, meetings
from clerk_app.services.exporting import export_minutes
from clerk_app.store.database import open_database, read_revision
from clerk_app.store.schema_version import HEAD
from tests.samples import planning_meeting

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "db" / "schema-0006.db"


def _second_committee(path: Path) -> None:
    """Copy the fixture's meeting row and its items to a second committee, with raw SQL."""
    conn = sqlite3.connect(path)
    conn.create_function("clerk_fold", 1, lambda text: text or "", deterministic=True)
    try:
        columns = "council, date, start_time, end_time, venue, status, label_style, notes"
        new_id = conn.execute(
            f"INSERT INTO meetings (committee, {columns}) "
            f"SELECT 'Licensing Sub-Committee', {columns} FROM meetings"
        ).lastrowid
        conn.execute(
            "INSERT INTO items (meeting_id, position, number, title) "
            "VALUES (?, 0, '12/24', 'Premises licence: The Bell'), "
            "(?, 1, '', 'Typed free text stays')",
            (new_id, new_id),
        )
        conn.commit()
    finally:
        conn.close()


def test_meetings_of_the_current_schema_get_bodies_and_keep_their_numbers(
    tmp_path: Path,
) -> None:
    path = tmp_path / "council.db"
    shutil.copy(FIXTURE, path)
    _second_committee(path)
    assert read_revision(path) == "0006"
    before = {
        committee: [n for (n,) in rows]
        for committee, rows in (
            (
                c,
                sqlite3.connect(path).execute(
                    "SELECT i.number FROM items i JOIN meetings m ON m.id = i.meeting_id "
                    "WHERE m.committee = ? ORDER BY i.position",
                    (c,),
                ),
            )
            for c in ("Planning Sub-Committee", "Licensing Sub-Committee")
        )
    }

    db = open_database(path)
    try:
        assert read_revision(path) == HEAD
        found = {b.name: b for b in bodies.list_bodies(db)}
        assert set(found) == {planning_meeting().committee, "Licensing Sub-Committee"}
        assert all(b.numbering.mode is NumberingMode.AS_TYPED for b in found.values())
        summaries = {s.committee: s.id for s in meetings.list_meetings(db)}
        for committee, numbers in before.items():
            meeting = meetings.load_meeting(db, summaries[committee])
            assert meeting.body_id == found[committee].id
            assert [i.number for i in meeting.items] == numbers
            headings = [
                b.number
                for b in compose(meeting, confidential=True).blocks
                if type(b).__name__ == "Heading"
            ]
            assert headings == [f"{n}." if n.isdigit() else n for n in numbers]
        assert meetings.load_meeting(db, summaries["Planning Sub-Committee"]) == planning_meeting()

        # The exported file shows the typed references exactly as before.
        out = export_minutes(db, summaries["Licensing Sub-Committee"], tmp_path / "l.docx").path
        text = [p.text for p in docx.Document(str(out)).paragraphs]
        assert any("12/24" in t for t in text)
        assert any("Typed free text stays" in t for t in text)

        # A new meeting of a migrated committee joins its body; a new name makes a new body.
        again = meetings.new_meeting(
            db, committee="Licensing Sub-Committee", date=planning_meeting().date
        )
        assert again.body_id == found["Licensing Sub-Committee"].id
        fresh = meetings.new_meeting(db, committee="Audit Panel", date=planning_meeting().date)
        assert bodies.get_body(db, "Audit Panel").id == fresh.body_id
    finally:
        db.close()
