"""The names a clerk picks members from at an item: who is present, then the body's members."""

from __future__ import annotations

from clerk_app.core.model import AgendaItem, Meeting
from clerk_app.core.procedure.picking import names_to_offer
from clerk_app.store import bodies as store
from clerk_app.store.bodies import UnknownBodyError
from clerk_app.store.database import Database


def body_members(db: Database, meeting: Meeting) -> list[str]:
    """The names of the members of the meeting's body on its date (none if it has no body)."""
    if meeting.body_id is None:
        return []
    with db.session() as session:
        try:
            body = store.body_by_id(session, meeting.body_id)
        except UnknownBodyError:
            return []
    return [seat.name for seat in body.members_on(meeting.date)]


def member_choices(db: Database, meeting: Meeting, item: AgendaItem) -> list[str]:
    """Present members first, then the rest of the attendance and the body's membership."""
    return names_to_offer(meeting, item, body_members(db, meeting))
