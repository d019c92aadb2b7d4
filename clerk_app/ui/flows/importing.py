"""File > Import minutes… and File > New meeting from agenda…: a file chosen, a service
called, the new meeting shown, and every warning listed for the clerk to read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from clerk_app.services import meetings
from clerk_app.services.importing import (
    Imported,
    MinutesFileError,
    import_minutes,
    new_meeting_from_agenda,
)
from clerk_app.ui.shell.port import Shell

MINUTES_FILTER = "Minutes (*.docx *.txt);;Word (*.docx);;Plain text (*.txt);;All files (*)"
AGENDA_FILTER = "Agendas (*.docx *.pdf);;Word (*.docx);;PDF (*.pdf)"


def ask_open_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    path, _chosen = QFileDialog.getOpenFileName(parent, title, suggested, file_filter)
    return path


class ImportFlow:
    def __init__(self, shell: Shell) -> None:
        self.shell = shell

    def import_minutes(self) -> None:
        self._bring_in("Import minutes", MINUTES_FILTER, import_minutes, "Imported")

    def new_from_agenda(self) -> None:
        self._bring_in(
            "New meeting from agenda", AGENDA_FILTER, new_meeting_from_agenda, "New meeting from"
        )

    def _bring_in(
        self,
        title: str,
        file_filter: str,
        service: Callable[..., Imported],
        done: str,
    ) -> None:
        shell = self.shell
        chosen = shell.choose_open_path(shell.widget, title, "", file_filter)
        if not chosen:
            return
        path = Path(chosen)
        try:
            made = service(shell.db, path)
        except MinutesFileError as exc:
            self._tell(title, str(exc), [])
            return
        meeting = meetings.load_meeting(shell.db, made.meeting_id)
        shell.show_meeting(meeting)
        shell.say(
            f"{done} {path.name}" + (f" ({len(made.warnings)} notes)" if made.warnings else "")
        )
        if made.warnings:
            self._tell(
                title,
                f"{path.name} was brought in. Some lines need a look: they are kept in the"
                " meeting (its notes, or where they were placed) and listed below by line.",
                made.warnings,
            )

    def _tell(self, title: str, text: str, details: list[str]) -> None:
        box = QMessageBox(self.shell.widget)
        box.setWindowTitle(title)
        box.setText(text)
        if details:
            box.setDetailedText("\n".join(details))
        self.shell.run_dialog(box)
