"""Exports from the window: the minutes (Ctrl+E Word, Ctrl+P PDF) and the tracker's action log.

One runner for all of them: the file is chosen on the GUI thread, then written on the
background worker while the clerk goes on typing (the status bar says what is being
written), and the answer comes back to the GUI thread.  The exporters import python-docx and
Typst only then, which the live window never needs otherwise.  What is exported is the
meeting as stored after a flush, the same thing ``clerk-app export`` writes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from clerk_app.core.action_entries import ActionEntry
from clerk_app.core.document import suggested_file_name
from clerk_app.core.model import Meeting
from clerk_app.services import exporting
from clerk_app.services.identity import CLERK_NAME_KEY, os_full_name
from clerk_app.ui.dialogs.version_dialog import VersionDialog
from clerk_app.ui.shell.port import Shell

T = TypeVar("T")
Progress = Callable[[int, int], None]

SUFFIX = {"docx": ".docx", "pdf": ".pdf", "html": ".html", "csv": ".csv"}
FILTER = {
    "docx": "Word document (*.docx)",
    "pdf": "PDF document (*.pdf)",
    "html": "Web page (*.html)",
    "csv": "CSV for Excel (*.csv)",
}
MINUTES_TITLE = {"docx": "Export Word", "pdf": "Export PDF", "html": "Export HTML"}
LOG_TITLE = {
    "csv": "Export action log (CSV)",
    "docx": "Export action log (Word)",
    "pdf": "Export action log (PDF)",
}


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path


def suggested_name(meeting: Meeting, kind: str, *, confidential: bool = False) -> str:
    return suggested_file_name(meeting, SUFFIX[kind], confidential=confidential)


PROGRESS_MS = 150  # how often the status bar's percentage is brought up to date


class ExportRunner(QObject):
    """Writes one export at a time on the background worker; reports on the GUI thread."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        # The worker writes the latest progress here (a plain assignment, no Qt call on the
        # worker: see shell/background.py); the GUI thread shows it while the export runs.
        self._latest: tuple[str, int, int] | None = None
        self._progress = QTimer(self)
        self._progress.setInterval(PROGRESS_MS)
        self._progress.timeout.connect(self._show_progress)

    @property
    def busy(self) -> bool:
        return self.shell.background.busy("export")

    def run(
        self, title: str, path: Path, work: Callable[[Progress], T], done: Callable[[T], None]
    ) -> None:
        if self.busy:
            self.shell.say("An export is still being written: try again in a moment")
            return
        self.shell.say(f"Writing {path.name}…")

        def on_error(error: Exception) -> None:
            if not isinstance(error, exporting.ExportError):
                raise error  # a bug: fail loudly
            self.shell.say(f"Not exported: {error}")
            QMessageBox.critical(self.shell.widget, title, str(error))

        name = path.name

        def report(done_so_far: int, total: int) -> None:  # on the worker
            self._latest = (name, done_so_far, total)

        def finished(result: T) -> None:
            self._stop_progress()
            done(result)

        def failed(error: Exception) -> None:
            self._stop_progress()
            on_error(error)

        self._latest = None
        self._progress.start()
        self.shell.background.run("export", lambda: work(report), finished, failed)

    def _stop_progress(self) -> None:
        self._progress.stop()
        self._latest = None

    def _show_progress(self) -> None:
        latest = self._latest
        if latest is not None and latest[2] > 1 and self.busy:
            name, done, total = latest
            self.shell.say(f"Writing {name}… {100 * done // total}%")


class ExportFlow:
    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        self.runner = ExportRunner(shell)

    def _folder(self) -> Path:
        return Path(str(self.shell.settings.value("export/folder", str(Path.home()))))

    def _choose(self, title: str, suggested: str, kind: str) -> Path | None:
        chosen = self.shell.choose_path(
            self.shell.widget, title, str(self._folder() / suggested), FILTER[kind]
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != SUFFIX[kind]:
            path = path.with_name(path.name + SUFFIX[kind])
        return path

    def _written(self, path: Path) -> None:
        self.shell.settings.setValue("export/folder", str(path.parent))
        self.shell.say(f"Exported {path}")

    def export_minutes(self, kind: str) -> None:
        shell, loaded = self.shell, self.shell.loaded
        if loaded is None or loaded.meeting.id is None:
            return
        loaded.model.flush()
        meeting_id, title = loaded.meeting.id, MINUTES_TITLE[kind]
        confidential = self._ask_confidential(loaded.meeting)
        if confidential is None:
            return
        suggested = suggested_name(loaded.meeting, kind, confidential=confidential)
        path = self._choose(title, suggested, kind)
        if path is None:
            return
        db = shell.db
        # The clerk's name setting (File > Your name on documents); empty: the OS account's.
        author = str(shell.settings.value(CLERK_NAME_KEY, "") or "")

        def done(exported: exporting.Exported) -> None:
            self._written(exported.path)
            for problem in exported.warnings:  # a house-style template Clerk could not use
                shell.say(problem)
                QMessageBox.warning(shell.widget, title, problem)
            # A draft exported is a draft circulated; noting it is a step of its own, and
            # its failure (a busy or read-only database) is a warning, never a lost file.
            warning = exporting.record_circulated(db, exported)
            if warning is not None:
                shell.say(warning)
                QMessageBox.warning(shell.widget, title, warning)

        self.runner.run(
            title,
            path,
            lambda progress: exporting.export_minutes(
                db,
                meeting_id,
                path,
                confidential=confidential,
                progress=progress,
                author=author,
            ),
            done,
        )

    def _ask_confidential(self, meeting: Meeting) -> bool | None:
        """False for the public minutes, True for the confidential ones, None if cancelled.

        Asked only when the meeting has exempt items; the public version is the default."""
        exempt = [f"{item.number} {item.title}".strip() for item in meeting.items if item.exempt]
        if not exempt:
            return False
        dialog = VersionDialog(exempt, self.shell.widget)
        if not self.shell.run_dialog(dialog):
            return None
        return dialog.chose_confidential

    def ask_clerk_name(self) -> None:
        """File > Your name on documents: the author written into exported minutes."""
        settings = self.shell.settings
        current = str(settings.value(CLERK_NAME_KEY, "") or "") or os_full_name()
        name, accepted = QInputDialog.getText(
            self.shell.widget,
            "Your name on documents",
            "The name exported minutes give as their author\n"
            "(empty: your computer account's name):",
            text=current,
        )
        if accepted:
            settings.setValue(CLERK_NAME_KEY, name.strip())

    def export_action_log(
        self, kind: str, entries: Sequence[ActionEntry], *, open_only: bool, confidential: bool
    ) -> None:
        """The tracker's rows as CSV, or the council's actions document in Word or PDF."""
        title = LOG_TITLE[kind]
        path = self._choose(title, f"Action log{SUFFIX[kind]}", kind)
        if path is None:
            return
        db, rows = self.shell.db, list(entries)
        self.runner.run(
            title,
            path,
            lambda progress: exporting.export_action_log(
                db, path, rows, open_only=open_only, confidential=confidential, progress=progress
            ),
            self._written,
        )
