"""Whole-meeting intents: open the database, create, load, list, import, delete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from clerk_app.core.changes import HEADER_FIELDS
from clerk_app.core.model import Meeting
from clerk_app.core.procedure.attendance import expected_attendance
from clerk_app.core.text import clean_line
from clerk_app.services.meeting_ids import parse_meeting_id as parse_meeting_id
from clerk_app.store import bodies, edits
from clerk_app.store import meetings as store
from clerk_app.store.database import Database, open_database
from clerk_app.store.errors import UnknownMeetingError
from clerk_app.store.meetings import MeetingSummary
from clerk_app.store.paths import resolve_database_path

__all__ = ["MeetingSummary", "UnknownMeetingError"]


def open_db(
    explicit: str | Path | None = None, *, read_only: bool = False, create: bool = True
) -> Database:
    """The database chosen by --db, $CLERK_DB or the default (whose folder is created).

    ``read_only``: for commands that only read; nothing is created, migrated or written.
    ``create=False``: a missing database is an error rather than a new, empty one.
    """
    path, is_default = resolve_database_path(explicit)
    if read_only:
        return open_database(path, read_only=True)
    return open_database(path, create_folder=is_default and create, create=create)


def create_meeting(db: Database, meeting: Meeting) -> int:
    """Save a new meeting (with whatever items and attendance it already has)."""
    with db.unit_of_work() as uow:
        meeting_id = store.add_meeting(uow.session, meeting)
        uow.commit()
    return meeting_id


def new_meeting(
    db: Database,
    *,
    committee: str,
    date: dt.date,
    council: str = "",
    header: Mapping[str, object] | None = None,
) -> Meeting:
    """A new draft meeting of ``committee``, its attendance carried from the last one, with
    the rest of its header (times, venue, label style) from ``header``: one transaction."""
    meeting = Meeting(committee=clean_line(committee), date=date, council=clean_line(council))
    for name, value in (header or {}).items():
        if name not in HEADER_FIELDS:
            raise ValueError(f"not a meeting field: {name}")
        # type() rather than isinstance: a StrEnum (the label style) is a str too.
        setattr(meeting, name, clean_line(value) if type(value) is str else value)
    with db.unit_of_work() as uow:
        meeting.attendees = edits.past_attendees(uow.session, committee=meeting.committee)
        try:
            body = bodies.body_named(uow.session, meeting.committee)
        except bodies.UnknownBodyError:
            body = None
        if body is not None:
            if "label_style" not in (header or {}):
                meeting.label_style = body.label_style
            if not meeting.attendees:
                # A body's first meeting: attendance starts from its membership that day.
                meeting.attendees = expected_attendance(body, meeting.date)
        store.add_meeting(uow.session, meeting)
        uow.commit()
    return meeting


def load_meeting(db: Database, meeting_id: int) -> Meeting:
    with db.session() as session:
        return store.load_meeting(session, meeting_id)


def list_meetings(
    db: Database,
    *,
    count_points: bool = False,
    committee: str | None = None,
    year: int | None = None,
) -> list[MeetingSummary]:
    """Meetings newest first; filtered to one committee and/or calendar year if given."""
    with db.session() as session:
        return store.list_meetings(
            session, count_points=count_points, committee=committee, year=year
        )


def committees(db: Database) -> list[str]:
    with db.session() as session:
        return store.committees(session)


def delete_meeting(db: Database, meeting_id: int) -> None:
    with db.unit_of_work() as uow:
        store.delete_meeting(uow.session, meeting_id)
        uow.commit()
