"""The edits a meeting undergoes, each described once as a small value and applied here.

A change (``InsertPoint``, ``MovePoint``, ``SetDecisions``...) names core objects, never ids:
undoing a delete re-inserts the same ``Point`` and the store gives it new ids, so anything
that kept an id would go stale.  ``apply`` makes the change to an in-memory ``Meeting`` and
returns what changed (for the views) and the change that undoes it (for the undo stack); the
store persists the same value (``clerk_app.store.changes``), and the editing service does both
in one transaction (``clerk_app.services.editing.apply_changes``).  So a structural edit is
written once, here, whoever makes it: the window, its undo stack, or a script.

``check`` refuses what the meeting's shape does not allow before anything is written: an item
has lettered points and sub-points, never sub-sub-points (the rule is ``structure``'s).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from clerk_app.core.actions import parse_tag
from clerk_app.core.model import AgendaItem, Attendee, Decision, Meeting, Point
from clerk_app.core.procedure.declarations import Declaration, check_declarations
from clerk_app.core.procedure.motions import Motion, check_motions
from clerk_app.core.procedure.movements import Movement, check_movements
from clerk_app.core.structure import StructureError, check_can_hold, check_two_levels

__all__ = ["StructureError"]  # raised by check(); its rules live in structure.py


@dataclass(frozen=True)
class PointPlace:
    """Where a point sits: its item, its parent (None for a lettered point) and its index."""

    item: AgendaItem
    parent: Point | None
    index: int

    @property
    def siblings(self) -> list[Point]:
        return self.item.points if self.parent is None else self.parent.children


def place_of(meeting: Meeting, point: Point) -> PointPlace:
    for item in meeting.items:
        for index, top in enumerate(item.points):
            if top is point:
                return PointPlace(item, None, index)
            for child_index, child in enumerate(top.children):
                if child is point:
                    return PointPlace(item, top, child_index)
    raise StructureError("the point is not in this meeting")


# --- the changes -------------------------------------------------------------------------
# eq=False: two changes are the same only if they are the same object; they hold live objects.


@dataclass(frozen=True, eq=False)
class InsertPoint:
    """``point`` (and its sub-points) at ``index`` under ``parent`` (None: lettered)."""

    item: AgendaItem
    parent: Point | None
    index: int
    point: Point


@dataclass(frozen=True, eq=False)
class DeletePoint:
    """The point and its sub-points; later siblings move up a letter."""

    point: Point


@dataclass(frozen=True, eq=False)
class MovePoint:
    """Reorder, indent (a parent) or outdent (parent None); ``item`` None keeps its item."""

    point: Point
    parent: Point | None
    index: int
    item: AgendaItem | None = None


@dataclass(frozen=True, eq=False)
class SetText:
    point: Point
    text: str


@dataclass(frozen=True, eq=False)
class SetActionDone:
    point: Point
    done: bool
    on: dt.date | None


@dataclass(frozen=True, eq=False)
class InsertItem:
    index: int
    item: AgendaItem


@dataclass(frozen=True, eq=False)
class DeleteItem:
    item: AgendaItem


@dataclass(frozen=True, eq=False)
class MoveItem:
    item: AgendaItem
    index: int


ITEM_FIELDS = frozenset(
    {
        "number",
        "title",
        "pages",
        "intro",
        "exempt",
        "exempt_paragraph",
        "taken_at",
        "exclusion",
        "readmitted",
    }
)


@dataclass(frozen=True, eq=False)
class UpdateItem:
    """The item's own fields (number, title, pages, intro, exempt, exempt_paragraph)."""

    item: AgendaItem
    fields: Mapping[str, object]


@dataclass(frozen=True, eq=False)
class SetDecisions:
    item: AgendaItem
    decisions: list[Decision]


@dataclass(frozen=True, eq=False)
class SetDeclarations:
    """The declarations of interest made on an item, replaced as a whole."""

    item: AgendaItem
    declarations: list[Declaration]


@dataclass(frozen=True, eq=False)
class SetMotions:
    """The motions and amendments moved on an item, with their votes, replaced as a whole."""

    item: AgendaItem
    motions: list[Motion]


@dataclass(frozen=True, eq=False)
class SetMovements:
    """The arrivals and departures during an item, replaced as a whole."""

    item: AgendaItem
    movements: list[Movement]


