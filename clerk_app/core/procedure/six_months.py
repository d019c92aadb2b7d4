"""Each member's attendance across meetings, and the six-month rule (s85 Local Government
Act 1972: a member who attends no meeting of the authority for six consecutive months ceases
to be a member, unless the authority approved the reason for absence first)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from clerk_app.core.model import Meeting, Presence, Role
from clerk_app.core.procedure.movements import MovementKind, member_key

WARN_DAYS = 30  # how near the six months a warning starts
_COUNTED = (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.COOPTED)


def six_months_after(day: dt.date) -> dt.date:
    month = day.month + 6
    year, month = day.year + (month - 1) // 12, (month - 1) % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


@dataclass
class MemberRecord:
    name: str
    meetings: int = 0  # meetings where the member was listed or arrived
    attended: int = 0
    apologies: int = 0
    last_attended: dt.date | None = None
    first_listed: dt.date | None = None
    dates: list[dt.date] = field(default_factory=list)

    def warning(self, on: dt.date) -> str:
        """The six-month warning as of ``on``, or ""."""
        since = self.last_attended or self.first_listed
        if since is None:
            return ""
        limit = six_months_after(since)
        said = "last attended" if self.last_attended else "has attended no meeting since"
        if on >= limit:
            return (
                f"{self.name} {said} {since.isoformat()}: six months passed on "
                f"{limit.isoformat()} (s85 LGA 1972)"
            )
        if (limit - on).days <= WARN_DAYS:
            return (
                f"{self.name} {said} {since.isoformat()}: six months are up on "
                f"{limit.isoformat()} (s85 LGA 1972)"
            )
        return ""


def attendance_records(meetings: list[Meeting]) -> list[MemberRecord]:
    """One record a member, from meetings in date order; names matched ignoring case."""
    records: dict[str, MemberRecord] = {}
    for meeting in sorted(meetings, key=lambda m: m.date):
        arrived = {
            member_key(m.member): m.member
            for item in meeting.items
            for m in item.movements
            if m.kind is MovementKind.ARRIVED
        }
        seen: set[str] = set()
        for a in meeting.attendees:
            if a.role not in _COUNTED and a.presence is not Presence.SUBSTITUTE:
                continue
            key = member_key(a.name)
            record = records.setdefault(key, MemberRecord(a.name.strip()))
            seen.add(key)
            record.meetings += 1
            record.first_listed = record.first_listed or meeting.date
            there = a.presence in (Presence.PRESENT, Presence.SUBSTITUTE) or key in arrived
            if there:
                record.attended += 1
                record.last_attended = meeting.date
                record.dates.append(meeting.date)
            elif a.presence is Presence.APOLOGIES:
                record.apologies += 1
        for key, name in arrived.items():
            if key not in seen:  # arrived though not on the attendance list
                record = records.setdefault(key, MemberRecord(name.strip()))
                record.meetings += 1
                record.attended += 1
                record.first_listed = record.first_listed or meeting.date
                record.last_attended = meeting.date
                record.dates.append(meeting.date)
    return sorted(records.values(), key=lambda r: r.name.casefold())
