"""Read-only questions across meetings, answered in one query rather than by loading meetings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, aliased

from clerk_app.store.references import derived_references
from clerk_app.store.tables import ItemRow, MeetingRow, PointRow


@dataclass(slots=True)
class ActionRow:
    meeting_id: int
    meeting_date: dt.date
    committee: str
    label_style: str
    item_number: str
    item_title: str
    exempt: bool
    point_id: int
    position: int
    parent_position: int | None  # set for a sub-point: its parent's position
    text: str
    owners: str
    due: dt.date | None
    done: bool
    done_on: dt.date | None
    item_id: int
    # What the point's "69.1" stands on: the typed number, or the counter of a reference the
    # body derives (filled in below, with ``item_number``, for items that have none typed).
    number_base: str = ""


def action_rows(
    session: Session,
    *,
    open_only: bool = False,
    done_only: bool = False,
    overdue_on: dt.date | None = None,
) -> list[ActionRow]:
    """Every tagged point of meetings not in the trash, newest meeting first, in minute order."""
    parent = aliased(PointRow)
    query = (
        select(
            MeetingRow.id,
            MeetingRow.date,
            MeetingRow.committee,
            MeetingRow.label_style,
            ItemRow.number,
            ItemRow.title,
            ItemRow.exempt,
            PointRow.id,
            PointRow.position,
            parent.position,
            PointRow.text,
            PointRow.action_owners,
            PointRow.action_due,
            PointRow.action_done,
            PointRow.action_done_on,
            ItemRow.id,
        )
        .join(ItemRow, PointRow.item_id == ItemRow.id)
        .join(MeetingRow, ItemRow.meeting_id == MeetingRow.id)
        .outerjoin(parent, PointRow.parent_id == parent.id)
        # A literal '', not a bound parameter: SQLite matches a partial index's WHERE clause
        # only against literal terms of the query.
        .where(text("points.action_owners != ''"), MeetingRow.deleted_at.is_(None))
    )
    # "= 0", not "IS 0": the partial index ix_points_open_actions is found by this very term.
    if open_only or overdue_on is not None:
        query = query.where(PointRow.action_done == False)  # noqa: E712  (SQL, not Python)
    if done_only:
        query = query.where(PointRow.action_done == True)  # noqa: E712  (SQL, not Python)
    if overdue_on is not None:
        query = query.where(PointRow.action_due < overdue_on)
    # Minute order: item, then top-level point, with a sub-point right after its parent.
    query = query.order_by(
        MeetingRow.date.desc(),
        MeetingRow.id.desc(),
        ItemRow.position,
        func.coalesce(parent.position, PointRow.position),
        PointRow.parent_id.is_not(None),
        PointRow.position,
    )
    # Each row has the 16 columns selected above, in ActionRow's field order.
    # Core rather than ORM execution: these are plain rows, and the ORM's row handling cost
    # as much as the query itself for a few thousand actions.
    rows = [ActionRow(*r) for r in session.connection().execute(query).all()]  # type: ignore[call-arg]
    references = derived_references(session, (r.meeting_id for r in rows if not r.item_number))
    for row in rows:
        row.number_base = row.item_number
        if not row.item_number and row.item_id in references:
            row.item_number, row.number_base = references[row.item_id]
    return rows
