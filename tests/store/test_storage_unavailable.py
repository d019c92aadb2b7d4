"""A write that cannot reach the disk is one clear, retryable error, and loses nothing stored."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_app.core.changes import InsertPoint
from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.services import editing, meetings
from clerk_app.store.database import Database
from clerk_app.store.errors import StorageUnavailable
from tests.disk import disk_full


def test_disk_full_is_reported_and_nothing_is_half_written(db: Database) -> None:
    meeting = Meeting(
        committee="Audit Committee",
        date=dt.date(2025, 6, 2),
        items=[AgendaItem("Internal audit", points=[Point("first")])],
    )
    meetings.create_meeting(db, meeting)
    item = meeting.items[0]
    assert meeting.id is not None
    with disk_full(db), pytest.raises(StorageUnavailable, match="disk is full"):
        editing.apply_changes(db, meeting, [InsertPoint(item, None, 1, Point("x" * 200_000))])
    loaded = meetings.load_meeting(db, meeting.id)
    assert [p.text for p in loaded.items[0].points] == ["first"]
    assert [p.text for p in item.points] == ["first"]  # nor on screen
    # space returns: the same write now succeeds
    editing.apply_changes(db, meeting, [InsertPoint(item, None, 1, Point("x" * 200_000))])
    assert len(meetings.load_meeting(db, meeting.id).items[0].points) == 2


def test_a_read_only_database_is_reported(db: Database) -> None:
    meeting = Meeting(committee="Audit Committee", date=dt.date(2025, 6, 2))
    meetings.create_meeting(db, meeting)
    assert meeting.id is not None
    from sqlalchemy import event

    def read_only(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA query_only = ON")

    db.engine.pool.dispose()
    event.listen(db.engine, "connect", read_only)
    try:
        with pytest.raises(StorageUnavailable):
            meetings.create_meeting(db, Meeting(committee="X", date=dt.date(2025, 1, 1)))
    finally:
        event.remove(db.engine, "connect", read_only)
        db.engine.pool.dispose()
    assert [m.id for m in meetings.list_meetings(db)] == [meeting.id]
