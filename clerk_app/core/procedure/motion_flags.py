"""Warnings (never refusals) about who moves, seconds or votes on an item's motions."""

from __future__ import annotations

from clerk_app.core.model import AgendaItem
from clerk_app.core.procedure.declarations import Conduct
from clerk_app.core.procedure.motions import Motion, Vote
from clerk_app.core.procedure.movements import member_key


def motion_warnings(item: AgendaItem, motion: Motion) -> list[str]:
    """A member who declared a pecuniary interest on the item (without a dispensation), or
    who declared and left the room, and yet moves, seconds or votes."""
    barred: dict[str, str] = {}
    for d in item.declarations:
        if d.conduct is Conduct.DISPENSATION:
            continue
        if d.conduct in (Conduct.WITHDREW, Conduct.SPOKE_THEN_WITHDREW):
            barred[member_key(d.member)] = "declared an interest and left the room"
        elif d.pecuniary:
            barred[member_key(d.member)] = "declared a disclosable pecuniary interest on this item"
    roles = [("moved", motion.mover), ("seconded", motion.seconder)]
    roles += [("voted", row.member) for row in motion.named if row.vote is not Vote.DID_NOT_VOTE]
    return [
        f"{name.strip()} {barred[member_key(name)]} but {role} the "
        f"{'amendment' if motion.amends is not None else 'motion'}"
        for role, name in roles
        if name.strip() and member_key(name) in barred
    ]
