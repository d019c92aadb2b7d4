"""The meeting model: plain dataclasses that every layer speaks, with no Qt and no SQL.

Letters, roman numerals and an action's owners are *derived* (from position and from the
point's text); only what cannot be derived is a field here.  ``id`` fields are filled by the
store and are ``None`` for objects that have never been saved; equality ignores them so that a
meeting read back from a file compares equal to the one that was written.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from clerk_app.core.actions import Action, parse_action
from clerk_app.core.procedure.declarations import Declaration
from clerk_app.core.procedure.motions import Motion
from clerk_app.core.procedure.movements import Movement
from clerk_app.core.procedure.numbering import MinuteNumbering


class Status(enum.StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"


class LabelStyle(enum.StrEnum):
    """How a meeting letters its points; sub-points follow in roman of the same shape."""

    DOT = "a."  # a.  then i.   (the house default)
    PAREN = "(a)"  # (a) then (i)
    BRACKET = "a)"  # a)  then i)
    NUMBER = "1)"  # 1)  then i)
    DECIMAL = "8.1"  # 8.1 then 8.1.1: paragraph numbers within a minute


class Role(enum.StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice-chair"
    MEMBER = "member"
    COOPTED = "co-opted"
    ALSO_PRESENT = "also-present"  # visiting councillors
    OFFICER = "officer"  # "In attendance", by job title


class Presence(enum.StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    SUBSTITUTE = "substitute"  # present in place of ``substitute_for``
    ABSENT = "absent"


class DecisionKind(enum.StrEnum):
    RESOLVED = "RESOLVED"
    NOTED = "NOTED"
    AGREED = "AGREED"
    RECOMMEND = "RECOMMEND"  # "Resolved to RECOMMEND (to Council):"


class Numbering(enum.StrEnum):
    """How a decision block numbers its resolutions."""

    ROMAN = "i."
    NUMBER = "1."
    PAREN_LETTER = "(a)"


@dataclass(eq=True)
class Attendee:
    name: str
    role: Role = Role.MEMBER
    presence: Presence = Presence.PRESENT
    job_title: str = ""  # officers: "AD Commissioning"
    substitute_for: str = ""  # presence SUBSTITUTE: the member replaced
    note: str = ""  # "joined at 6.55 pm", "left after item 7"
    id: int | None = field(default=None, compare=False)


@dataclass(eq=True)
class Point:
    """One lettered discussion point; ``children`` are its roman sub-points (one level)."""

    text: str
    children: list[Point] = field(default_factory=list)
    # The action's owners and due date live in the text as typed; whether it is done does not.
    action_done: bool = False
    action_done_on: dt.date | None = None
    id: int | None = field(default=None, compare=False)
    # Matters arising: the id of the earlier point whose action this one follows up.
    follows_up: int | None = field(default=None, compare=False)

    @property
    def action(self) -> Action | None:
        parsed = parse_action(self.text)
        if parsed is None:
            return None
        return Action(
            owners=parsed.owners,
            due=parsed.due,
            done=self.action_done,
            done_on=self.action_done_on,
        )


@dataclass(eq=True)
class Decision:
    """A RESOLVED / NOTED / AGREED / RECOMMEND block.

    ``preamble`` is the text after the keyword ("That the Committee:", or the whole decision
    when it has no numbered resolutions: "That the minutes ... be approved").  Each resolution
    is one non-empty line; the store keeps them so (a vote, "(For 5, Against 0)", is part of
    the resolution it follows).
    """

    kind: DecisionKind = DecisionKind.RESOLVED
    preamble: str = ""
    resolutions: list[str] = field(default_factory=list)
    numbering: Numbering = Numbering.ROMAN
    id: int | None = field(default=None, compare=False)


@dataclass(eq=True)
class AgendaItem:
    title: str
    number: str = ""  # "77", "77/24", "OSC 12/24", or "" for "Agenda item" with no number
    pages: str = ""  # agenda-pack pages, "53-114"
    intro: str = ""  # paragraphs separated by "\n"
    points: list[Point] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    exempt: bool = False
    exempt_paragraph: str = ""  # Schedule 12A, Part 1 paragraph(s): "3", "1, 3"
    id: int | None = field(default=None, compare=False)
    declarations: list[Declaration] = field(default_factory=list)
    motions: list[Motion] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)  # arrivals and departures
    taken_at: dt.time | None = None  # when the meeting came to the item
    # The resolution excluding the press and public, passed at this item ("" when none);
    # ``readmitted``: the press and public came back in before this item.
    exclusion: str = ""
    readmitted: bool = False


@dataclass(eq=True)
class Meeting:
    committee: str
    date: dt.date
    council: str = ""
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    venue: str = ""
    status: Status = Status.DRAFT
    label_style: LabelStyle = LabelStyle.DOT
    attendees: list[Attendee] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)
    # Text the importer could not place (kept, never dropped), paragraphs separated by "\n".
    notes: str = ""
    approved_on: dt.date | None = None
    id: int | None = field(default=None, compare=False)
    # The body the meeting belongs to, and its numbering as the store found it: how many
    # minutes the body's earlier meetings of this council year used.  Derived on loading.
    body_id: int | None = field(default=None, compare=False)
    numbering: MinuteNumbering = field(default_factory=MinuteNumbering, compare=False)
    numbering_start: int = field(default=0, compare=False)

    def all_points(self) -> list[tuple[AgendaItem, Point, Point | None]]:
        """Every point in order as (item, point, parent-or-None)."""
        out: list[tuple[AgendaItem, Point, Point | None]] = []
        for item in self.items:
            for point in item.points:
                out.append((item, point, None))
                out.extend((item, child, point) for child in point.children)
        return out
