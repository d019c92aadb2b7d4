"""Exporting a meeting's minutes, as the window's Ctrl+E / Ctrl+P and ``clerk-app export`` do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from clerk_app.core.model import Meeting, Status
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
    # Imported here: the exporters pull in python-docx or reportlab, which most commands skip.
    from clerk_app.export.files import MINUTES_SUFFIXES, check_name, export_meeting

    if check_name(Path(path), (*MINUTES_SUFFIXES, TEXT)) == TEXT:
        written = _export_text(meeting, Path(path), confidential=confidential)
        if progress is not None:
            progress(1, 1)
    else:
        written = export_meeting(
            meeting, path, confidential=confidential, action_log=action_log, progress=progress
        )
    if meeting.status is Status.DRAFT:
        archive.mark_circulated(db, meeting_id, meeting=meeting)
    return written


TEXT = ".txt"


def _export_text(meeting: Meeting, path: Path, *, confidential: bool) -> Path:
    """Plain-text minutes: the format's own writer, written as atomically as Word and PDF."""
    from clerk_app.core.exempt import public_meeting
    from clerk_app.export.files import write_atomically
    from clerk_app.minutes_text.writer import write_minutes

    data = write_minutes(meeting if confidential else public_meeting(meeting)).encode("utf-8")

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    return write_atomically(path, write)
