"""Small edits to an open meeting: one point, one item, one field at a time.

These are what the live window calls on every keystroke's autosave, so each touches only the
rows it must.  Positions are kept dense (0, 1, 2...) among siblings; letters derive from them.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.core.model import AgendaItem, Attendee, Decision, Meeting, Point, Presence, Role
from clerk_app.core.procedure.declarations import Declaration
from clerk_app.core.procedure.motions import Motion
from clerk_app.core.procedure.movements import Movement
from clerk_app.core.structure import StructureError, check_can_hold, check_two_levels
from clerk_app.store.children import fill_ids, replace_children
from clerk_app.store.declarations import replace_declarations
from clerk_app.store.guards import ensure_editable
from clerk_app.store.meetings import (
    UnknownMeetingError,
    add_points,
    attendee_row,
    decision_row,
    item_row,
    point_row,
    sync_action_columns,
    write_meeting_fields,
)
from clerk_app.store.motions import replace_motions, replace_movements
from clerk_app.store.tables import (
    DocumentRow,
    ItemRow,
    MeetingRow,
    PointRow,
)

T = TypeVar("T")


class StaleEditError(LookupError):
    """The row an edit names is gone (deleted elsewhere): a bug or a second writer."""


def _get(session: Session, model: type[T], key: int) -> T:
    row = session.get(model, key)
    if row is None:
        raise StaleEditError(f"{model.__name__} {key} does not exist")
    return row


def _guard_item(session: Session, item_id: int) -> ItemRow:
    """The item, if its meeting may be edited (approved minutes change only by amendment)."""
    item = _get(session, ItemRow, item_id)
    ensure_editable(session, item.meeting_id)
    return item


def _guard_point(session: Session, point_id: int) -> PointRow:
    row = _get(session, PointRow, point_id)
    ensure_editable(session, row.item.meeting_id)
    return row


def _point_siblings(session: Session, item_id: int, parent_id: int | None) -> list[PointRow]:
    query = select(PointRow).where(PointRow.item_id == item_id)
    query = query.where(
        PointRow.parent_id.is_(None) if parent_id is None else PointRow.parent_id == parent_id
    )
    return list(session.scalars(query.order_by(PointRow.position, PointRow.id)))


def _renumber(rows: Sequence[PointRow | ItemRow]) -> None:
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position


def _guard_parent(session: Session, item_id: int, parent_id: int, moving: int | None) -> None:
    """Refuse a parent that would make a third level, or that is in another item."""
    parent = _get(session, PointRow, parent_id)
    if parent.item_id != item_id:
        raise StructureError(f"point {parent_id} is in another agenda item")
    if parent.id == moving:
        raise StructureError("a point cannot be its own sub-point")
    if parent.parent_id is not None:
        raise StructureError(
            f"point {parent_id} is a sub-point and cannot hold sub-points; "
            "minutes have two levels only"
        )


def insert_point(
    session: Session, *, item_id: int, parent_id: int | None, index: int, point: Point
) -> int:
    """Insert ``point`` (with its sub-points) at ``index`` among its siblings; fills its ids.

    StructureError if that would make a third level (nothing is written)."""
    item = _guard_item(session, item_id)
    if parent_id is not None:
        _guard_parent(session, item_id, parent_id, None)
    check_can_hold(point, under_sub_point=False, as_sub_point=parent_id is not None)
    siblings = _point_siblings(session, item_id, parent_id)
    index = max(0, min(index, len(siblings)))
    for row in siblings[index:]:
        row.position += 1
    row = point_row(point, index)
    row.item_id, row.parent_id = item.id, parent_id
    session.add(row)
    session.flush()
    point.id = row.id
    for position, child in enumerate(point.children):
        child_row = point_row(child, position)
        child_row.item_id, child_row.parent_id = item.id, row.id
        session.add(child_row)
        session.flush()
        child.id = child_row.id
    return row.id


def set_point_text(session: Session, *, point_id: int, text: str, amending: bool = False) -> None:
    """Store a point's text; ``amending`` lets a recorded amendment change approved minutes."""
    row = _get(session, PointRow, point_id) if amending else _guard_point(session, point_id)
    if row.text != text:
        row.text = text
        sync_action_columns(row)


