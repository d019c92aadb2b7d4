"""Undo commands: one per user edit; ``redo()``/``undo()`` call the meeting model, which calls
the services.

Commands hold core objects (``Point``, ``AgendaItem``), never ids: undoing a delete re-inserts
the same object and the store gives it new ids, so anything that kept an id would go stale.
Each command also says where the caret belongs afterwards, so undo puts the clerk back where
the edit happened.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from clerk_app.core.model import AgendaItem, Attendee, Decision, Point
from clerk_app.core.structure import Move
from clerk_app.ui.meeting_model import EditNotSaved, MeetingModel, PointPlace

TYPING_ID = 1001


def _guarded(method: Callable[[Any], None]) -> Callable[[Any], None]:
    @functools.wraps(method)
    def guarded(self: QUndoCommand) -> None:
        try:
            method(self)
        except EditNotSaved:
            # Nothing was changed; an obsolete command leaves the undo stack, so the stack
            # never claims an edit the database does not have.  The model has warned already.
            self.setObsolete(True)

    return guarded


class EditCommand(QUndoCommand):
    """Base of every command: a redo or undo that cannot be saved (disk full) is dropped."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in ("redo", "undo"):
            if name in cls.__dict__:
                setattr(cls, name, _guarded(cls.__dict__[name]))


