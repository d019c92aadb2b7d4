"""The attendance lines of printed minutes: Present, co-opted, Also present, In attendance...

Each line is a (lead, text) pair such as ("Present:", "Councillors Russell (Chair), Cannon").
The chair comes first and is marked; everybody else is in surname order.  Co-opted members
and officers are not councillors, so they never get the "Councillor" prefix; officers are
listed with their job title and separated by semicolons because job titles contain commas
("Director of Place, Housing").
"""

from __future__ import annotations

import re

from clerk_app.core.model import Attendee, Presence, Role
from clerk_app.core.wording import bind_particles, surname_key, without_title

_MEMBER_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)
_ROLE_MARK = {Role.CHAIR: "Chair", Role.VICE_CHAIR: "Vice-Chair"}
# The other words minutes use for the two marks ("Chairman", "in the Chair"): the source's
# own words are kept at the head of the note and printed in place of the mark.
ROLE_WORDS = {
    Role.CHAIR: re.compile(r"chair(?:man|woman|person)?|in the chair", re.IGNORECASE),
    Role.VICE_CHAIR: re.compile(r"vice[- ]?chair(?:man|woman|person)?", re.IGNORECASE),
}


def role_words(person: Attendee) -> tuple[str, str]:
    """(the words the chair's or vice-chair's role was written in, the rest of the note):
    ("Chairman", "left at 8 pm") for a chair noted "Chairman; left at 8 pm"; ("", note)
    when the note does not start with words for the person's role."""
    pattern = ROLE_WORDS.get(person.role)
    first, _, rest = person.note.partition(";")
    if pattern is None or pattern.fullmatch(first.strip()) is None:
        return "", person.note
    return first.strip(), rest.strip()


def role_mark(person: Attendee) -> str:
    """ "Chair", "Vice-Chair", or the words the minutes used ("Chairman"); "" for others."""
    words, _ = role_words(person)
    return words or _ROLE_MARK.get(person.role, "")


def _is_councillor(person: Attendee) -> bool:
    return person.role in (*_MEMBER_ROLES, Role.ALSO_PRESENT)


def _display(person: Attendee) -> str:
    """The name as listed, with its role mark and note in brackets."""
    name = without_title(person.name) if _is_councillor(person) else person.name.strip()
    if person.role is Role.OFFICER and person.job_title.strip():
        name = f"{name} ({person.job_title.strip()})" if name else person.job_title.strip()
    mark = role_mark(person)
    marks = [mark] if mark else []
    note = role_words(person)[1]
    if note.strip():
        marks.append(note.strip())
    return bind_particles(name) + "".join(f" ({mark})" for mark in marks)


def _ordered(people: list[Attendee]) -> list[Attendee]:
    """Chair first, then vice-chair, then the rest by surname."""
    rank = {Role.CHAIR: 0, Role.VICE_CHAIR: 1}
    return sorted(people, key=lambda p: (rank.get(p.role, 2), surname_key(p.name or p.job_title)))


def _councillors(people: list[Attendee]) -> str:
    names = [_display(p) for p in _ordered(people)]
    if not names:
        return ""
    return ("Councillor " if len(names) == 1 else "Councillors ") + ", ".join(names)


def _mixed(people: list[Attendee]) -> str:
    """Councillors grouped under one prefix, then anybody else by name."""
    councillors = [p for p in people if _is_councillor(p)]
    others = [_display(p) for p in _ordered([p for p in people if not _is_councillor(p)])]
    groups = [_councillors(councillors)] if councillors else []
    if others:
        groups.append(("; " if any("," in o for o in others) else ", ").join(others))
    return "; ".join(groups)


def _substitution(person: Attendee) -> str:
    replaced = bind_particles(without_title(person.substitute_for))
    text = f"Councillor {bind_particles(without_title(person.name))}"
    return f"{text} for Councillor {replaced}" if replaced else text


def attendance_lines(attendees: list[Attendee]) -> list[tuple[str, str]]:
    """(lead, text) lines in the order printed minutes use; empty groups are left out."""
    present = [p for p in attendees if p.presence in (Presence.PRESENT, Presence.SUBSTITUTE)]
    members = [p for p in present if p.role in _MEMBER_ROLES]
    coopted = [p for p in present if p.role is Role.COOPTED]
    visiting = [p for p in present if p.role is Role.ALSO_PRESENT]
    officers = [p for p in present if p.role is Role.OFFICER]
    apologies = [p for p in attendees if p.presence is Presence.APOLOGIES]
    absent = [p for p in attendees if p.presence is Presence.ABSENT]
    substitutes = [p for p in _ordered(present) if p.presence is Presence.SUBSTITUTE]

    lines: list[tuple[str, str]] = []
    if members:
        lines.append(("Present:", _councillors(members)))
    if coopted:
        lines.append(("Co-opted members:", ", ".join(_display(p) for p in _ordered(coopted))))
    if visiting:
        lines.append(("Also present:", _councillors(visiting)))
    if officers:
        lines.append(("In attendance:", "; ".join(_display(p) for p in _ordered(officers))))
    if apologies:
        lines.append(("Apologies for absence:", _mixed(apologies)))
    if substitutes:
        lines.append(("Substitutes:", "; ".join(_substitution(p) for p in substitutes)))
    if absent:
        lines.append(("Absent:", _mixed(absent)))
    return lines
