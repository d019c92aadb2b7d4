"""Live print preview: the open meeting laid out as its PDF will print, following every edit.

The pages come from the PDF's own template and data (``services.previewing``), so page
breaks, letters and the DRAFT mark are what the export will show.  Nothing of it runs on the
keystroke: an edit only (re)starts a timer.  When typing pauses (or has gone on for a while),
the meeting is composed here on the GUI thread (a few milliseconds; the meeting in memory is
only safe to read here) and the frozen document goes to the background worker, which has Typst
lay it out as SVG pages.  Back on the GUI thread, only the pages whose SVG changed since last
time are rasterised, and of those only the ones in view (at the size they are shown); the rest
follow one page per turn of the event loop, so the page the clerk is looking at is redrawn
first and typing never waits for more than one page.  (Rasterising stays off the worker: Qt
objects made there deadlocked with the GUI thread, see ``lay_out``.)
The preview has a worker thread of its own (``shell/background.py``), so the archive's
queries on the window's worker never queue behind a layout.
"""

from __future__ import annotations

import time
from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clerk_app.core.blocks import MinutesDocument
from clerk_app.core.changes import Changed
from clerk_app.services.database import Database
from clerk_app.services.previewing import (
    PreviewError,
    body_template,
    preview_document,
    preview_pages,
)
from clerk_app.ui.capture.meeting_model import MeetingModel
from clerk_app.ui.capture.preview_pages import RASTER_WIDTH, PagesView, rasterise
from clerk_app.ui.shell.background import Background

QUIET_MS = 300  # lay out again this long after the last edit...
LONGEST_MS = 700  # ...and never later than this after the first edit not yet shown
CHANNEL = "preview"


@dataclass(frozen=True)
class Laid:
    """One layout, made on the worker: the document, its pages as SVG and as images (None:
    a page out of view not rasterised yet), and the width they were rasterised at."""

    document: MinutesDocument
    pages: list[bytes]
    images: list[QImage | None]
    seconds: float
    width: int = RASTER_WIDTH
    warning: str = ""  # why the body's own template could not be used, if it could not


def lay_out(document: MinutesDocument, template: Path | None = None) -> Laid:
    """Typst's pages for ``document`` as SVG (run on the worker; no image made yet).

    ``template``: the body's own Typst template (Clerk's default, with a warning, if it
    cannot be used).  Nothing of Qt is touched here: a Qt object made on a worker thread
    while Python holds its lock can deadlock with the GUI thread (seen: QSvgRenderer's
    constructor waiting on a lock the GUI thread held while waiting for Python's).
    """
    started = time.perf_counter()
    warnings: list[str] = []
    pages = preview_pages(document, template, warnings.append)
    seconds = time.perf_counter() - started
    return Laid(document, pages, [None] * len(pages), seconds, warning=" ".join(warnings))


def rasterised(laid: Laid, known: dict[bytes, QImage], chosen: Collection[int], width: int) -> Laid:
    """``laid`` with images (on the GUI thread): a page whose SVG is unchanged reuses its
    image; the ``chosen`` pages (those in view) that changed, or were drawn at another size,
    are rasterised ``width`` pixels wide now; a changed page out of view stays None."""
    images: list[QImage | None] = []
    for n, svg in enumerate(laid.pages):
        image = known.get(svg)
        if n in chosen and (image is None or image.width() != width):
            image = rasterise(svg, width)
        images.append(image)
    return replace(laid, images=images, width=width)


def fill_in(laid: Laid) -> list[QImage]:
    """Every page of ``laid`` as an image: the ones not rasterised yet are, now."""
    return [
        image if image is not None else rasterise(svg, laid.width)
        for svg, image in zip(laid.pages, laid.images, strict=True)
    ]


