"""Paragraph styles and measurements of the PDF minutes: A4, 11 pt Liberation Sans.

Indents are 1.27 cm, the half inch of Word's default tab stops in the councils' own templates:
the title (and the body under it) is widened when a minute number such as "OSC 12/24" would
not fit in front of it, and the label step when a label such as "103.12.2" would not.
"""

from __future__ import annotations

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth

from clerk_app.core.blocks import Indents
from clerk_app.export.fonts import BOLD, ITALIC, REGULAR

PAGE_SIZE = A4
MARGIN_X: float = 2.2 * cm
MARGIN_TOP: float = 2.2 * cm
MARGIN_BOTTOM: float = 2.2 * cm
FRAME_WIDTH: float = PAGE_SIZE[0] - 2 * MARGIN_X

BODY_SIZE = 11.0
# Arial's own line height (1.15 em) times the Word document's 1.1 line spacing: both formats
# then set about the same number of lines on a page.
LEADING = BODY_SIZE * 1.15 * 1.1
HEADING_SIZE = 12.0
DEFAULT_STEP: float = 1.27 * cm
MAX_STEP: float = 2.6 * cm
MAX_TITLE: float = 3.4 * cm
GAP: float = 0.3 * cm  # at least this much white between a label and its text
MARK_COLOUR = Color(0.6, 0.0, 0.0)
WATERMARK_COLOUR = Color(0.9, 0.9, 0.9)  # light enough to read the minutes through


def _clamp(width: float, low: float, high: float) -> float:
    return min(max(low, width + GAP), high)


def indents(numbers: list[str], labels: list[str]) -> Indents:
    """Title indent fitting every minute number (bold), step fitting every label."""
    number: float = max([stringWidth(n, BOLD, HEADING_SIZE) for n in numbers] + [0.0])
    label: float = max([stringWidth(x, REGULAR, BODY_SIZE) for x in labels] + [0.0])
    return Indents(_clamp(number, DEFAULT_STEP, MAX_TITLE), _clamp(label, DEFAULT_STEP, MAX_STEP))


def fits_before(number: str, title: float) -> bool:
    """Whether a minute number fits in front of its title indented by ``title``."""
    width: float = stringWidth(number, BOLD, HEADING_SIZE)
    return width + GAP <= title


class PdfStyles:
    """Styles for one document, made on first use: they depend on its indents."""

    def __init__(self, indents: Indents) -> None:
        self.indents = indents
        self._cache: dict[tuple[str, int, int], ParagraphStyle] = {}
        self.body0 = ParagraphStyle(
            "body",
            fontName=REGULAR,
            fontSize=BODY_SIZE,
            leading=LEADING,
            spaceAfter=6,
            textColor=black,
            # A 50,000-character "word" (a pasted hash, a URL) must break, not run off the page.
            splitLongWords=1,
        )
        self.council = ParagraphStyle("council", self.body0, fontName=BOLD, fontSize=12)
        self.committee = ParagraphStyle(
            "committee", self.body0, fontName=BOLD, fontSize=16, leading=20, spaceAfter=4
        )
        self.meeting_line = ParagraphStyle("meeting", self.body0, fontName=BOLD, spaceAfter=2)
        self.detail = ParagraphStyle("detail", self.body0, spaceAfter=14)
        self.signature = ParagraphStyle("signature", self.body0, spaceBefore=18, spaceAfter=0)
        self.cell = ParagraphStyle(
            "cell", self.body0, fontSize=9, leading=11, spaceAfter=0, splitLongWords=1
        )
        self.cell_head = ParagraphStyle("cell-head", self.cell, fontName=BOLD)

    def _make(self, kind: str, indent: int, level: int) -> ParagraphStyle:
        key = (kind, indent, level)
        style = self._cache.get(key)
        if style is not None:
            return style
        at = self.indents.at
        if kind == "heading":
            style = ParagraphStyle(
                f"heading-{indent}",
                self.body0,
                fontName=BOLD,
                fontSize=HEADING_SIZE,
                leading=HEADING_SIZE * 1.25,
                spaceBefore=14,
                spaceAfter=8,
                leftIndent=at(indent),
                bulletIndent=0,
                bulletFontName=BOLD,
                bulletFontSize=HEADING_SIZE,
            )
        elif kind == "labelled":
            style = ParagraphStyle(
                f"labelled-{indent}-{level}",
                self.body0,
                leftIndent=at(indent + level + 1),
                bulletIndent=at(indent + level),
                bulletFontName=REGULAR,
                bulletFontSize=BODY_SIZE,
            )
        else:
            font = {"note": ITALIC, "notice": BOLD, "close": REGULAR}.get(kind, REGULAR)
            style = ParagraphStyle(
                f"{kind}-{indent}",
                self.body0,
                fontName=font,
                leftIndent=at(indent),
                spaceBefore=12 if kind == "close" else 0,
            )
        self._cache[key] = style
        return style

    def heading(self, numbered: bool) -> ParagraphStyle:
        return self._make("heading", 1 if numbered else 0, 0)

    def paragraph(self, kind: str, indent: int) -> ParagraphStyle:
        return self._make(kind, indent, 0)

    def labelled(self, indent: int, level: int) -> ParagraphStyle:
        return self._make("labelled", indent, level)
