"""The PDF's fonts: shipped Liberation Sans (Arial's metrics) with DejaVu Sans as fallback.

Every character is drawn by Liberation Sans when it has a glyph, otherwise by DejaVu Sans when
*it* has one (Arabic, arrows, many symbols); only characters neither can draw (most emoji, CJK)
come out as the font's empty box, and they are still in the PDF's text layer.  DejaVu is
parsed only when a document needs it, which keeps ordinary exports fast.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "LiberationSans"
BOLD = "LiberationSans-Bold"
ITALIC = "LiberationSans-Italic"
BOLD_ITALIC = "LiberationSans-BoldItalic"
FALLBACK = "DejaVuSans"
FALLBACK_BOLD = "DejaVuSans-Bold"

_FILES = {
    REGULAR: "LiberationSans-Regular.ttf",
    BOLD: "LiberationSans-Bold.ttf",
    ITALIC: "LiberationSans-Italic.ttf",
    BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
    FALLBACK: "DejaVuSans.ttf",
    FALLBACK_BOLD: "DejaVuSans-Bold.ttf",
}
# Where distributions put the same files: used only if the shipped copy has gone missing.
_SYSTEM_DIRS = (
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/TTF",
)


class FontMissingError(RuntimeError):
    """A font file the PDF needs is neither shipped nor installed."""


def font_dirs() -> list[Path]:
    """Folders searched for font files, the app's own first."""
    dirs = []
    bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller bundle unpacks resources here
    if bundle:
        dirs.append(Path(bundle) / "resources" / "fonts")
    dirs.append(Path(__file__).resolve().parents[2] / "resources" / "fonts")
    dirs.extend(Path(d) for d in _SYSTEM_DIRS)
    return dirs


def font_file(name: str) -> Path:
    filename = _FILES[name]
    for folder in font_dirs():
        candidate = folder / filename
        if candidate.is_file():
            return candidate
    where = ", ".join(str(d) for d in font_dirs()[:2])
    raise FontMissingError(f"font file {filename} is missing (looked in {where})")


class _MeasuringFont(TTFont):  # type: ignore[misc]  # reportlab is untyped
    """A TrueType font that remembers the width of each word it has measured.

    Line breaking measures every word of every paragraph, often more than once, and without
    reportlab's optional C accelerator each measurement is a Python loop; minutes repeat
    their words a great deal, so remembering widths makes long minutes several times faster.
    """

    _LIMIT = 200_000  # words remembered before starting afresh: bounded memory

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._widths: dict[str, float] = {}
        self._char_widths = self.face.charWidths
        self._default_width = self.face.defaultWidth

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:  # noqa: N802
        if isinstance(text, bytes):
            text = text.decode(encoding or "utf8")
        width = self._widths.get(text)
        if width is None:
            get, default = self._char_widths.get, self._default_width
            width = 0.001 * sum(get(ord(char), default) for char in text)
            if len(self._widths) >= self._LIMIT:
                self._widths.clear()
            self._widths[text] = width
        return width * size

    def splitString(  # noqa: N802  # reportlab's name
        self, text: str | bytes, doc: Any, encoding: str = "utf-8"
    ) -> list[tuple[int, bytes]]:
        """reportlab's subset encoding, with a fast path for lines it has seen every letter of.

        Drawing each line asks which subset byte each character was given; once every
        character of a line has a code in the first subset (true of almost every line of
        minutes) one ``str.translate`` answers for the whole line.  Anything else, including
        the first use of a character, goes the ordinary way.
        """
        state = self.state.get(doc) if isinstance(text, str) else None
        if state is None or not isinstance(text, str) or "\xa0" in text:
            result: list[tuple[int, bytes]] = super().splitString(text, doc, encoding)
            return result
        assignments = state.assignments
        # The table lives on reportlab's per-document state, so it dies with the document.
        table: _Codes | None = getattr(state, "clerk_codes", None)
        if table is None or table.size != len(assignments):
            table = _Codes({code: n for code, n in assignments.items() if n < 256})
            table.size = len(assignments)
            state.clerk_codes = table
        try:
            return [(0, text.translate(table).encode("latin-1"))]
        except _Unassigned:
            result = super().splitString(text, doc, encoding)
            return result


