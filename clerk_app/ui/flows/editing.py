"""Edits that ask something first: open the right dialog, then hand its values to an intent.

Meeting details, attendance, an action's owners (Ctrl+T), agenda items and decisions.  Each
works on the meeting on screen (``shell.current``) and pushes one undo command through its
intents; dialogs run through ``shell.run_dialog`` so tests can answer them.
"""

from __future__ import annotations

import copy

from clerk_app.core.actions import parse_tag
from clerk_app.core.model import AgendaItem, Decision
from clerk_app.core.procedure.numbering import NumberingMode
from clerk_app.services import editing, meetings
from clerk_app.ui.capture.intents import next_number
from clerk_app.ui.capture.open_meeting import OpenMeeting
from clerk_app.ui.capture.rows import Row
from clerk_app.ui.dialogs.attendance_dialog import AttendanceDialog
from clerk_app.ui.dialogs.decision_dialog import DecisionDialog
from clerk_app.ui.dialogs.item_dialog import ItemDialog
from clerk_app.ui.dialogs.meeting_dialog import MeetingDialog
from clerk_app.ui.dialogs.owner_dialog import OwnerDialog
from clerk_app.ui.shell.port import Shell


class EditingFlow:
    def __init__(self, shell: Shell) -> None:
        self.shell = shell

    def _editable(self) -> OpenMeeting | None:
        current = self.shell.current
        return current if current is not None and not current.locked else None

    # --- the meeting ----------------------------------------------------------------------
    def edit_header(self) -> None:
        open_ = self._editable()
        if open_ is None:
            return
        committees = list(dict.fromkeys(s.committee for s in meetings.list_meetings(self.shell.db)))
        dialog = MeetingDialog(open_.meeting, committees, new=False, parent=self.shell.widget)
        if self.shell.run_dialog(dialog):
            open_.intents.edit_header(dialog.fields())
        self.shell.refocus()

    def edit_attendance(self) -> None:
        open_ = self._editable()
        if open_ is None:
            return
        people = copy.deepcopy(open_.meeting.attendees)
        dialog = AttendanceDialog(people, parent=self.shell.widget)
        if self.shell.run_dialog(dialog):
            open_.intents.set_attendance(dialog.attendees())
        self.shell.refocus()

    # --- points ---------------------------------------------------------------------------
    def tag_action(self) -> None:
        open_ = self._editable()
        if open_ is None or open_.view.active is None:
            return
        point = open_.view.active
        tag = parse_tag(point.text)
        current = ""
        if tag is not None:
            current = "/".join(tag.owners)
            if tag.due is not None:
                current += f" by {tag.due.day} {tag.due:%B %Y}"
        names = editing.owner_suggestions(self.shell.db, meeting=open_.meeting)
        label = open_.view.row_of(point).label
        dialog = OwnerDialog(names, current, label, parent=self.shell.widget)
        if self.shell.run_dialog(dialog):
            owners, due = dialog.owners()
            open_.intents.tag_action(point, owners, due)
        self.shell.refocus()

    # --- items ----------------------------------------------------------------------------
    def new_item(self) -> None:
        open_ = self._editable()
        if open_ is None:
            return
        items = open_.meeting.items
        after = open_.view.current_item or (items[-1] if items else None)
        number = next_number(after.number) if after else "1"
        if open_.meeting.numbering.mode is not NumberingMode.AS_TYPED:
            number = ""  # the body's counter numbers it, and renumbers it when items move
        item = AgendaItem(title="", number=number)
        dialog = ItemDialog(item, new=True, parent=self.shell.widget)
        if not self.shell.run_dialog(dialog):
            self.shell.refocus()
            return
        for name, value in dialog.fields().items():
            setattr(item, name, value)
        item.documents = dialog.document_list()
        open_.intents.new_item(after, item, open_.view.active)

    def edit_item(self, item: AgendaItem | None = None) -> None:
        open_ = self._editable()
        if open_ is None:
            return
        item = item or open_.view.current_item
        if item is None:
            return
        dialog = ItemDialog(item, new=False, parent=self.shell.widget)
        if self.shell.run_dialog(dialog):
            open_.intents.edit_item(item, dialog.fields(), dialog.document_list())
        self.shell.refocus()

    def add_decision(self) -> None:
        open_ = self._editable()
        if open_ is None or open_.view.current_item is None:
            return
        item = open_.view.current_item
        blank = Decision(preamble="That the Committee:")
        dialog = DecisionDialog(blank, new=True, parent=self.shell.widget)
        if self.shell.run_dialog(dialog):
            decision = dialog.decision()
            label = f"Add {decision.kind.value}"
            open_.intents.set_decisions(item, [*item.decisions, decision], label)
        self.shell.refocus()

    def edit_decision(self, item: AgendaItem, decision: Decision) -> None:
        open_ = self._editable()
        if open_ is None:
            return
        index = next(i for i, d in enumerate(item.decisions) if d is decision)
        dialog = DecisionDialog(decision, new=False, parent=self.shell.widget)
        if self.shell.run_dialog(dialog):
            decisions = list(item.decisions)
            if dialog.removed:
                del decisions[index]
            else:
                decisions[index] = dialog.decision()
            open_.intents.set_decisions(item, decisions, "Edit decision")
        self.shell.refocus()

    def edit_row(self, target: str, row: Row) -> None:
        """A double-click on a row that is not a point: open what edits it."""
        if target == "item" and row.item is not None:
            self.edit_item(row.item)
        elif target == "decision" and row.item is not None and row.decision is not None:
            self.edit_decision(row.item, row.decision)
        elif target == "attendance":
            self.edit_attendance()
        elif target == "header":
            self.edit_header()
        elif target == "new-item":
            self.new_item()
