"""Labels derived from position: a..z, aa, ab...; i, ii, iii...; 1, 2...; in a meeting's style."""

from __future__ import annotations

from clerk_app.core.model import LabelStyle, Numbering

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def letters(index: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa, 27 -> ab, 701 -> zz, 702 -> aaa (spreadsheet columns)."""
    if index < 0:
        raise ValueError(f"index must be >= 0, not {index}")
    out = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("a") + rem) + out
    return out


def roman(index: int) -> str:
    """0 -> i, 3 -> iv, 8 -> ix: lower-case roman numeral of ``index + 1``."""
    if index < 0:
        raise ValueError(f"index must be >= 0, not {index}")
    n = index + 1
    out = ""
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out += numeral * count
    return out


def letters_to_index(text: str) -> int | None:
    """Inverse of :func:`letters` for a lower-case run of letters; None if it is not one."""
    if not text or not text.isascii() or not text.isalpha() or not text.islower():
        return None
    n = 0
    for ch in text:
        n = n * 26 + (ord(ch) - ord("a") + 1)
    return n - 1


def roman_to_index(text: str) -> int | None:
    """Inverse of :func:`roman`; None unless ``text`` is a canonical lower-case numeral."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    if not text or any(ch not in values for ch in text):
        return None
    total = 0
    for here, after in zip(text, text[1:] + " ", strict=True):
        v = values[here]
        total += -v if after != " " and values[after] > v else v
    return total - 1 if total > 0 and roman(total - 1) == text else None


def point_label(style: LabelStyle, index: int, minute_number: str = "") -> str:
    """The label of the ``index``-th top-level point of an item."""
    if style is LabelStyle.DOT:
        return f"{letters(index)}."
    if style is LabelStyle.PAREN:
        return f"({letters(index)})"
    if style is LabelStyle.BRACKET:
        return f"{letters(index)})"
    if style is LabelStyle.NUMBER:
        return f"{index + 1})"
    base = minute_number.split("/")[0].strip().split(" ")[-1] or "1"
    return f"{base}.{index + 1}"


def subpoint_label(style: LabelStyle, index: int, parent_label: str = "") -> str:
    """The label of the ``index``-th sub-point under a point."""
    if style is LabelStyle.PAREN:
        return f"({roman(index)})"
    if style in (LabelStyle.BRACKET, LabelStyle.NUMBER):
        return f"{roman(index)})"
    if style is LabelStyle.DECIMAL:
        return f"{parent_label}.{index + 1}"
    return f"{roman(index)}."


def reference_label(
    style: LabelStyle, index: int, sub_index: int | None = None, minute_number: str = ""
) -> str:
    """How a point is named when cited out of its list (tracker, search, history): "b." for a
    point, "b.ii." for its sub-point; in decimal style the sub-point's own "8.2.3" already
    carries its parent."""
    top = point_label(style, index, minute_number)
    if sub_index is None:
        return top
    sub = subpoint_label(style, sub_index, top)
    return sub if style is LabelStyle.DECIMAL else top + sub


def resolution_label(numbering: Numbering, index: int) -> str:
    if numbering is Numbering.NUMBER:
        return f"{index + 1}."
    if numbering is Numbering.PAREN_LETTER:
        return f"({letters(index)})"
    return f"{roman(index)}."
