"""Declarations of interest, motions and named votes at the current item: each command runs
its dialog (names completed over the members present) and hands the result to one intent,
so one gesture is one undo step (issue 12, items 2 and 3)."""

from __future__ import annotations

import dataclasses
import html

from PySide6.QtWidgets import QWidget

from clerk_app.core.model import AgendaItem, Meeting
from clerk_app.core.procedure.declarations import Declaration
from clerk_app.core.procedure.declared import is_declarations_item
from clerk_app.core.procedure.motion_flags import motion_warnings
from clerk_app.core.procedure.motion_wording import record
from clerk_app.core.procedure.motions import Motion, NamedVote, without_motion
from clerk_app.core.procedure.picking import flag_of, left_before, present_at
from clerk_app.services import member_names
from clerk_app.ui.capture.open_meeting import OpenMeeting
from clerk_app.ui.capture.rows import Row, RowKind, named_vote_text
from clerk_app.ui.dialogs.approval_dialogs import ConfirmDialog
from clerk_app.ui.dialogs.declaration_dialog import DeclarationDialog
from clerk_app.ui.dialogs.motion_dialog import MotionDialog
from clerk_app.ui.dialogs.named_vote_grid import NamedVoteDialog
from clerk_app.ui.shell.port import Shell

NO_ITEM = "Put the caret in an agenda item first"


