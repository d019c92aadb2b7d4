"""Which labelled lines under a decision are its resolutions: one rule for reader and writer.

A resolution is numbered "i.", "1." or "(a)" (any of ".", ")" or brackets is accepted); the
first fixes the decision's numbering.  The one real ambiguity is "3. ..." on an unindented
line: the decision's third resolution, or the heading of minute 3?  It is a resolution only
when it continues the count and does not read like a title in capitals; the writer indents
its resolutions, and checks its headings against the same rule.
"""

from __future__ import annotations

from clerk_app.core.lettering import letters_to_index, roman_to_index
from clerk_app.core.model import Decision, Numbering
from clerk_app.core.text import clean_line
from clerk_app.minutes_text.lines import Label


def title_like(text: str) -> bool:
    """ "URGENT BUSINESS": an item title in capitals, not a resolution's wording."""
    cleaned = clean_line(text)
    return any(ch.isalpha() for ch in cleaned) and cleaned.upper() == cleaned


def continues_resolutions(decision: Decision, number: int, text: str) -> bool:
    """Whether an unindented "NUMBER. text" after ``decision`` is its next resolution."""
    count = len(decision.resolutions)
    if count and decision.numbering is not Numbering.NUMBER:
        return False
    return number == count + 1 and not title_like(text)


def resolution_slot(
    decision: Decision, label: Label, indented: bool
) -> tuple[Numbering, int] | None:
    """(numbering, index) if the labelled line is one of ``decision``'s resolutions, the index
    being what its label says (the caller warns when that is out of order); None if not."""
    token = label.token
    if label.shape == "decimal":
        return None
    index: int | None
    if token.isdigit():
        numbering, index = Numbering.NUMBER, int(token) - 1
        if label.shape == "dot" and not indented:
            if not continues_resolutions(decision, index + 1, label.text):
                return None
            return numbering, index
    elif decision.resolutions:
        numbering = decision.numbering
        if numbering is Numbering.ROMAN:
            index = roman_to_index(token)
        elif numbering is Numbering.PAREN_LETTER:
            index = letters_to_index(token)
        else:
            index = None
    elif token in ("i", "a"):
        numbering = Numbering.ROMAN if token == "i" else Numbering.PAREN_LETTER
        index = 0
    else:
        return None
    if index is None or (decision.resolutions and numbering is not decision.numbering):
        return None
    if not decision.resolutions and index != 0:
        return None
    return numbering, index
