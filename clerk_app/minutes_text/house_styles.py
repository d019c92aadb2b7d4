"""Line shapes of other councils' house styles: minute references, leftovers, bullets, prose
decisions, actions and exclusion resolutions, as published minutes write them.

``lines.py`` holds the grammar that Clerk's own writer and reader share; this module holds
what only the reader needs, to bring in minutes that Clerk did not write.  Every pattern here
runs in linear time on one line (possessive runs, no two neighbouring quantifiers over the
same characters), as lines.py's do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clerk_app.core.model import Attendee, DecisionKind, Presence, Role
from clerk_app.core.procedure.movements import member_key
from clerk_app.core.text import clean_line
from clerk_app.minutes_text.attendance import read_attendance

_SEP = "[ \t\u00a0]"
_DASH = "[-\u2013\u2014:]"
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|january|february|march|april|june|july"
    "|august|september|sept|october|november|december"
)
# A street address line ("12 High Street") is not a minute heading; "204 Skate park" (the
# word in lower case) and "1361 Car Park" (no house has four digits) are.
_ADDRESS = re.compile(
    r".*\b(?:Street|Road|Lane|Avenue|Close|Drive|Way|Court|Place|Crescent|Gardens|Terrace"
    r"|Hill|Square|Row|Walk|Parade|Mews|Grove|Park"
    r"|STREET|ROAD|LANE|AVENUE|CLOSE|DRIVE|WAY|COURT|PLACE|CRESCENT|GARDENS|TERRACE"
    r"|HILL|SQUARE|ROW|WALK|PARADE|MEWS|GROVE|PARK)\b\.?,?"
)


@dataclass(frozen=True)
class Reference:
    """A minute reference kept as written, and the title on its line (None: on another)."""

    number: str
    title: str | None


# "86  Title" (two spaces or a tab after a bare number), "42 Title", "1358 TITLE".
_BARE_WIDE = re.compile(rf"(?P<num>\d{{1,4}})(?:\t|{_SEP}{{2,}}+)(?P<title>\S.*)")
_BARE = re.compile(r"(?P<num>\d{1,4}) (?P<title>[A-Z][^.:;!?]{1,99}+)")
# Prefixed and yearly references: "PLA146/14", "41a/19", "F01:04/24", "01/25/01",
# "GBP/2122/214", "DSFRA/33"; then ":" or " - " or white space and the title, or nothing.
_PREFIXED = re.compile(
    r"(?P<num>(?:[A-Z]{1,8} ?)?\d{1,4}[a-z]?(?:/\d{1,4}){1,2}+"
    r"|[A-Z]{1,8}\d{1,4}:\d{1,4}/\d{1,4}"
    r"|[A-Z]{2,8}(?:/\d{1,4}){1,2}+)"
    rf"\.?(?:(?:{_SEP}*+{_DASH})?{_SEP}++(?P<title>[^\sa-z].*)|:)?"
)
# "05/04/2023" on its own is a date, not minute 05/04/2023.
_DATE_LIKE = re.compile(r"\d{1,2}/(?:0?[1-9]|1[0-2])/(?:\d{2}|\d{4})")
# "2307.01 Title" (a four-digit minute and its part) and "44.23 - Title" (a dash after it).
_DOTTED = re.compile(
    rf"(?P<num>\d{{4}}\.\d{{2}})\.?{_SEP}++(?P<title>[A-Z].*)"
    rf"|(?P<num2>\d{{1,4}}\.\d{{1,3}})\.?{_SEP}++[-\u2013\u2014]{_SEP}++(?P<title2>\S.*)"
)
# "Minute 42 - Title", "Minute 42: Title", "Minute 42".
_MINUTE = re.compile(
    rf"(?i:minute){_SEP}++(?P<num>[A-Za-z]{{0,8}}\d[\w./:]{{0,15}}+)"
    rf"(?:{_SEP}*+{_DASH}{_SEP}*+(?P<title>\S.*)|{_SEP}++(?P<bare>[A-Z].*))?"
)


def parse_reference(content: str) -> Reference | None:
    """A minute heading in another house style, or None; the reference kept as written."""
    match = _MINUTE.fullmatch(content)
    if match:
        return Reference(match["num"].rstrip(".:"), _title(match["title"] or match["bare"]))
    match = _DOTTED.fullmatch(content)
    if match:
        return Reference(match["num"] or match["num2"], _title(match["title"] or match["title2"]))
    match = _PREFIXED.fullmatch(content)
    if match and not (match["title"] is None and _DATE_LIKE.fullmatch(match["num"])):
        return Reference(match["num"], _title(match["title"]))
    for pattern in (_BARE_WIDE, _BARE):
        match = pattern.fullmatch(content)
        if match and _plausible_title(match["title"], len(match["num"]) > 3):
            return Reference(match["num"], clean_line(match["title"]))
    return None


def _title(text: str | None) -> str | None:
    if text is None:
        return None
    return clean_line(text).removesuffix(":").rstrip() or None


_NOT_TITLES = {"members", "member", "people", "residents", "councillors", "officers"}


def _plausible_title(title: str, long_number: bool) -> bool:
    """A bare number's title: not a date ("12 May 2024"), an address, a sentence or a
    count of people ("2 members of the public" starts lower case and never gets here)."""
    words = title.split()
    first = words[0].lower().rstrip(".,")
    if re.fullmatch(_MONTHS, first) or first in _NOT_TITLES:
        return False
    if not long_number and _ADDRESS.fullmatch(title):
        return False
    return len(title) <= 100 and not title.rstrip().endswith((".", ","))


# --- leftovers of web pages -------------------------------------------------------------------
_LEFTOVER = re.compile(
    r"(?:pdf icon )?pdf \d+(?:\.\d+)? ?[km]b"
    r"|minutes:?"
    r"|decision:?"
    r"|(?:view|download) (?:the )?(?:reasons?|background|decision|minutes|agenda).{0,200}"
    r"|printed minutes.{0,40}|back to top",
    re.IGNORECASE,
)


def is_leftover(content: str) -> bool:
    """Lines a council website adds around minutes ("pdf icon PDF 357 KB", a "Minutes:"
    label): they carry nothing of the meeting's."""
    return _LEFTOVER.fullmatch(clean_line(content)) is not None


