"""The changes that exclude the press and public at an item: the resolution recorded there,
and every following item exempt until the press and public are readmitted."""

from __future__ import annotations

from clerk_app.core.changes import Change, UpdateItem
from clerk_app.core.exempt import check_paragraphs
from clerk_app.core.model import AgendaItem, Meeting
from clerk_app.core.procedure.bodies import Body
from clerk_app.core.procedure.exclusion import exclusion_wording


def exclusion_changes(
    meeting: Meeting, at: AgendaItem, body: Body, paragraphs: str, reason: str = ""
) -> list[Change]:
    """One edit, through the one change path: the resolution in the body's law at ``at``,
    then ``exempt`` with ``paragraphs`` on each following item up to (not including) the
    first one marked readmitted.  ``reason``: a parish or town council's (see
    ``exclusion_wording``).  Raises ValueError for paragraphs Schedule 12A lacks."""
    paragraphs = check_paragraphs(paragraphs)
    position = next(i for i, item in enumerate(meeting.items) if item is at)
    wording = exclusion_wording(body, paragraphs, reason)
    changes: list[Change] = [UpdateItem(at, {"exclusion": wording})]
    for item in meeting.items[position + 1 :]:
        if item.readmitted:
            break
        changes.append(UpdateItem(item, {"exempt": True, "exempt_paragraph": paragraphs}))
    return changes


def readmission_changes(item: AgendaItem) -> list[Change]:
    """The press and public come back in before ``item``."""
    return [UpdateItem(item, {"readmitted": True})]
