"""How each kind of row looks: fonts, columns, the space above it, its height and its painting.

The columns mirror the printed minutes (FORMAT.md): minute number, then the body with a
hanging indent; point letters in their own column so that wrapped lines align with the text,
not the letter; sub-points one column further in.  A gutter on the right holds each action's
owners, so a tagged point is visible at a glance.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from clerk_app.ui.capture.rows import Row, RowKind

MARGIN = 24
NUMBER_COLUMN = 76  # "OSC 12/24." fits
LABEL_COLUMN = 40
ATTENDANCE_LEAD = 200  # "Apologies for absence:" in bold
GUTTER = 190  # action owners
MAX_TEXT = 760  # lines longer than this are hard to read, however wide the window

INK = QColor("#1b1b1b")
MUTED = QColor("#6b6b6b")
ACTIVE_BAND = QColor("#fff6d5")
# A record row clicked for Enter/Delete: the clerk sees what a Delete would remove.
SELECTED_BAND = QColor("#dde9f7")
SELECTED_EDGE = QColor("#3f6fb0")
CHIP = QColor("#fde2b8")
CHIP_DONE = QColor("#cfe8cf")
EXEMPT = QColor("#a11d1d")


def body_fonts() -> dict[str, QFont]:
    """The minutes' fonts: Liberation Sans (Arial's widths, shipped in resources/fonts)."""

    def font(size: float, *, bold: bool = False, italic: bool = False) -> QFont:
        f = QFont()
        f.setFamilies(["Liberation Sans", "Arial", "Helvetica", "DejaVu Sans"])
        f.setPointSizeF(size)
        f.setBold(bold)
        f.setItalic(italic)
        return f

    return {
        "body": font(11),
        "bold": font(11, bold=True),
        "italic": font(11, italic=True),
        "council": font(12, bold=True),
        "committee": font(15, bold=True),
        "chip": font(9),
    }


_FONT_OF = {
    RowKind.COUNCIL: "council",
    RowKind.COMMITTEE: "committee",
    RowKind.ITEM: "bold",
    RowKind.DECISION: "bold",
    RowKind.DOCUMENTS: "bold",
    RowKind.EXEMPT: "bold",
    RowKind.EMPTY_ITEM: "italic",
    RowKind.NO_ITEMS: "italic",
    RowKind.READMITTED: "italic",
    RowKind.EXCLUSION: "bold",
    RowKind.NAMED_VOTE: "italic",  # the vote table's summary, set apart from the record above
}
_GAP = {
    RowKind.COUNCIL: 16,
    RowKind.COMMITTEE: 2,
    RowKind.DATELINE: 4,
    RowKind.ATTENDANCE: 6,
    RowKind.ITEM: 26,
    RowKind.EXEMPT: 4,
    RowKind.INTRO: 8,
    RowKind.POINT: 8,
    RowKind.EMPTY_ITEM: 8,
    RowKind.NO_ITEMS: 26,
    RowKind.DECISION: 12,
    RowKind.PREAMBLE: 2,
    RowKind.RESOLUTION: 4,
    RowKind.DOCUMENTS: 12,
    RowKind.DOCUMENT: 2,
    RowKind.MOVEMENT: 6,
    RowKind.READMITTED: 6,
    RowKind.EXCLUSION: 12,
    RowKind.DECLARATION: 6,
    RowKind.MOTION: 10,
    RowKind.NAMED_VOTE: 4,
}


class RowPainter:
    def __init__(self) -> None:
        self.fonts = body_fonts()
        self.metrics = {name: QFontMetrics(font) for name, font in self.fonts.items()}
        self._heights: dict[tuple[str, str, int], int] = {}
        self.line_height = self.metrics["body"].lineSpacing()

    def font(self, row: Row) -> QFont:
        return self.fonts[_FONT_OF.get(row.kind, "body")]

    def gap(self, row: Row) -> int:
        return _GAP[row.kind]

    def label_x(self, row: Row) -> int:
        if row.kind is RowKind.ITEM or row.kind is RowKind.ATTENDANCE:
            return MARGIN
        return MARGIN + NUMBER_COLUMN + row.level * LABEL_COLUMN

    def text_x(self, row: Row) -> int:
        if row.kind is RowKind.ATTENDANCE:
            return MARGIN + ATTENDANCE_LEAD
        if row.kind in (RowKind.COUNCIL, RowKind.COMMITTEE, RowKind.DATELINE):
            return MARGIN
        if row.kind in (RowKind.POINT, RowKind.RESOLUTION):
            return self.label_x(row) + LABEL_COLUMN
        if row.kind is RowKind.DOCUMENT:
            return MARGIN + NUMBER_COLUMN + LABEL_COLUMN
        return MARGIN + NUMBER_COLUMN

    def text_width(self, row: Row, view_width: int) -> int:
        return max(120, min(MAX_TEXT, view_width - GUTTER - self.text_x(row)))

    def clear_cache(self) -> None:
        self._heights.clear()

    def height(self, row: Row, view_width: int) -> int:
        """The row's wrapped height; cached by text and width, so a rebuild costs little."""
        width = self.text_width(row, view_width)
        name = _FONT_OF.get(row.kind, "body")
        key = (row.text, name, width)
        found = self._heights.get(key)
        if found is None:
            rect = self.metrics[name].boundingRect(
                QRect(0, 0, width, 1 << 20), int(Qt.TextFlag.TextWordWrap), row.text or " "
            )
            found = self._heights[key] = max(rect.height(), self.metrics[name].lineSpacing())
        return found

    def paint(
        self,
        painter: QPainter,
        row: Row,
        y: int,
        view_width: int,
        *,
        active: bool,
        selected: bool = False,
    ) -> None:
        width = self.text_width(row, view_width)
        if active or selected:
            band = QRect(
                self.label_x(row) - 6,
                y - 3,
                width + self.text_x(row) - self.label_x(row) + 12,
                row.height + 6,
            )
            painter.fillRect(band, ACTIVE_BAND if active else SELECTED_BAND)
            if selected:
                painter.setPen(SELECTED_EDGE)
                painter.drawRect(band.adjusted(0, 0, -1, -1))
        font = self.font(row)
        if row.label:
            # Item numbers and attendance leads are bold, as printed; letters are quieter.
            lettered = row.kind in (RowKind.POINT, RowKind.RESOLUTION)
            painter.setFont(self.fonts["body"] if lettered else self.fonts["bold"])
            painter.setPen(MUTED if lettered else INK)
            label_width = self.text_x(row) - self.label_x(row) - 4
            label = self.metrics["bold"].elidedText(
                row.label, Qt.TextElideMode.ElideRight, label_width
            )
            painter.drawText(self.label_x(row), y + self.metrics["body"].ascent(), label)
        if row.owners:
            self._paint_chip(painter, row, y, view_width)
        if row.aside:  # the time the item was taken, in the gutter
            painter.setFont(self.fonts["chip"])
            painter.setPen(MUTED)
            rect = self.chip_rect(row, y, view_width)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft), row.aside)
        if active:
            return  # the editor shows the text
        painter.setFont(font)
        colour = {RowKind.EXEMPT: EXEMPT, RowKind.EMPTY_ITEM: MUTED, RowKind.NO_ITEMS: MUTED}
        painter.setPen(colour.get(row.kind, INK))
        painter.drawText(
            QRect(self.text_x(row), y, width, row.height), int(Qt.TextFlag.TextWordWrap), row.text
        )

    def chip_rect(self, row: Row, y: int, view_width: int) -> QRect:
        x = self.text_x(row) + self.text_width(row, view_width) + 12
        return QRect(x, y, max(40, view_width - x - 12), self.metrics["chip"].height() + 6)

    def _paint_chip(self, painter: QPainter, row: Row, y: int, view_width: int) -> None:
        rect = self.chip_rect(row, y, view_width)
        text = self.metrics["chip"].elidedText(
            f"Action: {row.owners}", Qt.TextElideMode.ElideRight, rect.width() - 12
        )
        rect.setWidth(min(rect.width(), self.metrics["chip"].horizontalAdvance(text) + 14))
        done = row.point is not None and row.point.action_done
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(CHIP_DONE if done else CHIP)
        painter.drawRoundedRect(QRectF(rect), 8, 8)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(INK)
        painter.setFont(self.fonts["chip"])
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
