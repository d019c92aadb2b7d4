"""The quorum as the capture window follows it: the membership a body's rule counts against,
and the items where quorum was lost or regained, so a change can be told what it did."""

from __future__ import annotations

from dataclasses import dataclass

from clerk_app.core.model import AgendaItem, Meeting, Presence, Role
from clerk_app.core.procedure.bodies import Body, MemberRole
from clerk_app.core.procedure.movements import MovementKind, member_key
from clerk_app.core.procedure.presence import QuorumAt, quorum_at_items

_VOTING_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)


def voting_membership(body: Body | None, meeting: Meeting) -> int:
    """The body's voting seats on the day; for a body whose members were never set up, the
    voting members on the attendance list, present or not (a substitute sits in a seat
    already counted)."""
    if body is not None:
        seats = [
            m
            for m in body.members_on(meeting.date)
            if m.voting and m.role is not MemberRole.SUBSTITUTE
        ]
        if seats:
            return len(seats)
    return sum(
        1
        for a in meeting.attendees
        if a.role in _VOTING_ROLES and a.presence is not Presence.SUBSTITUTE
    )


@dataclass(frozen=True)
class QuorumShift:
    """Quorum lost (or regained) at ``item``, with the count there."""

    item: AgendaItem
    position: int
    lost: bool
    state: QuorumAt


def quorum_states(meeting: Meeting, body: Body | None) -> list[QuorumAt]:
    """Item by item: present voting members against the number the body's rule needs."""
    rule = body.quorum if body is not None else Body(name=meeting.committee).quorum
    return quorum_at_items(meeting, rule, voting_membership(body, meeting))


def quorum_shifts(meeting: Meeting, states: list[QuorumAt]) -> list[QuorumShift]:
    """Where quorum changes, reading the items in order from a quorate start."""
    out: list[QuorumShift] = []
    was = True
    for position, (item, state) in enumerate(zip(meeting.items, states, strict=True)):
        if state.quorate != was:
            out.append(QuorumShift(item, position, not state.quorate, state))
        was = state.quorate
    return out


def new_shifts(before: list[QuorumShift], after: list[QuorumShift]) -> list[QuorumShift]:
    """The shifts an edit made: those at an item (by identity) that had no such shift before."""
    known = {(id(s.item), s.lost) for s in before}
    return [s for s in after if (id(s.item), s.lost) not in known]


def in_room_after(meeting: Meeting, item: AgendaItem) -> set[str]:
    """The members (by ``member_key``, any role but officers) in the room once ``item``'s own
    arrivals and departures are made: whether a member picked now is leaving or arriving."""
    here = {
        member_key(a.name)
        for a in meeting.attendees
        if a.role is not Role.OFFICER and a.presence in (Presence.PRESENT, Presence.SUBSTITUTE)
    }
    for each in meeting.items:
        for movement in each.movements:
            key = member_key(movement.member)
            if movement.kind is MovementKind.ARRIVED:
                here.add(key)
            else:
                here.discard(key)
        if each is item:
            break
    return here


def member_names(meeting: Meeting, body: Body | None) -> list[str]:
    """Everyone a movement may name: the attendance (officers aside), then the body's members
    on the day, each member once however the name was typed."""
    names: dict[str, str] = {}
    for attendee in meeting.attendees:
        if attendee.role is not Role.OFFICER:
            names.setdefault(member_key(attendee.name), attendee.name.strip())
    for seat in body.members_on(meeting.date) if body is not None else []:
        names.setdefault(member_key(seat.name), seat.name.strip())
    return list(names.values())
