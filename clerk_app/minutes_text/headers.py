"""The header of plain-text minutes (the lines before the first item), and its dates and times.

Header lines are "Key: value" ("Committee: Planning", "Date: Tuesday 21 May 2024",
"Time: 6.30 pm to 8.45 pm", "Present: Councillors ...").  A few lines without a key are
understood too, as published minutes open with them: "Minutes of the meeting of the Planning
Committee held on Tuesday 21 May 2024", a bare date, "DRAFT".  After "Notes:" every line up
to the first item is a paragraph of the meeting's notes.  Dates and times are formatted here
as well as parsed, so that the writer prints exactly what this module reads.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from clerk_app.core.model import Attendee, LabelStyle, Presence, Role, Status
from clerk_app.core.text import clean_line
from clerk_app.minutes_text.attendance import attendance_line, read_attendance

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTH_NUMBER = {name.lower(): i + 1 for i, name in enumerate(_MONTHS)}
_MONTH_NUMBER.update({name[:3].lower(): i + 1 for i, name in enumerate(_MONTHS)})
_MONTH_NUMBER["sept"] = 9
_WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(_WEEKDAYS)}
_WEEKDAY_NUMBER.update({name[:3].lower(): i for i, name in enumerate(_WEEKDAYS)})

_WEEKDAY = r"(?:(?P<weekday>[A-Za-z]+)\.?,?\s+)?"
_DATE_WORDS = re.compile(
    _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>\d{1,4})"
)
_DATE_NUMBERS = re.compile(
    _WEEKDAY + r"(?P<day>\d{1,2})[/.\-](?P<month>\d{1,2})[/.\-](?P<year>\d{4}|\d{2})"
)
_DATE_ISO = re.compile(_WEEKDAY + r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_TIME = re.compile(
    r"(?P<h>\d{1,2})(?:[.:](?P<m>\d{2})(?::(?P<s>\d{2})(?:\.(?P<f>\d{1,6}))?)?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?",
    re.IGNORECASE,
)
_TIME_WORDS = {"noon": dt.time(12), "midday": dt.time(12), "midnight": dt.time(0)}
# These patterns must stay linear in the line's length, whatever a file holds: a lazy part
# ends on a character the white space after it cannot match (".*?\S"), and white space runs
# are possessive ("\s++") or start only where a run starts ("(?<!\s)"), so no run of spaces
# is rescanned from each of its characters (a 400-character line once took 30 s).
_RANGE = re.compile(r"(?P<a>.*?\S)\s*+(?:\bto\b|\buntil\b|-|\u2013|\u2014)\s*+(?P<b>.+)", re.I)
_UNTIL = re.compile(r"(?:until|till|to)\s+(?P<b>.+)", re.I)
_AT = re.compile(r"(?<!\s)\s++at\s+", re.I)
_KEY = re.compile(r"(?P<key>[A-Za-z][A-Za-z' \-]{0,40}?)[ \t\u00a0]*:[ \t\u00a0]*(?P<value>.*)")
_MINUTES_OF = re.compile(
    r"minutes of (?:the |a )?(?:(?:meeting of (?:the )?)?(?P<committee>.*?[^\s,])"
    r"(?:\s*+,\s++|\s++))?(?:meeting,?\s++)?held (?:on )?(?P<when>.+?)\.?",
    # DOTALL: once "held" is found the rest always matches, so no later "held" is tried.
    re.IGNORECASE | re.DOTALL,
)
_COMMITTEE_WORDS = re.compile(
    r".*\b(?:committee|sub-committee|panel|board|cabinet|commission|forum)"
    r"(?:\s++of\s++(?:the\s++)?[A-Za-z'\u2019 ]{1,40}+)?",
    re.IGNORECASE,
)
# A council's name, not any line that mentions one (a clerk's address "3 Council Cottages"):
# words only, ending in what councils call themselves, or "Council of the ...".
_COUNCIL_WORDS = re.compile(
    r"(?:the\s+)?[A-Za-z][A-Za-z'\u2019&\- ]*?\b(?:council|authority|borough|county"
    r"|fire\s+and\s+rescue\s+service|trust|board)"
    r"|(?:the\s+)?(?:council|borough|county)\s+of\s+(?:the\s+)?[A-Za-z'\u2019&\- ]+",
    re.IGNORECASE,
)
# Header keys as clerks write them (lower case) -> the field they set.
_FIELDS = {
    "council": "council",
    "authority": "council",
    "committee": "committee",
    "meeting": "committee",
    "body": "committee",
    "date": "date",
    "meeting date": "date",
    "date of meeting": "date",
    "time": "time",
    "start time": "time",
    "meeting time": "time",
    "duration": "time",
    "duration of meeting": "time",
    "venue": "venue",
    "place": "venue",
    "location": "venue",
    "status": "status",
    "approved on": "approved on",
    "approved": "approved on",
    "label style": "label style",
    "notes": "notes",
}


# --- dates and times ------------------------------------------------------------------------
def format_date(day: dt.date) -> str:
    """ "Tuesday 21 May 2024"."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year:04d}"


