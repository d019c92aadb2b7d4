"""Where declarations of interest are printed: at each item, and listed together under the
meeting's "Declarations of interest" item (or a heading of that name when it has none)."""

from __future__ import annotations

import re

from clerk_app.core.model import AgendaItem, Meeting
from clerk_app.core.procedure.declarations import listed_sentence

_DECLARATIONS_ITEM = re.compile(
    r"\b(declarations?|disclosures?)\s+of\s+(pecuniary\s+|personal\s+)?interests?\b", re.I
)


def is_declarations_item(item: AgendaItem) -> bool:
    return bool(_DECLARATIONS_ITEM.search(item.title))


def declarations_item_index(meeting: Meeting) -> int | None:
    return next((i for i, item in enumerate(meeting.items) if is_declarations_item(item)), None)


def _where(item: AgendaItem, reference: str, position: int) -> str:
    title = item.title.strip()
    if reference.strip():
        name = f"minute {reference.strip()}"
    else:
        name = f"item {position + 1}"
    return f"{name} ({title})" if title else name


def listed(meeting: Meeting, references: list[str]) -> list[str]:
    """One sentence a declaration, in item order, naming the item it was made on."""
    return [
        listed_sentence(declaration, _where(item, references[position], position))
        for position, item in enumerate(meeting.items)
        for declaration in item.declarations
    ]
