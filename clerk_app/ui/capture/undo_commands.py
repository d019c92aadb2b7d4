"""Undo commands: one per gesture; ``redo()``/``undo()`` hand core change values to the model.

``Edit`` is every gesture but typing: its changes (``clerk_app.core.changes``) are written and
applied as one transaction, and the changes that undo them come back from the same call, so no
command spells out its own reverse.  ``TypeText`` is typing, which merges keystrokes into one
step and is saved by the model's debounce.  Commands hold core objects, never ids: undoing a
delete re-inserts the same object and the store gives it new ids.  Each command also says
where the caret belongs afterwards, so undo puts the clerk back where the edit happened.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from clerk_app.core.changes import Change, SetActionDone, SetText
from clerk_app.core.model import Point
from clerk_app.ui.capture.meeting_model import EditNotSaved, MeetingModel

TYPING_ID = 1001

Focus = tuple[Point, int] | None


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

    def extend(self, text: str, caret_after: int) -> None:
        """The keystroke path: more typing in the same point joins this command, as
        ``mergeWith`` would, without building and pushing a command for every key."""
        self.new, self.caret_after = text, caret_after
        self.model.type_text(self.point, text)

    def redo(self) -> None:
        if self.mergeable:  # typing: saved by the debounce timer
            self.model.type_text(self.point, self.new)
        else:  # a one-off change (Ctrl+T): saved at once
            self.model.apply([SetText(self.point, self.new)])
        self.model.request_focus(self.point, self.caret_after)

    def undo(self) -> None:
        self.model.apply([SetText(self.point, self.old)])
        self.model.request_focus(self.point, self.caret_before)


class Edit(EditCommand):
    """Any other gesture: core changes made together, undone by the changes they return."""

    def __init__(
        self,
        model: MeetingModel,
        label: str,
        changes: Sequence[Change],
        *,
        focus: Focus = None,
        focus_on_undo: Focus = None,
    ) -> None:
        super().__init__(label)
        self.model, self.changes = model, list(changes)
        self.focus, self.focus_on_undo = focus, focus_on_undo
        self.undo_changes: list[Change] = []

    @property
    def tracker_only(self) -> bool:
        """Marks actions done and nothing else: allowed on approved minutes (see read_only)."""
        return all(isinstance(change, SetActionDone) for change in self.changes)

    def redo(self) -> None:
        self.undo_changes = self.model.apply(self.changes)
        if self.focus is not None:
            self.model.request_focus(*self.focus)

    def undo(self) -> None:
        self.model.apply(self.undo_changes)
        if self.focus_on_undo is not None:
            self.model.request_focus(*self.focus_on_undo)
