"""Edits to an open meeting: core's change values, checked, written and applied together.

The window's undo commands call ``apply_changes`` (redo and undo alike) with the changes one
gesture makes; a script could too.  Each call is one transaction, so whatever returned has
reached the disk (WAL, synchronous=FULL).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from clerk_app.core.changes import (
    Change,
    Changed,
    DeletePoint,
    InsertPoint,
    SetActionDone,
    SetAttendance,
    SetDecisions,
    SetDocuments,
    SetText,
    StructureError,
    UpdateHeader,
    UpdateItem,
    apply,
    check,
    forget_ids,
)
from clerk_app.core.exempt import check_paragraphs
from clerk_app.core.model import Attendee, Decision, Meeting
from clerk_app.core.text import clean_line, clean_text
from clerk_app.store import edits
from clerk_app.store.changes import persist
from clerk_app.store.database import Database


@dataclass(frozen=True)
class Applied:
    """What a list of changes did (for the views) and the changes that undo it, in order."""

    changed: Changed
    undo: list[Change]


def apply_changes(db: Database, meeting: Meeting, changes: Sequence[Change]) -> Applied:
    """Make ``changes`` to the open ``meeting`` and to the file, in one transaction.

    Each change is checked against the meeting as the ones before it left it, written, then
    applied in memory; if anything fails (a refused shape, a full disk) the file is rolled back
    and the meeting in memory put back as it was, so screen, undo history and file agree.
    """
    if meeting.id is None:
        raise StructureError("the meeting has not been saved")
    done: list[Change] = []
    changed = Changed()
    try:
        with db.unit_of_work() as uow:
            for change in changes:
                change = _cleaned(change)
                check(meeting, change)
                persist(uow.session, meeting.id, change)
                what, inverse = apply(meeting, change)
                changed |= what
                done.append(inverse)
            uow.commit()
    except BaseException:
        for inverse in reversed(done):
            apply(meeting, inverse)
        raise
    for change in changes:
        if isinstance(change, DeletePoint):
            forget_ids(change.point)  # its rows are gone; undo inserts it anew
    return Applied(changed, list(reversed(done)))


def _cleaned(change: Change) -> Change:
    """The change with its text cleaned as the store keeps text (core/text.py)."""
    if isinstance(change, SetText):
        return SetText(change.point, clean_text(change.text))
    if isinstance(change, InsertPoint):
        # The same objects (undo holds them), cleaned in place.
        for point in [change.point, *change.point.children]:
            point.text = clean_text(point.text)
        return change
    if isinstance(change, SetActionDone) and change.done and change.on is None:
        return SetActionDone(change.point, True, dt.date.today())
    if isinstance(change, UpdateItem):
        return UpdateItem(change.item, _cleaned_item_fields(change.fields))
    if isinstance(change, SetDecisions):
        return SetDecisions(change.item, [_cleaned_decision(d) for d in change.decisions])
    if isinstance(change, SetDocuments):
        documents = [d for d in (clean_line(d) for d in change.documents) if d]
        return SetDocuments(change.item, documents)
    if isinstance(change, SetAttendance):
        return SetAttendance([a for a in map(_cleaned_attendee, change.attendees) if a.name])
    if isinstance(change, UpdateHeader):
        return UpdateHeader(
            {
                name: clean_line(value)
                if name in _HEADER_LINES and isinstance(value, str)
                else value
                for name, value in change.fields.items()
            }
        )
    return change


_HEADER_LINES = {"council", "committee", "venue"}


def _cleaned_item_fields(fields: Mapping[str, object]) -> dict[str, object]:
    """Cleaned as the store keeps them.  ``exempt_paragraph`` holds Schedule 12A paragraph
    numbers only (ExemptParagraphError otherwise): it is printed in the public minutes, so no
    reason may be typed into it."""
    cleaned: dict[str, object] = {}
    for name, value in fields.items():
        if name == "exempt_paragraph" and isinstance(value, str):
            cleaned[name] = check_paragraphs(value)
        elif name == "intro" and isinstance(value, str):
            cleaned[name] = clean_text(value)
        elif isinstance(value, str):
            cleaned[name] = clean_line(value)
        else:
            cleaned[name] = value
    return cleaned


def _cleaned_decision(decision: Decision) -> Decision:
    return replace(
        decision,
        preamble=clean_text(decision.preamble),
        resolutions=[r for r in (clean_line(r) for r in decision.resolutions) if r],
    )


def _cleaned_attendee(a: Attendee) -> Attendee:
    return replace(
        a,
        name=clean_line(a.name),
        job_title=clean_line(a.job_title),
        substitute_for=clean_line(a.substitute_for),
        note=clean_line(a.note),
    )


def set_point_text(db: Database, *, point_id: int, text: str) -> str:
    """Store the point's text (cleaned); returns what was stored.  The autosave's path: typing
    is applied in memory at once and written here a moment later, by id."""
    cleaned = clean_text(text)
    with db.unit_of_work() as uow:
        edits.set_point_text(uow.session, point_id=point_id, text=cleaned)
        uow.commit()
    return cleaned


def mark_action(db: Database, *, point_id: int, done: bool, on: dt.date | None = None) -> None:
    """Mark an action done (recording when) or open again, by id: the tracker's path, for
    actions of meetings that are not open.  The open meeting uses ``SetActionDone``; both end
    in the same store function, which also marks the matters-arising copy."""
    with db.unit_of_work() as uow:
        edits.set_action_done(
            uow.session, point_id=point_id, done=done, on=(on or dt.date.today()) if done else None
        )
        uow.commit()


def owner_suggestions(db: Database, *, meeting: Meeting) -> list[str]:
    """Owners for the Ctrl+T completer: this meeting's attendance, then past owners."""
    names: list[str] = ["Chair", "Clerk"]
    names += [a.job_title or a.name for a in meeting.attendees if a.role.value == "officer"]
    names += [a.name for a in meeting.attendees]
    with db.session() as session:
        names += edits.known_owners(session)
    unique: dict[str, str] = {}
    for name in names:
        if name:
            unique.setdefault(name.casefold(), name)
    return list(unique.values())
