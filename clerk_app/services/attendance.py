"""Members' attendance across meetings, for the six-month rule and the annual report."""

from __future__ import annotations

import datetime as dt

from clerk_app.core.procedure.six_months import MemberRecord, attendance_records
from clerk_app.store import meetings as store
from clerk_app.store.database import Database

__all__ = ["MemberRecord", "attendance"]


def attendance(
    db: Database, *, member: str | None = None, since: dt.date | None = None
) -> list[MemberRecord]:
    """Each member's record from meetings not in the trash (on or after ``since``);
    ``member`` matches part of a name, ignoring case."""
    with db.session() as session:
        found = [
            store.load_meeting(session, summary.id)
            for summary in store.list_meetings(session)
            if since is None or summary.date >= since
        ]
    records = attendance_records(found)
    if member:
        wanted = member.casefold()
        records = [r for r in records if wanted in r.name.casefold()]
    return records