def set_action_done(session: Session, *, point_id: int, done: bool, on: dt.date | None) -> None:
    # Allowed on approved minutes: doing an action changes the tracker, not the record.
    # A matters-arising point and the point it follows up are one action: both change.
    seen: set[int] = set()
    pending = [point_id]
    while pending:
        key = pending.pop()
        if key in seen:
            continue
        seen.add(key)
        row = _get(session, PointRow, key) if key == point_id else session.get(PointRow, key)
        if row is None:
            continue  # the original was deleted since: the follow-up stands alone
        row.action_done = done
        row.action_done_on = on if done else None
        if row.origin_point_id is not None:
            pending.append(row.origin_point_id)
        pending += session.scalars(select(PointRow.id).where(PointRow.origin_point_id == key))


def delete_point(session: Session, *, point_id: int) -> None:
    """Delete a point and its sub-points; later siblings move up a letter."""
    row = _guard_point(session, point_id)
    item_id, parent_id = row.item_id, row.parent_id
    for child in _point_siblings(session, item_id, row.id):
        session.delete(child)
    # Children first, in their own flush: deleted together, the parent's ON DELETE CASCADE
    # could remove them before their own DELETE ran, and SQLAlchemy warns of missing rows.
    session.flush()
    session.delete(row)
    session.flush()
    _renumber(_point_siblings(session, item_id, parent_id))


def move_point(
    session: Session,
    *,
    point_id: int,
    parent_id: int | None,
    index: int,
    item_id: int | None = None,
) -> None:
    """Put a point at ``index`` under ``parent_id`` (None: top level), closing the gap it left;
    ``item_id``, if given and another item of the meeting, moves it (and its sub-points) there.

    StructureError if that would make a third level: the parent is a sub-point, or the point
    still has sub-points of its own (core/structure.py moves those first)."""
    row = _guard_point(session, point_id)
    target_item = row.item_id if item_id is None else _guard_item(session, item_id).id
    if parent_id is not None:
        _guard_parent(session, target_item, parent_id, row.id)
        if _point_siblings(session, row.item_id, row.id):
            raise StructureError(
                "a point with sub-points cannot itself become a sub-point; "
                "its sub-points must move first"
            )
    old_parent = row.parent_id
    old = [r for r in _point_siblings(session, row.item_id, old_parent) if r.id != row.id]
    if old_parent == parent_id and target_item == row.item_id:
        index = max(0, min(index, len(old)))
        old.insert(index, row)
        _renumber(old)
        return
    _renumber(old)
    if target_item != row.item_id:
        for child in _point_siblings(session, row.item_id, row.id):
            child.item_id = target_item
        row.item_id = target_item
        session.flush()
    # Moved to another item at the same level, the row is already among its new siblings:
    # left in, it was counted twice and landed a place short of the end.
    new = [r for r in _point_siblings(session, target_item, parent_id) if r.id != row.id]
    index = max(0, min(index, len(new)))
    new.insert(index, row)
    row.parent_id = parent_id
    _renumber(new)


def insert_item(session: Session, *, meeting_id: int, index: int, item: AgendaItem) -> int:
    """Insert a whole agenda item (with points, decisions, documents); fills its ids."""
    ensure_editable(session, meeting_id)
    check_two_levels(item.points)
    siblings = list(
        session.scalars(
            select(ItemRow).where(ItemRow.meeting_id == meeting_id).order_by(ItemRow.position)
        )
    )
    index = max(0, min(index, len(siblings)))
    for sibling in siblings[index:]:
        sibling.position += 1
    row = item_row(item, index)
    row.meeting_id = meeting_id
    session.add(row)
    session.flush()
    item.id = row.id
    for decision, d_row in zip(item.decisions, row.decisions, strict=True):
        decision.id = d_row.id
    fill_ids(item.declarations, row.declarations)
    fill_ids(item.motions, row.motions)
    for movement, m_row in zip(item.movements, row.movements, strict=True):
        movement.id = m_row.id
    add_points(session, [(row, item.points)])
    return row.id


_ITEM_FIELDS = {
    "number",
    "title",
    "pages",
    "intro",
    "exempt",
    "exempt_paragraph",
    "taken_at",
    "exclusion",
    "readmitted",
}


