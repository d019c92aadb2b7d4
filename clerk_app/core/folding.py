"""Folding text for accent-insensitive search: "Zoë" -> "zoe", "Łódź" -> "lodz".

Every character folds to exactly one character, so a position in the folded text is the same
position in the original: search highlights the clerk's own spelling without re-searching.
Unicode decomposition drops most accents (é, ë, á, ń); letters with a stroke or ligatures have
no decomposition (Ł, Ø, Đ, ß, Æ) and are mapped by hand to their nearest single letter.
"""

from __future__ import annotations

import unicodedata

_BY_HAND = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "ħ": "h",
        "Ħ": "h",
        "ı": "i",
        "ß": "s",
        "æ": "a",
        "Æ": "a",
        "œ": "o",
        "Œ": "o",
        "þ": "t",
        "Þ": "t",
        "\u2019": "'",
        "\u2018": "'",
    }
)


def _fold_char(ch: str) -> str:
    mapped = ch.translate(_BY_HAND)
    if mapped != ch:
        return mapped
    base = unicodedata.normalize("NFD", ch)[0]
    lowered = base.casefold()
    return lowered if len(lowered) == 1 else base.lower()


class _FoldTable(dict[int, str]):
    """A translation table that learns each character the first time it is met.

    ``str.translate`` looks characters up in C; only a character never seen before costs a
    Python call, which makes folding a long paragraph several times faster than a generator.
    """

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-case, accent-free text of exactly the same length as ``text``."""
    if text.isascii():
        return text.lower()
    return text.translate(_TABLE)
