"""Bodies in and out of the database, and the counter a meeting's minute numbers start from."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session, selectinload

from clerk_app.core.model import LabelStyle, Meeting
from clerk_app.core.procedure.bodies import (
    Body,
    BodyKind,
    ExclusionLaw,
    MemberRole,
    Membership,
    Quorum,
)
from clerk_app.core.procedure.numbering import (
    MinuteNumbering,
    NumberingMode,
    council_year_start,
)
from clerk_app.store.row_mapping import numbering_of_body
from clerk_app.store.tables import BodyMemberRow, BodyRow, ItemRow, MeetingRow


class UnknownBodyError(LookupError):
    """No body has that name or id; ``str()`` says so in a sentence."""


def _body(row: BodyRow) -> Body:
    return Body(
        name=row.name,
        kind=BodyKind(row.kind),
        numbering=MinuteNumbering(
            NumberingMode(row.numbering_mode), row.numbering_pattern, row.year_start_month
        ),
        label_style=LabelStyle(row.label_style),
        quorum=Quorum(
            row.quorum_fixed, row.quorum_numerator, row.quorum_denominator, row.quorum_minimum
        ),
        exclusion_law=ExclusionLaw(row.exclusion_law),
        exclusion_text=row.exclusion_text,
        word_template=row.word_template,
        pdf_template=row.pdf_template,
        members=[
            Membership(m.name, MemberRole(m.role), m.voting, m.since, m.until) for m in row.members
        ],
        id=row.id,
    )


def _write(row: BodyRow, body: Body) -> None:
    row.name = body.name
    row.kind = body.kind.value
    row.numbering_mode = body.numbering.mode.value
    row.numbering_pattern = body.numbering.pattern
    row.year_start_month = body.numbering.year_start_month
    row.label_style = body.label_style.value
    row.quorum_fixed = body.quorum.fixed
    row.quorum_numerator = body.quorum.numerator
    row.quorum_denominator = body.quorum.denominator
    row.quorum_minimum = body.quorum.minimum
    row.exclusion_law = body.exclusion_law.value
    row.exclusion_text = body.exclusion_text
    row.word_template = body.word_template
    row.pdf_template = body.pdf_template
    row.members = [
        BodyMemberRow(
            position=i,
            name=m.name,
            role=m.role.value,
            voting=m.voting,
            since=m.since,
            until=m.until,
        )
        for i, m in enumerate(body.members)
    ]


def _row_named(session: Session, name: str) -> BodyRow | None:
    query = select(BodyRow).where(BodyRow.name == name).options(selectinload(BodyRow.members))
    return session.scalars(query).first()


def body_named(session: Session, name: str) -> Body:
    row = _row_named(session, name)
    if row is None:
        raise UnknownBodyError(f"there is no body called {name!r}")
    return _body(row)


def body_by_id(session: Session, body_id: int) -> Body:
    row = session.get(BodyRow, body_id, options=[selectinload(BodyRow.members)])
    if row is None:
        raise UnknownBodyError(f"there is no body {body_id}")
    return _body(row)


def list_bodies(session: Session) -> list[Body]:
    query = select(BodyRow).order_by(BodyRow.name).options(selectinload(BodyRow.members))
    return [_body(row) for row in session.scalars(query)]


def save_body(session: Session, body: Body) -> int:
    """Insert a new body, or replace the settings and members of the one with ``body.id``."""
    row = BodyRow() if body.id is None else session.get(BodyRow, body.id)
    if row is None:
        raise UnknownBodyError(f"there is no body {body.id}")
    _write(row, body)
    session.add(row)
    session.flush()
    body.id = row.id
    return row.id


def body_for_committee(session: Session, name: str) -> int:
    """The id of the body called ``name``, made (numbered as typed) if there is none yet."""
    row = _row_named(session, name)
    if row is not None:
        return row.id
    # Two first imports in parallel may both find no body: the second one's insert gives way.
    session.execute(insert(BodyRow).values(name=name).on_conflict_do_nothing())
    made = _row_named(session, name)
    assert made is not None, "inserted or already there"
    return made.id


def numbering_start(
    session: Session, body_id: int, meeting_id: int | None, meeting: Meeting
) -> int:
    """How many minutes the body's earlier meetings of this council year used (not trashed).

    Earlier means an earlier date, or the same date and saved before this one."""
    row = session.get(BodyRow, body_id)
    if row is None or row.numbering_mode != NumberingMode.CONTINUOUS.value:
        return 0
    year_start = council_year_start(meeting.date, row.year_start_month)
    earlier = or_(
        MeetingRow.date < meeting.date,
        (MeetingRow.date == meeting.date) & (MeetingRow.id < (meeting_id or 0)),
    )
    query = (
        select(func.count(ItemRow.id))
        .join(MeetingRow, ItemRow.meeting_id == MeetingRow.id)
        .where(
            MeetingRow.body_id == body_id,
            MeetingRow.deleted_at.is_(None),
            MeetingRow.date >= year_start,
            earlier,
        )
    )
    return int(session.scalar(query) or 0)


def numbering_of(session: Session, body_id: int | None) -> MinuteNumbering:
    if body_id is None:
        return MinuteNumbering()
    return numbering_of_body(session.get(BodyRow, body_id))