def update_item(session: Session, *, item_id: int, **fields: Any) -> None:
    unknown = set(fields) - _ITEM_FIELDS
    if unknown:
        raise TypeError(f"not item fields: {sorted(unknown)}")
    row = _guard_item(session, item_id)
    for name, value in fields.items():
        setattr(row, name, value)


def delete_item(session: Session, *, item_id: int) -> None:
    row = _guard_item(session, item_id)
    meeting_id = row.meeting_id
    session.delete(row)
    session.flush()
    _renumber(
        list(
            session.scalars(
                select(ItemRow).where(ItemRow.meeting_id == meeting_id).order_by(ItemRow.position)
            )
        )
    )


def move_item(session: Session, *, item_id: int, index: int) -> None:
    row = _guard_item(session, item_id)
    others = [
        r
        for r in session.scalars(
            select(ItemRow).where(ItemRow.meeting_id == row.meeting_id).order_by(ItemRow.position)
        )
        if r.id != row.id
    ]
    others.insert(max(0, min(index, len(others))), row)
    _renumber(others)


def set_decisions(session: Session, *, item_id: int, decisions: list[Decision]) -> None:
    """Replace an item's decision blocks (there are one or two; rewriting them is cheap)."""
    row = _guard_item(session, item_id)
    rows = [decision_row(d, i) for i, d in enumerate(decisions)]
    replace_children(session, row, "decisions", rows, decisions)


def set_declarations(session: Session, *, item_id: int, declarations: list[Declaration]) -> None:
    replace_declarations(session, _guard_item(session, item_id), declarations)


def set_motions(session: Session, *, item_id: int, motions: list[Motion]) -> None:
    replace_motions(session, _guard_item(session, item_id), motions)


def set_movements(session: Session, *, item_id: int, movements: list[Movement]) -> None:
    replace_movements(session, _guard_item(session, item_id), movements)


def set_documents(session: Session, *, item_id: int, documents: list[str]) -> None:
    row = _guard_item(session, item_id)
    rows = [DocumentRow(position=i, title=t) for i, t in enumerate(documents)]
    replace_children(session, row, "documents", rows)


def set_attendees(session: Session, *, meeting_id: int, attendees: list[Attendee]) -> None:
    ensure_editable(session, meeting_id)
    row = session.get(MeetingRow, meeting_id)
    assert row is not None  # ensure_editable raised otherwise
    rows = [attendee_row(a, i) for i, a in enumerate(attendees)]
    replace_children(session, row, "attendees", rows, attendees)


def update_meeting(session: Session, *, meeting: Meeting) -> None:
    """Write the meeting's own fields (header, status, style); not its items or attendance."""
    if meeting.id is None:
        raise StaleEditError("the meeting has not been saved")
    row = session.get(MeetingRow, meeting.id)
    if row is None:
        raise UnknownMeetingError(f"there is no meeting {meeting.id}")
    write_meeting_fields(row, meeting)


def update_header(session: Session, *, meeting_id: int, fields: Mapping[str, object]) -> None:
    """Write some of the meeting's own fields (names as on ``Meeting``); enums by value."""
    row = session.get(MeetingRow, meeting_id)
    if row is None:
        raise UnknownMeetingError(f"there is no meeting {meeting_id}")
    for name, value in fields.items():
        setattr(row, name, value.value if isinstance(value, enum.Enum) else value)


def past_attendees(session: Session, *, committee: str) -> list[Attendee]:
    """The attendance of the committee's most recent meeting, to start the next one from."""
    latest = session.scalars(
        select(MeetingRow)
        .where(MeetingRow.committee == committee)
        .order_by(MeetingRow.date.desc(), MeetingRow.id.desc())
        .limit(1)
    ).first()
    if latest is None:
        return []
    return [
        Attendee(
            name=a.name,
            role=Role(a.role),
            presence=Presence(a.presence),
            job_title=a.job_title,
            substitute_for=a.substitute_for,
        )
        for a in latest.attendees
    ]


def known_owners(session: Session) -> list[str]:
    """Every action owner ever recorded, most used first, for the Ctrl+T completer."""
    counts: dict[str, int] = {}
    for joined in session.scalars(
        select(PointRow.action_owners).where(PointRow.action_owners != "")
    ):
        for owner in joined.split("/"):
            counts[owner] = counts.get(owner, 0) + 1
    return sorted(counts, key=lambda o: (-counts[o], o.casefold()))
