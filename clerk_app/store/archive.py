"""The long life of a meeting: trash and restore, approval, amendments, revisions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from clerk_app.core.model import Meeting
from clerk_app.core.snapshot import from_json, to_json
from clerk_app.store.edits import set_point_text
from clerk_app.store.guards import meeting_row
from clerk_app.store.meetings import load_meeting
from clerk_app.store.tables import AmendmentRow, MeetingRow, PointRow, RevisionRow


@dataclass(frozen=True)
class Revision:
    id: int
    meeting_id: int
    taken_at: dt.datetime
    reason: str


@dataclass(frozen=True)
class Amendment:
    agreed_on: dt.date
    where: str
    before: str
    after: str
    recorded_at: dt.datetime


def move_to_trash(session: Session, meeting_id: int, *, now: dt.datetime) -> None:
    meeting_row(session, meeting_id).deleted_at = now


def restore(session: Session, meeting_id: int) -> None:
    meeting_row(session, meeting_id, deleted=True).deleted_at = None


def purge_trash(session: Session, *, older_than: dt.datetime | None = None) -> int:
    """Delete for good what is in the trash (only what went in before ``older_than``)."""
    query = delete(MeetingRow).where(MeetingRow.deleted_at.is_not(None))
    if older_than is not None:
        query = query.where(MeetingRow.deleted_at < older_than)
    return int(session.execute(query).rowcount)  # type: ignore[attr-defined]  # CursorResult


def trash(session: Session) -> list[tuple[int, str, dt.date, dt.datetime]]:
    """(id, committee, date, deleted at) for each meeting in the trash, latest deletion first."""
    rows = session.scalars(
        select(MeetingRow)
        .where(MeetingRow.deleted_at.is_not(None))
        .order_by(MeetingRow.deleted_at.desc())
    )
    return [(r.id, r.committee, r.date, r.deleted_at) for r in rows if r.deleted_at]


def take_revision(
    session: Session,
    meeting_id: int,
    *,
    reason: str,
    now: dt.datetime,
    meeting: Meeting | None = None,
) -> int:
    """Keep the meeting as it stands now (``meeting``, if the caller has just loaded it);
    skipped when nothing changed since the last revision of the same reason (``store/
    circulation`` keeps a circulated draft by the same rule, in plain SQL)."""
    content = to_json(meeting if meeting is not None else load_meeting(session, meeting_id))
    last = session.scalars(
        select(RevisionRow)
        .where(RevisionRow.meeting_id == meeting_id)
        .order_by(RevisionRow.taken_at.desc(), RevisionRow.id.desc())
        .limit(1)
    ).first()
    if last is not None and last.content == content and last.reason == reason:
        return last.id
    row = RevisionRow(meeting_id=meeting_id, taken_at=now, reason=reason, content=content)
    session.add(row)
    session.flush()
    return row.id


def revisions(session: Session, meeting_id: int) -> list[Revision]:
    rows = session.scalars(
        select(RevisionRow)
        .where(RevisionRow.meeting_id == meeting_id)
        .order_by(RevisionRow.taken_at, RevisionRow.id)
    )
    return [Revision(r.id, r.meeting_id, r.taken_at, r.reason) for r in rows]


def revision_meeting(session: Session, revision_id: int) -> Meeting:
    row = session.get(RevisionRow, revision_id)
    if row is None:
        raise LookupError(f"there is no revision {revision_id}")
    return from_json(row.content)


def approve(session: Session, meeting_id: int, *, approved_on: dt.date, now: dt.datetime) -> None:
    row = meeting_row(session, meeting_id)
    row.status = "approved"
    row.approved_on = approved_on
    session.flush()
    take_revision(session, meeting_id, reason="approved", now=now)


def record_amendment(
    session: Session,
    meeting_id: int,
    *,
    agreed_on: dt.date,
    where: str,
    before: str,
    after: str,
    now: dt.datetime,
) -> None:
    session.add(
        AmendmentRow(
            meeting_id=meeting_id,
            agreed_on=agreed_on,
            where=where,
            before=before,
            after=after,
            recorded_at=now,
        )
    )


def amendments(session: Session, meeting_id: int) -> list[Amendment]:
    rows = session.scalars(
        select(AmendmentRow)
        .where(AmendmentRow.meeting_id == meeting_id)
        .order_by(AmendmentRow.recorded_at, AmendmentRow.id)
    )
    return [Amendment(r.agreed_on, r.where, r.before, r.after, r.recorded_at) for r in rows]


def amend_point(
    session: Session, point_id: int, *, text: str, agreed_on: dt.date, now: dt.datetime
) -> None:
    """Change a point of approved minutes as agreed later, recording before and after."""

    row = session.get(PointRow, point_id)
    if row is None:
        raise LookupError(f"there is no point {point_id}")
    meeting_id = row.item.meeting_id
    record_amendment(
        session,
        meeting_id,
        agreed_on=agreed_on,
        where=f"{row.item.number} {row.item.title}".strip(),
        before=row.text,
        after=text,
        now=now,
    )
    set_point_text(session, point_id=point_id, text=text, amending=True)
    session.flush()
    take_revision(session, meeting_id, reason="amended", now=now)