def parse_date_text(text: str) -> tuple[dt.date, str] | None:
    """A date as clerks type it -> (date, "" or a warning about a wrong weekday); or None."""
    text = clean_line(text).rstrip(".")
    for pattern in (_DATE_ISO, _DATE_WORDS, _DATE_NUMBERS):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        if match["month"].isdigit():
            month: int | None = int(match["month"])
        else:
            month = _MONTH_NUMBER.get(match["month"].lower())
        year = int(match["year"]) + (2000 if len(match["year"]) == 2 else 0)
        try:
            day = dt.date(year, month or 0, int(match["day"]))
        except ValueError:
            return None
        weekday = match["weekday"]
        if weekday is None:
            return day, ""
        typed = _WEEKDAY_NUMBER.get(weekday.lower())
        if typed is None:
            return None
        if typed != day.weekday():
            actual = _WEEKDAYS[day.weekday()]
            return day, f"{format_date(day)} is a {actual}, not a {weekday}; used the date"
        return day, ""
    return None


def format_time(moment: dt.time) -> str:
    """ "6.30 pm"; a time with seconds is written as "18:30:15" so that nothing is lost."""
    if moment.second or moment.microsecond:
        return moment.replace(tzinfo=None).isoformat()
    hour = moment.hour % 12 or 12
    return f"{hour}.{moment.minute:02d} {'am' if moment.hour < 12 else 'pm'}"


