"""Where a labelled line goes among an item's points: a point, a sub-point, or prose.

"i." is the letter after "h" or the first roman sub-point; "v" and "x" likewise.  The label
that continues a sequence wins; when both would (a point "h" with no sub-points yet),
indentation decides: deeper than the point's own label is a sub-point.  Whether a line is a
label at all never depends on its indentation, only on the labels before it, because the
writer re-indents everything and what was read as prose must be read as prose again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from clerk_app.core.lettering import letters_to_index, roman_to_index
from clerk_app.core.model import LabelStyle
from clerk_app.minutes_text.lines import Label, decimal_parts

_LETTER_STYLES: dict[str, LabelStyle] = {
    "dot": LabelStyle.DOT,
    "paren": LabelStyle.PAREN,
    "bracket": LabelStyle.BRACKET,
}


@dataclass(frozen=True)
class Context:
    """What the labels before this line established."""

    points: int  # points so far in this item
    children: int | None  # sub-points of the last point; None before the first point
    deeper: bool  # this line is indented deeper than the last point's label
    style: LabelStyle | None  # the meeting's style as known so far (header, else first point)
    first_in_file: bool  # no point anywhere in the file yet


@dataclass(frozen=True)
class Placement:
    kind: Literal["point", "sub", "orphan", "prose"]
    index: int = 0  # the position the label claims (its sequence may be broken)
    style: LabelStyle = LabelStyle.DOT  # for a point: the style its label is written in


_PROSE = Placement("prose")
_ORPHAN = Placement("orphan")  # a sub-point label with no point above it


def place(label: Label, at: Context) -> Placement:
    if label.shape == "decimal":
        parts = decimal_parts(label.token)
        # "2.5 million ..." is prose unless the meeting numbers its points so, or this could
        # be the first point of the file ("8.1").
        if not (at.style is LabelStyle.DECIMAL or (at.first_in_file and parts == [1])):
            return _PROSE
        if len(parts) == 1:
            return Placement("point", parts[0] - 1, LabelStyle.DECIMAL)
        return _ORPHAN if at.children is None else Placement("sub", parts[1] - 1)
    token = label.token
    if token.isdigit():
        if label.shape == "dot":
            return _PROSE  # "3." starts a minute or a resolution, never a point
        return Placement("point", int(token) - 1, LabelStyle.NUMBER)
    style = _LETTER_STYLES[label.shape]
    letter = letters_to_index(token) or 0
    numeral = roman_to_index(token)
    letter_fits = letter == at.points
    if at.children is None:
        if letter_fits or (numeral is None and len(token) == 1):
            return Placement("point", letter, style)
        return _PROSE if numeral is None else _ORPHAN
    numeral_fits = numeral is not None and numeral == at.children
    if letter_fits and numeral_fits:
        as_sub = at.deeper  # "i." after "h.": the letter unless indented under "h."
    elif letter_fits or numeral_fits:
        as_sub = numeral_fits
    elif len(token) == 1:
        as_sub = numeral is not None and at.deeper  # typos: "a., b., d." or "i., ii., v."
    else:
        return _PROSE
    return Placement("sub", numeral or 0) if as_sub else Placement("point", letter, style)
