"""Whole meetings in and out of the database: core model <-> rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, func, null, select
from sqlalchemy.orm import Session, selectinload

from clerk_app.core.actions import parse_tag
from clerk_app.core.model import (
    AgendaItem,
    Attendee,
    Decision,
    Meeting,
    Point,
    Status,
)
from clerk_app.core.structure import check_two_levels
from clerk_app.core.text import clean_line
from clerk_app.store.bodies import body_for_committee, numbering_of, numbering_start
from clerk_app.store.children import fill_ids
from clerk_app.store.declarations import declaration_rows
from clerk_app.store.errors import UnknownMeetingError as UnknownMeetingError
from clerk_app.store.motions import motion_rows, movement_rows
from clerk_app.store.row_mapping import meeting_of
from clerk_app.store.tables import (
    AttendeeRow,
    DecisionRow,
    DocumentRow,
    ItemRow,
    MeetingRow,
    MotionRow,
    PointRow,
)


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    committee: str
    council: str
    date: dt.date
    status: Status
    items: int
    points: int | None  # counted only on request: see list_meetings


def sync_action_columns(row: PointRow) -> None:
    """Refresh the queryable copy of the action tag from the point's text."""
    tag = parse_tag(row.text)
    row.action_owners = "/".join(tag.owners) if tag else ""
    row.action_due = tag.due if tag else None


def point_row(point: Point, position: int) -> PointRow:
    row = PointRow(
        position=position,
        text=point.text,
        action_done=point.action_done,
        action_done_on=point.action_done_on,
        origin_point_id=point.follows_up,
    )
    sync_action_columns(row)
    return row


def decision_row(decision: Decision, position: int) -> DecisionRow:
    # Resolutions are stored one a line, so each is kept to one line and an empty one (which
    # would vanish on reading back) is dropped here, visibly, rather than by the round trip.
    decision.resolutions = [r for r in (clean_line(r) for r in decision.resolutions) if r]
    return DecisionRow(
        position=position,
        kind=decision.kind.value,
        preamble=decision.preamble,
        numbering=decision.numbering.value,
        resolutions="\n".join(decision.resolutions),
    )


def item_row(item: AgendaItem, position: int) -> ItemRow:
    return ItemRow(
        position=position,
        number=item.number,
        title=item.title,
        pages=item.pages,
        intro=item.intro,
        exempt=item.exempt,
        exempt_paragraph=item.exempt_paragraph,
        decisions=[decision_row(d, i) for i, d in enumerate(item.decisions)],
        documents=[DocumentRow(position=i, title=t) for i, t in enumerate(item.documents)],
        declarations=declaration_rows(item.declarations),
        motions=motion_rows(item.motions),
        movements=movement_rows(item.movements),
        taken_at=item.taken_at,
        exclusion=item.exclusion,
        readmitted=item.readmitted,
    )


def attendee_row(attendee: Attendee, position: int) -> AttendeeRow:
    return AttendeeRow(
        position=position,
        name=attendee.name,
        role=attendee.role.value,
        presence=attendee.presence.value,
        job_title=attendee.job_title,
        substitute_for=attendee.substitute_for,
        note=attendee.note,
    )


def add_points(session: Session, items: list[tuple[ItemRow, list[Point]]]) -> None:
    """Insert the points of several items in two flushes: top-level points, then sub-points
    (which need their parent's id).  Fills in every point's ``id``.  A third level is
    refused (StructureError) rather than silently left out."""
    tops: list[tuple[Point, PointRow]] = []
    for item_row_, points in items:
        check_two_levels(points)
        for position, point in enumerate(points):
            row = point_row(point, position)
            row.item = item_row_
            session.add(row)
            tops.append((point, row))
    session.flush()
    children: list[tuple[Point, PointRow]] = []
    for point, row in tops:
        point.id = row.id
        for position, child in enumerate(point.children):
            child_row = point_row(child, position)
            child_row.item_id = row.item_id
            child_row.parent_id = row.id
            session.add(child_row)
            children.append((child, child_row))
    if children:
        session.flush()
    for child, child_row in children:
        child.id = child_row.id


