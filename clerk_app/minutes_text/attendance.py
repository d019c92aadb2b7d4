"""Attendance header lines of plain-text minutes ("Present:", "Apologies:"...), both ways.

A line lists people separated by commas (or semicolons, or a final "and"); each person may
carry brackets after the name: a role mark "(Chair)", "(Vice-Chair)", "(co-opted member)",
"(visiting councillor)", "(officer: Head of Legal)"; on an "In attendance" line the first
bracket is the officer's job title; any other bracket is the attendee's note ("(joined at
6.55 pm)").  Brackets protect commas, so "Jane Doe (Director of Place, Housing)" is one person.
The writer lists people in the model's order, one line per run of people that share a line.
"""

from __future__ import annotations

import itertools
import re

from clerk_app.core.attendance import ROLE_WORDS, role_words
from clerk_app.core.model import Attendee, Presence, Role
from clerk_app.core.text import clean_line
from clerk_app.core.wording import without_title

_COUNCILLOR_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.ALSO_PRESENT)

# Header key (lower case) -> who the line lists unless a bracket says otherwise.
_KEYS: dict[str, tuple[Role, Presence]] = {
    "present": (Role.MEMBER, Presence.PRESENT),
    "members present": (Role.MEMBER, Presence.PRESENT),
    "councillors present": (Role.MEMBER, Presence.PRESENT),
    "co-opted members": (Role.COOPTED, Presence.PRESENT),
    "co-opted member": (Role.COOPTED, Presence.PRESENT),
    "co-optees": (Role.COOPTED, Presence.PRESENT),
    "also present": (Role.ALSO_PRESENT, Presence.PRESENT),
    "in attendance": (Role.OFFICER, Presence.PRESENT),
    "officers": (Role.OFFICER, Presence.PRESENT),
    "officers present": (Role.OFFICER, Presence.PRESENT),
    "officers in attendance": (Role.OFFICER, Presence.PRESENT),
    "apologies": (Role.MEMBER, Presence.APOLOGIES),
    "apologies for absence": (Role.MEMBER, Presence.APOLOGIES),
    "substitutes": (Role.MEMBER, Presence.SUBSTITUTE),
    "substitute": (Role.MEMBER, Presence.SUBSTITUTE),
    "substitute members": (Role.MEMBER, Presence.SUBSTITUTE),
    "absent": (Role.MEMBER, Presence.ABSENT),
    # Other house styles' keys.
    "attendees": (Role.MEMBER, Presence.PRESENT),
    "members": (Role.MEMBER, Presence.PRESENT),
    "councillors": (Role.MEMBER, Presence.PRESENT),
    "present were": (Role.MEMBER, Presence.PRESENT),
    "other members in attendance": (Role.ALSO_PRESENT, Presence.PRESENT),
    "other members present": (Role.ALSO_PRESENT, Presence.PRESENT),
    "other councillors present": (Role.ALSO_PRESENT, Presence.PRESENT),
    "also in attendance": (Role.OFFICER, Presence.PRESENT),
    "apologies received": (Role.MEMBER, Presence.APOLOGIES),
    "apologies received from": (Role.MEMBER, Presence.APOLOGIES),
    "apologies were received from": (Role.MEMBER, Presence.APOLOGIES),
    "apologies for absence were received from": (Role.MEMBER, Presence.APOLOGIES),
}
# The line the writer puts each kind of attendee on, and that line's default role.
_PRESENT_LINE = {
    Role.COOPTED: "Co-opted members",
    Role.ALSO_PRESENT: "Also present",
    Role.OFFICER: "In attendance",
}
_OTHER_LINE = {
    Presence.APOLOGIES: "Apologies",
    Presence.SUBSTITUTE: "Substitutes",
    Presence.ABSENT: "Absent",
}
_ROLE_MARK = {
    Role.CHAIR: "Chair",
    Role.VICE_CHAIR: "Vice-Chair",
    Role.COOPTED: "co-opted member",
    Role.ALSO_PRESENT: "visiting councillor",
}
_ROLE_WORDS = [
    (re.compile(r"chair(?:man|woman|person)?|in the chair", re.I), Role.CHAIR),
    (re.compile(r"vice[- ]?chair(?:man|woman|person)?", re.I), Role.VICE_CHAIR),
    (re.compile(r"co-?opted(?: member)?", re.I), Role.COOPTED),
    (re.compile(r"visiting councillor", re.I), Role.ALSO_PRESENT),
]
_OFFICER = re.compile(r"officer(?:\s*:\s*(?P<job>.*))?", re.I)
_SUBSTITUTING = re.compile(r"substitut(?:e|ing) for\s+(?P<who>.+)", re.I)
_HONORIFIC = re.compile(r"(?:councillors?|cllrs?\.?)\s+", re.I)
# Only from where a run of white space starts: linear however long the run is.
_FOR = re.compile(r"(?<!\s)\s++for\s+")


