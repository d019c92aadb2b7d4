"""Dates and times as a clerk types them: "12/05/2026", "12 May 2026", "12.5.26"; "7", "7.00 pm"."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+)?"
# 12/05/2026, 12.5.26, 12-5-2026: day first, as in the UK
_NUMBERS = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})")
# 12 May 2026, 12th May, Tuesday 12 May 2026, 12-May-26
_WORDS = re.compile(
    _WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([a-z]+)\.?,?(?:[\s\-]+(\d{2}|\d{4}))?"
)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class DateError(ValueError):
    """``str()`` says what a date should look like."""


def parse_date(text: str, *, today: dt.date | None = None) -> dt.date:
    """The date ``text`` names; a year left out is ``today``'s; DateError if it names none."""
    typed = " ".join(text.strip().lower().rstrip(".").split())
    year_now = (today or dt.date.today()).year
    day = month = year = None
    if match := _ISO.fullmatch(typed):
        year, month, day = (int(g) for g in match.groups())
    elif match := _NUMBERS.fullmatch(typed):
        day, month, year = (int(g) for g in match.groups())
    elif (match := _WORDS.fullmatch(typed)) and match.group(2) in _MONTHS:
        day, month = int(match.group(1)), _MONTHS[match.group(2)]
        year = int(match.group(3)) if match.group(3) else year_now
    if day is None or month is None or year is None:
        raise DateError(f'"{text.strip()}" is not a date: type it as 12/05/2026 or 12 May 2026')
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f'"{text.strip()}" is not a day of the calendar') from None


# 7  7.00  7:30  19.00  7pm  7.30 pm  7 30  noon
_TIME = re.compile(r"(\d{1,2})(?:\s*[.:\s]\s*(\d{1,2})?)?\s*(am|pm|a\.m\.|p\.m\.)?")


class TimeError(ValueError):
    """``str()`` says what a time should look like."""


def parse_time(text: str, *, afternoon: bool = True) -> dt.time:
    """The time ``text`` names; an hour of 1 to 12 without am or pm is ``afternoon``'s
    (the half of the day the field showed before), as a clock would read it."""
    typed = " ".join(text.strip().lower().split())
    if typed in ("noon", "midday"):
        return dt.time(12, 0)
    match = _TIME.fullmatch(typed)
    if match is None:
        raise TimeError(f'"{text.strip()}" is not a time: type it as 7.00 pm or 19.00')
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    half = (match.group(3) or "").replace(".", "")
    if half and not 1 <= hour <= 12:
        raise TimeError(f'"{text.strip()}" is not a time: {hour} {half} is not an hour')
    if half:
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif afternoon and 1 <= hour <= 11:
        hour += 12  # "7" in an evening field: 7 pm; "12" is noon either way
    if hour > 23 or minute > 59:
        raise TimeError(f'"{text.strip()}" is not a time of day')
    return dt.time(hour, minute)