class ProcedureFlow:
    def __init__(self, shell: Shell) -> None:
        self.shell = shell

    def _at(self) -> tuple[OpenMeeting, AgendaItem] | None:
        current = self.shell.current
        if current is None or current.locked:
            return None
        if current.view.current_item is None:
            self.shell.say(NO_ITEM)
            return None
        return current, current.view.current_item

    def _where(self, open_: OpenMeeting, item: AgendaItem) -> str:
        label = next(
            (r.label for r in open_.view.rows if r.kind is RowKind.ITEM and r.item is item), ""
        )
        return f"{label} {item.title or '(untitled item)'}".strip()  # "3. Allotment rents"

    def _done(self) -> None:
        self.shell.refocus()

    # --- declarations ---------------------------------------------------------------------
    def declare_interest(self) -> None:
        """Ctrl+Shift+I: a declaration at the current item (the Declarations item or any)."""
        at = self._at()
        if at is not None:
            self._declaration(*at, None)

    def _declaration(self, open_: OpenMeeting, item: AgendaItem, index: int | None) -> None:
        """A new declaration (``index`` None) or the item's ``index``-th edited: in either the
        clerk picks the item it concerns, and an edited one picked elsewhere moves there."""
        items = open_.meeting.items
        at = next(i for i, each in enumerate(items) if each is item)
        if index is None and is_declarations_item(item) and at + 1 < len(items):
            at += 1  # declared at the start of the meeting: in an item still to come
        names = member_names.member_choices(self.shell.db, open_.meeting, items[at])
        current = Declaration("") if index is None else item.declarations[index]
        dialog = DeclarationDialog(
            current,
            names,
            items=[self._where(open_, each) for each in items],
            at=at,
            new=index is None,
            parent=self.shell.widget,
        )
        if self.shell.run_dialog(dialog):
            chosen = items[dialog.item.currentIndex()]
            if index is None:
                declarations = [*chosen.declarations, dialog.declaration()]
                open_.intents.set_declarations(chosen, declarations, "Declare interest")
                self.shell.say(f"Declare interest: {self._where(open_, chosen)}")
            elif dialog.removed:
                declarations = [d for i, d in enumerate(item.declarations) if i != index]
                open_.intents.set_declarations(item, declarations, "Remove declaration")
                self.shell.say(f"Remove declaration: {self._where(open_, item)}")
            elif chosen is not item:
                open_.intents.move_declaration(item, index, chosen, dialog.declaration())
                self.shell.say(f"Declaration moved to {self._where(open_, chosen)}")
            else:
                declarations = list(item.declarations)
                declarations[index] = dialog.declaration()
                open_.intents.set_declarations(item, declarations, "Edit declaration")
                self.shell.say(f"Edit declaration: {self._where(open_, item)}")
        self._done()

    # --- motions --------------------------------------------------------------------------
    def record_motion(self) -> None:
        """Ctrl+Shift+O: a motion or amendment at the current item."""
        at = self._at()
        if at is not None:
            self._motion(*at, None)

    def _motion(self, open_: OpenMeeting, item: AgendaItem, index: int | None) -> None:
        meeting = open_.meeting
        names = member_names.member_choices(self.shell.db, meeting, item)
        current = Motion("") if index is None else item.motions[index]
        earlier = item.motions if index is None else item.motions[:index]
        left = left_before(meeting, item)
        dialog = MotionDialog(
            current,
            earlier,
            names,
            flag=lambda name: flag_of(meeting, item, name),
            warnings=lambda motion: motion_warnings(item, motion, left=left),
            open_grid=lambda named, parent: self._grid(meeting, item, named, parent),
            where=self._where(open_, item),
            new=index is None,
            parent=self.shell.widget,
        )
        if self.shell.run_dialog(dialog):
            motions = list(item.motions)
            motion = dialog.motion()
            what = "amendment" if motion.amends is not None else "motion"
            if index is None:
                motions.append(motion)
                label = f"Record {what}"
            elif dialog.removed:
                motions = without_motion(motions, index)
                label = f"Remove {what}"
            else:
                motions[index] = motion
                label = f"Edit {what}"
            open_.intents.set_motions(item, motions, label)
        self._done()

    def _grid(
        self,
        meeting: Meeting,
        item: AgendaItem,
        named: list[NamedVote],
        parent: QWidget | None = None,
    ) -> list[NamedVote] | None:
        dialog = NamedVoteDialog(
            present_at(meeting, item),
            named,
            lambda name: flag_of(meeting, item, name),
            parent=parent or self.shell.widget,
        )
        return dialog.votes() if self.shell.run_dialog(dialog) else None

    def named_vote(self, index: int | None = None) -> None:
        """Ctrl+Shift+V: the named vote on the item's latest motion (or the one chosen)."""
        at = self._at()
        if at is None:
            return
        open_, item = at
        if not item.motions:
            self.shell.say("No motion at this item yet: record one with Ctrl+Shift+O")
            return
        index = len(item.motions) - 1 if index is None else index
        votes = self._grid(open_.meeting, item, item.motions[index].named)
        if votes is not None:
            motions = list(item.motions)
            # The named vote is the vote now: its counts follow from it, as in the dialog.
            motions[index] = dataclasses.replace(motions[index], named=votes, counts=None, id=None)
            open_.intents.set_motions(item, motions, "Named vote")
            self.shell.say(named_vote_text(motions[index]))
        self._done()

    # --- existing records: what the records flow routes a declaration's or motion's row to ---
    def remove_record(self, row: Row) -> None:
        """Delete on a declaration or motion (or its named vote): asked first, one undo step;
        a motion goes with its amendments and its vote."""
        current = self.shell.current
        item = row.item
        if current is None or current.locked or item is None or row.record is None:
            return
        motion = row.record if isinstance(row.record, Motion) else None
        what = "motion" if motion is not None else "declaration"
        text = record(motion) if motion is not None else row.text  # a vote's row: its motion
        message = f"Remove this {what}?<br><br>{html.escape(text)}<br><br>Ctrl+Z brings it back."
        dialog = ConfirmDialog(f"Remove {what}", message, f"Remove {what}", self.shell.widget)
        if self.shell.run_dialog(dialog):
            if motion is None:
                kept = [d for d in item.declarations if d is not row.record]
                current.intents.set_declarations(item, kept, "Remove declaration")
            else:
                index = next(i for i, m in enumerate(item.motions) if m is motion)
                current.intents.set_motions(
                    item, without_motion(item.motions, index), "Remove motion"
                )
        self._done()

    def edit_record(self, row: Row) -> None:
        """Enter on a declaration or motion (or its named vote): its dialog."""
        current = self.shell.current
        if current is None or current.locked or row.item is None or row.record is None:
            return
        item = row.item
        if row.kind is RowKind.DECLARATION:
            index = next(i for i, d in enumerate(item.declarations) if d is row.record)
            self._declaration(current, item, index)
        elif row.kind in (RowKind.MOTION, RowKind.NAMED_VOTE):
            self._motion(current, item, self.motion_index(row))

    def vote_on(self, row: Row) -> None:
        """The named vote of the motion a row stands for (its own row or its vote's)."""
        if isinstance(row.record, Motion):
            self.named_vote(self.motion_index(row))

    @staticmethod
    def motion_index(row: Row) -> int:
        assert row.item is not None, "a record's row names its item"
        return next(i for i, m in enumerate(row.item.motions) if m is row.record)
