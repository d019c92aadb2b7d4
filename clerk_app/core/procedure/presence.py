"""Who is present at each item, derived from the attendance, arrivals, departures and
withdrawals for declared interests; and whether the meeting is quorate there."""

from __future__ import annotations

from dataclasses import dataclass

from clerk_app.core.model import Meeting, Presence, Role
from clerk_app.core.procedure.bodies import Quorum
from clerk_app.core.procedure.declarations import Conduct
from clerk_app.core.procedure.movements import MovementKind, member_key
from clerk_app.core.procedure.quorum import quorum_needed

_VOTING_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)


def present_at_items(meeting: Meeting) -> list[list[str]]:
    """For each item, the voting members in the room while it was decided, in the order of
    the attendance list (arrivals after).  A member who arrived or left during an item counts
    as there for it only if they arrived; one who withdrew for an interest is out for that item
    only."""
    names: dict[str, str] = {}
    here: set[str] = set()
    for attendee in meeting.attendees:
        voting = attendee.role in _VOTING_ROLES or attendee.presence is Presence.SUBSTITUTE
        if voting and attendee.presence in (Presence.PRESENT, Presence.SUBSTITUTE):
            names.setdefault(member_key(attendee.name), attendee.name.strip())
            here.add(member_key(attendee.name))
    out: list[list[str]] = []
    for item in meeting.items:
        for movement in item.movements:
            key = member_key(movement.member)
            names.setdefault(key, movement.member.strip())
            if movement.kind is MovementKind.ARRIVED:
                here.add(key)
            else:
                here.discard(key)
        withdrawn = {
            member_key(d.member)
            for d in item.declarations
            if d.conduct in (Conduct.WITHDREW, Conduct.SPOKE_THEN_WITHDREW)
        }
        out.append([names[k] for k in names if k in here and k not in withdrawn])
    return out


@dataclass(frozen=True)
class QuorumAt:
    present: int
    needed: int

    @property
    def quorate(self) -> bool:
        return self.present >= self.needed


def quorum_at_items(meeting: Meeting, rule: Quorum, voting_members: int) -> list[QuorumAt]:
    """Quorum item by item; ``voting_members`` is the body's voting membership that day."""
    needed = quorum_needed(rule, voting_members)
    return [QuorumAt(len(present), needed) for present in present_at_items(meeting)]


def quorum_warnings(meeting: Meeting, rule: Quorum, voting_members: int) -> list[str]:
    """A sentence where quorum was lost and where it was regained."""
    out = []
    was = True
    for item, state in zip(
        meeting.items, quorum_at_items(meeting, rule, voting_members), strict=True
    ):
        if was and not state.quorate:
            out.append(f"quorum lost at {item.title!r}: {state.present} of {state.needed} needed")
        elif not was and state.quorate:
            out.append(f"quorum regained at {item.title!r}")
        was = state.quorate
    return out
