"""Whom to offer when a member is picked at an item (present members first, then the rest of
the body), and why a picked member would be flagged there."""

from __future__ import annotations

from clerk_app.core.model import AgendaItem, Meeting
from clerk_app.core.procedure.motion_flags import barred_at
from clerk_app.core.procedure.movements import MovementKind, member_key
from clerk_app.core.procedure.presence import present_at_items


def left_before(meeting: Meeting, item: AgendaItem) -> set[str]:
    """Member keys of those who had left the meeting by ``item`` (a departure at or before
    it, with no arrival since)."""
    gone: set[str] = set()
    for each in meeting.items:
        for movement in each.movements:
            key = member_key(movement.member)
            if movement.kind is MovementKind.LEFT:
                gone.add(key)
            else:
                gone.discard(key)
        if each is item:
            break
    return gone


def present_at(meeting: Meeting, item: AgendaItem) -> list[str]:
    """The voting members in the room for ``item``, in attendance order."""
    position = next(i for i, each in enumerate(meeting.items) if each is item)
    return present_at_items(meeting)[position]


def names_to_offer(meeting: Meeting, item: AgendaItem, body_members: list[str]) -> list[str]:
    """Present members first (the likely answer), then everyone else the meeting or the body
    knows, once each however the name was typed."""
    seen: set[str] = set()
    out: list[str] = []
    others = [a.name for a in meeting.attendees] + body_members
    for name in [*present_at(meeting, item), *others]:
        key = member_key(name)
        if name.strip() and key not in seen:
            seen.add(key)
            out.append(name.strip())
    return out


def flag_of(meeting: Meeting, item: AgendaItem, name: str) -> str:
    """Why ``name`` should not move, second or vote at ``item`` ("" if nothing)."""
    if not name.strip():
        return ""
    barred = barred_at(item, left=left_before(meeting, item))
    return barred.get(member_key(name), "")
