"""Exporting the action log from the tracker: Word and PDF through ``export_actions``, or CSV.

CSV is the rows the tracker shows (its filters included), written atomically as UTF-8 with a
byte-order mark: without it Excel on Windows reads "Zoë" as "ZoÃ«".  Word and PDF are the
council's "actions" document for the meetings those rows come from (open actions only when
the tracker shows open ones), so letters and layout match the minutes.  Exempt items are
left out of every export unless the clerk ticks Confidential.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from clerk_app.core.model import Meeting
from clerk_app.services import meetings
from clerk_app.services.action_tracker import ActionEntry, to_csv
from clerk_app.store.database import Database
from clerk_app.ui.export_flow import PathChooser

SUFFIX = {"csv": ".csv", "docx": ".docx", "pdf": ".pdf"}
FILTER = {
    "csv": "CSV for Excel (*.csv)",
    "docx": "Word document (*.docx)",
    "pdf": "PDF document (*.pdf)",
}
TITLE = {
    "csv": "Export action log (CSV)",
    "docx": "Export action log (Word)",
    "pdf": "Export action log (PDF)",
}


def csv_bytes(entries: list[ActionEntry]) -> bytes:
    return "\ufeff".encode() + to_csv(entries).encode("utf-8")


def _progress(
    parent: QWidget, title: str, label: str
) -> tuple[QProgressDialog, Callable[[int, int], None]]:
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)  # the exporter cannot stop halfway
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)

    def step(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        QApplication.processEvents()

    return dialog, step


def export_log(
    parent: QWidget,
    db: Database,
    kind: str,
    entries: list[ActionEntry],
    *,
    open_only: bool,
    confidential: bool,
    folder: Path,
    choose: PathChooser,
) -> Path | None:
    """Ask where, write the log; the path written, or None (cancelled or failed, said why)."""
    title = TITLE[kind]
    shown = [e for e in entries if confidential or not e.exempt]
    chosen = choose(parent, title, str(folder / f"Action log{SUFFIX[kind]}"), FILTER[kind])
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != SUFFIX[kind]:
        path = path.with_name(path.name + SUFFIX[kind])
    # Imported when asked: the exporters pull in python-docx and reportlab.
    from clerk_app.export import files
    from clerk_app.services.exporting import protected_files

    protected = protected_files(db.path)  # never over the database, its logs or backups
    progress, step = _progress(parent, title, f"Writing {path.name}…")
    try:
        if kind == "csv":
            data = csv_bytes(shown)

            def write(stream: BinaryIO) -> None:
                stream.write(data)

            files.write_atomically(path, write, protected=protected)
        else:
            chosen_meetings = _meetings_of(db, shown, step)
            files.export_actions(
                chosen_meetings,
                path,
                confidential=confidential,
                open_only=open_only,
                progress=step,
                protected=protected,
            )
    except files.ExportError as exc:
        progress.close()
        QMessageBox.critical(parent, title, str(exc))
        return None
    progress.close()
    return path


def _meetings_of(
    db: Database, entries: list[ActionEntry], step: Callable[[int, int], None]
) -> list[Meeting]:
    """The meetings the rows come from, newest first, each loaded whole once."""
    ids = list(dict.fromkeys(e.meeting_id for e in entries if e.meeting_id is not None))
    loaded = []
    for done, meeting_id in enumerate(ids):
        loaded.append(meetings.load_meeting(db, meeting_id))
        step(done + 1, len(ids))
    return loaded
