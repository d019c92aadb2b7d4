"""Which characters the shipped fonts can draw, read from their cmap tables.

A tagged PDF (PDF/UA-1, PDF/A) must not show the ".notdef" box for a character no font has,
and Typst refuses to write one.  Typst picks the font for each character itself; all the PDF
exporter needs is to know which characters no shipped font covers, so that it can print a
visible replacement mark for them instead of failing the whole export.
"""

from __future__ import annotations

import struct
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

REPLACEMENT = "\ufffd"  # DejaVu Sans draws it: the reader sees that something was typed here


class _Format4:
    """A cmap subtable of format 4 (segments of 16-bit codes), answering one code at a time."""

    def __init__(self, table: bytes) -> None:
        count = struct.unpack_from(">H", table, 6)[0] // 2
        self.table = table
        self.ends = struct.unpack_from(f">{count}H", table, 14)
        self.starts = struct.unpack_from(f">{count}H", table, 16 + 2 * count)
        self.deltas = struct.unpack_from(f">{count}h", table, 16 + 4 * count)
        self.offsets_at = 16 + 6 * count
        self.offsets = struct.unpack_from(f">{count}H", table, self.offsets_at)

    def glyph(self, code: int) -> int:
        index = bisect_left(self.ends, code)
        if index == len(self.ends) or not self.starts[index] <= code or code == 0xFFFF:
            return 0
        if self.offsets[index] == 0:
            return int(code + self.deltas[index]) % 65536  # glyph 0 would be .notdef
        at = self.offsets_at + 2 * index + self.offsets[index] + 2 * (code - self.starts[index])
        if at + 2 > len(self.table):
            return 0
        return int(struct.unpack_from(">H", self.table, at)[0])

    def codes(self) -> Iterator[int]:
        for start, end in zip(self.starts, self.ends, strict=True):
            yield from range(start, end + 1)


class _Format12:
    """A cmap subtable of format 12 (groups of 32-bit codes), answering one code at a time."""

    def __init__(self, table: bytes) -> None:
        groups = struct.unpack_from(">I", table, 12)[0]
        rows = [struct.unpack_from(">III", table, 16 + 12 * n) for n in range(groups)]
        self.starts = [start for start, _, _ in rows]
        self.rows = rows

    def glyph(self, code: int) -> int:
        index = bisect_right(self.starts, code) - 1
        if index < 0:
            return 0
        start, end, glyph = self.rows[index]
        return glyph + code - start if code <= end else 0

    def codes(self) -> Iterator[int]:
        for start, end, _ in self.rows:
            yield from range(start, end + 1)


_Subtable = _Format4 | _Format12


def _cmap(data: bytes, start: int = 0) -> _Subtable | None:
    """The best Unicode cmap subtable (format 12 over 4) of the font whose table directory
    begins at ``start`` (0 but in a collection), None if it has neither."""
    tables = struct.unpack_from(">H", data, start + 4)[0]
    where = {}
    for n in range(tables):
        tag, _, offset, length = struct.unpack_from(">4sIII", data, start + 12 + 16 * n)
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
        return None
    return _Format12(best) if best_format == 12 else _Format4(best)


class Coverage:
    """The code points some font of a folder maps to a real glyph: ``code in coverage``.

    Each code is looked up in the fonts' cmaps when first asked about, not listed up front:
    minutes use a few dozen characters beyond ASCII, and listing the fonts' tens of
    thousands took a hundredth of a second of every export.
    """

    def __init__(self, subtables: list[_Subtable]) -> None:
        self.subtables = subtables
        self.drawn: set[int] = set()
        self.missing: set[int] = set()
        # The characters found so far, as characters: a text's own set of characters is
        # checked against it in one set operation, in C.
        self.drawn_chars: set[str] = set()

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, int):
            return False
        if code not in self.drawn and code not in self.missing:
            found = any(table.glyph(code) for table in self.subtables)
            (self.drawn if found else self.missing).add(code)
        return code in self.drawn

    def draws_all(self, chars: set[str]) -> bool:
        """Whether every one of ``chars`` is covered (a few thousand strings a meeting ask
        this, so the common answer comes from one set operation)."""
        unknown = chars - self.drawn_chars
        for char in unknown:
            if ord(char) not in self:
                return False
            self.drawn_chars.add(char)
        return True

    def codes(self) -> frozenset[int]:
        """Every covered code point (for tests and tools; exports ask one code at a time)."""
        return frozenset(c for t in self.subtables for c in t.codes() if t.glyph(c))


# The font files Typst reads from a folder it is given (it looks in sub-folders too).
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")


def _subtables(data: bytes) -> list[_Subtable | None]:
    """The cmap of each font in a font file (a collection holds several)."""
    if data[:4] != b"ttcf":
        return [_cmap(data)]
    count = struct.unpack_from(">I", data, 8)[0]
    return [_cmap(data, start) for start in struct.unpack_from(f">{count}I", data, 12)]


def font_files(fonts: Path) -> list[Path]:
    """Every font file under ``fonts``, in a steady order."""
    return sorted(
        path for path in fonts.rglob("*") if path.suffix.lower() in FONT_SUFFIXES and path.is_file()
    )


def font_stamp(fonts: Path) -> tuple[tuple[str, int, int], ...]:
    """Each font file's name, time and size: a font added or replaced is noticed."""
    found = []
    for path in font_files(fonts):
        stat = path.stat()
        found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def covered(fonts: Path) -> Coverage:
    """Which code points some font file under ``fonts`` maps to a real glyph (read again
    when a font there is added, replaced or removed: a house template's own fonts change)."""
    return _covered(fonts, font_stamp(fonts))


@lru_cache(maxsize=8)
def _covered(fonts: Path, stamp: tuple[tuple[str, int, int], ...]) -> Coverage:
    tables = [t for name, _, _ in stamp for t in _readable(Path(name))]
    return Coverage([table for table in tables if table is not None])


def _readable(font: Path) -> list[_Subtable | None]:
    """The font's cmaps; none for a file that is not a font after all (a house template's
    fonts folder is the council's own): Typst skips such a file too, so it draws nothing."""
    try:
        return _subtables(font.read_bytes())
    except (OSError, struct.error, KeyError, ValueError):
        return []


def covered_by(folders: Sequence[Path]) -> Coverage:
    """What some font in any of ``folders`` draws: Typst falls back from font to font by
    itself, so a character is printable if one of the fonts it is given has it.  The same
    object while the folders' fonts stay as they are, so its lookups are remembered."""
    return _covered_by(tuple((folder, font_stamp(folder)) for folder in folders))


@lru_cache(maxsize=8)
def _covered_by(folders: tuple[tuple[Path, tuple[tuple[str, int, int], ...]], ...]) -> Coverage:
    if len(folders) == 1:
        return _covered(*folders[0])
    return Coverage([t for folder, stamp in folders for t in _covered(folder, stamp).subtables])


def drawable(text: str, fonts: Path | Coverage) -> str:
    """``text`` with each character no font draws replaced by a visible mark.

    ``fonts``: a folder of fonts, or what some fonts cover (``covered_by``).  Invisible format
    characters (joiners, variation selectors) a font lacks are dropped rather than marked:
    they have nothing to show.  Line breaks and spaces stay.
    """
    if text.isascii():
        return text  # every shipped font draws ASCII, and cleaned text has no controls
    have = fonts if isinstance(fonts, Coverage) else covered(fonts)
    if have.draws_all(set(text).difference("\n ")):
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
