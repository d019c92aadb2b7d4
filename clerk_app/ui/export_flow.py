"""Ctrl+E / Ctrl+P: choose a file, export the saved meeting to it with a progress dialog.

The exporter (``clerk_app.export.files``) is imported only when asked for: it pulls in
python-docx and Typst, which the live window never needs.  What is exported is the meeting
as stored (re-read after a flush), the same thing ``clerk-app export`` would write.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from clerk_app.core.document import suggested_file_name
from clerk_app.core.model import Meeting
from clerk_app.store.database import Database

SUFFIX = {"docx": ".docx", "pdf": ".pdf"}
FILTER = {"docx": "Word document (*.docx)", "pdf": "PDF document (*.pdf)"}

PathChooser = Callable[[QWidget, str, str, str], str]


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path


def suggested_name(meeting: Meeting, kind: str, *, confidential: bool = False) -> str:
    return suggested_file_name(meeting, SUFFIX[kind], confidential=confidential)


def export_interactively(
    parent: QWidget,
    db: Database,
    meeting: Meeting,
    kind: str,
    *,
    folder: Path,
    choose: PathChooser = ask_save_path,
) -> Path | None:
    """Ask where, export with progress, report errors in a dialog; the path written or None."""
    title = "Export Word" if kind == "docx" else "Export PDF"
    chosen = choose(parent, title, str(folder / suggested_name(meeting, kind)), FILTER[kind])
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != SUFFIX[kind]:
        path = path.with_name(path.name + SUFFIX[kind])
    from clerk_app.export.files import ExportError
    from clerk_app.services.exporting import export_minutes

    assert meeting.id is not None  # a stored meeting
    progress = QProgressDialog(f"Writing {path.name}…", "", 0, 0, parent)
    progress.setWindowTitle(title)
    progress.setCancelButton(None)  # the exporter cannot be interrupted halfway
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def on_progress(done: int, total: int) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(min(done, max(total, 1)))
        QApplication.processEvents()

    try:
        # Through the service, as the command line does: a draft exported is a draft circulated,
        # and the history keeps it to compare with what is approved.
        export_minutes(db, meeting.id, path, confidential=False, progress=on_progress)
    except ExportError as exc:
        progress.close()
        QMessageBox.critical(parent, title, str(exc))
        return None
    progress.close()
    return path
