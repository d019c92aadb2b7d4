"""The PDF's pages: A4 frame, DRAFT/CONFIDENTIAL marks, "Page N of M", bookmarks, progress.

"Page N of M" needs M before any page is written; rather than lay the whole document out
twice, the canvas keeps each finished page in memory and writes them all at the end, when
the count is known.  PDF bookmarks point at page objects by number, so they are recorded with
the page and replayed at that point too (a bookmark made during layout would point at page 1).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.colors import black
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from clerk_app.core.blocks import FOOTER, MinutesDocument
from clerk_app.export.fonts import BOLD, REGULAR, font_file, glyph_map
from clerk_app.export.glyph_paths import draw_outlined
from clerk_app.export.pdf_styles import (
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MARK_COLOUR,
    PAGE_SIZE,
    WATERMARK_COLOUR,
)

Progress = Callable[[int, int], None]

_WATERMARK_FORM = "ClerkWatermark"
# Bytes a PDF string must escape: control and non-ASCII bytes in octal, and \ ( ).
_PDF_ESCAPES = {
    code: (f"\\{code:03o}" if code < 32 or code >= 127 else f"\\{chr(code)}")
    for code in range(256)
    if code < 32 or code >= 127 or chr(code) in "\\()"
}
# (anchor, outline title, top of the heading in points)
_Bookmark = tuple[str, str, float]


class _DeferredCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """A canvas that writes its pages only on save(), numbering them "Page N of M"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._finished: list[dict[str, Any]] = []
        self.bookmarks: list[_Bookmark] = []

    def _escape(self, s: str | bytes) -> str:
        """PDF string escaping by one ``str.translate`` (reportlab's fallback loops per byte)."""
        text = s.decode("latin-1") if isinstance(s, bytes) else s
        if text.isascii() or max(text) <= "\xff":
            return text.translate(_PDF_ESCAPES)
        escaped: str = super()._escape(s)
        return escaped

    def showPage(self) -> None:  # noqa: N802  # reportlab's name
        self._finished.append(dict(self.__dict__))
        self.bookmarks = []
        self._startPage()

    def save(self) -> None:
        total = len(self._finished)
        for number, state in enumerate(self._finished, start=1):
            self.__dict__.update(state)
            self._footer(number, total)
            for anchor, title, top in self.bookmarks:
                self.bookmarkPage(anchor, fit="FitH", top=top)
                self.addOutlineEntry(title, anchor, level=0)
            super().showPage()
        super().save()

    def _footer(self, number: int, total: int) -> None:
        self.saveState()
        self.setFont(REGULAR, 9)
        self.setFillColor(black)
        self.drawCentredString(
            PAGE_SIZE[0] / 2, MARGIN_BOTTOM / 2, FOOTER.format(page=number, pages=total)
        )
        self.restoreState()


class MinutesDocTemplate(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped
    """One A4 page template; marks and watermark drawn under each page's text."""

    def __init__(self, target: Any, document: MinutesDocument, progress: Progress | None) -> None:
        super().__init__(
            target,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=document.title,
            author=document.author,
            subject=document.subject,
            creator="Clerk",
            # Otherwise every page starts by selecting Helvetica, which is never embedded.
            initialFontName=REGULAR,
        )
        self.minutes = document
        self._watermark_defined = False
        self.progress = progress
        self.blocks_total = len(document.blocks) + 1
        height = PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM
        frame = Frame(
            MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, height, id="body",
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )  # fmt: skip
        self.addPageTemplates([PageTemplate("minutes", [frame], onPage=self._decorate)])

    def _decorate(self, canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        if self.minutes.watermark:
            if not self._watermark_defined:
                # Defined once, drawn on every page: one copy of the outlines in the file.
                canvas.beginForm(_WATERMARK_FORM)
                canvas.setFillColor(WATERMARK_COLOUR)
                canvas.translate(PAGE_SIZE[0] / 2, PAGE_SIZE[1] / 2)
                canvas.rotate(50)
                canvas.translate(0, -40)
                draw_outlined(
                    canvas,
                    self.minutes.watermark,
                    font_path=font_file(BOLD),
                    font_name=BOLD,
                    size=110,
                    glyphs=glyph_map(BOLD),
                )
                canvas.endForm()
                self._watermark_defined = True
            canvas.doForm(_WATERMARK_FORM)
        if self.minutes.marks:
            canvas.setFillColor(MARK_COLOUR)
            canvas.setFont(BOLD, 9)
            y = PAGE_SIZE[1] - MARGIN_TOP / 2
            for mark in self.minutes.marks:
                canvas.drawCentredString(PAGE_SIZE[0] / 2, y, mark)
                y -= 11
        canvas.restoreState()

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802  # reportlab's name
        bookmark = getattr(flowable, "clerk_bookmark", None)
        if bookmark is not None:
            anchor, title = bookmark
            top = self.frame._y + flowable.height + 6  # a little above the heading's text
            self.canv.bookmarks.append((anchor, title, top))
        step = getattr(flowable, "clerk_block", None)
        if step is not None and self.progress is not None:
            self.progress(step + 1, self.blocks_total)

    def handle_documentBegin(self) -> None:  # noqa: N802  # reportlab's name
        super().handle_documentBegin()
        self.canv.showOutline()

    def build_minutes(self, flowables: list[Any]) -> None:
        self.build(flowables, canvasmaker=_DeferredCanvas)
