"""Exporting a meeting's minutes, as the window's Ctrl+E / Ctrl+P and ``clerk-app export`` do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from clerk_app.core.model import Status
from clerk_app.export.targets import Protected
from clerk_app.services import archive, meetings
from clerk_app.store.backups import backup_folder
from clerk_app.store.database import Database

# Files SQLite and Clerk keep beside the database: replacing any of them loses minutes.
_SIDE_FILES = ("-wal", "-shm", "-journal", ".lock", ".restoring")


def protected_files(database: Path) -> Protected:
    """What no export may write over: the database, its side files, backups and kept copies."""
    files = [database] + [database.with_name(database.name + side) for side in _SIDE_FILES]
    folder = database.parent
    for pattern in (".before-migration-*", ".replaced-*"):
        # The copies made before a migration and by a restore: backups in all but name.
        files.extend(folder.glob(f"{_glob_escape(database.stem)}{pattern}"))
    return Protected(files=tuple(files), folders=(backup_folder(database),))


def _glob_escape(text: str) -> str:
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in text)


def export_minutes(
    db: Database,
    meeting_id: int,
    path: Path,
    *,
    confidential: bool = False,
    action_log: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the minutes to ``path`` (.docx, .pdf or .txt); ExportError says what went wrong.

    Never written over the database, its side files or its backups (see export/targets.py).
    Exporting a draft is how it is circulated, so the draft as exported is kept as a revision:
    later, the approved minutes can be compared with what members were sent.
    """
    meeting = meetings.load_meeting(db, meeting_id)
    # Imported here: the exporters pull in python-docx or reportlab, which most commands skip.
    from clerk_app.export.files import export_meeting

    written = export_meeting(
        meeting,
        path,
        confidential=confidential,
        action_log=action_log,
        progress=progress,
        protected=protected_files(db.path),
    )
    if meeting.status is Status.DRAFT:
        archive.mark_circulated(db, meeting_id, meeting=meeting)
    return written
