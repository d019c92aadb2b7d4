"""Each item's minute reference in a meeting, typed or derived from the body's counter."""

from __future__ import annotations

import dataclasses

from clerk_app.core.model import AgendaItem, Meeting
from clerk_app.core.procedure.numbering import MinuteNumbering, NumberingMode, derived_numbers


def minute_references(meeting: Meeting) -> list[str]:
    """One reference an item, in order: moving or inserting an item renumbers the rest."""
    return derived_numbers(
        meeting.numbering,
        [item.number for item in meeting.items],
        meeting.date,
        meeting.numbering_start,
    )


def paragraph_bases(meeting: Meeting) -> list[str]:
    """What paragraph numbers ("69.1") stand on: a derived minute's own counter ("24/69" and
    "C069/24" both give "69"), or the reference as typed."""
    numbering = meeting.numbering
    if numbering.mode is NumberingMode.AS_TYPED:
        return [item.number for item in meeting.items]
    first = meeting.numbering_start if numbering.mode is NumberingMode.CONTINUOUS else 0
    return [
        item.number.strip() or str(first + index + 1) for index, item in enumerate(meeting.items)
    ]


def with_references(meeting: Meeting) -> Meeting:
    """A copy whose items carry their references as printed, for formats that have no
    body to derive them from (the plain-text minutes)."""
    items = [
        dataclasses.replace(item, number=reference)
        for item, reference in zip(meeting.items, minute_references(meeting), strict=True)
    ]
    return dataclasses.replace(meeting, items=items, numbering=MinuteNumbering())


def reference_of(meeting: Meeting, item: AgendaItem) -> tuple[str, str]:
    """(minute reference, paragraph base) of one item, for a view that draws items one at a
    time; a typed reference costs nothing to find."""
    if item.number.strip() or meeting.numbering.mode is NumberingMode.AS_TYPED:
        return item.number, item.number
    position = next(i for i, it in enumerate(meeting.items) if it is item)
    return minute_references(meeting)[position], paragraph_bases(meeting)[position]
