"""The time each item was taken, noted as the clerk comes to it; the meeting's start with
the first.

An item with no time is stamped "now" when the caret moves into it (its first point or its
empty row) from the item before, in agenda order: the first item, or one whose previous
item has its time.  Anywhere else (the item the caret stood in when the meeting opened, at
a quarter past six; the last item, reached by Ctrl+End to look ahead; an item the chair
takes out of order) it is stamped at the first edit made there, not by a glance.  Only a
meeting dated today, editable, is stamped: reopening last year's minutes notes nothing.
The meeting's start time is stamped with the first item stamped, if it has none.

The stamp is an ``UpdateItem`` (and ``UpdateHeader``) through the one change path, saved at
once, but it is not put on the undo stack.  It is a fact Clerk observes, not an edit the
clerk made: as an undo step of its own, Ctrl+Z after typing in a new item would next take
away its time, and simply moving the caret after an undo would push it and throw away the
redo history.  Folding it into the first edit was the other choice, but the first edit is
usually a keystroke, whose command must stay as cheap as it is.  A wrong time is corrected
in the item's dialog (F2), and that correction is an ordinary undoable edit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from clerk_app.core.changes import Change, Changed, UpdateHeader, UpdateItem
from clerk_app.core.model import AgendaItem
from clerk_app.ui.capture.meeting_model import EditNotSaved
from clerk_app.ui.capture.open_meeting import OpenMeeting


class ItemClock(QObject):
    def __init__(
        self, open_meeting: OpenMeeting, now: Callable[[], dt.datetime], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.open, self.now = open_meeting, now
        self._seen: AgendaItem | None = open_meeting.view.current_item
        # The item the caret stood in at opening: stamped at its first edit instead.
        self._waiting: AgendaItem | None = self._seen
        open_meeting.view.current_changed.connect(self._on_current)
        open_meeting.model.changed.connect(self._on_changed)

    def _on_current(self) -> None:
        item = self.open.view.current_item
        if item is None or item is self._seen:
            return
        self._seen = item
        self._waiting = None
        if item.taken_at is not None:
            return
        items = self.open.meeting.items
        position = next((i for i, each in enumerate(items) if each is item), 0)
        if position == 0 or items[position - 1].taken_at is not None:
            self._later(item)  # the next item in order: the meeting has come to it
        else:
            self._waiting = item  # a jump: stamped if the clerk writes there

    def _on_changed(self, _changed: Changed) -> None:
        # On every keystroke: one comparison, and nothing once the first edit has come.
        if self._waiting is not None and self._waiting is self.open.view.current_item:
            item, self._waiting = self._waiting, None
            self._later(item)

    def _later(self, item: AgendaItem) -> None:
        # Not inside the focus change or the edit that asked: an undo command may be
        # half-way through, and the rows are being rebuilt.
        QTimer.singleShot(0, self, lambda: self.stamp(item))

    def stamp(self, item: AgendaItem) -> None:
        meeting = self.open.meeting
        moment = self.now()
        if (
            self.open.locked
            or item.taken_at is not None
            or meeting.date != moment.date()
            or not any(each is item for each in meeting.items)
        ):
            return
        at = moment.time().replace(second=0, microsecond=0)
        changes: list[Change] = [UpdateItem(item, {"taken_at": at})]
        if meeting.start_time is None:
            changes.append(UpdateHeader({"start_time": at}))
        try:
            self.open.model.apply(changes)
        except EditNotSaved:
            pass  # the model said why in the status bar; the next item will try again