def parse_time_text(text: str) -> dt.time | None:
    """ "6.30 pm", "6.30pm", "6pm", "18:30", "18:30:15", "noon" -> a time; None otherwise."""
    text = clean_line(text).rstrip(".").strip()
    if text.lower() in _TIME_WORDS:
        return _TIME_WORDS[text.lower()]
    match = _TIME.fullmatch(text)
    if match is None:
        return None
    hour, minute = int(match["h"]), int(match["m"] or 0)
    second = int(match["s"] or 0)
    micro = int((match["f"] or "0").ljust(6, "0"))
    if match["ampm"]:
        if not 1 <= hour <= 12:
            return None
        pm = match["ampm"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    elif match["m"] is None:
        return None  # a bare "6" is a number, not a time
    try:
        return dt.time(hour, minute, second, micro)
    except ValueError:
        return None


def format_time_range(start: dt.time | None, end: dt.time | None) -> str:
    if start is None:
        return f"until {format_time(end)}" if end is not None else ""
    if end is None:
        return format_time(start)
    return f"{format_time(start)} to {format_time(end)}"


def parse_time_range(text: str) -> tuple[dt.time | None, dt.time | None] | None:
    """ "6.30 pm to 8.45 pm" -> (start, end); "6.30 pm" -> (start, None);
    "until 8.45 pm" -> (None, end)."""
    text = clean_line(text)
    single = parse_time_text(text)
    if single is not None:
        return single, None
    until = _UNTIL.fullmatch(text)
    if until:
        end = parse_time_text(until["b"])
        return None if end is None else (None, end)
    both = _RANGE.fullmatch(text)
    if both:
        start, end = parse_time_text(both["a"]), parse_time_text(both["b"])
        if start is not None and end is not None:
            return start, end
    return None


# --- the header as a whole ------------------------------------------------------------------
@dataclass
class Header:
    """What the header lines said; None/"" where they said nothing."""

    council: str = ""
    committee: str | None = None
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    venue: str = ""
    status: Status | None = None
    approved_on: dt.date | None = None
    label_style: LabelStyle | None = None
    attendees: list[Attendee] = field(default_factory=list)
    in_notes: bool = False  # after "Notes:": the rest of the header is the meeting's notes
    first_note: str = ""  # "Notes: text" on one line
    # Attendance entries that are not people ("2 members of the public"): kept in the notes.
    kept: list[str] = field(default_factory=list)


Warn = Callable[[str], None]


class HeaderReader:
    """Reads header lines one at a time into a :class:`Header`."""

    def __init__(self, warn: Warn) -> None:
        self.header = Header()
        self._warn = warn  # for lines understood with a caveat (a wrong weekday)
        # An attendance list that goes on to the next line: after "Present:" with nothing
        # after it (until a blank line), or after a line that ends "," or " and".
        self._list: tuple[Role, Presence] | None = None
        self._list_until_blank = False

    def blank(self) -> None:
        self._list = None

    def feed(self, content: str) -> str | None:
        """Take one header line; None if understood, else why not (the caller keeps the
        line as a paragraph of the meeting's notes)."""
        match = _KEY.fullmatch(content)
        key = "" if match is None else " ".join(match["key"].lower().split())
        defaults = attendance_line(key)
        if match is not None and key in _FIELDS:
            self._list = None
            return self._field(_FIELDS[key], clean_line(match["value"]))
        if match is not None and defaults is not None:
            self._list_until_blank = not clean_line(match["value"])
            self._attendance(clean_line(match["value"]), defaults)
            return None
        if self._list is not None:
            self._attendance(clean_line(content), self._list)
            return None
        return self._unkeyed(clean_line(content))

    def _attendance(self, value: str, defaults: tuple[Role, Presence]) -> None:
        goes_on = value.endswith((",", ";", " and"))
        people, kept = read_attendance(value.removesuffix(" and"), *defaults)
        self.header.attendees.extend(people)
        self.header.kept.extend(kept)
        self._list = defaults if goes_on or self._list_until_blank else None

    def _date(self, text: str) -> dt.date | None:
        parsed = parse_date_text(text)
        if parsed is None:
            return None
        if parsed[1]:
            self._warn(parsed[1])
        return parsed[0]

    def _date_and_time(self, text: str) -> bool:
        """ "Tuesday 21 May 2024" or "Tuesday 21 May 2024 at 6.30 pm"."""
        halves = _AT.split(text, maxsplit=1)
        times = parse_time_range(halves[1]) if len(halves) == 2 else (None, None)
        day = self._date(halves[0])
        if day is None or times is None:
            return False
        self.header.date = day
        if times[0] is not None:
            self.header.start_time, self.header.end_time = times
        return True

    def _field(self, field: str, value: str) -> str | None:
        """Set one of the header's fields; None if understood, else why not."""
        h = self.header
        if field == "council":
            h.council = value
        elif field == "committee":
            h.committee = value
        elif field == "venue":
            h.venue = value
        elif field == "date":
            if not self._date_and_time(value):
                return f"could not read the date {value!r} (write it as 21 May 2024)"
        elif field == "time":
            times = parse_time_range(value)
            if times is None:
                return f"could not read the time {value!r} (write it as 6.30 pm to 8.45 pm)"
            h.start_time, h.end_time = times
        elif field == "status":
            if value.lower() not in ("draft", "approved"):
                return f"status {value!r} is neither draft nor approved"
            h.status = Status(value.lower())
        elif field == "approved on":
            h.approved_on = self._date(value)
            if h.approved_on is None:
                return f"could not read the approval date {value!r}"
        elif field == "label style":
            try:
                h.label_style = LabelStyle(value)
            except ValueError:
                styles = ", ".join(style.value for style in LabelStyle)
                return f"label style {value!r} is not one of {styles}"
        else:
            h.in_notes, h.first_note = True, value
        return None

    def _unkeyed(self, text: str) -> str | None:
        h = self.header
        minutes_of = _MINUTES_OF.fullmatch(text)
        if minutes_of and self._date_and_time(minutes_of["when"]):
            committee = clean_line(minutes_of["committee"] or "")
            # "Minutes of the meeting held on ...": "meeting" is not a committee's name.
            if committee.lower() not in ("", "meeting") and h.committee is None:
                h.committee = committee
            return None
        if h.date is None and self._date_and_time(text):
            return None
        if h.committee is None and _COMMITTEE_WORDS.fullmatch(text):
            h.committee = text
            return None
        if not h.council and _COUNCIL_WORDS.fullmatch(text) and len(text) <= 80:
            h.council = text
            return None
        return "could not understand this line; kept in the meeting's notes"
