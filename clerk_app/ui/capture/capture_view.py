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

import bisect

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from clerk_app.core.changes import Changed
from clerk_app.core.model import AgendaItem, Point
from clerk_app.ui.capture.intents import EditIntents
from clerk_app.ui.capture.meeting_model import MeetingModel
from clerk_app.ui.capture.point_editor import JUMP_KEYS, PointEditor
from clerk_app.ui.capture.row_painter import ACTIVE_BAND, RowPainter
from clerk_app.ui.capture.rows import PROCEEDINGS_EDIT_TARGETS, Row, RowKind, build_rows, owners_of
from clerk_app.ui.capture.stops import Stop, item_numbered, page_stop, stops

_BOTTOM_SPACE = 120  # room below the last point: the clerk types near the middle, not the edge

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
    RowKind.DECLARATION: "procedure",
    RowKind.MOTION: "procedure",
    RowKind.NAMED_VOTE: "procedure",
} | PROCEEDINGS_EDIT_TARGETS


class CaptureView(QAbstractScrollArea):
    status_message = Signal(str)
    edit_requested = Signal(str, object)  # "item"/"decision"/"attendance"/"header", the row
    current_changed = Signal()

    def __init__(
        self, model: MeetingModel, intents: EditIntents, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model, self.intents = model, intents
        self.painter = RowPainter()
        self.rows: list[Row] = []
        self._tops: list[int] = []  # row.y, for bisect
        self._row_of: dict[int, int] = {}  # id(point) -> index in rows
        self.active: Point | None = None
        # An empty agenda item the caret stands in (Up/Down arrived there): the editor shows
        # over its placeholder, and its first point is made by the first character typed.
        self.pending: AgendaItem | None = None
        self._empty_row_of: dict[int, int] = {}  # id(item) -> index of its EMPTY_ITEM row
        self.current_item: AgendaItem | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setAutoFillBackground(True)
        self.verticalScrollBar().setSingleStep(self.painter.line_height * 2)
        self.editor = PointEditor(self.viewport())
        self.editor.setFont(self.painter.fonts["body"])
        palette = self.editor.palette()
        palette.setColor(QPalette.ColorRole.Base, ACTIVE_BAND)
        self.editor.setPalette(palette)
        self.editor.hide()
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

    # --- rows and geometry ----------------------------------------------------------------
    def rebuild(self) -> None:
        """Rows from the meeting (letters follow), then heights and positions."""
        self.rows = build_rows(self.model.meeting)
        self._row_of = {id(r.point): i for i, r in enumerate(self.rows) if r.point is not None}
        self._empty_row_of = {
            id(r.item): i for i, r in enumerate(self.rows) if r.kind is RowKind.EMPTY_ITEM
        }
        lost = self.active is not None and id(self.active) not in self._row_of
        if self.pending is not None and id(self.pending) not in self._empty_row_of:
            # Typed into, its first point now exists, and the focus request that follows puts
            # the editor on it; hiding the editor meanwhile would drop the keyboard focus.
            lost = lost or not any(item is self.pending for item in self.model.meeting.items)
            self.pending = None
        if lost:
            self.active = self.pending = None
            self.editor.hide()
        self._measure_all()
        item = self.current_item
        if lost and item is not None and id(item) in self._empty_row_of:
            # Its only point went (undo of the first character typed there): the caret stays.
            self.focus_empty_item(item)

    def _measure_all(self) -> None:
        width = self.viewport().width()
        for row in self.rows:
            row.gap = self.painter.gap(row)
            row.height = self.painter.height(row, width)
        index = self._editor_row()
        if index is not None:
            self.rows[index].height = self._editor_height()
        self._position_from(0)

    def _position_from(self, start: int) -> None:
        y = self.rows[start - 1].y + self.rows[start - 1].height if start else 0
        for row in self.rows[start:]:
            y += row.gap
            row.y = y
            y += row.height
        self._tops = [row.y for row in self.rows]
        bar = self.verticalScrollBar()
        bar.setPageStep(self.viewport().height())
        bar.setRange(0, max(0, y + _BOTTOM_SPACE - self.viewport().height()))
        self._place_editor()
        self.viewport().update()

    def _editor_height(self) -> int:
        return self.editor.line_count() * self.editor.fontMetrics().lineSpacing()

    def _editor_row(self) -> int | None:
        """The index of the row the editor stands over: the active point, or an empty item."""
        if self.active is not None:
            return self._row_of[id(self.active)]
        if self.pending is not None:
            return self._empty_row_of[id(self.pending)]
        return None

    def _place_editor(self) -> None:
        index = self._editor_row()
        if index is None:
            return
        row = self.rows[index]
        width = self.painter.text_width(row, self.viewport().width())
        top = row.y - self.verticalScrollBar().value()
        self.editor.setGeometry(self.painter.text_x(row), top, width, row.height)
        # The editor is as tall as its text, so it never needs to scroll; but while it was
        # still one line tall, a wrapping keystroke scrolled it, hiding the first line.  And
        # while the view was not yet laid out (a meeting just opened) it was narrower than a
        # word, and scrolled sideways to the caret: the first letter of each line was cut off.
        self.editor.verticalScrollBar().setValue(0)
        self.editor.horizontalScrollBar().setValue(0)

    def row_at(self, y: int) -> Row | None:
        """The row under viewport y (the space above a row belongs to it)."""
        y += self.verticalScrollBar().value()
        index = bisect.bisect_right(self._tops, y + 12) - 1
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def row_of(self, point: Point) -> Row:
        return self.rows[self._row_of[id(point)]]

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802  (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.painter.clear_cache()
        self._measure_all()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802  (Qt's name)
        self._place_editor()
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802  (Qt's name)
        painter = QPainter(self.viewport())
        top = self.verticalScrollBar().value()
        clip = event.rect()
        width = self.viewport().width()
        first = max(0, bisect.bisect_right(self._tops, top + clip.top()) - 1)
        for row in self.rows[first:]:
            y = row.y - top
            if y > clip.bottom():
                break
            self.painter.paint(
                painter, row, y, width, active=row.point is not None and row.point is self.active
            )
        painter.end()

    # --- the active point -----------------------------------------------------------------
    def focus_point(self, point: Point, caret: int = -1) -> None:
        """Put the editor on ``point`` with the caret at ``caret`` (-1: at the end)."""
        if point is self.active and self.editor.isVisible() and self.editor.caret() == caret:
            return  # every keystroke's redo asks for this: nothing to do, and fast
        if id(point) not in self._row_of:
            return
        if point is not self.active:
            if self.active is not None:
                self.model.flush()  # leaving a point saves it at once
                self.viewport().update(self._row_rect(self.row_of(self.active)))
            self._leave_pending()
            self.active = point
            self.editor.load(point.text, caret)
            row = self.row_of(point)
            row.height = self._editor_height()
            self._position_from(self._row_of[id(point)])
        elif self.editor.text() != point.text:
            self.editor.load(point.text, caret)
        elif caret != self.editor.caret() and not (caret < 0 and self.editor.textCursor().atEnd()):
            self.editor.set_caret(caret)
        self.current_item = self.model.place_of(point).item
        self._place_editor()
        self.editor.show()
        if not self.editor.hasFocus():
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensure_visible(self.row_of(point))
        self.current_changed.emit()

    def focus_last_point(self) -> None:
        """Opening a meeting: the caret at the end of its last point (in its first item, if it
        has no points yet), ready to type."""
        stops = self.stops()
        if stops:
            self.focus_stop(stops[-1] if self.model.flat_points() else stops[0], -1)

    def stops(self) -> list[Stop]:
        return stops(self.model.meeting)

    def focus_stop(self, stop: Stop, caret: int = -1) -> None:
        if isinstance(stop, AgendaItem):
            self.focus_empty_item(stop)
        else:
            self.focus_point(stop, caret)

    def focus_empty_item(self, item: AgendaItem) -> None:
        """The caret in an empty item: nothing is stored until a character is typed."""
        if item.points:
            self.focus_point(item.points[0], -1)
            return
        if id(item) not in self._empty_row_of:
            return
        if self.active is not None:
            self.model.flush()
            self.viewport().update(self._row_rect(self.row_of(self.active)))
            self.active = None
        self._leave_pending()
        self.pending = self.current_item = item
        self.editor.load("", 0)
        index = self._empty_row_of[id(item)]
        self.rows[index].height = self._editor_height()
        self._position_from(index)
        self.editor.show()
        if not self.editor.hasFocus():
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensure_visible(self.rows[index])
        self.current_changed.emit()

    def _leave_pending(self) -> None:
        if self.pending is not None:
            index = self._empty_row_of.get(id(self.pending))
            self.pending = None
            if index is not None:
                row = self.rows[index]
                row.height = self.painter.height(row, self.viewport().width())
                self._position_from(index)

    def _here(self) -> Stop | None:
        return self.active if self.active is not None else self.pending

    def _stop_index(self, stops: list[Stop]) -> int | None:
        here = self._here()
        return next((i for i, stop in enumerate(stops) if stop is here), None)

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

    def _row_rect(self, row: Row) -> QRect:
        top = row.y - self.verticalScrollBar().value()
        return QRect(0, top - row.gap, self.viewport().width(), row.height + row.gap + 4)

    def ensure_visible(self, row: Row) -> None:
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        if row.y - 24 < bar.value():
            bar.setValue(row.y - 24)
        elif row.y + row.height + 40 > bar.value() + height:
            bar.setValue(row.y + row.height + 40 - height)

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
        if row is not None and row.kind in _EDIT_TARGETS:
            self.edit_requested.emit(_EDIT_TARGETS[row.kind], row)
        elif row is not None and row.kind is RowKind.NO_ITEMS:
            self.edit_requested.emit("new-item", row)

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

    def viewport_point(self, row: Row) -> QPoint:
        """Where a row's text starts on screen (tests click there)."""
        return QPoint(self.painter.text_x(row) + 4, row.y - self.verticalScrollBar().value() + 4)
