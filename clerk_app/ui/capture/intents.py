"""What the clerk's gestures mean: each method decides one edit and pushes its undo command.

The capture view reports keys (Enter at the caret, Tab, Alt+Up...); this decides what they do
to the meeting (split the point, which parent an indented point joins, where the caret goes
when a point is deleted) and pushes exactly one command, so one gesture is one undo step.
Methods return False when the gesture means nothing here (Tab on the first point), so the
window can say why in the status bar.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtGui import QUndoStack

from clerk_app.core import point_moves
from clerk_app.core.actions import set_tag
from clerk_app.core.changes import (
    Change,
    DeleteItem,
    DeletePoint,
    InsertItem,
    InsertPoint,
    MoveItem,
    SetActionDone,
    SetAttendance,
    SetDecisions,
    SetDeclarations,
    SetDocuments,
    SetMotions,
    SetMovements,
    SetText,
    UpdateHeader,
    UpdateItem,
)
from clerk_app.core.model import AgendaItem, Attendee, Decision, Point
from clerk_app.core.procedure.declarations import Declaration
from clerk_app.core.procedure.motions import Motion
from clerk_app.core.procedure.movements import Movement
from clerk_app.ui.capture.meeting_model import MeetingModel
from clerk_app.ui.capture.undo_commands import Edit, TypeText


def next_number(number: str) -> str:
    """The minute number after ``number``: "77" -> "78", "77/24" -> "78/24", "OSC 12/24"..."""
    match = re.search(r"\d+", number)
    if match is None:
        return number
    return f"{number[: match.start()]}{int(match.group()) + 1}{number[match.end() :]}"


_NUMBER = re.compile(r"(\D*)(\d+)(\D*)")


def swapped_numbers(moving: str, other: str) -> tuple[str, str] | None:
    """The numbers two neighbouring items take when they change places, or None to keep them.

    Only plain numbers in sequence swap ("77" and "78", "12/24" and "13/24"): a heading
    without a number, or numbers out of sequence, are the clerk's own and stay as typed.
    """
    a, b = _NUMBER.fullmatch(moving), _NUMBER.fullmatch(other)
    if a is None or b is None or (a[1], a[3]) != (b[1], b[3]):
        return None
    if abs(int(a[2]) - int(b[2])) != 1:
        return None
    return other, moving


class EditIntents:
    def __init__(self, model: MeetingModel, stack: QUndoStack) -> None:
        self.model, self.stack = model, stack
        # The typing command on top of the stack, which further typing in its point extends.
        # Any push, undo or redo moves the stack's index and so forgets it.
        self._typing: TypeText | None = None
        stack.indexChanged.connect(self._forget_typing)

    def _forget_typing(self, _index: int = 0) -> None:
        self._typing = None

    def _push(self, label: str, changes: list[Change], **focus: tuple[Point, int] | None) -> None:
        self.stack.push(Edit(self.model, label, changes, **focus))

    # --- typing ---------------------------------------------------------------------------
    def type_text(self, point: Point, text: str, caret_before: int, caret_after: int) -> None:
        if text == point.text:
            return
        typing = self._typing
        if typing is not None and typing.point is point:
            typing.extend(text, caret_after)  # the keystroke path: no new command per key
            return
        self.stack.push(
            TypeText(
                self.model,
                point,
                point.text,
                text,
                caret_before=caret_before,
                caret_after=caret_after,
            )
        )
        top = self.stack.command(self.stack.index() - 1)
        if isinstance(top, TypeText) and top.mergeable and top.point is point:
            self._typing = top

    def tag_action(self, point: Point, owners: list[str], due: dt.date | None) -> None:
        """Ctrl+T: the point's tag replaced (or removed with no owners), as one undo step."""
        text = set_tag(point.text, owners, due)
        if text != point.text:
            label = "Tag action" if owners else "Remove action"
            self.stack.push(
                TypeText(
                    self.model,
                    point,
                    point.text,
                    text,
                    caret_before=len(point.text),
                    caret_after=len(text),
                    mergeable=False,
                    label=label,
                )
            )

    def mark_done(self, point: Point, done: bool) -> bool:
        if point.action is None or point.action_done == done:
            return False
        label = "Action done" if done else "Action reopened"
        self._push(label, [SetActionDone(point, done, None)])
        return True

    # --- points ---------------------------------------------------------------------------
    def new_point(self, point: Point, caret: int) -> bool:
        """Enter: a new point after this one; text after the caret moves into it."""
        place = self.model.place_of(point)
        if not point.text.strip():
            # Enter in an empty sub-point lifts it, as in a word processor; in an empty
            # point it does nothing, so that a nervous double Enter leaves no blank point.
            return place.parent is not None and self.outdent(point, 0)
        text = point.text
        caret = len(text) if caret < 0 else min(caret, len(text))
        changes: list[Change] = []
        new = Point("")
        if text[caret:].strip():
            changes.append(SetText(point, text[:caret].rstrip()))
            new = Point(text[caret:].lstrip())
        changes.append(InsertPoint(place.item, place.parent, place.index + 1, new))
        self._push("New point", changes, focus=(new, 0), focus_on_undo=(point, caret))
        return True

    def first_point(self, item: AgendaItem, text: str = "", caret: int = 0) -> None:
        """An empty item's first point: at Enter or a click, or holding the first characters
        typed where the caret stood in the empty item (nothing is stored before them)."""
        new = Point(text)
        self._push("New point", [InsertPoint(item, None, 0, new)], focus=(new, caret))

    def merge(self, point: Point, direction: int) -> bool:
        """Backspace at a point's start (-1) joins it to the point above; Delete at its end
        (+1) joins the point below to it.  Sub-points follow; one undo step."""
        flat = self.model.flat_points()
        here = next(i for i, p in enumerate(flat) if p is point)
        other = here + direction
        if not 0 <= other < len(flat):
            return False
        upper, lower = (flat[other], point) if direction < 0 else (point, flat[other])
        planned = point_moves.merge(
            self.model.place_of(upper), upper, self.model.place_of(lower), lower
        )
        if planned is None:
            return False
        changes, caret = planned
        undo_caret = 0 if direction < 0 else len(point.text)
        self._push("Join points", changes, focus=(upper, caret), focus_on_undo=(point, undo_caret))
        return True

    def indent(self, point: Point, caret: int) -> bool:
        """Tab: a sub-point of the point above; its own sub-points follow it as siblings."""
        moves = point_moves.indent(self.model.place_of(point), point)
        if moves is None:
            return False
        self._push("Indent point", [*moves], focus=(point, caret), focus_on_undo=(point, caret))
        return True

    def outdent(self, point: Point, caret: int) -> bool:
        """Shift+Tab: back to a lettered point after its parent; later sub-points become its own."""
        moves = point_moves.outdent(self.model.place_of(point), point)
        if moves is None:
            return False
        self._push("Outdent point", [*moves], focus=(point, caret), focus_on_undo=(point, caret))
        return True

    def move(self, point: Point, delta: int, caret: int) -> bool:
        """Alt+Up / Alt+Down among its siblings; letters follow."""
        place = self.model.place_of(point)
        move = point_moves.step(place, point, delta) or point_moves.step_across(
            self.model.meeting.items, place, point, delta
        )
        if move is None:
            return False
        label = "Move point up" if delta < 0 else "Move point down"
        self._push(label, [move], focus=(point, caret), focus_on_undo=(point, caret))
        return True

    def delete(self, point: Point, *, only_if_empty: bool) -> bool:
        """Backspace in an empty point (or Delete point): the caret goes to the point before."""
        if only_if_empty and (point.text or point.children):
            return False
        flat = self.model.flat_points()
        here = flat.index(point)
        gone = {id(point), *(id(c) for c in point.children)}
        before = [p for p in flat[:here] if id(p) not in gone]
        after = [p for p in flat[here + 1 :] if id(p) not in gone]
        focus = (before[-1], -1) if before else (after[0], 0) if after else None
        self._push(
            "Delete point",
            [DeletePoint(point)],
            focus=focus,
            focus_on_undo=(point, len(point.text)),
        )
        return True

    # --- items ----------------------------------------------------------------------------
    def new_item(self, after: AgendaItem | None, item: AgendaItem, focus: Point | None) -> None:
        """Ctrl+Enter: an agenda item after ``after`` (or at the end), with an empty point."""
        items = self.model.meeting.items
        index = items.index(after) + 1 if after is not None else len(items)
        if not item.points:
            item.points.append(Point(""))
        self._push(
            "New agenda item",
            [InsertItem(index, item)],
            focus=(item.points[0], 0),
            focus_on_undo=(focus, -1) if focus is not None else None,
        )

    def edit_item(
        self, item: AgendaItem, fields: dict[str, object], documents: list[str] | None
    ) -> None:
        """Retitle, renumber, intro, exemption, supporting documents: one dialog, one step."""
        changed = {k: v for k, v in fields.items() if getattr(item, k) != v}
        changes: list[Change] = [UpdateItem(item, changed)] if changed else []
        if documents is not None and documents != item.documents:
            changes.append(SetDocuments(item, list(documents)))
        if changes:
            self._push("Edit agenda item", changes)

    def delete_item(self, item: AgendaItem) -> None:
        self._push("Delete agenda item", [DeleteItem(item)])

    def move_item(self, item: AgendaItem, delta: int) -> bool:
        items = self.model.meeting.items
        index = items.index(item) + delta
        if not 0 <= index < len(items):
            return False
        changes: list[Change] = [MoveItem(item, index)]
        swapped = swapped_numbers(item.number, items[index].number)
        if swapped is not None:
            # Numbered in sequence (77, 78): the numbers stay in order, the items change places.
            changes += [
                UpdateItem(item, {"number": swapped[0]}),
                UpdateItem(items[index], {"number": swapped[1]}),
            ]
        self._push("Move agenda item", changes)
        return True

    def set_decisions(self, item: AgendaItem, decisions: list[Decision], label: str) -> None:
        """Ctrl+R and editing a decision block: the item's decisions replaced as a whole."""
        self._push(label, [SetDecisions(item, decisions)])

    # --- declarations and motions (issue 12) -------------------------------------------------
    def set_declarations(
        self, item: AgendaItem, declarations: list[Declaration], label: str
    ) -> None:
        """Ctrl+Shift+I and editing a declaration: the item's declarations as one undo step."""
        self._push(label, [SetDeclarations(item, declarations)])

    def move_declaration(
        self, source: AgendaItem, index: int, target: AgendaItem, declaration: Declaration
    ) -> None:
        """An edited declaration put under another item: out of one, onto the end of the
        other's, as one undo step (so Ctrl+Z never leaves it in both or in neither)."""
        kept = [d for i, d in enumerate(source.declarations) if i != index]
        self._push(
            "Move declaration",
            [
                SetDeclarations(source, kept),
                SetDeclarations(target, [*target.declarations, declaration]),
            ],
        )

    def set_motions(self, item: AgendaItem, motions: list[Motion], label: str) -> None:
        """Ctrl+Shift+O, a named vote, editing a motion: the item's motions as one undo step."""
        self._push(label, [SetMotions(item, motions)])

    # --- meeting --------------------------------------------------------------------------
    def set_attendance(self, attendees: list[Attendee]) -> None:
        if attendees != self.model.meeting.attendees:
            self._push("Edit attendance", [SetAttendance(attendees)])

    def edit_header(self, fields: dict[str, object]) -> None:
        changed = {k: v for k, v in fields.items() if getattr(self.model.meeting, k) != v}
        if changed:
            self._push("Edit meeting details", [UpdateHeader(changed)])

    # --- proceedings: arrivals and departures, the press and public ---------------------------
    def set_movements(self, item: AgendaItem, movements: list[Movement], label: str) -> None:
        """A member arrives or leaves (or one recorded is changed): the item's list replaced."""
        if movements != item.movements:
            self._push(label, [SetMovements(item, movements)])

    def record_proceedings(self, label: str, changes: list[Change]) -> None:
        """The press and public excluded (the resolution, later items exempt) or readmitted:
        the core plans the changes, here they are one undo step."""
        if changes:
            self._push(label, changes)
