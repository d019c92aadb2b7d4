"""Meetings over time: a new meeting, the next meeting from this one, the trash."""

from __future__ import annotations

import datetime as dt

from clerk_app.core.model import Meeting
from clerk_app.core.wording import long_date
from clerk_app.services import archive, meetings
from clerk_app.ui.archive.trash_dialog import TrashDialog
from clerk_app.ui.dialogs.approval_dialogs import ConfirmDialog, DateDialog
from clerk_app.ui.dialogs.meeting_dialog import MeetingDialog
from clerk_app.ui.shell.port import Shell

NEXT_MEETING_AFTER = dt.timedelta(days=28)  # a committee's usual cycle: a default to change


class MeetingsFlow:
    def __init__(self, shell: Shell) -> None:
        self.shell = shell

    def new_meeting(self) -> None:
        shell = self.shell
        summaries = meetings.list_meetings(shell.db)
        committees = list(dict.fromkeys(s.committee for s in summaries))
        council = summaries[0].council if summaries else ""
        draft = Meeting(
            committee=committees[0] if committees else "", date=dt.date.today(), council=council
        )
        dialog = MeetingDialog(draft, committees, new=True, parent=shell.widget)
        if not shell.run_dialog(dialog):
            return
        fields = dialog.fields()
        if not str(fields["committee"]):
            shell.say("A meeting needs a committee")
            return
        # One transaction: the meeting, its header and the committee's last attendance.
        meeting = meetings.new_meeting(
            shell.db,
            committee=str(fields.pop("committee")),
            date=fields.pop("date"),  # type: ignore[arg-type]  # a dt.date from the dialog
            council=str(fields.pop("council")),
            header=fields,
        )
        shell.show_meeting(meeting)

    def _source(self) -> int | None:
        """The meeting a command is about: the one on screen, or the one selected in the list."""
        current = self.shell.current
        return current.meeting.id if current is not None else self.shell.listed_meeting()

    def next_meeting(self) -> None:
        shell = self.shell
        source_id = self._source()
        if source_id is None:
            return
        if shell.loaded is not None:
            shell.loaded.model.flush()
        source = meetings.load_meeting(shell.db, source_id)
        dialog = DateDialog(
            "New meeting from this one",
            f"A new draft of <b>{source.committee}</b> with its attendance and standing items; "
            "every open action becomes a point under <i>Matters arising</i>.",
            "Date of the next meeting:",
            source.date + NEXT_MEETING_AFTER,
            "Create meeting",
            shell.widget,
        )
        if not shell.run_dialog(dialog):
            return
        meeting = archive.next_meeting(shell.db, source_id, date=dialog.value())
        shown = shell.show_meeting(meeting)
        arising = [i for i in meeting.items if i.title == "Matters arising" and i.points]
        if arising:
            shown.view.focus_point(arising[0].points[0], -1)
        said = f"New meeting of {meeting.committee} on {long_date(meeting.date)}"
        checks = archive.to_check(meeting)
        if checks:
            said += f"; check last time's apologies and substitutes ({len(checks)}): Ctrl+Shift+A"
        shell.say(said)

    def delete_meeting(self, name: str) -> None:
        """Delete the meeting selected in the list (``name`` as the list shows it)."""
        shell = self.shell
        meeting_id = shell.listed_meeting()
        if meeting_id is None:
            return
        dialog = ConfirmDialog(
            "Delete meeting",
            f"Delete the minutes of <b>{name}</b>?<br>They go to the trash: "
            "File > Trash… puts them back.",
            "Delete meeting",
            shell.widget,
        )
        if not shell.run_dialog(dialog):
            return
        archive.move_to_trash(shell.db, meeting_id)
        shell.show_meeting_list()
        shell.say(f"Moved {name} to the trash (File > Trash… restores it)")

    def show_trash(self) -> None:
        shell = self.shell
        dialog = TrashDialog(
            lambda: archive.trash(shell.db),
            lambda meeting_id: archive.restore(shell.db, meeting_id),
            shell.widget,
        )
        shell.run_dialog(dialog)
        if dialog.restored:
            shell.show_meeting_list(select=dialog.restored[-1])
            shell.say("Restored from the trash")