def add_meeting(session: Session, meeting: Meeting) -> int:
    """Insert a whole meeting; fills in the ids of every object in ``meeting``."""
    row = MeetingRow()
    write_meeting_fields(row, meeting)
    if meeting.body_id is None:
        # Every meeting belongs to a body: the one named as its committee, made if need be.
        meeting.body_id = body_for_committee(session, meeting.committee)
    row.body_id = meeting.body_id
    row.attendees = [attendee_row(a, i) for i, a in enumerate(meeting.attendees)]
    item_rows = [item_row(item, position) for position, item in enumerate(meeting.items)]
    row.items = item_rows
    session.add(row)
    session.flush()
    meeting.id = row.id
    meeting.numbering = numbering_of(session, row.body_id)
    meeting.numbering_start = numbering_start(session, meeting.body_id, row.id, meeting)
    for attendee, a_row in zip(meeting.attendees, row.attendees, strict=True):
        attendee.id = a_row.id
    for item, i_row in zip(meeting.items, item_rows, strict=True):
        item.id = i_row.id
        for decision, d_row in zip(item.decisions, i_row.decisions, strict=True):
            decision.id = d_row.id
        fill_ids(item.declarations, i_row.declarations)
        fill_ids(item.motions, i_row.motions)
        for movement, m_row in zip(item.movements, i_row.movements, strict=True):
            movement.id = m_row.id
    add_points(
        session,
        [(i_row, item.points) for item, i_row in zip(meeting.items, item_rows, strict=True)],
    )
    return row.id


def write_meeting_fields(row: MeetingRow, meeting: Meeting) -> None:
    row.council = meeting.council
    row.committee = meeting.committee
    row.date = meeting.date
    row.start_time = meeting.start_time
    row.end_time = meeting.end_time
    row.venue = meeting.venue
    row.status = meeting.status.value
    row.label_style = meeting.label_style.value
    row.notes = meeting.notes
    row.approved_on = meeting.approved_on


def load_meeting(session: Session, meeting_id: int) -> Meeting:
    row = session.get(
        MeetingRow,
        meeting_id,
        options=[
            selectinload(MeetingRow.attendees),
            selectinload(MeetingRow.items).selectinload(ItemRow.points),
            selectinload(MeetingRow.items).selectinload(ItemRow.decisions),
            selectinload(MeetingRow.items).selectinload(ItemRow.documents),
            selectinload(MeetingRow.items).selectinload(ItemRow.declarations),
            selectinload(MeetingRow.items).selectinload(ItemRow.movements),
            selectinload(MeetingRow.items)
            .selectinload(ItemRow.motions)
            .selectinload(MotionRow.named),
        ],
    )
    if row is None:
        raise UnknownMeetingError(f"there is no meeting {meeting_id}")
    meeting = meeting_of(row, numbering_of(session, row.body_id))
    if row.body_id is not None:
        meeting.numbering_start = numbering_start(session, row.body_id, row.id, meeting)
    return meeting


def list_meetings(
    session: Session,
    *,
    count_points: bool = False,
    committee: str | None = None,
    year: int | None = None,
) -> list[MeetingSummary]:
    """Meetings not in the trash, newest first, with their item counts.

    Counting points means reading every point of every meeting (~55 ms for ten years of a
    busy council), so it is done only when asked; the window's list does without.
    """
    items = (
        select(ItemRow.meeting_id, func.count().label("n")).group_by(ItemRow.meeting_id).subquery()
    )
    points = (
        select(ItemRow.meeting_id, func.count(PointRow.id).label("n"))
        .join(PointRow, PointRow.item_id == ItemRow.id)
        .group_by(ItemRow.meeting_id)
        .subquery()
    )
    query = (
        select(
            MeetingRow.id,
            MeetingRow.committee,
            MeetingRow.council,
            MeetingRow.date,
            MeetingRow.status,
            func.coalesce(items.c.n, 0),
            func.coalesce(points.c.n, 0) if count_points else null(),
        )
        .outerjoin(items, items.c.meeting_id == MeetingRow.id)
        .where(MeetingRow.deleted_at.is_(None))
        .order_by(MeetingRow.date.desc(), MeetingRow.id.desc())
    )
    if count_points:
        query = query.outerjoin(points, points.c.meeting_id == MeetingRow.id)
    if committee is not None:
        query = query.where(MeetingRow.committee == committee)
    if year is not None:
        query = query.where(
            MeetingRow.date >= dt.date(year, 1, 1), MeetingRow.date <= dt.date(year, 12, 31)
        )
    return [
        MeetingSummary(
            id=row[0],
            committee=row[1],
            council=row[2],
            date=row[3],
            status=Status(row[4]),
            items=row[5],
            points=row[6],
        )
        for row in session.execute(query).all()
    ]


def committees(session: Session) -> list[str]:
    """Every committee that has a meeting, for the meeting list's filter."""
    query = (
        select(MeetingRow.committee)
        .where(MeetingRow.deleted_at.is_(None))
        .group_by(MeetingRow.committee)
        .order_by(MeetingRow.committee)
    )
    return list(session.scalars(query))


def meeting_exists(session: Session, meeting_id: int) -> bool:
    return session.get(MeetingRow, meeting_id) is not None


def delete_meeting(session: Session, meeting_id: int) -> None:
    if session.execute(delete(MeetingRow).where(MeetingRow.id == meeting_id)).rowcount == 0:  # type: ignore[attr-defined]  # Result of a DELETE is a CursorResult
        raise UnknownMeetingError(f"there is no meeting {meeting_id}")
