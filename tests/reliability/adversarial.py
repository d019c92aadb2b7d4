"""Text built to make a backtracking parser slow: a structural opening, one unit repeated, an end.

Each unit is something two neighbouring quantifiers could both match (white space of every
kind, dots, digits, words a pattern looks for again and again), and each ending is one that
makes a match fail late.  The timing test and ``benchmarks/parse_speed.py`` share the list.
"""

from __future__ import annotations

OPENINGS = (
    "",
    "(Action: ",
    "(Actions - A",
    "(action ",
    "x (Action: A by 1",
    "ACTION: ",
    "ACTION DONE: ",
    "Agenda item ",
    "agenda item 1",
    "42.\t",
    "77/24 ",
    "a.\t",
    "(iv) ",
    "DRAFT",
    "Chair ",
    "EXEMPT: ",
    "EXEMPT(",
    "it was ",
    "Cllr X MOVED ",
    "RESOLVED",
    "resolved to ",
    "The meeting ended at ",
    "Minutes of the ",
    "Minutes of the meeting of X",
    "Supporting documents",
    "Pages: ",
    "page 1",
    "Date: ",
    "Time: 6",
    "Present: Councillor A",
    "Apologies: ",
    "Officer: ",
    "Councillor A substitute for ",
    "12 May ",
    # Motions and votes told in prose (minutes_text/prose_motions.py).
    "It was moved by Cllr A",
    "Proposed by ",
    "An amendment moved by ",
    "Cllr A .....",
    "For: 1 Against: ",
    "The motion was ",
    "Apologies were received from ",
)
UNITS = (
    " ",
    "\u2003",  # em space: \s matches it, [ \t] does not
    "\u00a0",
    "\t",
    "\u3000",
    ".",
    ". ",
    "…",
    "_",
    "1",
    "1 ",
    "a",
    "x\u2003",
    "(",
    "(Action",
    "-",
    "/",
    ":",
    ", ",
    " to ",
    " at ",
    " by 1",
    " for ",
    " held ",
    "MOVED ",
    "RESOLVED ",
    "it was ",
    "Councillor ",
    "committee ",
    "pages ",
    "paragraph 1, ",
    "Cllr ",
    "Seconded ",
    " that ",
    "1 for ",
)
ENDINGS = ("", "x", "(", ")", " foo:", "!", "/", ".x", "\u2003x")


def adversarial(opening: str, unit: str, ending: str, length: int) -> str:
    """``opening`` + ``unit`` repeated to about ``length`` characters + ``ending``."""
    return opening + unit * max(1, length // len(unit)) + ending
