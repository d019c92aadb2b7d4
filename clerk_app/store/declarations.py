"""Declarations of interest in and out of their rows, and the register across meetings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.core.procedure.declarations import Declaration
from clerk_app.core.text import clean_line
from clerk_app.store.children import replace_children
from clerk_app.store.row_mapping import declaration_of
from clerk_app.store.tables import DeclarationRow, ItemRow, MeetingRow


def declaration_rows(declarations: list[Declaration]) -> list[DeclarationRow]:
    for d in declarations:
        d.member, d.kind = clean_line(d.member), clean_line(d.kind)
        # A sensitive interest's nature is not recorded anywhere, the file included.
        d.nature = "" if d.sensitive else clean_line(d.nature)
    return [
        DeclarationRow(
            position=i,
            member=d.member,
            kind=d.kind,
            nature=d.nature,
            sensitive=d.sensitive,
            conduct=d.conduct.value,
        )
        for i, d in enumerate(declarations)
    ]


def replace_declarations(session: Session, row: ItemRow, declarations: list[Declaration]) -> None:
    rows = declaration_rows(declarations)
    replace_children(session, row, "declarations", rows, declarations)


@dataclass(frozen=True)
class RegisterEntry:
    """One declaration as the register across meetings lists it."""

    meeting_id: int
    date: dt.date
    committee: str
    item_number: str
    item_title: str
    exempt: bool
    declaration: Declaration


def register(session: Session, member: str | None = None) -> list[RegisterEntry]:
    """Every declaration in meetings not in the trash, oldest first; ``member`` matches any
    part of the name, ignoring case."""
    query = (
        select(DeclarationRow, ItemRow, MeetingRow)
        .join(ItemRow, DeclarationRow.item_id == ItemRow.id)
        .join(MeetingRow, ItemRow.meeting_id == MeetingRow.id)
        .where(MeetingRow.deleted_at.is_(None))
        .order_by(MeetingRow.date, MeetingRow.id, ItemRow.position, DeclarationRow.position)
    )
    if member:
        query = query.where(DeclarationRow.member.icontains(member, autoescape=True))
    return [
        RegisterEntry(
            meeting.id,
            meeting.date,
            meeting.committee,
            item.number,
            item.title,
            item.exempt,
            declaration_of(d),
        )
        for d, item, meeting in session.execute(query).all()
    ]
