"""Motions, amendments, named votes, arrivals and departures in and out of their rows."""

from __future__ import annotations

from sqlalchemy.orm import Session

from clerk_app.core.procedure.motions import Motion
from clerk_app.core.procedure.movements import Movement
from clerk_app.core.text import clean_line
from clerk_app.store.children import replace_children
from clerk_app.store.tables import ItemRow, MotionRow, MovementRow, NamedVoteRow


def motion_rows(motions: list[Motion]) -> list[MotionRow]:
    rows = []
    for position, m in enumerate(motions):
        m.text, m.mover, m.seconder = (
            clean_line(m.text),
            clean_line(m.mover),
            clean_line(m.seconder),
        )
        for row in m.named:
            row.member = clean_line(row.member)
        counts = m.counts
        rows.append(
            MotionRow(
                position=position,
                text=m.text,
                mover=m.mover,
                seconder=m.seconder,
                amends=m.amends,
                votes_for=None if counts is None else counts.for_,
                votes_against=None if counts is None else counts.against,
                votes_abstain=None if counts is None else counts.abstain,
                casting=None if m.casting is None else m.casting.value,
                declared_outcome=None if m.declared_outcome is None else m.declared_outcome.value,
                as_written=m.as_written,
                named=[
                    NamedVoteRow(position=i, member=v.member, vote=v.vote.value)
                    for i, v in enumerate(m.named)
                ],
            )
        )
    return rows


def replace_motions(session: Session, row: ItemRow, motions: list[Motion]) -> None:
    replace_children(session, row, "motions", motion_rows(motions), motions)


def movement_rows(movements: list[Movement]) -> list[MovementRow]:
    for m in movements:
        m.member = clean_line(m.member)
    return [
        MovementRow(position=i, member=m.member, kind=m.kind.value, at=m.at)
        for i, m in enumerate(movements)
    ]


def replace_movements(session: Session, row: ItemRow, movements: list[Movement]) -> None:
    replace_children(session, row, "movements", movement_rows(movements), movements)
