"""The capture editor: the whole meeting painted as rows, with one live editor over one point.

Design choice (DESIGN.md, "The capture editor"): a view of point rows with a single light
editor, not a rich-text document.

- Speed.  Only the point being typed is a widget: a borderless ``QPlainTextEdit`` holding that
  one point.  A keystroke costs what it costs in a bare ``QPlainTextEdit`` whatever the size of
  the meeting; every other row is a string painted on demand, and only rows on screen are
  painted.  Opening 400 points measures the wrapped height of each (~25 ms) and creates no
  widget per point.  A rich-text document of the whole meeting relays out and re-letters
  lists inside the keystroke's own path, and Qt's document undo would compete with ours.
- One mapping.  A row *is* a core ``Point``; an edit is one intent (new point, indent, move)
  sent to a service and one undo command, instead of reverse-engineering ``contentsChange``
  (a selection deleted across three points, Enter in the middle of a list) into store edits.
- Labels from the core.  Letters come from ``clerk_app.core.lettering`` in the meeting's own
  style (a., (a), 8.1...), which Qt's list formats cannot all express, so the screen and the
  exported minutes can never disagree.
- Continuity.  Enter, Backspace, Tab and the arrow keys move the editor from row to row, with
  the caret kept at the same horizontal position, so it types like one document.  Selecting
  text across several points is the price (see the report); copying a point works as usual.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QWidget

from clerk_app.core.changes import Changed
from clerk_app.core.model import AgendaItem, Point
from clerk_app.ui.capture.intents import EditIntents
from clerk_app.ui.capture.meeting_model import MeetingModel
from clerk_app.ui.capture.point_editor import JUMP_KEYS
from clerk_app.ui.capture.row_area import RowArea
from clerk_app.ui.capture.rows import Row, RowKind, owners_of
from clerk_app.ui.capture.stops import Stop, item_numbered, page_stop

_EDIT_TARGETS = {
    RowKind.COUNCIL: "header",
    RowKind.COMMITTEE: "header",
    RowKind.DATELINE: "header",
    RowKind.ATTENDANCE: "attendance",
    RowKind.ITEM: "item",
    RowKind.EXEMPT: "item",
    RowKind.INTRO: "item",
    RowKind.DOCUMENTS: "item",
    RowKind.DOCUMENT: "item",
    RowKind.DECISION: "decision",
    RowKind.PREAMBLE: "decision",
    RowKind.RESOLUTION: "decision",
}
# Any other row is offered as a "record": the records flow knows which kinds it edits
# (declarations, motions, arrivals and departures...), so a new one is added there alone.
RECORD_TARGET = "record"


class CaptureView(RowArea):
    """The rows, their geometry and the editor's place are ``RowArea``'s; here, what the
    editor reports and the clerk's keys and clicks do, each turned into one intent."""

    status_message = Signal(str)
    edit_requested = Signal(str, object)  # "item"/"decision"/.../"record", the row

    def __init__(
        self, model: MeetingModel, intents: EditIntents, parent: QWidget | None = None
    ) -> None:
        super().__init__(model, parent)
        self.intents = intents
        self._connect()
        self.rebuild()

    def _connect(self) -> None:
        m, e = self.model, self.editor
        m.changed.connect(self._on_changed)
        m.focus.connect(lambda where: self.focus_point(*where))
        e.on_edited = self._on_edited
        e.lines_changed.connect(self._on_editor_lines)
        e.enter_pressed.connect(lambda: self._gesture(self.intents.new_point, "Nothing to add"))
        e.indent_pressed.connect(self.indent)
        e.outdent_pressed.connect(self.outdent)
        e.delete_empty.connect(lambda: self._delete(only_if_empty=True))
        e.move_pressed.connect(self.move_point)
        e.merge_pressed.connect(self.merge)
        e.jump_pressed.connect(self.jump)
        e.leave_pressed.connect(self._leave)
        e.undo_pressed.connect(self.intents.stack.undo)
        e.redo_pressed.connect(self.intents.stack.redo)

    # --- long-distance movement -------------------------------------------------------------
    def jump(self, where: str) -> None:
        """Ctrl+Home/End, Ctrl+Up/Down (agenda items), PageUp/PageDown (a screen)."""
        stops = self.stops()
        if not stops:
            return
        index = self._stop_index(stops)
        if where == "first-point":
            self.focus_stop(stops[0], 0)
        elif where == "last-point":
            self.focus_stop(stops[-1], -1)
        elif where in ("previous-item", "next-item"):
            self._jump_item(-1 if where == "previous-item" else 1)
        elif where in ("page-up", "page-down"):
            self._jump_page(stops, index, -1 if where == "page-up" else 1)

    def _jump_item(self, delta: int) -> None:
        items = self.model.meeting.items
        here = self.current_item
        index = next((i for i, item in enumerate(items) if item is here), -1)
        target = index + delta if index >= 0 else (0 if delta > 0 else len(items) - 1)
        if 0 <= target < len(items):
            self.go_to_item(items[target])
        else:
            self.status_message.emit("No agenda item " + ("above" if delta < 0 else "below"))

    def go_to_item(self, item: AgendaItem) -> None:
        """The caret at the end of an item's first point (in the item, if it has none)."""
        self.focus_empty_item(item) if not item.points else self.focus_point(item.points[0], -1)

    def item_numbered(self, number: str) -> AgendaItem | None:
        return item_numbered(self.model.meeting, number)

    def _jump_page(self, stops: list[Stop], index: int | None, delta: int) -> None:
        bar = self.verticalScrollBar()
        page = self.viewport().height()
        here = self.rows[self._editor_row() or 0].y if index is not None else bar.value()
        tops = [self._stop_row(stop).y for stop in stops]
        chosen = page_stop(tops, index, here + delta * page, delta)
        bar.setValue(bar.value() + delta * page)
        self.focus_stop(stops[chosen], -1)

    def _stop_row(self, stop: Stop) -> Row:
        if isinstance(stop, AgendaItem):
            return self.rows[self._empty_row_of[id(stop)]]
        return self.row_of(stop)

    def _on_edited(self, caret_before: int, caret_after: int) -> None:
        if self.active is not None:
            self.intents.type_text(self.active, self.editor.text(), caret_before, caret_after)
        elif self.pending is not None and self.editor.text():
            # The first character typed in an empty item: now its first point exists.
            self.intents.first_point(self.pending, self.editor.text(), caret_after)

    def _on_changed(self, changed: Changed) -> None:
        """The model's one notification: rows rebuilt for a new shape, else points redrawn."""
        if changed.structure or changed.header:
            self.rebuild()
        for point in changed.points:
            self._on_point_text(point)

    def _on_point_text(self, point: Point) -> None:
        index = self._row_of.get(id(point))
        if index is None:
            return
        row = self.rows[index]
        row.text = point.text
        owners = owners_of(point.text)
        if point is self.active:
            # The keystroke path: the editor already shows the text; repaint only the chip.
            if self.editor.text() != point.text:
                self.editor.load(point.text, self.editor.caret())
            if owners != row.owners:
                row.owners = owners
                self.viewport().update(self._row_rect(row))
            return
        row.owners = owners
        height = self.painter.height(row, self.viewport().width())
        if height != row.height:
            row.height = height
            self._position_from(index)
        else:
            self.viewport().update(self._row_rect(row))

    def _on_editor_lines(self, _lines: int) -> None:
        index = self._editor_row()
        if index is None:
            return
        self.rows[index].height = self._editor_height()
        self._position_from(index)
        self.ensure_visible(self.rows[index])

    # --- gestures -------------------------------------------------------------------------
    def _gesture(self, intent: object, refusal: str) -> None:
        if self.active is not None and not intent(self.active, self.editor.caret()):  # type: ignore[operator]  # one of EditIntents' (point, caret) methods
            self.status_message.emit(refusal)

    def new_point(self) -> None:
        if self.active is not None:
            self._gesture(self.intents.new_point, "Type something in this point first")
        elif self.current_item is not None and not self.current_item.points:
            self.intents.first_point(self.current_item)

    def indent(self) -> None:
        self._gesture(self.intents.indent, "Only a lettered point after another can be indented")

    def outdent(self) -> None:
        self._gesture(self.intents.outdent, "This point is not a sub-point")

    def move_point(self, delta: int) -> None:
        refusal = "Already the first" if delta < 0 else "Already the last"
        if self.active is not None and not self.intents.move(
            self.active, delta, self.editor.caret()
        ):
            self.status_message.emit(f"{refusal} at its level")

    def merge(self, direction: int) -> None:
        if self.active is not None and not self.intents.merge(self.active, direction):
            where = "above" if direction < 0 else "below"
            self.status_message.emit(f"No point {where} in this agenda item to join")

    def delete_point(self) -> None:
        self._delete(only_if_empty=False)

    def _delete(self, *, only_if_empty: bool) -> None:
        if self.active is not None and not self.intents.delete(
            self.active, only_if_empty=only_if_empty
        ):
            self.status_message.emit("Only an empty point without sub-points goes with Backspace")

    def _leave(self, direction: int, x: int) -> None:
        stops = self.stops()
        here = self._stop_index(stops)
        if here is None:
            return
        index = here + direction
        if not 0 <= index < len(stops):
            return
        target = stops[index]
        if isinstance(target, AgendaItem):
            self.focus_empty_item(target)
            return
        caret = -1 if x == -2 else 0 if x == -1 else -1
        self.focus_point(target, caret)
        if x >= 0:
            self.editor.caret_to_x(x, last_line=direction < 0)

    # --- mouse and keys without an active point -------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802  (Qt's name)
        row = self.row_at(int(event.position().y()))
        if row is None:
            return
        if row.kind is RowKind.POINT and row.point is not None:
            self.focus_point(row.point, -1)
            inside = self.editor.mapFrom(self.viewport(), event.position().toPoint())
            self.editor.setTextCursor(self.editor.cursorForPosition(inside))
        elif row.kind is RowKind.EMPTY_ITEM and row.item is not None:
            self.focus_empty_item(row.item)
        elif row.item is not None:
            self.current_item = row.item
            self.current_changed.emit()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802  (Qt's name)
        row = self.row_at(int(event.position().y()))
        if row is not None and row.kind is RowKind.NO_ITEMS:
            self.edit_requested.emit("new-item", row)
        elif row is not None:
            self.edit_requested.emit(_EDIT_TARGETS.get(row.kind, RECORD_TARGET), row)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        jump = JUMP_KEYS.get((event.key(), mods))
        if jump is not None:
            self.jump(jump)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.current_item is not None and not self.current_item.points:
                self.focus_empty_item(self.current_item)
            else:
                self.focus_last_point()
            return
        super().keyPressEvent(event)
