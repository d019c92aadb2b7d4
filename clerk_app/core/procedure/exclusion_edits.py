"""An exclusion already recorded, edited or removed: its paragraphs read back, the items it
made exempt found again, and the changes that correct or undo it as one edit.

The items an exclusion made exempt are the unbroken run after it, exempt under its
paragraphs, up to the readmission or the next exclusion (the run ``readmit_changes`` ends).
An item outside that run (marked exempt by hand, under other paragraphs) is never touched,
so a confidential minute cannot go public by mistake.
"""

from __future__ import annotations

import re

from clerk_app.core.changes import Change, UpdateItem
from clerk_app.core.exempt import check_paragraphs
from clerk_app.core.model import AgendaItem, Meeting
from clerk_app.core.procedure.bodies import Body, ExclusionLaw
from clerk_app.core.procedure.exclusion import (
    exclusion_reason,
    exclusion_wording,
    parish_reason,
)

# The paragraphs as exclusion_wording (England's law) words them.
_CITED = re.compile(r"paragraphs? (.+?) of Part 1 of Schedule 12A")


def _position(meeting: Meeting, item: AgendaItem) -> int:
    return next(i for i, each in enumerate(meeting.items) if each is item)


def excluded_paragraphs(meeting: Meeting, at: AgendaItem) -> str:
    """The Schedule 12A paragraphs of the exclusion passed at ``at`` ("1, 3"; "" if none):
    as the next item was made exempt under them, else as the resolution cites them."""
    later = meeting.items[_position(meeting, at) + 1 :]
    if later and later[0].exempt and not later[0].readmitted:
        return later[0].exempt_paragraph
    cited = _CITED.search(at.exclusion)
    return cited.group(1).strip() if cited else ""


def exempted_by(meeting: Meeting, at: AgendaItem) -> list[AgendaItem]:
    """The items the exclusion at ``at`` made exempt (see the module's note)."""
    paragraphs = excluded_paragraphs(meeting, at)
    run: list[AgendaItem] = []
    for later in meeting.items[_position(meeting, at) + 1 :]:
        if later.readmitted or not later.exempt or later.exempt_paragraph != paragraphs:
            break
        run.append(later)
        if later.exclusion.strip():
            break  # it passes an exclusion of its own: the items after it are that one's
    return run


def paired_readmission(meeting: Meeting, at: AgendaItem) -> AgendaItem | None:
    """The item where the press and public came back in after the exclusion at ``at``, if
    they did before any other exclusion."""
    for later in meeting.items[_position(meeting, at) + 1 :]:
        if later.readmitted:
            return later
        if later.exclusion.strip():
            return None
    return None


def exclusion_edit_changes(
    meeting: Meeting, at: AgendaItem, body: Body, paragraphs: str, reason: str = ""
) -> list[Change]:
    """The resolution reworded for ``paragraphs`` and the items it made exempt cited under
    them; [] when nothing would change.  Raises ValueError for paragraphs Schedule 12A
    lacks.  A parish or town council cites no paragraphs: its resolution is reworded for
    ``reason`` instead, when that differs from the reason it states now."""
    if body.exclusion_law is ExclusionLaw.PARISH:
        reason = exclusion_reason(reason)
        if reason == parish_reason(at.exclusion):
            return []
        return [UpdateItem(at, {"exclusion": exclusion_wording(body, "", reason)})]
    paragraphs = check_paragraphs(paragraphs)
    if paragraphs == excluded_paragraphs(meeting, at):
        return []
    changes: list[Change] = [UpdateItem(at, {"exclusion": exclusion_wording(body, paragraphs)})]
    changes += [UpdateItem(i, {"exempt_paragraph": paragraphs}) for i in exempted_by(meeting, at)]
    return changes


def exclusion_removal_changes(meeting: Meeting, at: AgendaItem) -> list[Change]:
    """The resolution gone, the items it made exempt public again, and its readmission gone
    too: "the press and public were readmitted" would otherwise follow no exclusion."""
    changes: list[Change] = [UpdateItem(at, {"exclusion": ""})]
    changes += [
        UpdateItem(i, {"exempt": False, "exempt_paragraph": ""}) for i in exempted_by(meeting, at)
    ]
    readmitted = paired_readmission(meeting, at)
    if readmitted is not None:
        changes.append(UpdateItem(readmitted, {"readmitted": False}))
    return changes
