"""English wording shared by the composed documents: dates, clock times and name lists.

Day and month names come from tables here rather than ``strftime`` because ``%A``/``%B``
follow the machine's locale, and minutes of an English council are English on any laptop.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from clerk_app.core import text

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Words that belong to a surname rather than being a given name ("Siobhán Ó Briain" sorts
# under B with its particle, "Ludwig van der Berg" under B).
_PARTICLES = frozenset(
    "ó o ní nic mac mc ua uí mhic de da di du del della der den van von le la st st.".split()
)
_TITLE = re.compile(r"^(?:councillors?|cllrs?\.?)\s+", re.IGNORECASE)


# Noncharacters that core.text keeps but XML (so Word) cannot hold: removed for every format
# alike, before spaces are tidied, so that Word and PDF print the same words.  Unicode's own
# line and paragraph separators become line breaks, which every renderer draws the same way.
_NONCHARACTERS = re.compile("[\ufffe\uffff]")
_SEPARATORS = ("\u2028", "\u2029")


def clean_text(typed: str) -> str:
    """:func:`clerk_app.core.text.clean_text`, less the noncharacters no document can hold."""
    return text.clean_text(_documentable(typed))


def clean_line(typed: str) -> str:
    """:func:`clerk_app.core.text.clean_line`, less the noncharacters no document can hold."""
    return text.clean_line(_documentable(typed))


def _documentable(typed: str) -> str:
    if typed.isascii():
        return typed  # none of those characters is ASCII: the common case, kept quick
    # Searched for before anything is rebuilt: str.translate with a table walks a non-ASCII
    # string a character at a time in Python's dict (30 us for a point, 18 ms a meeting).
    if "\ufffe" in typed or "\uffff" in typed:
        typed = _NONCHARACTERS.sub("", typed)
    for separator in _SEPARATORS:
        if separator in typed:
            typed = typed.replace(separator, "\n")
    return typed


def long_date(day: dt.date) -> str:
    """Tuesday 21 May 2024."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_date(day: dt.date) -> str:
    """21 May 2024."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def clock_time(time: dt.time) -> str:
    """6.30 pm, 10.00 am, 12.15 pm: the style of published UK minutes."""
    hour = time.hour % 12 or 12
    return f"{hour}.{time.minute:02d} {'am' if time.hour < 12 else 'pm'}"


def without_title(name: str) -> str:
    """The name with a typed "Councillor"/"Cllr" removed, since the lists add their own."""
    return _TITLE.sub("", name.strip()).strip()


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def surname_key(name: str) -> tuple[str, str]:
    """Sort key: surname (with its particles, accents folded), then the whole name."""
    words = without_title(name).split()
    if not words:
        return ("", "")
    start = len(words) - 1
    while start > 0 and words[start - 1].casefold() in _PARTICLES:
        start -= 1
    surname = " ".join(words[start:])
    # "Ó Briain" files under B, as in Irish directories: particles do not lead the sort.
    core = " ".join(w for w in words[start:] if w.casefold() not in _PARTICLES) or surname
    return (_fold(core), _fold(" ".join(words)))


def bind_particles(name: str) -> str:
    """Join a surname's particles to it with no-break spaces: "Ó Briain" never splits a line."""
    words = name.split(" ")
    out = words[:1]
    for before, word in zip(words, words[1:], strict=False):
        if before.casefold() in _PARTICLES:
            out[-1] = f"{out[-1]}\u00a0{word}"
        else:
            out.append(word)
    return " ".join(out)


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" .;,") + "\u2026"


def join_and(parts: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