def attendance_line(key: str) -> tuple[Role, Presence] | None:
    """The default role and presence for a header key such as "Apologies for absence"."""
    return _KEYS.get(" ".join(key.lower().split()))


def classify_annotation(text: str) -> tuple[str, str] | None:
    """What a bracket after a name says: ("role", role value), ("officer", job title) or
    ("substitute", whom for); None for a free note."""
    text = text.strip()
    for pattern, role in _ROLE_WORDS:
        if pattern.fullmatch(text):
            return "role", role.value
    match = _OFFICER.fullmatch(text)
    if match:
        return "officer", clean_line(match["job"] or "")
    match = _SUBSTITUTING.fullmatch(text)
    if match:
        return "substitute", _without_honorific(match["who"])
    return None


def _keep_role_words(person: Attendee, mark: str, notes: list[str]) -> None:
    """ "(Chairman)" is kept as written, at the head of the note (core/attendance.py prints
    it in place of "Chair"); the mark Clerk itself prints needs no keeping."""
    words = clean_line(mark)
    if person.role in ROLE_WORDS and words != _ROLE_MARK[person.role]:
        notes.insert(0, words)


def _without_honorific(name: str) -> str:
    name = clean_line(name)
    match = _HONORIFIC.match(name)
    return name[match.end() :] if match else name


def _split_people(value: str) -> list[str]:
    """Split on commas, semicolons and " and " that are not inside brackets."""
    parts: list[str] = []
    depth = start = i = 0
    while i < len(value):
        ch = value[i]
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif depth == 0 and ch in ",;":
            parts.append(value[start:i])
            start = i + 1
        elif depth == 0 and value.startswith(" and ", i):
            parts.append(value[start:i])
            start = i = i + 5
            continue
        i += 1
    parts.append(value[start:])
    return [part.strip() for part in parts if part.strip()]


def _brackets(entry: str) -> tuple[str, list[str]] | None:
    """ "Russell (Chair) (left at 8 pm)" -> ("Russell", ["Chair", "left at 8 pm"]); None if
    the brackets do not balance."""
    outside: list[str] = []
    inside: list[str] = []
    depth = 0
    buf = ""
    for ch in entry:
        if ch == "(":
            if depth == 0:
                outside.append(buf)
                buf = ""
            else:
                buf += ch
            depth += 1
        elif ch == ")":
            if depth == 0:
                return None
            depth -= 1
            if depth == 0:
                inside.append(buf.strip())
                buf = ""
            else:
                buf += ch
        else:
            buf += ch
    if depth:
        return None
    outside.append(buf)
    return clean_line(" ".join(outside)), inside


