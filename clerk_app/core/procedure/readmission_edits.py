"""A readmission already recorded, removed or moved: the exclusion it ended found again, and
the run of exempt items changed to follow, as one edit.

Removing a readmission is the inverse of ``readmit_changes``: without it the press and public
were still out, so the items from there to the next readmission or exclusion become exempt
again under the exclusion's paragraphs.  Erring that way is deliberate: a minute wrongly kept
confidential can be published later, one wrongly published cannot be taken back.  An item
already exempt (marked by hand, perhaps under other paragraphs) is never touched.
"""

from __future__ import annotations

from clerk_app.core.changes import Change, UpdateItem
from clerk_app.core.model import AgendaItem, Meeting
from clerk_app.core.procedure.exclusion_edits import excluded_paragraphs


def _position(meeting: Meeting, item: AgendaItem) -> int:
    return next(i for i, each in enumerate(meeting.items) if each is item)


def readmission_ends(meeting: Meeting, at: AgendaItem) -> AgendaItem | None:
    """The item whose exclusion the readmission at ``at`` ended: the nearest earlier one
    passing an exclusion, with no readmission between (None: minutes that readmit without
    excluding first, as imported ones may)."""
    for earlier in reversed(meeting.items[: _position(meeting, at)]):
        if earlier.exclusion.strip():
            return earlier
        if earlier.readmitted:
            return None
    return None


def _out_from(meeting: Meeting, at: AgendaItem) -> list[AgendaItem]:
    """The items the public would miss without the readmission at ``at``: from ``at`` up to
    the next readmission, or up to and including the next item passing an exclusion (the
    public were out for it already; the items after it are that exclusion's)."""
    run: list[AgendaItem] = []
    for later in meeting.items[_position(meeting, at) :]:
        if later is not at and later.readmitted:
            break
        run.append(later)
        if later.exclusion.strip():
            break
    return run


def exempt_again(meeting: Meeting, at: AgendaItem) -> list[AgendaItem]:
    """The items removing the readmission at ``at`` makes exempt (none already exempt)."""
    if readmission_ends(meeting, at) is None:
        return []
    return [item for item in _out_from(meeting, at) if not item.exempt]


def readmission_removal_changes(meeting: Meeting, at: AgendaItem) -> list[Change]:
    """The readmission at ``at`` gone, and the items it made public exempt again under the
    paragraphs of the exclusion it ended (see the module's note)."""
    changes: list[Change] = [UpdateItem(at, {"readmitted": False})]
    excluded = readmission_ends(meeting, at)
    if excluded is None:
        return changes
    paragraphs = excluded_paragraphs(meeting, excluded)
    changes += [
        UpdateItem(item, {"exempt": True, "exempt_paragraph": paragraphs})
        for item in exempt_again(meeting, at)
    ]
    return changes


def readmission_places(meeting: Meeting, at: AgendaItem) -> list[AgendaItem]:
    """Where the readmission at ``at`` could move: the items after the exclusion it ended, up
    to the one passing the next exclusion (the public can come back in before it) or the
    next readmission; ``at`` among them.  Just ``at`` when it ended no exclusion."""
    excluded = readmission_ends(meeting, at)
    if excluded is None:
        return [at]
    places: list[AgendaItem] = []
    for later in meeting.items[_position(meeting, excluded) + 1 :]:
        if later.readmitted and later is not at:
            break
        places.append(later)
        if later.exclusion.strip():
            break
    return places


def readmission_move_changes(meeting: Meeting, at: AgendaItem, to: AgendaItem) -> list[Change]:
    """The readmission at ``at`` moved to before ``to`` (one of ``readmission_places``), and
    the exempt run following it: the items before ``to`` exempt under the exclusion's
    paragraphs, ``to`` and those after it (up to where ``at`` was) public again.  An item
    exempt under other paragraphs keeps them either way.  [] when ``to`` is ``at``."""
    if to is at:
        return []
    places = readmission_places(meeting, at)
    if not any(place is to for place in places):
        raise ValueError("the press and public can only be readmitted after the exclusion")
    excluded = readmission_ends(meeting, at)
    assert excluded is not None  # places holds more than ``at`` only after an exclusion
    paragraphs = excluded_paragraphs(meeting, excluded)
    old, new = _position(meeting, at), _position(meeting, to)
    changes: list[Change] = [
        UpdateItem(at, {"readmitted": False}),
        UpdateItem(to, {"readmitted": True}),
    ]
    if new > old:  # later: the public were out for the items between
        changes += [
            UpdateItem(item, {"exempt": True, "exempt_paragraph": paragraphs})
            for item in meeting.items[old:new]
            if not item.exempt
        ]
    else:  # earlier: the items between were taken in public
        changes += [
            UpdateItem(item, {"exempt": False, "exempt_paragraph": ""})
            for item in meeting.items[new:old]
            if item.exempt and item.exempt_paragraph == paragraphs
        ]
    return changes