class PreviewDock(QDockWidget):
    """The preview pane (View > Print preview); it lays out only while it is shown."""

    updated = Signal()  # new pages are on screen (those in view drawn; the rest follow)
    filled = Signal()  # every page of the latest layout is drawn

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Print preview", parent)
        self.setObjectName("PreviewDock")
        # Its own worker: laying out 30 pages for the first time takes a second or two, and
        # search-as-you-type and the tracker, on the window's worker, must not wait for it.
        self.background = Background(self)
        self.model: MeetingModel | None = None
        self.laid: Laid | None = None
        self._known: dict[bytes, QImage] = {}
        self._stale = True
        self._shown = False  # kept by visibilityChanged: read on every keystroke
        self._first_unshown: float | None = None
        self.pages = PagesView()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.confidential = QCheckBox("Include exempt items")
        self.confidential.setToolTip(
            "Show the confidential version; the published one has exempt items as notices"
        )
        self.confidential.toggled.connect(lambda _on: self.refresh())
        self.status = QLabel("")
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.confidential)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.setWidget(body)
        # The body's template at the last layout: only the preview's worker writes it.
        self._template: Path | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.refresh)
        self._fill = QTimer(self, singleShot=True, interval=0)
        self._fill.timeout.connect(self._fill_next)
        self.visibilityChanged.connect(self._on_visibility)
        self.pages.widened.connect(self._on_widened)

    def follow(self, model: MeetingModel | None) -> None:
        """Preview ``model``'s meeting from now on (None: no meeting open)."""
        if self.model is not None:
            self.model.changed.disconnect(self._on_changed)
        self.model = model
        if model is not None:
            model.changed.connect(self._on_changed)
        self._known = {}
        self._template = None  # another meeting may be another body's
        self.refresh()

    def _on_changed(self, _changed: Changed) -> None:
        # On the keystroke path: arm a timer and nothing else.
        self._stale = True
        if not self._shown:  # a plain attribute: asking Qt costs more on every keystroke
            return
        now = time.monotonic()
        if self._first_unshown is None:
            self._first_unshown = now
        left_ms = (self._first_unshown + LONGEST_MS / 1000 - now) * 1000
        self._timer.start(max(0, min(QUIET_MS, int(left_ms))))

    def _on_widened(self) -> None:
        # Pages drawn at one size and shown at another are blurred or wasteful: once resizing
        # settles, lay out again, which rasterises the pages in view at the new size.
        laid = self.laid
        if laid is not None and self._shown and self.pages.raster_width() != laid.width:
            self._stale = True
            self._timer.start(QUIET_MS)

    def _on_visibility(self, visible: bool) -> None:
        self._shown = visible
        if visible and self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Lay the meeting out again now (on the worker), if the pane is shown."""
        self._timer.stop()
        self._first_unshown = None
        if self.model is None:
            self._fill.stop()
            self.laid = None
            self.pages.set_images([])
            self.status.setText("No meeting open")
            return
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        document = preview_document(self.model.meeting, confidential=self.confidential.isChecked())
        db, body_id = self.model.db, self.model.meeting.body_id
        self.background.run(
            CHANNEL,
            # The body's template is asked for on every layout, and the file's edition is
            # checked (export.pdf): a clerk designing a house style sees each change.
            lambda: self._lay_out_with(document, db, body_id),
            self._show,
            self._failed,
        )

    def _lay_out_with(self, document: MinutesDocument, db: Database, body_id: int | None) -> Laid:
        """On the worker: the body's template as it is now (the last one read, if the file
        cannot be read this moment), then the pages."""
        self._template = body_template(db, body_id, self._template)
        return lay_out(document, self._template)

    def _show(self, laid: Laid) -> None:
        self._fill.stop()
        chosen = self.pages.view().pages(len(laid.pages))
        laid = rasterised(laid, self._known, chosen, self.pages.raster_width())
        self._keep(laid)
        count = len(laid.pages)
        pages = f"{count} page{'s' if count != 1 else ''}"
        self.status.setText(f"{pages}. {laid.warning}" if laid.warning else pages)
        self.updated.emit()
        self._fill_next()

    def _keep(self, laid: Laid) -> None:
        self.laid = laid
        self._known = {svg: im for svg, im in zip(laid.pages, laid.images, strict=True) if im}
        self.pages.set_images(list(laid.images))

    def _fill_next(self) -> None:
        """Rasterise one page not yet drawn at this size, then give the event loop a turn
        (a page costs ~30 ms: a key typed meanwhile waits for one page at most)."""
        laid = self.laid
        if laid is None or laid.width != self.pages.raster_width():
            return  # the pane was resized: the layout that follows (``_on_widened``) fills
        # A page out of view may show an image drawn at an earlier size: it is redrawn too.
        missing = next(
            (n for n, im in enumerate(laid.images) if im is None or im.width() != laid.width),
            None,
        )
        if missing is None:
            self.filled.emit()
            return
        images = list(laid.images)
        images[missing] = rasterise(laid.pages[missing], laid.width)
        self._keep(replace(laid, images=images))
        self._fill.start()

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, PreviewError):
            raise error  # a bug: fail loudly
        self.status.setText(str(error))
