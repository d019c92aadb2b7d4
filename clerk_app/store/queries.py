"""Read-only questions across meetings that would be slow to answer by loading everything."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.store.tables import ItemRow, MeetingRow, PointRow


def meetings_with_actions(session: Session, *, open_only: bool = False) -> list[int]:
    """Ids of meetings that have at least one action (open ones only, if asked), newest first."""
    query = (
        select(MeetingRow.id)
        .join(ItemRow, ItemRow.meeting_id == MeetingRow.id)
        .join(PointRow, PointRow.item_id == ItemRow.id)
        .where(PointRow.action_owners != "", MeetingRow.deleted_at.is_(None))
    )
    if open_only:
        query = query.where(PointRow.action_done.is_(False))
    query = query.group_by(MeetingRow.id).order_by(MeetingRow.date.desc(), MeetingRow.id.desc())
    return list(session.scalars(query))
