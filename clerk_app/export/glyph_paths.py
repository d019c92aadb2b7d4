"""Draws a word as vector outlines read from a TrueType font: a watermark that is not text.

A "DRAFT" watermark written as text ends up inside the page's text layer, so copying a
paragraph, searching, or a screen reader (public bodies must publish accessible PDFs) meets
stray "DR", "AF", "T" between the minutes' lines.  Drawn as shapes it is only seen.  Only
simple glyphs are read (capital Latin letters are simple in Liberation Sans); a composite
glyph is skipped rather than drawn wrongly.
"""

from __future__ import annotations

import functools
import struct
from pathlib import Path
from typing import Any

_NON_ZERO = 1  # reportlab's FILL_NON_ZERO
_ON_CURVE, _X_SHORT, _Y_SHORT, _REPEAT, _X_SAME, _Y_SAME = 1, 2, 4, 8, 16, 32

Point = tuple[float, float, bool]  # x, y, on the curve


class _Font:
    """The few tables of a TrueType file needed for outlines."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        count = struct.unpack_from(">H", data, 4)[0]
        self.tables: dict[str, int] = {}
        for i in range(count):
            tag, _sum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
            self.tables[tag.decode("latin-1")] = offset
        head = self.tables["head"]
        self.units_per_em = struct.unpack_from(">H", data, head + 18)[0]
        self.long_offsets = struct.unpack_from(">h", data, head + 50)[0] == 1

    def glyph_offset(self, glyph: int) -> tuple[int, int]:
        loca = self.tables["loca"]
        if self.long_offsets:
            start, end = struct.unpack_from(">II", self.data, loca + 4 * glyph)
        else:
            start, end = (2 * v for v in struct.unpack_from(">HH", self.data, loca + 2 * glyph))
        glyf = self.tables["glyf"]
        return glyf + start, end - start

    def contours(self, glyph: int) -> list[list[Point]]:
        offset, length = self.glyph_offset(glyph)
        if length == 0:
            return []  # a space
        n_contours = struct.unpack_from(">h", self.data, offset)[0]
        if n_contours < 0:
            return []  # composite glyph: not needed for a watermark's capitals
        pos = offset + 10
        ends = struct.unpack_from(f">{n_contours}H", self.data, pos)
        pos += 2 * n_contours
        pos += 2 + struct.unpack_from(">H", self.data, pos)[0]  # skip the hinting program
        n_points = ends[-1] + 1 if ends else 0
        flags: list[int] = []
        while len(flags) < n_points:
            flag = self.data[pos]
            pos += 1
            flags.append(flag)
            if flag & _REPEAT:
                flags.extend([flag] * self.data[pos])
                pos += 1
        xs, pos = self._coords(flags, pos, _X_SHORT, _X_SAME)
        ys, pos = self._coords(flags, pos, _Y_SHORT, _Y_SAME)
        points: list[Point] = [
            (float(x), float(y), bool(f & _ON_CURVE))
            for x, y, f in zip(xs, ys, flags, strict=False)
        ]
        out: list[list[Point]] = []
        start = 0
        for end in ends:
            out.append(points[start : end + 1])
            start = end + 1
        return out

    def _coords(self, flags: list[int], pos: int, short: int, same: int) -> tuple[list[int], int]:
        values, current = [], 0
        for flag in flags:
            if flag & short:
                delta = self.data[pos]
                pos += 1
                current += delta if flag & same else -delta
            elif not flag & same:
                current += struct.unpack_from(">h", self.data, pos)[0]
                pos += 2
            values.append(current)
        return values, pos


@functools.cache
def _load(path: Path) -> _Font:
    return _Font(path.read_bytes())


def _trace(path: Any, contour: list[Point], scale: float, dx: float) -> None:
    """Add one closed contour to a reportlab path: quadratic splines as cubic curves."""
    if not contour:
        return
    # Two off-curve points in a row imply an on-curve point halfway between them.
    pts: list[Point] = []
    for i, here in enumerate(contour):
        after = contour[(i + 1) % len(contour)]
        pts.append(here)
        if not here[2] and not after[2]:
            pts.append(((here[0] + after[0]) / 2, (here[1] + after[1]) / 2, True))
    first = next(i for i, p in enumerate(pts) if p[2])
    pts = pts[first:] + pts[:first]

    def xy(p: Point) -> tuple[float, float]:
        return dx + p[0] * scale, p[1] * scale

    path.moveTo(*xy(pts[0]))
    i, last = 1, pts[0]
    while i <= len(pts):
        here = pts[i % len(pts)]
        if here[2]:
            path.lineTo(*xy(here))
            last, i = here, i + 1
            continue
        end = pts[(i + 1) % len(pts)]
        c1 = (last[0] + 2 / 3 * (here[0] - last[0]), last[1] + 2 / 3 * (here[1] - last[1]))
        c2 = (end[0] + 2 / 3 * (here[0] - end[0]), end[1] + 2 / 3 * (here[1] - end[1]))
        path.curveTo(*xy((*c1, True)), *xy((*c2, True)), *xy(end))
        last, i = end, i + 2
    path.close()


def draw_outlined(
    canvas: Any, text: str, *, font_path: Path, font_name: str, size: float, glyphs: dict[int, int]
) -> None:
    """Fill ``text`` as outlines centred on the canvas origin (callers translate/rotate)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = _load(font_path)
    scale = size / font.units_per_em
    path = canvas.beginPath()
    x = -stringWidth(text, font_name, size) / 2
    for char in text:
        glyph = glyphs.get(ord(char))
        if glyph is not None:
            for contour in font.contours(glyph):
                _trace(path, contour, scale, x)
        x += stringWidth(char, font_name, size)
    canvas.drawPath(path, stroke=0, fill=1, fillMode=_NON_ZERO)  # TrueType's winding rule
