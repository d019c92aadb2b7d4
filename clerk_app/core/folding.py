"""Folding text for accent-insensitive search: "Zoë" -> "zoe", "Łódź" -> "lodz", "ﬁ" -> "fi".

Unicode decomposition drops most accents (é, ë, á, ń); letters with a stroke or ligatures have
no decomposition (Ł, Ø, Đ, ß, Æ) and are mapped by hand to their nearest single letter.
Compatibility characters (NFKC) fold to what they stand for: the "ﬁ" ligature of text copied
from a PDF to "fi", full-width "Ｆ" to "f", "²" to "2".  Nearly every character folds to one
character; those few that fold to several are why :func:`fold_with_offsets` exists, so that
search still highlights the clerk's own spelling.
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


def _fold_letter(ch: str) -> str:
    mapped = ch.translate(_BY_HAND)
    if mapped != ch:
        return mapped
    base = unicodedata.normalize("NFD", ch)[0]
    lowered = base.casefold()
    return lowered if len(lowered) == 1 else base.lower()


def _fold_char(ch: str) -> str:
    compatible = unicodedata.normalize("NFKC", ch)
    if compatible == ch:
        return _fold_letter(ch)
    return "".join(_fold_letter(part) for part in compatible)


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
    """Lower-case, accent-free, compatibility-normalised text (the search index holds this)."""
    if text.isascii():
        return text.lower()
    return text.translate(_TABLE)


def fold_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """``fold(text)`` and, for each of its characters, the index in ``text`` it came from;
    None instead of the list when every character folded to one (positions carry over)."""
    folded = fold(text)
    if len(folded) == len(text):
        return folded, None
    offsets: list[int] = []
    for index, ch in enumerate(text):
        offsets.extend([index] * len(_TABLE[ord(ch)]))
    return folded, offsets
