"""Each item's minute reference in a meeting, typed or derived from the body's counter."""

from __future__ import annotations

from clerk_app.core.model import Meeting
from clerk_app.core.procedure.numbering import derived_numbers


def minute_references(meeting: Meeting) -> list[str]:
    """One reference an item, in order: moving or inserting an item renumbers the rest."""
    return derived_numbers(
        meeting.numbering,
        [item.number for item in meeting.items],
        meeting.date,
        meeting.numbering_start,
    )