# --- bullets ----------------------------------------------------------------------------------
# A bullet glyph may touch its text ("•The clerk", as PDFs paste); an asterisk needs a space
# after it, so that typed emphasis ("*urgent*") stays prose.
_BULLET = re.compile(
    rf"(?:[\u00b7\u2022\u25aa\u25e6\u2023\u2043\uf0b7]{_SEP}*+|\*{_SEP}++)(?P<text>\S.*)"
)


def bullet_text(content: str) -> str | None:
    """ "• The clerk reported ..." -> "The clerk reported ..."; None if not a bullet."""
    match = _BULLET.fullmatch(content)
    return None if match is None else match["text"]


# --- decisions in prose -----------------------------------------------------------------------
_MOVED_PROSE = re.compile(r"\b(?:moved|proposed)\b", re.IGNORECASE)
_OUTCOME_PROSE = re.compile(r"\b(?:RESOLVED|AGREED|resolved|agreed|carried|Carried|CARRIED)\b")
_LOST = re.compile(r"\b(?:lost|defeated|fell|not carried)\b", re.IGNORECASE)
_IT_WAS = re.compile(
    rf"(?i:it{_SEP}++was{_SEP}++(?:unanimously{_SEP}++)?(?P<kw>resolved|agreed|noted))\b"
    r"(?P<rest>.*)"
)


def parse_prose_decision(content: str) -> tuple[DecisionKind, str] | None:
    """A decision told in prose -> (kind, preamble), or None.

    "It was moved by ... seconded by ... and RESOLVED - that ...", "Proposed ... Seconded ...
    Carried 4 for and 1 against": the whole line is the preamble, so who moved it and the
    votes are kept as written (prose_motions.py adds the motion and its vote as data).  "It
    was resolved that ..." keeps the text after the keyword, as "RESOLVED that ..." does.
    """
    text = clean_line(content)
    match = _IT_WAS.fullmatch(text)
    if match and not _MOVED_PROSE.search(text):
        rest = match["rest"].lstrip(" :-\u2013\u2014,")
        return DecisionKind(match["kw"].upper()), rest
    moved = _MOVED_PROSE.search(text)
    if moved is None or moved.start() > 40 or _LOST.search(text):
        return None
    if _OUTCOME_PROSE.search(text, moved.end()) is None:
        return None
    return DecisionKind.RESOLVED, text


# --- actions ----------------------------------------------------------------------------------
_INITIALS_AT_END = re.compile(
    rf"(?P<text>.*?\S){_SEP}++(?P<ini>[A-Z]{{2,4}}(?:{_SEP}*+/{_SEP}*+[A-Z]{{2,4}})*+)\.?"
)
_ACTION_TO = re.compile(
    rf"(?P<lead>(?i:action(?:{_SEP}++from{_SEP}++(?:the{_SEP}++)?(?:last|previous)"
    rf"{_SEP}++meeting)?){_SEP}*+[:\-\u2013]{_SEP}*+)(?P<task>\S.*)"
)
_OWNER_TO = re.compile(r"(?P<owner>[^,;:()]{1,60}?)\s++to\s++\S")
_HONORIFICS = {"cllr", "cllrs", "councillor", "mr", "mrs", "ms", "miss", "dr", "prof", "rev"}


