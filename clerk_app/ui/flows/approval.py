"""Approving minutes as a correct record, recording amendments to approved ones, and history."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from clerk_app.core.model import Point
from clerk_app.core.wording import long_date
from clerk_app.services import archive
from clerk_app.ui.archive.history_dialog import HistoryDialog
from clerk_app.ui.dialogs.approval_dialogs import AmendDialog, DateDialog
from clerk_app.ui.shell.port import Shell


def meeting_name(committee: str, date: dt.date) -> str:
    return f"{committee}, {long_date(date)}"


class ApprovalFlow:
    def __init__(self, shell: Shell) -> None:
        self.shell = shell

    def _reopen(self, meeting_id: int, point: Point | None) -> None:
        """Show the meeting again as stored, the caret back in ``point``."""
        self.shell.show_meeting_at(meeting_id, point.id if point is not None else None, reuse=False)

    def approve(self) -> None:
        shell, current = self.shell, self.shell.current
        if current is None or current.meeting.id is None or current.locked:
            return
        current.model.flush()
        m = current.meeting
        dialog = DateDialog(
            "Approve minutes",
            f"Approve the minutes of <b>{meeting_name(m.committee, m.date)}</b> as a correct "
            "record. They become read-only: later changes are recorded as amendments.",
            "Approved at the meeting of:",
            shell.now().date(),
            "Approve",
            shell.widget,
        )
        if not shell.run_dialog(dialog):
            return
        archive.approve(shell.db, m.id, approved_on=dialog.value())  # type: ignore[arg-type]  # checked above
        self._reopen(m.id, current.view.active)  # type: ignore[arg-type]  # checked above
        shell.say(f"Minutes approved at the meeting of {long_date(dialog.value())}; now read-only")

    def amend(self) -> None:
        shell, current = self.shell, self.shell.current
        if current is None or not current.locked or current.meeting.id is None:
            return
        view = current.view
        if view.active is None or view.active.id is None:
            return
        point, point_id = view.active, view.active.id
        item = view.current_item
        where = f"{item.number} {item.title}".strip() if item is not None else ""
        where += f", {view.row_of(point).label}"
        dialog = AmendDialog(where, point.text, shell.now().date(), shell.widget)
        if not shell.run_dialog(dialog):
            return
        text = dialog.new_text()
        if text == point.text or not text:
            shell.say("Nothing amended: the wording is unchanged")
            return
        archive.amend_point(shell.db, point_id=point_id, text=text, agreed_on=dialog.agreed())
        self._reopen(current.meeting.id, point)
        shell.say(f"Amendment recorded, agreed on {long_date(dialog.agreed())}")

    def history(self) -> None:
        shell, current = self.shell, self.shell.current
        if current is None or current.meeting.id is None:
            return
        current.model.flush()
        m, meeting_id = current.meeting, current.meeting.id
        dialog = HistoryDialog(
            meeting_name(m.committee, m.date),
            archive.revisions(shell.db, meeting_id),
            archive.amendments(shell.db, meeting_id),
            lambda revision_id: archive.compare_revisions(shell.db, revision_id),
            shell.widget,
        )
        shell.run_dialog(dialog)
        if current.view.active is not None:
            current.view.editor.setFocus(Qt.FocusReason.OtherFocusReason)
