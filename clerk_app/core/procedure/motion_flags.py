"""Warnings (never refusals) about who moves, seconds or votes on an item's motions."""

from __future__ import annotations

from clerk_app.core.model import AgendaItem, Meeting
from clerk_app.core.procedure.declarations import Conduct
from clerk_app.core.procedure.motions import Motion, Vote
from clerk_app.core.procedure.movements import MovementKind, member_key


def meeting_motion_warnings(meeting: Meeting) -> list[str]:
    """Every warning of the meeting's motions, adding members who had left the meeting (a
    departure at or before the item, with no arrival since)."""
    out: list[str] = []
    gone: set[str] = set()
    for item in meeting.items:
        for movement in item.movements:
            key = member_key(movement.member)
            if movement.kind is MovementKind.LEFT:
                gone.add(key)
            else:
                gone.discard(key)
        for motion in item.motions:
            out += motion_warnings(item, motion, left=gone)
    return out


def motion_warnings(
    item: AgendaItem, motion: Motion, *, left: set[str] | frozenset[str] = frozenset()
) -> list[str]:
    """A member who declared a pecuniary interest on the item (without a dispensation), who
    declared and left the room, or (``left``, as member keys) who had left the meeting, and
    yet moves, seconds or votes."""
    barred = barred_at(item, left=left)
    roles = [("moved", motion.mover), ("seconded", motion.seconder)]
    roles += [("voted on", row.member) for row in motion.named if row.vote is not Vote.DID_NOT_VOTE]
    return [
        f"{name.strip()} {barred[member_key(name)]} but {role} the "
        f"{'amendment' if motion.amends is not None else 'motion'}"
        for role, name in roles
        if name.strip() and member_key(name) in barred
    ]


def barred_at(item: AgendaItem, *, left: set[str] | frozenset[str] = frozenset()) -> dict[str, str]:
    """Member key -> why that member should not move, second or vote on the item's motions."""
    barred: dict[str, str] = {key: "had left the meeting" for key in left}
    for d in item.declarations:
        if d.conduct is Conduct.DISPENSATION:
            continue
        if d.conduct in (Conduct.WITHDREW, Conduct.SPOKE_THEN_WITHDREW):
            barred[member_key(d.member)] = "declared an interest and left the room"
        elif d.pecuniary:
            barred[member_key(d.member)] = "declared a disclosable pecuniary interest on this item"
    return barred