@dataclass(frozen=True, eq=False)
class SetDocuments:
    item: AgendaItem
    documents: list[str]


@dataclass(frozen=True, eq=False)
class SetAttendance:
    attendees: list[Attendee]


HEADER_FIELDS = frozenset(
    {"council", "committee", "date", "start_time", "end_time", "venue", "status", "label_style"}
)


@dataclass(frozen=True, eq=False)
class UpdateHeader:
    """The meeting's own fields: council, committee, date, times, venue, status, label style."""

    fields: Mapping[str, object]


Change = (
    InsertPoint
    | DeletePoint
    | MovePoint
    | SetText
    | SetActionDone
    | InsertItem
    | DeleteItem
    | MoveItem
    | UpdateItem
    | SetDecisions
    | SetDocuments
    | SetDeclarations
    | SetMotions
    | SetMovements
    | SetAttendance
    | UpdateHeader
)


@dataclass(frozen=True)
class Changed:
    """What a change did, as the views need to know it (after Anki's ``OpChanges``)."""

    structure: bool = False  # rows to rebuild: letters follow
    actions: bool = False  # an action's owners, due date or done state
    header: bool = False  # the meeting's own fields or attendance
    points: tuple[Point, ...] = field(default=())  # points whose text or done state changed

    def __or__(self, other: Changed) -> Changed:
        return Changed(
            structure=self.structure or other.structure,
            actions=self.actions or other.actions,
            header=self.header or other.header,
            points=self.points + tuple(p for p in other.points if p not in self.points),
        )


STRUCTURE = Changed(structure=True, actions=True)


# --- checking ----------------------------------------------------------------------------
def _check_parent(item: AgendaItem, parent: Point | None, point: Point) -> None:
    if parent is point:
        raise StructureError("a point cannot be its own sub-point")
    lettered = parent is None or any(top is parent for top in item.points)
    if not lettered and not any(parent in top.children for top in item.points):
        raise StructureError("a sub-point's parent must be a point of the same item")
    check_can_hold(point, under_sub_point=not lettered, as_sub_point=parent is not None)


def check(meeting: Meeting, change: Change) -> None:
    """Raise ``StructureError`` if ``change`` cannot be made to ``meeting`` as it is now."""
    if isinstance(change, InsertPoint):
        if not any(item is change.item for item in meeting.items):
            raise StructureError("the item is not in this meeting")
        _check_parent(change.item, change.parent, change.point)
        check_two_levels([change.point])
    elif isinstance(change, MovePoint):
        place = place_of(meeting, change.point)
        item = change.item or place.item
        _check_parent(item, change.parent, change.point)
    elif isinstance(change, DeletePoint | SetText | SetActionDone):
        place_of(meeting, change.point)
    elif isinstance(change, InsertItem):
        check_two_levels(change.item.points)
    elif isinstance(
        change,
        DeleteItem
        | MoveItem
        | UpdateItem
        | SetDecisions
        | SetDocuments
        | SetDeclarations
        | SetMotions,
    ):
        if not any(item is change.item for item in meeting.items):
            raise StructureError("the item is not in this meeting")
        if isinstance(change, SetDeclarations):
            try:
                check_declarations(change.declarations)
            except ValueError as exc:
                raise StructureError(str(exc)) from None
        if isinstance(change, SetMotions):
            try:
                check_motions(change.motions)
            except ValueError as exc:
                raise StructureError(str(exc)) from None
        if isinstance(change, SetMovements):
            try:
                check_movements(change.movements)
            except ValueError as exc:
                raise StructureError(str(exc)) from None
        if isinstance(change, UpdateItem) and set(change.fields) - ITEM_FIELDS:
            raise StructureError(f"not item fields: {sorted(set(change.fields) - ITEM_FIELDS)}")
    elif isinstance(change, UpdateHeader) and set(change.fields) - HEADER_FIELDS:
        raise StructureError(f"not meeting fields: {sorted(set(change.fields) - HEADER_FIELDS)}")


# --- applying ----------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def _tag_key(text: str) -> tuple[object, ...] | None:
    """An action tag's owners and due date; cached because typing asks on every keystroke."""
    tag = parse_tag(text)
    return None if tag is None else (tag.owners, tag.due)


def forget_ids(point: Point) -> None:
    """A deleted point may come back by undo: the store then gives it new ids."""
    point.id = None
    for child in point.children:
        child.id = None


