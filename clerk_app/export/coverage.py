"""Which characters the shipped fonts can draw, read from their cmap tables.

A tagged PDF (PDF/UA-1, PDF/A) must not show the ".notdef" box for a character no font has,
and Typst refuses to write one.  Typst picks the font for each character itself; all the PDF
exporter needs is to know which characters no shipped font covers, so that it can print a
visible replacement mark for them instead of failing the whole export.
"""

from __future__ import annotations

import struct
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

REPLACEMENT = "\ufffd"  # DejaVu Sans draws it: the reader sees that something was typed here


def _ranges_format4(table: bytes) -> Iterable[range]:
    count = struct.unpack_from(">H", table, 6)[0] // 2
    ends = struct.unpack_from(f">{count}H", table, 14)
    starts = struct.unpack_from(f">{count}H", table, 16 + 2 * count)
    deltas = struct.unpack_from(f">{count}h", table, 16 + 4 * count)
    offsets_at = 16 + 6 * count
    offsets = struct.unpack_from(f">{count}H", table, offsets_at)
    for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
        if start == 0xFFFF:
            continue
        if offsets[index] == 0:
            # Every code maps to (code + delta); glyph 0 would be .notdef.
            delta = deltas[index]
            yield from (range(c, c + 1) for c in range(start, end + 1) if (c + delta) % 65536)
            continue
        for code in range(start, end + 1):
            at = offsets_at + 2 * index + offsets[index] + 2 * (code - start)
            if at + 2 <= len(table) and struct.unpack_from(">H", table, at)[0]:
                yield range(code, code + 1)


def _ranges_format12(table: bytes) -> Iterable[range]:
    groups = struct.unpack_from(">I", table, 12)[0]
    for n in range(groups):
        start, end, glyph = struct.unpack_from(">III", table, 16 + 12 * n)
        yield range(start if glyph else start + 1, end + 1)


def _cmap(data: bytes) -> set[int]:
    tables = struct.unpack_from(">H", data, 4)[0]
    where = {}
    for n in range(tables):
        tag, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * n)
        where[tag] = (offset, length)
    offset, length = where[b"cmap"]
    cmap = data[offset : offset + length]
    best: bytes | None = None
    best_format = 0
    for n in range(struct.unpack_from(">H", cmap, 2)[0]):
        platform, encoding, sub = struct.unpack_from(">HHI", cmap, 4 + 8 * n)
        if (platform, encoding) not in ((3, 1), (3, 10), (0, 3), (0, 4)):
            continue  # not a Unicode subtable
        fmt = struct.unpack_from(">H", cmap, sub)[0]
        if fmt in (4, 12) and fmt > best_format:
            best, best_format = cmap[sub:], fmt
    if best is None:
        return set()
    ranges = _ranges_format12(best) if best_format == 12 else _ranges_format4(best)
    return {code for r in ranges for code in r}


@lru_cache(maxsize=4)
def covered(fonts: Path) -> frozenset[int]:
    """Every code point some .ttf in ``fonts`` maps to a real glyph."""
    codes: set[int] = set()
    for font in sorted(fonts.glob("*.ttf")):
        codes |= _cmap(font.read_bytes())
    return frozenset(codes)


def drawable(text: str, fonts: Path) -> str:
    """``text`` with each character no font draws replaced by a visible mark.

    Invisible format characters (joiners, variation selectors) a font lacks are dropped
    rather than marked: they have nothing to show.  Line breaks and spaces stay.
    """
    if text.isascii():
        return text  # every shipped font draws ASCII, and cleaned text has no controls
    have = covered(fonts)
    if have.issuperset(map(ord, set(text).difference("\n "))):
        return text  # each distinct character looked up once: the common case, kept quick
    out = []
    for char in text:
        if ord(char) in have or char in "\n ":
            out.append(char)
        elif unicodedata.category(char) in ("Cf", "Mn", "Me", "Zs"):
            if unicodedata.category(char) == "Zs":
                out.append(" ")
        else:
            out.append(REPLACEMENT)
    return "".join(out)
