"""Exporting a meeting's minutes, as the window's Ctrl+E / Ctrl+P and ``clerk-app export`` do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from clerk_app.core.model import Status
from clerk_app.services import archive, meetings
from clerk_app.store.database import Database


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

    Exporting a draft is how it is circulated, so the draft as exported is kept as a revision:
    later, the approved minutes can be compared with what members were sent.
    """
    meeting = meetings.load_meeting(db, meeting_id)
    # Imported here: the exporters pull in python-docx or Typst, which most commands skip.
    from clerk_app.export.files import export_meeting

    written = export_meeting(
        meeting, path, confidential=confidential, action_log=action_log, progress=progress
    )
    if meeting.status is Status.DRAFT:
        archive.mark_circulated(db, meeting_id, meeting=meeting)
    return written