def _clamp(index: int, length: int) -> int:
    return max(0, min(index, length))


def set_text(point: Point, text: str) -> Changed:
    """``SetText`` applied: the one place a point's text changes in memory.  Typing calls it
    directly, on every keystroke, without building a change and its inverse."""
    tags_differ = _tag_key(point.text) != _tag_key(text)
    point.text = text
    return Changed(actions=tags_differ, points=(point,))


def apply(meeting: Meeting, change: Change) -> tuple[Changed, Change]:
    """Make ``change`` to ``meeting``; returns what changed and the change that undoes it."""
    if isinstance(change, SetText):
        old = change.point.text
        return set_text(change.point, change.text), SetText(change.point, old)
    if isinstance(change, InsertPoint):
        siblings = change.item.points if change.parent is None else change.parent.children
        siblings.insert(_clamp(change.index, len(siblings)), change.point)
        return STRUCTURE, DeletePoint(change.point)
    if isinstance(change, DeletePoint):
        place = place_of(meeting, change.point)
        del place.siblings[place.index]
        return STRUCTURE, InsertPoint(place.item, place.parent, place.index, change.point)
    if isinstance(change, MovePoint):
        was = place_of(meeting, change.point)
        del was.siblings[was.index]
        item = change.item or was.item
        siblings = item.points if change.parent is None else change.parent.children
        siblings.insert(_clamp(change.index, len(siblings)), change.point)
        back = MovePoint(change.point, was.parent, was.index, was.item)
        return STRUCTURE, back
    if isinstance(change, SetActionDone):
        point = change.point
        back_done = SetActionDone(point, point.action_done, point.action_done_on)
        point.action_done = change.done
        point.action_done_on = change.on if change.done else None
        return Changed(actions=True, points=(point,)), back_done
    return _apply_item_or_meeting(meeting, change)


def _apply_item_or_meeting(meeting: Meeting, change: Change) -> tuple[Changed, Change]:
    if isinstance(change, InsertItem):
        meeting.items.insert(_clamp(change.index, len(meeting.items)), change.item)
        return STRUCTURE, DeleteItem(change.item)
    if isinstance(change, DeleteItem):
        index = meeting.items.index(change.item)
        del meeting.items[index]
        return STRUCTURE, InsertItem(index, change.item)
    if isinstance(change, MoveItem):
        old_index = meeting.items.index(change.item)
        meeting.items.remove(change.item)
        meeting.items.insert(_clamp(change.index, len(meeting.items)), change.item)
        return STRUCTURE, MoveItem(change.item, old_index)
    if isinstance(change, UpdateItem):
        before = {name: getattr(change.item, name) for name in change.fields}
        for name, value in change.fields.items():
            setattr(change.item, name, value)
        return STRUCTURE, UpdateItem(change.item, before)
    if isinstance(change, SetDecisions):
        old_decisions = change.item.decisions
        change.item.decisions = change.decisions
        return STRUCTURE, SetDecisions(change.item, old_decisions)
    if isinstance(change, SetDeclarations):
        old_declarations = change.item.declarations
        change.item.declarations = list(change.declarations)
        return STRUCTURE, SetDeclarations(change.item, old_declarations)
    if isinstance(change, SetMovements):
        old_movements = change.item.movements
        change.item.movements = list(change.movements)
        return STRUCTURE, SetMovements(change.item, old_movements)
    if isinstance(change, SetMotions):
        old_motions = change.item.motions
        change.item.motions = list(change.motions)
        return STRUCTURE, SetMotions(change.item, old_motions)
    if isinstance(change, SetDocuments):
        old_documents = change.item.documents
        change.item.documents = list(change.documents)
        return STRUCTURE, SetDocuments(change.item, old_documents)
    if isinstance(change, SetAttendance):
        old_attendees = meeting.attendees
        meeting.attendees = change.attendees
        return Changed(header=True), SetAttendance(old_attendees)
    if isinstance(change, UpdateHeader):
        before = {name: getattr(meeting, name) for name in change.fields}
        for name, value in change.fields.items():
            setattr(meeting, name, value)
        # The label style re-letters every point: the rows are rebuilt too.
        return Changed(structure=True, header=True), UpdateHeader(before)
    raise TypeError(f"not a change: {change!r}")
