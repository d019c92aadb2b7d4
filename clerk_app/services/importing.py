"""Bringing minutes in: a plain-text or Word (.docx) file read and stored as a new meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from clerk_app.minutes_text.importer import MinutesFileError, read_minutes_file
from clerk_app.services import meetings
from clerk_app.services.database import Database

__all__ = ["Imported", "MinutesFileError", "import_minutes", "new_meeting_from_agenda"]


@dataclass(frozen=True)
class Imported:
    meeting_id: int
    warnings: list[str]  # one sentence each, naming the line where there is one


def import_minutes(
    db: Database, path: Path, *, committee: str | None = None, date: dt.date | None = None
) -> Imported:
    """Read ``path`` (Word if it ends .docx, else plain text) and store it as a new meeting
    (one transaction); MinutesFileError says why a file cannot be read at all, and nothing
    is stored then."""
    if path.suffix.lower() == ".docx":
        from clerk_app.importing.word import read_word_file  # python-docx only when needed

        result = read_word_file(path, committee=committee, date=date)
    else:
        result = read_minutes_file(path, committee=committee, date=date)
    meeting_id = meetings.create_meeting(db, result.meeting)
    return Imported(meeting_id, [warning.message for warning in result.warnings])


def new_meeting_from_agenda(
    db: Database, path: Path, *, committee: str | None = None, date: dt.date | None = None
) -> Imported:
    """A new meeting from a published agenda (.docx or .pdf): its items, numbers, titles,
    pack pages and recommendations as draft resolutions; MinutesFileError if unreadable."""
    from clerk_app.importing.agenda import read_agenda_file

    result = read_agenda_file(path, committee=committee, date=date)
    meeting_id = meetings.create_meeting(db, result.meeting)
    return Imported(meeting_id, result.warnings)
