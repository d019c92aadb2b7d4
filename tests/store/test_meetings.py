"""Whole meetings through a real file: saved, reloaded equal, listed, deleted."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_app.core.model import AgendaItem, Meeting
from clerk_app.services import meetings
from clerk_app.store.database import Database, open_database
from clerk_app.store.errors import UnknownMeetingError
from tests.samples import planning_meeting


def test_meeting_round_trips_through_a_reopened_file(db: Database) -> None:
    original = planning_meeting()
    meeting_id = meetings.create_meeting(db, original)
    db.close()
    again = open_database(db.path)
    loaded = meetings.load_meeting(again, meeting_id)
    again.close()
    assert loaded == original
    assert loaded.id == meeting_id
    # ids were given to every object on the way in, and come back the same on the way out
    assert [p.id for _, p, _ in loaded.all_points()] == [p.id for _, p, _ in original.all_points()]
    assert all(p.id for _, p, _ in loaded.all_points())


def test_actions_are_read_from_the_stored_text(db: Database) -> None:
    meeting_id = meetings.create_meeting(db, planning_meeting())
    loaded = meetings.load_meeting(db, meeting_id)
    site_visit = loaded.items[1].points[2].action
    assert site_visit is not None
    assert site_visit.owners == ("Chair", "Clerk")
    assert site_visit.due == dt.date(2025, 4, 1)
    travel = loaded.items[1].points[1].children[1].action
    assert travel is not None and travel.owners == ("Priya Raman",)


def test_list_is_newest_first_with_counts(db: Database) -> None:
    older = Meeting(committee="Licensing", date=dt.date(2023, 1, 9))
    newer = Meeting(committee="Cabinet", date=dt.date(2024, 6, 2), items=[AgendaItem("Budget")])
    meetings.create_meeting(db, older)
    meetings.create_meeting(db, planning_meeting())
    meetings.create_meeting(db, newer)
    rows = meetings.list_meetings(db, count_points=True)
    assert [r.committee for r in rows] == ["Planning Sub-Committee", "Cabinet", "Licensing"]
    assert (rows[0].items, rows[0].points) == (3, 6)
    assert (rows[2].items, rows[2].points) == (0, 0)


def test_unknown_meeting_is_a_clear_error(db: Database) -> None:
    with pytest.raises(UnknownMeetingError, match="no meeting 42"):
        meetings.load_meeting(db, 42)
    with pytest.raises(UnknownMeetingError, match="'abc'"):
        meetings.parse_meeting_id("abc")


def test_delete_removes_every_row(db: Database) -> None:
    meeting_id = meetings.create_meeting(db, planning_meeting())
    meetings.delete_meeting(db, meeting_id)
    assert meetings.list_meetings(db) == []
    with db.engine.connect() as conn:
        from sqlalchemy import text

        for table in ("points", "items", "decisions", "documents", "attendees"):
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0


def test_list_filters_by_committee_and_year(db: Database) -> None:
    meetings.create_meeting(db, Meeting(committee="Licensing", date=dt.date(2023, 1, 9)))
    meetings.create_meeting(db, Meeting(committee="Licensing", date=dt.date(2024, 2, 1)))
    meetings.create_meeting(db, planning_meeting())
    assert meetings.committees(db) == ["Licensing", "Planning Sub-Committee"]
    assert [r.date.year for r in meetings.list_meetings(db, committee="Licensing")] == [2024, 2023]
    assert [r.committee for r in meetings.list_meetings(db, year=2025)] == [
        "Planning Sub-Committee"
    ]
    assert meetings.list_meetings(db)[0].points is None  # not counted unless asked


def test_resolutions_are_kept_one_line_each(db: Database) -> None:
    from clerk_app.core.model import Decision

    meeting = Meeting(
        committee="Cabinet",
        date=dt.date(2024, 6, 2),
        items=[
            AgendaItem(
                "Budget",
                decisions=[Decision(preamble="That Cabinet:", resolutions=["", "agreed\nit"])],
            )
        ],
    )
    meeting_id = meetings.create_meeting(db, meeting)
    loaded = meetings.load_meeting(db, meeting_id)
    assert loaded.items[0].decisions[0].resolutions == ["agreed it"]
    assert loaded == meeting  # what was saved is what the caller's meeting now says


@pytest.mark.parametrize("items", [3, 60])
def test_a_meeting_loads_in_the_same_few_queries_however_many_items(
    db: Database, items: int
) -> None:
    """No query per item (an export of a long meeting once read arrivals item by item)."""
    from sqlalchemy import event

    meeting = planning_meeting()
    meeting.items = [
        AgendaItem(title=f"Item {n}", number=str(n), points=list(meeting.items[1].points))
        for n in range(items)
    ]
    meeting_id = meetings.create_meeting(db, meeting)
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        loaded = meetings.load_meeting(db, meeting_id)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(loaded.items) == items
    assert len(statements) <= 14, "\n".join(statements)