def _parse_person(entry: str, role: Role, presence: Presence) -> Attendee | None:
    split = _brackets(entry)
    name, marks = split if split is not None else (clean_line(entry), [])
    person = Attendee(name=_without_honorific(name), role=role, presence=presence)
    notes: list[str] = []
    job_slot_open = role is Role.OFFICER
    for mark in marks:
        kind = classify_annotation(mark)
        if kind is None and job_slot_open:
            person.job_title = clean_line(mark)
            job_slot_open = False
        elif kind is None:
            if mark:
                notes.append(clean_line(mark))
        elif kind[0] == "role":
            person.role = Role(kind[1])
            _keep_role_words(person, mark, notes)
        elif kind[0] == "officer":
            person.role = Role.OFFICER
            person.job_title = kind[1]
            job_slot_open = False
        else:
            person.presence = Presence.SUBSTITUTE
            person.substitute_for = kind[1]
    person.note = "; ".join(notes)
    if person.presence is Presence.SUBSTITUTE and not person.substitute_for:
        halves = _FOR.split(person.name, maxsplit=1)
        if len(halves) == 2:
            person.name = _without_honorific(halves[0])
            person.substitute_for = _without_honorific(halves[1])
    if not person.name or person.name.lower() == "none":
        return None
    return person


# What is not a person: "2 members of the public", and a job title with no name ("Locum
# Clerk"), which is kept as the officer's job title when it follows the officer's name.
_PUBLIC = re.compile(
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|no)?\s*"
    r"(?:members?\s+of\s+(?:the\s+)?(?:public|press)|press|public|residents?|parishioners?)",
    re.I,
)
_JOB = re.compile(
    r"(?:the\s+)?(?:(?:locum|deputy|assistant|acting|interim|parish|town|council|senior|"
    r"democratic\s+services|committee|principal|head\s+of)\s+)*"
    r"(?:clerk|rfo|responsible\s+financial\s+officer|chief\s+executive|monitoring\s+officer"
    r"|minute[- ]taker|officer|secretary|director|manager|solicitor|treasurer|planner"
    r"|administrator|legal\s+advisor)(?:\s+(?:to|of)\s+(?:the\s+)?\w+(?:\s+\w+)?)?"
    r"(?:\s*/\s*rfo)?",
    re.I,
)
_FOR_WHOM = re.compile(
    r"for\s+whom\s+(?P<who>.+?)\s+(?:was|acted\s+as)\s+(?:a\s+|the\s+)?substitute", re.I
)
_NAME_DASH_JOB = re.compile(r"(?P<name>[^-\u2013\u2014]+?)\s+[-\u2013\u2014]\s+(?P<job>.+)")
# NHS style, one a line: "Pat Adams PA Chair", "Val Brown VB Director of Finance".
_NAME_INITIALS_ROLE = re.compile(
    r"(?P<name>[A-Z][\w'\u2019\-]*+(?:\s++[A-Z][\w'\u2019\-.]*+)+?)\s++(?P<ini>[A-Z]{2,4})"
    r"\s++(?P<role>\S.*)"
)


def is_job_title(text: str) -> bool:
    return _JOB.fullmatch(clean_line(text)) is not None


def read_attendance(value: str, role: Role, presence: Presence) -> tuple[list[Attendee], list[str]]:
    """The people a line of another house style lists, and the entries that are not people
    ("2 members of the public", a job title on its own), kept as written for the notes."""
    people: list[Attendee] = []
    kept: list[str] = []
    for entry in _split_people(value):
        bare = _without_honorific(entry)
        if _PUBLIC.fullmatch(bare):
            kept.append(clean_line(entry))
            continue
        if is_job_title(bare):
            last = people[-1] if people else None
            if last is not None and not last.job_title and last.presence is presence:
                last.role, last.job_title = Role.OFFICER, clean_line(bare)
            else:
                kept.append(clean_line(entry))
            continue
        people.extend(_read_person(entry, role, presence))
    return people, kept


