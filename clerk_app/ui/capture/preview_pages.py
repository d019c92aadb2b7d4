"""The preview's pages drawn one under another, scaled to the pane's width, like a PDF viewer."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QRect, QSize, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

# Pages are rasterised at the width the pane shows them (in device pixels), within these bounds;
# a page not yet rasterised is drawn blank and filled in moments later.
RASTER_WIDTH = 560  # when the pane has no width yet
MIN_RASTER, MAX_RASTER = 200, 1600
GAP = 10  # grey between pages, as a viewer shows them
A4_RATIO = 297 / 210
MARGIN_PAGES = 1  # pages beyond those in view that are rasterised with them (a little scrolling)


def rasterise(svg: bytes, width: int = RASTER_WIDTH) -> QImage:
    """One SVG page as a white image ``width`` pixels wide (safe off the GUI thread)."""
    renderer = QSvgRenderer(QByteArray(svg))
    size = renderer.defaultSize()
    ratio = size.height() / size.width() if size.width() > 0 else A4_RATIO
    image = QImage(width, max(1, round(width * ratio)), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


@dataclass(frozen=True)
class InView:
    """The pane's visible stretch (pixels from the top of the pages) and the page shape."""

    top: int
    bottom: int
    page_width: int
    ratio: float  # page height / width

    def pages(self, count: int) -> set[int]:
        """Of ``count`` pages laid out one under another, those in view and one either side."""
        step = round(self.page_width * self.ratio) + GAP
        first = max(0, (self.top - GAP) // step)
        last = max(first, (self.bottom - GAP) // step)
        low, high = max(0, first - MARGIN_PAGES), min(count, last + MARGIN_PAGES + 1)
        return set(range(low, high))


class PagesView(QWidget):
    """Paints the page images it is given; only the pages in the exposed area are drawn."""

    widened = Signal()  # the width changed: pages may need rasterising at the new size

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: list[QImage | None] = []  # None: not rasterised yet
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Print preview pages")

    def set_images(self, images: list[QImage | None]) -> None:
        self.images = images
        self._fit()
        self.update()

    def raster_width(self) -> int:
        """The width in device pixels a page is shown at: what rasterising should produce."""
        shown = (self.width() - 2 * GAP) * self.devicePixelRatioF()
        if self.width() <= 2 * GAP:
            return RASTER_WIDTH
        return max(MIN_RASTER, min(MAX_RASTER, round(shown)))

    def page_rects(self) -> list[QRect]:
        width = max(1, self.width() - 2 * GAP)
        rects: list[QRect] = []
        top = GAP
        for image in self.images:
            ratio = A4_RATIO if image is None else image.height() / max(1, image.width())
            height = round(width * ratio)
            rects.append(QRect(GAP, top, width, height))
            top += height + GAP
        return rects

    def view(self) -> InView:
        """What part of the pages the pane shows now, as plain numbers a worker may use."""
        seen = self.visibleRegion().boundingRect()
        if seen.isEmpty():
            seen = QRect(0, 0, self.width(), max(self.height(), 1))
        rects = self.page_rects()
        ratio = rects[0].height() / max(1, rects[0].width()) if rects else A4_RATIO
        return InView(seen.top(), seen.bottom(), max(1, self.width() - 2 * GAP), ratio)

    def _fit(self) -> None:
        rects = self.page_rects()
        self.setFixedHeight(rects[-1].bottom() + GAP if rects else GAP)

    def sizeHint(self) -> QSize:
        return QSize(320, self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()
            self.widened.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(128, 128, 128))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for rect, image in zip(self.page_rects(), self.images, strict=True):
            if not rect.intersects(event.rect()):
                continue
            if image is None:
                painter.fillRect(rect, QColor("white"))  # filled in a moment
            else:
                painter.drawImage(rect, image)
        painter.end()
