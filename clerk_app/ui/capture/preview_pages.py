"""The preview's pages drawn one under another, scaled to the pane's width, like a PDF viewer."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

# Pages are rasterised once at this width; the pane scales them to its own width when painting.
RASTER_WIDTH = 560
GAP = 10  # grey between pages, as a viewer shows them
A4_RATIO = 297 / 210


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


class PagesView(QWidget):
    """Paints the page images it is given; only the pages in the exposed area are drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: list[QImage] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Print preview pages")

    def set_images(self, images: list[QImage]) -> None:
        self.images = images
        self._fit()
        self.update()

    def page_rects(self) -> list[QRect]:
        width = max(1, self.width() - 2 * GAP)
        rects: list[QRect] = []
        top = GAP
        for image in self.images:
            height = round(width * image.height() / max(1, image.width()))
            rects.append(QRect(GAP, top, width, height))
            top += height + GAP
        return rects

    def _fit(self) -> None:
        rects = self.page_rects()
        self.setFixedHeight(rects[-1].bottom() + GAP if rects else GAP)

    def sizeHint(self) -> QSize:
        return QSize(320, self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(128, 128, 128))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for rect, image in zip(self.page_rects(), self.images, strict=True):
            if rect.intersects(event.rect()):
                painter.drawImage(rect, image)
        painter.end()
