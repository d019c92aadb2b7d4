"""Attendance as it starts from a body's membership on the day of a meeting."""

from __future__ import annotations

import datetime as dt

from clerk_app.core.model import Attendee, Presence, Role
from clerk_app.core.procedure.bodies import Body, MemberRole

_ROLES = {
    MemberRole.CHAIR: Role.CHAIR,
    MemberRole.VICE_CHAIR: Role.VICE_CHAIR,
    MemberRole.COOPTED: Role.COOPTED,
}


def expected_attendance(body: Body, day: dt.date) -> list[Attendee]:
    """Every member seated on ``day``, chair first, as present; substitutes are not listed
    (they attend in someone's place, which the clerk records)."""
    seated = [m for m in body.members_on(day) if m.role is not MemberRole.SUBSTITUTE]
    order = [MemberRole.CHAIR, MemberRole.VICE_CHAIR]
    seated.sort(key=lambda m: order.index(m.role) if m.role in order else len(order))
    return [Attendee(m.name, _ROLES.get(m.role, Role.MEMBER), Presence.PRESENT) for m in seated]
