"""Lines of the plain-text minutes for the time an item was taken, arrivals and departures,
and the exclusion and readmission of the press and public.

    READMITTED: the press and public              they came back in before this item
    TAKEN: 7.42 pm                                when the meeting came to the item
    ARRIVED: Cllr Ngozi Adeyemi; 7.42 pm          the time may be left out
    LEFT: Cllr Ellis Hart; 8.10 pm
    EXCLUDED: That under section 100A(4) ...      the resolution, passed at this item

Written under the item's heading, before its declarations.
"""

from __future__ import annotations

import re

from clerk_app.core.model import AgendaItem
from clerk_app.core.procedure.movements import Movement, MovementKind
from clerk_app.core.text import clean_line
from clerk_app.minutes_text.headers import format_time, parse_time_text

_LINE = re.compile(r"^(READMITTED|TAKEN|ARRIVED|LEFT|EXCLUDED)\s*:\s*(.*)$")
READMITTED_TEXT = "the press and public"


def format_presence(item: AgendaItem) -> list[str]:
    out = []
    if item.readmitted:
        out.append(f"READMITTED: {READMITTED_TEXT}")
    if item.taken_at is not None:
        out.append(f"TAKEN: {format_time(item.taken_at)}")
    for m in item.movements:
        at = f"; {format_time(m.at)}" if m.at is not None else ""
        out.append(f"{m.kind.value.upper()}: {m.member}{at}")
    if item.exclusion:
        out.append(f"EXCLUDED: {item.exclusion}")
    return out


def is_presence_line(content: str) -> bool:
    return _LINE.match(content) is not None


def read_presence_line(item: AgendaItem, content: str) -> str | None:
    """Add what the line says to ``item``; a sentence saying what is wrong, or None."""
    match = _LINE.match(content)
    assert match is not None, "only called on a presence line"
    word, rest = match.group(1), clean_line(match.group(2))
    if word == "READMITTED":
        item.readmitted = True
    elif word == "EXCLUDED":
        if not rest:
            return "EXCLUDED: needs the resolution's wording"
        item.exclusion = rest
    elif word == "TAKEN":
        moment = parse_time_text(rest)
        if moment is None:
            return f"{rest!r} is not a time (write 7.42 pm)"
        item.taken_at = moment
    else:
        name, _, when = (clean_line(part) for part in rest.rpartition(";"))
        if not name:  # no ";": the whole line is the name
            name, when = rest, ""
        moment = parse_time_text(when) if when else None
        if when and moment is None:
            return f"{when!r} is not a time (write 7.42 pm)"
        if not name:
            return f"{word}: needs the member's name"
        item.movements.append(Movement(name, MovementKind(word.lower()), moment))
    return None
