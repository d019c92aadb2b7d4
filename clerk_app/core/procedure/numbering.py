"""Minute references derived from position and the body's counter ("24/123", "C048/23")."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass


class NumberingMode(enum.StrEnum):
    """How minute references are given to a meeting's items."""

    AS_TYPED = "as typed"  # the clerk types each reference (every body migrated from before)
    PER_MEETING = "per meeting"  # 1, 2, 3 ... restarting at each meeting
    CONTINUOUS = "continuous"  # running on through the council year


@dataclass(frozen=True)
class MinuteNumbering:
    """``pattern`` places the counter: ``{n}`` (``{n:3}`` zero-pads to three digits), ``{yy}``
    and ``{yyyy}`` the year the council year starts in.  "24/123" is ``{yy}/{n}``,
    "DSFRA/33" is ``DSFRA/{n}``, "C048/23" is ``C{n:3}/{yy}``."""

    mode: NumberingMode = NumberingMode.AS_TYPED
    pattern: str = "{n}"
    year_start_month: int = 5  # May: annual meetings are held in May


_FIELD = re.compile(r"\{(n(?::(\d{1,2}))?|yy|yyyy)\}")


class PatternError(ValueError):
    """A numbering pattern that cannot place the counter; ``str()`` says why."""


def check_pattern(pattern: str) -> None:
    fields = [m.group(1) for m in _FIELD.finditer(pattern)]
    if not any(f.startswith("n") for f in fields):
        raise PatternError(f"the pattern {pattern!r} has no {{n}} for the minute's number")
    rest = _FIELD.sub("", pattern)
    if "{" in rest or "}" in rest:
        raise PatternError(
            f"the pattern {pattern!r} has a field other than {{n}}, {{yy}}, {{yyyy}}"
        )


def council_year(day: dt.date, start_month: int) -> int:
    """The calendar year in which the council year holding ``day`` began."""
    return day.year if day.month >= start_month else day.year - 1


def council_year_start(day: dt.date, start_month: int) -> dt.date:
    return dt.date(council_year(day, start_month), start_month, 1)


def format_reference(pattern: str, number: int, year: int) -> str:
    def field(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "yy":
            return f"{year % 100:02d}"
        if name == "yyyy":
            return str(year)
        width = int(match.group(2) or 0)
        return str(number).zfill(width)

    return _FIELD.sub(field, pattern)


def derived_numbers(
    numbering: MinuteNumbering, typed: Sequence[str], day: dt.date, start: int = 0
) -> list[str]:
    """Each item's reference: a typed one as typed; otherwise the next of the counter.

    ``start`` is how many minutes the body's earlier meetings of this council year used
    (always 0 for numbering per meeting).  Every item advances the counter, so typing one
    reference by hand does not shift the others."""
    if numbering.mode is NumberingMode.AS_TYPED:
        return list(typed)
    first = start if numbering.mode is NumberingMode.CONTINUOUS else 0
    year = council_year(day, numbering.year_start_month)
    return [
        number.strip() or format_reference(numbering.pattern, first + index + 1, year)
        for index, number in enumerate(typed)
    ]
