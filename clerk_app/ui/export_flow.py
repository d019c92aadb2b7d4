"""Ctrl+E / Ctrl+P: choose a file, export the saved meeting to it with a progress dialog.

The exporter (``clerk_app.export.files``) is imported only when asked for: it pulls in
python-docx and reportlab, which the live window never needs.  What is exported is the meeting
as stored (re-read after a flush), the same thing ``clerk-app export`` would write.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from clerk_app.core.model import Meeting

SUFFIX = {"docx": ".docx", "pdf": ".pdf"}
FILTER = {"docx": "Word document (*.docx)", "pdf": "PDF document (*.pdf)"}

PathChooser = Callable[[QWidget, str, str, str], str]


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path


def suggested_name(meeting: Meeting, kind: str) -> str:
    safe = "".join(c if c.isalnum() or c in " -" else " " for c in meeting.committee).strip()
    return f"{safe or 'Minutes'} {meeting.date.isoformat()}{SUFFIX[kind]}"


def export_interactively(
    parent: QWidget,
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
    try:
        from clerk_app.export import files
    except ImportError:
        QMessageBox.warning(parent, title, "Export is not available in this version of Clerk.")
        return None
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
        files.export_meeting(meeting, path, confidential=False, progress=on_progress)
    except files.ExportError as exc:
        progress.close()
        QMessageBox.critical(parent, title, str(exc))
        return None
    progress.close()
    return path
