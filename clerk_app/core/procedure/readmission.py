"""Readmitting the press and public at an item: the item marked readmitted, and the run of
items the exclusion had made exempt from there on made public again."""

from __future__ import annotations

from clerk_app.core.changes import Change, UpdateItem
from clerk_app.core.model import AgendaItem, Meeting
from clerk_app.core.procedure.exclusion_changes import readmission_changes


def excluded_before(meeting: Meeting, item: AgendaItem) -> bool:
    """Whether the press and public are out when the meeting comes to ``item``: an earlier
    item passed an exclusion, with no readmission between it and ``item``."""
    position = next(i for i, each in enumerate(meeting.items) if each is item)
    for earlier in reversed(meeting.items[:position]):
        if earlier.exclusion.strip():
            return True
        if earlier.readmitted:
            return False
    return False


def readmit_changes(meeting: Meeting, item: AgendaItem) -> list[Change]:
    """``readmission_changes`` plus ``exempt`` cleared on ``item`` and the items after it that
    the exclusion marked, as one edit.  Only the unbroken run exempt under the same paragraphs
    is cleared, and it stops at an item passing a new exclusion: an item marked exempt by hand
    for other reasons stays exempt (a confidential minute must never go public by mistake)."""
    changes = readmission_changes(item)
    position = next(i for i, each in enumerate(meeting.items) if each is item)
    paragraphs = item.exempt_paragraph
    for later in meeting.items[position:]:
        if not later.exempt or later.exempt_paragraph != paragraphs:
            break
        changes.append(UpdateItem(later, {"exempt": False, "exempt_paragraph": ""}))
        if later.exclusion.strip():
            break
    return changes