def initials_of(name: str) -> str:
    """ "Pat Adams" -> "PA", "Cllr Jane M. Smith" -> "JMS" (titles are not initials)."""
    words = [w for w in re.split(r"[\s.\-]+", name) if w and w.lower() not in _HONORIFICS]
    return "".join(word[0].upper() for word in words if word[0].isalpha())


def owners_from_initials(content: str, known: dict[str, str]) -> tuple[str, list[str]] | None:
    """ "Write to the county. PA/VB" -> ("Write to the county.", ["Pat Adams", "Val Brown"])
    when every set of initials is a person's in the attendance; None otherwise."""
    match = _INITIALS_AT_END.fullmatch(content)
    if match is None:
        return None
    initials = [part.strip(" \t\u00a0") for part in match["ini"].split("/")]
    if not all(ini in known for ini in initials):
        return None
    return clean_line(match["text"]), [known[ini] for ini in initials]


def task_owner(task: str) -> str | None:
    """ "Cllr Body to write to the county" -> "Cllr Body"; None without "X to ..."."""
    match = _OWNER_TO.match(clean_line(task))
    return None if match is None else clean_line(match["owner"])


def action_to(content: str) -> tuple[str, str] | None:
    """ "Action: Cllr Body to write ..." / "Action from last meeting: Clerk to chase ..." ->
    (the line as written, its owner); None if the line is not such an action."""
    match = _ACTION_TO.fullmatch(content)
    if match is None:
        return None
    owner = task_owner(match["task"])
    return None if owner is None else (clean_line(content), owner)


# --- apologies told in an item ------------------------------------------------------------------
_APOLOGIES_FROM = re.compile(
    r"(?i:apologies(?:\s++for\s++absence)?\s++(?:were|had\s++been|have\s++been)\s++"
    r"(?:received|submitted|given|tendered|accepted)(?:\s++and\s++accepted)?\s++(?:from|by))"
    r"\s++(?P<names>[^.;]{1,400}+)\.?"
)


def apologies_from(content: str) -> str | None:
    """ "Apologies were received from Cllr A and Cllr B." -> "Cllr A and Cllr B"; None for
    any other line."""
    match = _APOLOGIES_FROM.fullmatch(clean_line(content))
    return None if match is None else match["names"]


_PARTICLES = {"de", "van", "von", "der", "da", "le", "la", "du", "of", "al", "bin", "ap"}


def _looks_like_a_name(name: str) -> bool:
    words = name.split()
    return 0 < len(words) <= 5 and all(w[0].isupper() or w in _PARTICLES for w in words)


def _surname(name: str) -> str:
    words = member_key(name).split()
    return words[-1] if words else ""


def add_apologies(attendees: list[Attendee], names: str) -> None:
    """The people of "Apologies were received from ..." in an item, added to ``attendees``
    (sending apologies) unless listed there already, matched by surname ("Councillor
    Fairweather" is the "Zoë Fairweather" listed); what does not read as a name ("all
    members", "Cllr Ray who was unwell") adds nobody."""
    listed = {_surname(a.name) for a in attendees}
    people, _ = read_attendance(names, Role.MEMBER, Presence.APOLOGIES)
    for person in people:
        if _looks_like_a_name(person.name) and _surname(person.name) not in listed:
            attendees.append(person)
            listed.add(_surname(person.name))


# --- excluding the press and public -----------------------------------------------------------
_SCHEDULE_12A = re.compile(r"schedule\s*+12\s*+a", re.IGNORECASE)
_EXCLUDE = re.compile(r"\bexclu(?:de|ded|sion)\b", re.IGNORECASE)
_PARAGRAPHS = re.compile(
    r"\bparagraphs?\s++(?P<nums>\d{1,2}(?:\s*+(?:,|and|&)\s*+\d{1,2})*+)", re.IGNORECASE
)


def exclusion_paragraphs(text: str) -> str | None:
    """A resolution excluding the press and public under Schedule 12A -> its paragraphs
    ("3", "1, 3"; "" when it names none); None for any other text."""
    if _SCHEDULE_12A.search(text) is None or _EXCLUDE.search(text) is None:
        return None
    match = _PARAGRAPHS.search(text)
    if match is None:
        return ""
    return ", ".join(re.findall(r"\d{1,2}", match["nums"]))