def _read_person(entry: str, role: Role, presence: Presence) -> list[Attendee]:
    nhs = None if "(" in entry else _NAME_INITIALS_ROLE.fullmatch(clean_line(entry))
    if nhs and _initials(nhs["name"]) == nhs["ini"]:
        person = Attendee(name=nhs["name"], role=role, presence=presence)
        title = clean_line(nhs["role"])
        kind = classify_annotation(title)
        if kind is not None and kind[0] == "role":
            person.role = Role(kind[1])
            notes: list[str] = []
            _keep_role_words(person, title, notes)
            person.note = "; ".join(notes)
        elif is_job_title(title) or role is Role.OFFICER:
            person.role, person.job_title = Role.OFFICER, title
        else:
            person.note = title
        return [person]
    if role is Role.OFFICER and (dash := _NAME_DASH_JOB.fullmatch(clean_line(entry))):
        return [
            Attendee(
                name=_without_honorific(dash["name"]),
                role=role,
                presence=presence,
                job_title=clean_line(dash["job"]),
            )
        ]
    parsed = _parse_person(entry, role, presence)
    if parsed is None:
        return []
    person = parsed
    out = [person]
    notes = person.note.split("; ") if person.note else []
    for note in list(notes):
        whom = _FOR_WHOM.fullmatch(note)
        if whom:  # "Cllr A (for whom Cllr B was substitute)"
            notes.remove(note)
            out.append(
                Attendee(
                    name=_without_honorific(whom["who"]),
                    presence=Presence.SUBSTITUTE,
                    substitute_for=person.name,
                )
            )
        elif person.role is Role.MEMBER and is_job_title(note):  # "Mrs C Jones (Clerk)"
            notes.remove(note)
            person.role, person.job_title = Role.OFFICER, note
    person.note = "; ".join(notes)
    return out


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isalpha())


def parse_attendance(value: str, role: Role, presence: Presence) -> list[Attendee]:
    """The people a line such as "Councillors Russell (Chair), Cannon" lists."""
    people = (_parse_person(entry, role, presence) for entry in _split_people(value))
    return [person for person in people if person is not None]


def _line_of(person: Attendee) -> str:
    if person.presence is Presence.PRESENT:
        return _PRESENT_LINE.get(person.role, "Present")
    return _OTHER_LINE[person.presence]


def _format_person(person: Attendee, line: str, *, titled: bool) -> str:
    """``titled``: the line says "Councillors" before its names."""
    default_role = _KEYS[line.lower()][0]
    councillor = "Councillor " if person.role in _COUNCILLOR_ROLES else ""
    substitute = person.presence is Presence.SUBSTITUTE
    # Where the line or the substitution adds "Councillor", a typed one goes ("Councillors
    # Councillor Matt White" before); the reader drops it from a name all the same.
    name = without_title(person.name) if councillor and (titled or substitute) else person.name
    text = name
    if substitute:
        text = f"{councillor}{name}"
        if person.substitute_for:
            replaced = without_title(person.substitute_for) if councillor else person.substitute_for
            text += f" for {councillor}{replaced}"
    marks: list[str] = []
    if line == "In attendance":
        if person.job_title or person.note:
            marks.append(person.job_title)  # "()" keeps the job-title slot when it is empty
    elif person.role is Role.OFFICER:
        marks.append(f"officer: {person.job_title}" if person.job_title else "officer")
    elif person.role is not default_role:
        marks.append(role_words(person)[0] or _ROLE_MARK[person.role])
    note = role_words(person)[1] if person.role is not default_role else person.note
    if note:
        marks.append(note)
    return text + "".join(f" ({mark})" for mark in marks)


def format_attendance(attendees: list[Attendee]) -> list[str]:
    """Header lines for ``attendees``, in their order.

    Not written (the model can hold them, the minutes have no place for them): a job title
    on anybody but an officer, and ``substitute_for`` on anybody not present as a substitute.
    """
    lines: list[str] = []
    for line, group in itertools.groupby(attendees, key=_line_of):
        people = list(group)
        prefix = ""
        if line != "Substitutes" and all(p.role in _COUNCILLOR_ROLES for p in people):
            prefix = "Councillor " if len(people) == 1 else "Councillors "
        titled = bool(prefix)
        entries = ", ".join(_format_person(person, line, titled=titled) for person in people)
        lines.append(f"{line}: {prefix}{entries}")
    return lines
