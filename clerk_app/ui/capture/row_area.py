"""The capture view's rows on screen: the meeting measured, positioned and painted as rows,
the one editor placed over the active point (or over an empty item the caret stands in), and
where the caret may stand.

The capture view (``capture_view.py``, where the design is explained) builds on this with
what the clerk's keys and clicks do; nothing here edits the meeting.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QFocusEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from clerk_app.core.model import AgendaItem, Point
from clerk_app.ui.capture.meeting_model import MeetingModel
from clerk_app.ui.capture.point_editor import PointEditor
from clerk_app.ui.capture.row_painter import ACTIVE_BAND, RowPainter
from clerk_app.ui.capture.rows import Row, RowKind, build_rows
from clerk_app.ui.capture.stops import Stop, stops

_BOTTOM_SPACE = 120  # room below the last point: the clerk types near the middle, not the edge


class RowArea(QAbstractScrollArea):
    current_changed = Signal()

    def __init__(self, model: MeetingModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
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
        # Which row is selected for Enter/Delete (record_keys.RecordKeys says): shown only
        # while the view has the keys, which is exactly when those keys act on it.
        self.selected: Callable[[Row], bool] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setAutoFillBackground(True)
        self.verticalScrollBar().setSingleStep(self.painter.line_height * 2)
        self.editor = PointEditor(self.viewport())
        self.editor.setFont(self.painter.fonts["body"])
        palette = self.editor.palette()
        palette.setColor(QPalette.ColorRole.Base, ACTIVE_BAND)
        self.editor.setPalette(palette)
        self.editor.hide()

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
        selected = self.selected if self.hasFocus() else None
        for row in self.rows[first:]:
            y = row.y - top
            if y > clip.bottom():
                break
            self.painter.paint(
                painter,
                row,
                y,
                width,
                active=row.point is not None and row.point is self.active,
                selected=selected is not None and selected(row),
            )
        painter.end()

    def select(self, chosen: Callable[[Row], bool] | None) -> None:
        """Show the row ``chosen`` picks as selected (None: no row)."""
        self.selected = chosen
        self.viewport().update()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802  (Qt's name)
        super().focusInEvent(event)
        if self.selected is not None:
            self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802  (Qt's name)
        super().focusOutEvent(event)
        if self.selected is not None:
            self.viewport().update()

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

    def viewport_point(self, row: Row) -> QPoint:
        """Where a row's text starts on screen (tests click there)."""
        return QPoint(self.painter.text_x(row) + 4, row.y - self.verticalScrollBar().value() + 4)