class _Unassigned(Exception):
    """A character without a code yet (not a LookupError: translate() would swallow that)."""


class _Codes(dict[int, int]):
    """Character -> one-byte code, raising for characters not yet given one."""

    size = 0

    def __missing__(self, key: int) -> int:
        raise _Unassigned(key)


def _register(name: str) -> TTFont:
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(_MeasuringFont(name, os.fspath(font_file(name))))
    font: TTFont = pdfmetrics.getFont(name)
    return font


def glyph_map(name: str) -> dict[int, int]:
    """Character code -> glyph index of a registered font."""
    glyphs: dict[int, int] = pdfmetrics.getFont(name).face.charToGlyph
    return glyphs


def _cmap(font: TTFont) -> frozenset[int]:
    return frozenset(font.face.charToGlyph)


@functools.cache
def main_fonts() -> frozenset[int]:
    """Register Liberation Sans (all four faces); return the characters it covers."""
    for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
        _register(name)
    # <b>/<i> inside a paragraph pick the matching face through this family mapping.
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    return _cmap(_register(REGULAR))


@functools.cache
def fallback_fonts() -> frozenset[int]:
    """Register DejaVu Sans (regular and bold); return the characters it covers."""
    covered = _cmap(_register(FALLBACK))
    _register(FALLBACK_BOLD)
    # No oblique is shipped: italic falls back to the upright faces.  The upright mappings go
    # last because the last mapping of a face name decides how reportlab reads that name.
    for bold, italic, face in (
        (0, 1, FALLBACK),
        (1, 1, FALLBACK_BOLD),
        (0, 0, FALLBACK),
        (1, 0, FALLBACK_BOLD),
    ):
        addMapping(FALLBACK, bold, italic, face)
    return covered


_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


@functools.cache
def _shaper() -> Callable[[str], str] | None:
    """Arabic shaping and bidi reordering, when the optional packages are installed."""
    try:
        import arabic_reshaper  # type: ignore[import-not-found]  # optional, often absent
        from bidi.algorithm import get_display  # type: ignore[import-not-found]  # optional
    except ImportError:
        return None

    def shape(text: str) -> str:
        return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))

    return shape


def visual_order(text: str) -> str:
    """Right-to-left text joined and reordered for drawing, if the shaping packages exist.

    Without them Arabic letters are drawn unjoined in typed order: legible to nobody fluent,
    but nothing is lost from the text layer, which is what search and copy use.
    """
    if not _RTL.search(text):
        return text
    shaper = _shaper()
    return shaper(text) if shaper is not None else text


@dataclass(frozen=True, slots=True)
class _Run:
    fallback: bool
    text: str


def _runs(text: str, main: frozenset[int]) -> Iterator[_Run]:
    fallback = fallback_fonts()
    start = 0
    current = False
    for index, char in enumerate(text):
        code = ord(char)
        wants = code not in main and code in fallback
        # Characters neither font covers stay in the current run: they would be a box in
        # either font, and splitting runs for them only adds markup.
        if code not in main and code not in fallback:
            wants = current
        if wants != current and index > start:
            yield _Run(current, text[start:index])
            start = index
        current = wants
    if start < len(text):
        yield _Run(current, text[start:])


def markup(text: str, *, bold: bool = False) -> str:
    """User text as reportlab Paragraph markup: escaped, line breaks kept, fallback fonts set.

    reportlab reads Paragraph text as XML-ish markup, so "<b>" or "&amp;" typed by a clerk
    must be escaped to print as typed.  ``bold`` picks the bold fallback face: a <font> tag
    resets boldness to that of the face it names, so an enclosing <b> would not reach it.
    """
    main = main_fonts()
    text = visual_order(text)
    if all(ord(char) in main for char in set(text)):
        return escape(text).replace("\n", "<br/>")
    parts = []
    for run in _runs(text, main):
        escaped = escape(run.text).replace("\n", "<br/>")
        face = FALLBACK_BOLD if bold else FALLBACK
        parts.append(f'<font name="{face}">{escaped}</font>' if run.fallback else escaped)
    return "".join(parts)
