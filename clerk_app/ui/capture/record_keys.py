"""A click on a record row (a declaration, motion, arrival/departure, the exclusion or the
readmission) selects it; then Enter edits it, Delete removes it (after asking) and Esc goes back
to typing.  The status bar says what is selected.

Kept out of the capture view: it watches the view's mouse and keys through an event filter
and hands the row to whoever listens (the records flow), so the view knows nothing of it.
Which kinds of row are records is the listener's to say (``kinds``): one table, not two."""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent

from clerk_app.ui.capture.capture_view import CaptureView
from clerk_app.ui.capture.rows import Row, RowKind

Key = tuple[RowKind, object]


def record_of(row: Row) -> Key:
    """What a record row stands for, with its kind: its declaration or motion, its
    arrival/departure, or for a row the item holds one of (the exclusion's resolution) the
    item.  The kind tells apart two such rows of one item; a motion's named vote is the
    motion's, so selecting either marks both."""
    kind = RowKind.MOTION if row.kind is RowKind.NAMED_VOTE else row.kind
    if row.record is not None:
        return kind, row.record
    return kind, row.movement if row.movement is not None else row.item


class RecordKeys(QObject):
    edit = Signal(object)  # the selected Row
    remove = Signal(object)

    def __init__(
        self, view: CaptureView, kinds: Collection[RowKind], say: Callable[[str], None]
    ) -> None:
        super().__init__(view)
        self.view, self.kinds, self.say = view, kinds, say
        self.selected: Key | None = None  # the record (Movement, item), not its row
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

    def _choose(self, record: Key | None) -> None:
        """Select ``record`` (None: nothing), and show it selected in the view."""
        self.selected = record
        self.view.select(None if record is None else self._is_selected)

    def _is_selected(self, row: Row) -> bool:
        if row.kind not in self.kinds or self.selected is None:
            return False
        kind, record = record_of(row)
        return kind is self.selected[0] and record is self.selected[1]

    def _clicked(self, y: int) -> None:
        row = self.view.row_at(y)
        if row is None or row.kind not in self.kinds or record_of(row)[1] is None:
            self._choose(None)
            return
        self._choose(record_of(row))
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