class TypeText(EditCommand):
    """Typing in one point; consecutive typing in the same point merges into one command."""

    def __init__(
        self,
        model: MeetingModel,
        point: Point,
        old: str,
        new: str,
        *,
        caret_before: int,
        caret_after: int,
        mergeable: bool = True,
        label: str = "Typing",
    ) -> None:
        super().__init__(label)
        self.model, self.point = model, point
        self.old, self.new = old, new
        self.caret_before, self.caret_after = caret_before, caret_after
        self.mergeable = mergeable

    def id(self) -> int:
        return TYPING_ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802  (Qt's name)
        if not isinstance(other, TypeText) or other.point is not self.point:
            return False
        if not other.mergeable:
            return False
        self.new, self.caret_after = other.new, other.caret_after
        return True

    def redo(self) -> None:
        # Typing is saved by the debounce timer; a one-off change (Ctrl+T) is saved at once.
        self.model.set_point_text(self.point, self.new, save_now=not self.mergeable)
        self.model.request_focus(self.point, self.caret_after)

    def undo(self) -> None:
        self.model.set_point_text(self.point, self.old, save_now=True)
        self.model.request_focus(self.point, self.caret_before)


class InsertPoint(EditCommand):
    """Enter: a new point after the current one; text after the caret moves into it."""

    def __init__(
        self,
        model: MeetingModel,
        place: PointPlace,
        point: Point,
        *,
        split: tuple[Point, str, str] | None = None,
        focus_on_undo: tuple[Point, int] | None = None,
    ) -> None:
        super().__init__("New point")
        self.model, self.place, self.point = model, place, point
        self.split = split  # (point split, its text before, its text after the split)
        self.focus_on_undo = focus_on_undo

    def redo(self) -> None:
        if self.split is not None:
            source, _before, after = self.split
            self.model.set_point_text(source, after, save_now=True)
        self.model.insert_point(self.place, self.point)
        self.model.request_focus(self.point, 0)

    def undo(self) -> None:
        self.model.delete_point(self.point)
        if self.split is not None:
            source, before, _after = self.split
            self.model.set_point_text(source, before, save_now=True)
        if self.focus_on_undo is not None:
            self.model.request_focus(*self.focus_on_undo)


class DeletePoint(EditCommand):
    """Backspace in an empty point (or the Delete point command): the point and its sub-points."""

    def __init__(self, model: MeetingModel, point: Point, focus: tuple[Point, int] | None) -> None:
        super().__init__("Delete point")
        self.model, self.point, self.focus = model, point, focus
        self.place: PointPlace | None = None

    def redo(self) -> None:
        self.place = self.model.delete_point(self.point)
        if self.focus is not None:
            self.model.request_focus(*self.focus)

    def undo(self) -> None:
        assert self.place is not None
        self.model.insert_point(self.place, self.point)
        self.model.request_focus(self.point, len(self.point.text))


class MovePoints(EditCommand):
    """Alt+Up/Down, Tab, Shift+Tab: moves planned by core/structure.py, saved as one change
    and undone by the reverse moves, so undo restores exactly the shape before."""

    def __init__(
        self,
        model: MeetingModel,
        label: str,
        moves: list[Move],
        caret: int,
        focus: Point | None = None,
    ) -> None:
        super().__init__(label)
        self.model, self.moves, self.caret = model, moves, caret
        self.focus = moves[0].point if focus is None else focus  # where the caret was
        self.back: list[Move] = []

    def redo(self) -> None:
        self.back = self.model.move_points(self.moves)
        self.model.request_focus(self.focus, self.caret)

    def undo(self) -> None:
        self.model.move_points(list(reversed(self.back)))
        self.model.request_focus(self.focus, self.caret)


class MarkActionDone(EditCommand):
    def __init__(self, model: MeetingModel, point: Point, done: bool) -> None:
        super().__init__("Action done" if done else "Action reopened")
        self.model, self.point, self.done = model, point, done
        self.old = (point.action_done, point.action_done_on)

    def redo(self) -> None:
        self.model.set_action_done(self.point, self.done, None)

    def undo(self) -> None:
        self.model.set_action_done(self.point, *self.old)


class InsertItem(EditCommand):
    """Ctrl+Enter / Add item: a whole agenda item, with a first empty point to type into."""

    def __init__(self, model: MeetingModel, index: int, item: AgendaItem) -> None:
        super().__init__("New agenda item")
        self.model, self.index, self.item = model, index, item
        self.focus_on_undo: tuple[Point, int] | None = None

    def redo(self) -> None:
        self.model.insert_item(self.index, self.item)
        if self.item.points:
            self.model.request_focus(self.item.points[0], 0)

    def undo(self) -> None:
        self.model.delete_item(self.item)
        if self.focus_on_undo is not None:
            self.model.request_focus(*self.focus_on_undo)


class DeleteItem(EditCommand):
    def __init__(self, model: MeetingModel, item: AgendaItem) -> None:
        super().__init__("Delete agenda item")
        self.model, self.item = model, item
        self.index = 0

    def redo(self) -> None:
        self.index = self.model.delete_item(self.item)

    def undo(self) -> None:
        self.model.insert_item(self.index, self.item)


class MoveItem(EditCommand):
    def __init__(self, model: MeetingModel, item: AgendaItem, index: int) -> None:
        super().__init__("Move agenda item")
        self.model, self.item, self.index = model, item, index
        self.old_index = 0

    def redo(self) -> None:
        self.old_index = self.model.meeting.items.index(self.item)
        self.model.move_item(self.item, self.index)

    def undo(self) -> None:
        self.model.move_item(self.item, self.old_index)


ITEM_FIELDS = ("number", "title", "pages", "intro", "exempt", "exempt_paragraph")


class EditItem(EditCommand):
    """Retitle, renumber, intro, exemption, supporting documents: one dialog, one command."""

    def __init__(
        self,
        model: MeetingModel,
        item: AgendaItem,
        fields: dict[str, object],
        documents: list[str] | None = None,
    ) -> None:
        super().__init__("Edit agenda item")
        self.model, self.item = model, item
        self.new = dict(fields)
        self.old = {name: getattr(item, name) for name in fields}
        self.new_documents = documents
        self.old_documents = list(item.documents)

    def redo(self) -> None:
        if self.new:
            self.model.update_item(self.item, self.new)
        if self.new_documents is not None and self.new_documents != self.old_documents:
            self.model.set_documents(self.item, self.new_documents)

    def undo(self) -> None:
        if self.old:
            self.model.update_item(self.item, self.old)
        if self.new_documents is not None and self.new_documents != self.old_documents:
            self.model.set_documents(self.item, self.old_documents)


class SetDecisions(EditCommand):
    """Ctrl+R and editing a decision block: the item's decisions replaced as a whole."""

    def __init__(
        self, model: MeetingModel, item: AgendaItem, decisions: list[Decision], label: str
    ) -> None:
        super().__init__(label)
        self.model, self.item = model, item
        # Deep copies: the service cleans the objects it is given, and undo must not see that.
        self.new = copy.deepcopy(decisions)
        self.old = copy.deepcopy(item.decisions)

    def redo(self) -> None:
        self.model.set_decisions(self.item, copy.deepcopy(self.new))

    def undo(self) -> None:
        self.model.set_decisions(self.item, copy.deepcopy(self.old))


class SetAttendance(EditCommand):
    def __init__(self, model: MeetingModel, attendees: list[Attendee]) -> None:
        super().__init__("Edit attendance")
        self.model = model
        self.new = copy.deepcopy(attendees)
        self.old = copy.deepcopy(model.meeting.attendees)

    def redo(self) -> None:
        self.model.set_attendees(copy.deepcopy(self.new))

    def undo(self) -> None:
        self.model.set_attendees(copy.deepcopy(self.old))


class EditHeader(EditCommand):
    """The meeting's own fields: council, committee, date, times, venue, label style."""

    def __init__(self, model: MeetingModel, fields: dict[str, object]) -> None:
        super().__init__("Edit meeting details")
        self.model = model
        self.new = dict(fields)
        self.old = {name: getattr(model.meeting, name) for name in fields}

    def redo(self) -> None:
        self.model.update_header(self.new)

    def undo(self) -> None:
        self.model.update_header(self.old)
