"""Rows of a stored meeting into the core model, without SQLAlchemy.

One mapping for two readers: ``store/meetings.load_meeting`` hands it SQLAlchemy's rows, and
``store/quick_read`` (the command line's PDF export, which must not wait for SQLAlchemy to
import) hands it plain rows with the same attribute names.  Keeping the mapping here, free of
SQLAlchemy imports, is what lets both readers build the very same ``Meeting``.

A "row" is anything with the table's column names as attributes, plus the children lists
the ORM relationships name (``items``, ``points``, ``motions``, ``named``, ...), each in the
relationship's order.
"""

from __future__ import annotations

from typing import Any

from clerk_app.core.model import (
    AgendaItem,
    Attendee,
    Decision,
    DecisionKind,
    LabelStyle,
    Meeting,
    Numbering,
    Point,
    Presence,
    Role,
    Status,
)
from clerk_app.core.procedure.declarations import Conduct, Declaration
from clerk_app.core.procedure.motions import Counts, Motion, NamedVote, Outcome, Vote
from clerk_app.core.procedure.movements import Movement, MovementKind
from clerk_app.core.procedure.numbering import MinuteNumbering, NumberingMode

Row = Any  # a mapped row, or store/quick_read's plain row: see the module's docstring


def numbering_of_body(row: Row | None) -> MinuteNumbering:
    """How the body of ``row`` numbers its minutes (the plain default without a body)."""
    if row is None:
        return MinuteNumbering()
    return MinuteNumbering(
        NumberingMode(row.numbering_mode), row.numbering_pattern, row.year_start_month
    )


def meeting_of(row: Row, numbering: MinuteNumbering) -> Meeting:
    """The meeting of a ``meetings`` row with its attendees and items (numbering_start is 0:
    the caller counts the body's earlier minutes)."""
    return Meeting(
        committee=row.committee,
        date=row.date,
        council=row.council,
        start_time=row.start_time,
        end_time=row.end_time,
        venue=row.venue,
        status=Status(row.status),
        label_style=LabelStyle(row.label_style),
        attendees=[
            Attendee(
                name=a.name,
                role=Role(a.role),
                presence=Presence(a.presence),
                job_title=a.job_title,
                substitute_for=a.substitute_for,
                note=a.note,
                id=a.id,
            )
            for a in row.attendees
        ],
        items=[item_of(i) for i in row.items],
        notes=row.notes,
        approved_on=row.approved_on,
        id=row.id,
        body_id=row.body_id,
        numbering=numbering,
    )


def _point(row: Row, children: list[Point]) -> Point:
    return Point(
        text=row.text,
        children=children,
        action_done=row.action_done,
        action_done_on=row.action_done_on,
        id=row.id,
        follows_up=row.origin_point_id,
    )


def _position(row: Row) -> int:
    return int(row.position)


def item_of(row: Row) -> AgendaItem:
    # An item's points come as one list, top-level and sub-points alike, by position.
    children: dict[int, list[Row]] = {}
    tops: list[Row] = []
    for p in row.points:
        if p.parent_id is None:
            tops.append(p)
        else:
            children.setdefault(p.parent_id, []).append(p)
    points = [
        _point(top, [_point(c, []) for c in sorted(children.get(top.id, []), key=_position)])
        for top in tops
    ]
    return AgendaItem(
        title=row.title,
        number=row.number,
        pages=row.pages,
        intro=row.intro,
        points=points,
        decisions=[
            Decision(
                kind=DecisionKind(d.kind),
                preamble=d.preamble,
                resolutions=d.resolutions.split("\n") if d.resolutions else [],
                numbering=Numbering(d.numbering),
                id=d.id,
            )
            for d in row.decisions
        ],
        documents=[d.title for d in row.documents],
        exempt=row.exempt,
        exempt_paragraph=row.exempt_paragraph,
        id=row.id,
        declarations=declarations_of(row),
        motions=motions_of(row),
        movements=movements_of(row),
        taken_at=row.taken_at,
        exclusion=row.exclusion,
        readmitted=row.readmitted,
    )


def declaration_of(d: Row) -> Declaration:
    return Declaration(d.member, d.kind, d.nature, d.sensitive, Conduct(d.conduct), id=d.id)


def declarations_of(row: Row) -> list[Declaration]:
    return [declaration_of(d) for d in row.declarations]


def motions_of(row: Row) -> list[Motion]:
    return [
        Motion(
            text=m.text,
            mover=m.mover,
            seconder=m.seconder,
            amends=m.amends,
            counts=None
            if m.votes_for is None
            else Counts(m.votes_for, m.votes_against or 0, m.votes_abstain or 0),
            named=[NamedVote(v.member, Vote(v.vote)) for v in m.named],
            casting=None if m.casting is None else Vote(m.casting),
            declared_outcome=None if m.declared_outcome is None else Outcome(m.declared_outcome),
            as_written=m.as_written,
            id=m.id,
        )
        for m in row.motions
    ]


def movements_of(row: Row) -> list[Movement]:
    return [Movement(m.member, MovementKind(m.kind), m.at, id=m.id) for m in row.movements]
