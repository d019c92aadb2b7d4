"""Ctrl+E / Ctrl+P / Export HTML: choose a file, export the saved meeting to it, with progress.

The exporter (``clerk_app.export.files``) is imported only when asked for: it pulls in
python-docx and reportlab, which the live window never needs.  What is exported is the meeting
as stored (re-read after a flush), the same thing ``clerk-app export`` would write.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from clerk_app.core.model import Meeting
from clerk_app.services.identity import CLERK_NAME_KEY, os_full_name
from clerk_app.store.database import Database

SUFFIX = {"docx": ".docx", "pdf": ".pdf", "html": ".html"}
FILTER = {
    "docx": "Word document (*.docx)",
    "pdf": "PDF document (*.pdf)",
    "html": "Web page (*.html)",
}
TITLE = {"docx": "Export Word", "pdf": "Export PDF", "html": "Export HTML"}

PathChooser = Callable[[QWidget, str, str, str], str]


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path


def suggested_name(meeting: Meeting, kind: str) -> str:
    safe = "".join(c if c.isalnum() or c in " -" else " " for c in meeting.committee).strip()
    return f"{safe or 'Minutes'} {meeting.date.isoformat()}{SUFFIX[kind]}"


def export_interactively(
    parent: QWidget,
    db: Database,
    meeting: Meeting,
    kind: str,
    *,
    folder: Path,
    choose: PathChooser = ask_save_path,
    author: str = "",
) -> Path | None:
    """Ask where, export with progress, report errors in a dialog; the path written or None.

    ``author`` is the clerk's name setting (empty: the OS user's full name).
    """
    title = TITLE[kind]
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
        export_minutes(
            db, meeting.id, path, confidential=False, progress=on_progress, author=author
        )
    except ExportError as exc:
        progress.close()
        QMessageBox.critical(parent, title, str(exc))
        return None
    progress.close()
    return path


def ask_clerk_name(parent: QWidget, settings: QSettings) -> None:
    """File > Your name on documents: the author written into exported minutes."""
    current = str(settings.value(CLERK_NAME_KEY, "") or "") or os_full_name()
    name, accepted = QInputDialog.getText(
        parent,
        "Your name on documents",
        "The name exported minutes give as their author\n(empty: your computer account's name):",
        text=current,
    )
    if accepted:
        settings.setValue(CLERK_NAME_KEY, name.strip())
