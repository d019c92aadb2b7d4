"""A click on a declaration, motion, arrival/departure, exclusion or readmission row selects
it; then Enter edits it, Delete removes it (after asking) and Esc goes back to typing.  The
status bar says what is selected.

Kept out of the capture view: it watches the view's mouse and keys through an event filter
and hands the row to whoever listens (the procedure flow), so the view knows nothing of it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent

from clerk_app.ui.capture.capture_view import CaptureView
from clerk_app.ui.capture.rows import Row, RowKind

RECORD_ROWS = (
    RowKind.DECLARATION,
    RowKind.MOTION,
    RowKind.NAMED_VOTE,
    RowKind.MOVEMENT,
    RowKind.EXCLUSION,
    RowKind.READMITTED,
)
# The exclusion's and the readmission's rows both stand for their item (an item passes at most
# one of each): the kind tells them apart, so an item readmitting and then excluding again
# shows only the clicked one selected.
_ITEM_ROWS = (RowKind.EXCLUSION, RowKind.READMITTED)
# What is selected: the kind for an item's row (None for the others) and the record itself.
Record = tuple[RowKind | None, object]


def _record_of(row: Row) -> Record | None:
    """What a record row stands for: its declaration or motion (one for a motion's rows),
    its arrival/departure, or for the exclusion and the readmission their kind and item."""
    if row.kind in _ITEM_ROWS:
        return None if row.item is None else (row.kind, row.item)
    record = row.record if row.record is not None else row.movement
    return None if record is None else (None, record)


def _same(one: Record | None, other: Record | None) -> bool:
    """By identity, not equality: two arrivals alike in every field are still two rows."""
    return one is not None and other is not None and one[0] is other[0] and one[1] is other[1]


class RecordKeys(QObject):
    edit = Signal(object)  # the selected Row
    remove = Signal(object)

    def __init__(self, view: CaptureView, say: Callable[[str], None]) -> None:
        super().__init__(view)
        self.view, self.say = view, say
        # The record (kind, Movement or item...), not its row: rows are rebuilt by edits.
        self.selected: Record | None = None
        # Kept, not asked of the view per event: events still arrive while it is destroyed.
        self.viewport = view.viewport()
        self.viewport.installEventFilter(self)
        view.installEventFilter(self)

    def row(self) -> Row | None:
        """The selected record's row as the view has it now (rows are rebuilt by edits)."""
        if self.selected is None:
            return None
        return next((r for r in self.view.rows if self._is_selected(r)), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and watched is self.viewport:
            assert isinstance(event, QMouseEvent)
            self._clicked(int(event.position().y()))
        elif kind == QEvent.Type.KeyPress and watched is self.view:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        return False

    def _choose(self, record: Record | None) -> None:
        """Select ``record`` (None: nothing), and show it selected in the view."""
        self.selected = record
        self.view.select(None if record is None else self._is_selected)

    def _is_selected(self, row: Row) -> bool:
        return row.kind in RECORD_ROWS and _same(_record_of(row), self.selected)

    def _clicked(self, y: int) -> None:
        row = self.view.row_at(y)
        record = None if row is None or row.kind not in RECORD_ROWS else _record_of(row)
        if row is None or record is None:
            self._choose(None)
            return
        self._choose(record)
        self.view.setFocus(Qt.FocusReason.MouseFocusReason)  # keys to the view, not a point
        self.say(f"Selected: {row.text[:80]} (Enter edits, Delete removes, Esc back to typing)")

    def _key(self, event: QKeyEvent) -> bool:
        row = self.row()
        if row is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit.emit(row)
        elif event.key() == Qt.Key.Key_Delete:
            self.remove.emit(row)
        elif event.key() == Qt.Key.Key_Escape:
            self._choose(None)
            self.view.focus_last_point()
        else:
            return False
        return True
