"""Persisting core's change values: each ``clerk_app.core.changes`` value to its rows.

The change was checked and is applied in memory by the core; this writes the same change, row
by row, in the caller's transaction.  Ids the store gives (a new point, a re-inserted item) are
written onto the core objects, which is how later changes find their rows.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from clerk_app.core import changes as c
from clerk_app.store import edits


def _id(value: int | None, what: str) -> int:
    if value is None:
        raise edits.StaleEditError(f"the {what} has not been saved")
    return value


def persist(session: Session, meeting_id: int, change: c.Change) -> None:
    """Write ``change`` (not yet applied in memory: positions are read as they are now)."""
    if isinstance(change, c.SetText):
        edits.set_point_text(session, point_id=_id(change.point.id, "point"), text=change.text)
    elif isinstance(change, c.InsertPoint):
        edits.insert_point(
            session,
            item_id=_id(change.item.id, "item"),
            parent_id=None if change.parent is None else _id(change.parent.id, "parent point"),
            index=change.index,
            point=change.point,
        )
    elif isinstance(change, c.DeletePoint):
        edits.delete_point(session, point_id=_id(change.point.id, "point"))
    elif isinstance(change, c.MovePoint):
        edits.move_point(
            session,
            point_id=_id(change.point.id, "point"),
            parent_id=None if change.parent is None else _id(change.parent.id, "parent point"),
            index=change.index,
            item_id=None if change.item is None else _id(change.item.id, "item"),
        )
    elif isinstance(change, c.SetActionDone):
        edits.set_action_done(
            session, point_id=_id(change.point.id, "point"), done=change.done, on=change.on
        )
    else:
        _persist_item_or_meeting(session, meeting_id, change)


def _persist_item_or_meeting(session: Session, meeting_id: int, change: c.Change) -> None:
    if isinstance(change, c.InsertItem):
        edits.insert_item(session, meeting_id=meeting_id, index=change.index, item=change.item)
    elif isinstance(change, c.DeleteItem):
        edits.delete_item(session, item_id=_id(change.item.id, "item"))
    elif isinstance(change, c.MoveItem):
        edits.move_item(session, item_id=_id(change.item.id, "item"), index=change.index)
    elif isinstance(change, c.UpdateItem):
        edits.update_item(session, item_id=_id(change.item.id, "item"), **change.fields)
    elif isinstance(change, c.SetDecisions):
        edits.set_decisions(
            session, item_id=_id(change.item.id, "item"), decisions=change.decisions
        )
    elif isinstance(change, c.SetDocuments):
        edits.set_documents(
            session, item_id=_id(change.item.id, "item"), documents=change.documents
        )
    elif isinstance(change, c.SetDeclarations):
        edits.set_declarations(
            session, item_id=_id(change.item.id, "item"), declarations=change.declarations
        )
    elif isinstance(change, c.SetMotions):
        edits.set_motions(session, item_id=_id(change.item.id, "item"), motions=change.motions)
    elif isinstance(change, c.SetMovements):
        edits.set_movements(
            session, item_id=_id(change.item.id, "item"), movements=change.movements
        )
    elif isinstance(change, c.SetAttendance):
        edits.set_attendees(session, meeting_id=meeting_id, attendees=change.attendees)
    elif isinstance(change, c.UpdateHeader):
        edits.update_header(session, meeting_id=meeting_id, fields=change.fields)
    else:
        raise TypeError(f"not a change: {change!r}")
