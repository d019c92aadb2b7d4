"""Commands that ask something first: open the right dialog, then hand its values to an intent.

Kept apart from the main window so that the window stays about layout and wiring.  Dialogs
are run through ``window.run_dialog`` so tests can answer them without a modal event loop.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from clerk_app.core.actions import parse_tag
from clerk_app.core.model import AgendaItem, Decision, Meeting
from clerk_app.services import editing, meetings
from clerk_app.ui.capture.intents import next_number
from clerk_app.ui.capture.rows import Row
from clerk_app.ui.dialogs.attendance_dialog import AttendanceDialog
from clerk_app.ui.dialogs.decision_dialog import DecisionDialog
from clerk_app.ui.dialogs.item_dialog import ItemDialog
from clerk_app.ui.dialogs.meeting_dialog import MeetingDialog
from clerk_app.ui.dialogs.owner_dialog import OwnerDialog

if TYPE_CHECKING:
    from clerk_app.ui.shell.main_window import MainWindow


class DialogFlows:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def _refocus(self) -> None:
        view = self.window.view
        if view is not None and view.active is not None:
            view.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- meetings -------------------------------------------------------------------------
    def new_meeting(self) -> None:
        w = self.window
        summaries = meetings.list_meetings(w.db)
        committees = list(dict.fromkeys(s.committee for s in summaries))
        council = summaries[0].council if summaries else ""
        draft = Meeting(
            committee=committees[0] if committees else "", date=dt.date.today(), council=council
        )
        dialog = MeetingDialog(draft, committees, new=True, parent=w)
        if not w.run_dialog(dialog):
            return
        fields = dialog.fields()
        if not str(fields["committee"]):
            w.say("A meeting needs a committee")
            return
        # new_meeting carries the committee's last attendance into the new meeting.
        meeting = meetings.new_meeting(
            w.db,
            committee=str(fields.pop("committee")),
            date=fields.pop("date"),  # type: ignore[arg-type]  # a dt.date from the dialog
            council=str(fields.pop("council")),
            header=fields,
        )
        w.show_meeting(meeting)

    def edit_header(self) -> None:
        w = self.window
        if w.model is None or w.intents is None:
            return
        committees = list(dict.fromkeys(s.committee for s in meetings.list_meetings(w.db)))
        dialog = MeetingDialog(w.model.meeting, committees, new=False, parent=w)
        if w.run_dialog(dialog):
            w.intents.edit_header(dialog.fields())
        self._refocus()

    def edit_attendance(self) -> None:
        w = self.window
        if w.model is None or w.intents is None:
            return
        dialog = AttendanceDialog(copy.deepcopy(w.model.meeting.attendees), parent=w)
        if w.run_dialog(dialog):
            w.intents.set_attendance(dialog.attendees())
        self._refocus()

    # --- points ---------------------------------------------------------------------------
    def tag_action(self) -> None:
        w = self.window
        view, intents, model = w.view, w.intents, w.model
        if view is None or intents is None or model is None or view.active is None:
            return
        point = view.active
        tag = parse_tag(point.text)
        current = ""
        if tag is not None:
            current = "/".join(tag.owners)
            if tag.due is not None:
                current += f" by {tag.due.day} {tag.due:%B %Y}"
        names = editing.owner_suggestions(w.db, meeting=model.meeting)
        dialog = OwnerDialog(names, current, view.row_of(point).label, parent=w)
        if w.run_dialog(dialog):
            owners, due = dialog.owners()
            intents.tag_action(point, owners, due)
        self._refocus()

    # --- items ----------------------------------------------------------------------------
    def new_item(self) -> None:
        w = self.window
        view, intents, model = w.view, w.intents, w.model
        if view is None or intents is None or model is None:
            return
        after = view.current_item or (model.meeting.items[-1] if model.meeting.items else None)
        item = AgendaItem(title="", number=next_number(after.number) if after else "1")
        dialog = ItemDialog(item, new=True, parent=w)
        if not w.run_dialog(dialog):
            self._refocus()
            return
        for name, value in dialog.fields().items():
            setattr(item, name, value)
        item.documents = dialog.document_list()
        intents.new_item(after, item, view.active)

    def edit_item(self, item: AgendaItem | None = None) -> None:
        w = self.window
        view, intents = w.view, w.intents
        if view is None or intents is None:
            return
        item = item or view.current_item
        if item is None:
            return
        dialog = ItemDialog(item, new=False, parent=w)
        if w.run_dialog(dialog):
            intents.edit_item(item, dialog.fields(), dialog.document_list())
        self._refocus()

    def add_decision(self) -> None:
        w = self.window
        view, intents = w.view, w.intents
        if view is None or intents is None or view.current_item is None:
            return
        item = view.current_item
        dialog = DecisionDialog(Decision(preamble="That the Committee:"), new=True, parent=w)
        if w.run_dialog(dialog):
            decision = dialog.decision()
            label = f"Add {decision.kind.value}"
            intents.set_decisions(item, [*item.decisions, decision], label)
        self._refocus()

    def edit_decision(self, item: AgendaItem, decision: Decision) -> None:
        w = self.window
        if w.intents is None:
            return
        index = next(i for i, d in enumerate(item.decisions) if d is decision)
        dialog = DecisionDialog(decision, new=False, parent=w)
        if w.run_dialog(dialog):
            decisions = list(item.decisions)
            if dialog.removed:
                del decisions[index]
            else:
                decisions[index] = dialog.decision()
            w.intents.set_decisions(item, decisions, "Edit decision")
        self._refocus()

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
