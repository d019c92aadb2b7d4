"""Arrivals and departures during a meeting, and the sentence each prints as."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from clerk_app.core.wording import without_title


class MovementKind(enum.StrEnum):
    ARRIVED = "arrived"
    LEFT = "left"


@dataclass(eq=True)
class Movement:
    """A member arriving or leaving during an item, at ``at`` if the time was noted."""

    member: str
    kind: MovementKind
    at: dt.time | None = None
    id: int | None = field(default=None, compare=False)


def member_key(name: str) -> str:
    """The same member however the name was typed: "Councillor Amara Okafor", "Cllr amara
    okafor" and "Amara Okafor" are one member (the plain text drops the title)."""
    return " ".join(without_title(name).casefold().split())


def _clock(moment: dt.time) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}.{moment.minute:02d} {'am' if moment.hour < 12 else 'pm'}"


def movement_sentence(movement: Movement, where: str) -> str:
    """ "Councillor Y arrived at 7.42 pm during item 6." / "... left the meeting at 8.10 pm
    during minute 24/7 and took no part in the vote." """
    at = f" at {_clock(movement.at)}" if movement.at is not None else ""
    name = movement.member.strip()
    if movement.kind is MovementKind.ARRIVED:
        return f"{name} arrived{at} during {where}."
    return f"{name} left the meeting{at} during {where} and took no part in the vote."


def check_movements(movements: list[Movement]) -> None:
    if any(not m.member.strip() for m in movements):
        raise ValueError("an arrival or departure needs the member's name")
    if any(";" in m.member for m in movements):
        raise ValueError("a member's name cannot contain ';'")
