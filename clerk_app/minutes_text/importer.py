"""Plain-text minutes in, a Meeting out: the importer behind ``clerk-app import FILE``.

The format is FORMAT.md's: optional header lines, then agenda items ("42.<tab>TITLE",
"77/24 Title", "OSC 12/24 Title", or "Agenda item" with the title on the next line), each
with an introduction, lettered points and roman sub-points, decisions and supporting
documents.  ``clerk_app.minutes_text.writer.write_minutes`` writes the same format; the grammar the
two share is in ``lines.py`` (items), ``headers.py`` and ``attendance.py`` (the header).

Text that cannot be understood is never dropped: it is kept as a paragraph (of the item's
introduction, a point, or the meeting's notes) and reported as an :class:`ImportWarning`
naming its line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from clerk_app.core.model import LabelStyle, Meeting, Status
from clerk_app.core.text import clean_line
from clerk_app.minutes_text.decoding import NotText, decode
from clerk_app.minutes_text.reader import MinutesReader
from clerk_app.minutes_text.summary import ImportWarning, summarise

__all__ = [
    "ImportResult",
    "ImportWarning",
    "MinutesFileError",
    "read_minutes",
    "read_minutes_file",
]

# Control characters other than tab and newline, and lone surrogates: never text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Larger than any minutes (a year of a busy committee's is under 2 MB): refused before it is
# read, as a 50 MB file once took 1.8 GB of memory to import.
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass
class ImportResult:
    meeting: Meeting
    warnings: list[ImportWarning]


class MinutesFileError(Exception):
    """Bad input file: str(exc) is a clear one-line message naming the file and what is wrong."""


def read_minutes(
    text: str, *, committee: str | None = None, date: dt.date | None = None
) -> ImportResult:
    """Read minutes from ``text``.  ``committee`` and ``date`` win over the file's header."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    reader = MinutesReader(_CONTROL.sub("", text).split("\n"))
    reader.run()
    header = reader.headers.header
    warnings = list(reader.warnings)

    if committee is not None:
        name = clean_line(committee)
    elif header.committee is not None:
        name = header.committee
    else:
        name = ""
        warnings.append(
            ImportWarning(0, "no committee in the file; left blank (give --committee NAME)")
        )
    day = date or header.date
    if day is None:
        day = dt.date.today()
        warnings.append(
            ImportWarning(
                0, "no meeting date in the file; used today's date (give --date YYYY-MM-DD)"
            )
        )
    end_time = header.end_time
    if reader.ended is not None:
        line, ended = reader.ended
        if end_time is None:
            end_time = ended
        elif end_time != ended:
            warnings.append(
                ImportWarning.at(line, "this end time differs from the header's; kept the header's")
            )

    meeting = Meeting(
        committee=name,
        date=day,
        council=header.council,
        start_time=header.start_time,
        end_time=end_time,
        venue=header.venue,
        status=header.status or Status.DRAFT,
        label_style=header.label_style or reader.style or LabelStyle.DOT,
        attendees=header.attendees,
        items=reader.items,
        notes="\n".join(header.kept + reader.notes),
        approved_on=header.approved_on,
    )
    if not reader.items:
        # Never refused for want of a heading: every line is kept in the notes, and each
        # one that was not understood has its own warning already.
        warnings.append(
            ImportWarning(
                0,
                "no agenda item found (a heading such as '42.<tab>TITLE' or '77/24 Title');"
                " the text is kept in the meeting's notes",
            )
        )
    if reader.draft_mark and header.status is Status.APPROVED:
        warnings.append(ImportWarning(0, "the file is marked DRAFT but its status is approved"))
    warnings.sort(key=lambda warning: warning.line)
    return ImportResult(meeting=meeting, warnings=summarise(warnings))


def read_minutes_file(
    path: Path, *, committee: str | None = None, date: dt.date | None = None
) -> ImportResult:
    """Read minutes from a file: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows'
    cp1252, which is what Word's "Plain Text" gives on Windows (decoding.py)."""
    try:
        decoded = decode(_read_bytes(path))
    except NotText as exc:
        raise MinutesFileError(f"{path}: {exc}") from None
    if not decoded.text.strip():
        raise MinutesFileError(f"{path}: the file is empty")
    result = read_minutes(decoded.text, committee=committee, date=date)
    if decoded.warnings:
        warnings = sorted(decoded.warnings + result.warnings, key=lambda warning: warning.line)
        result.warnings = summarise(warnings)
    return result


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise MinutesFileError(f"{path}: no such file")
    if path.is_dir():
        raise MinutesFileError(f"{path}: is a folder, not a minutes file")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise MinutesFileError(
                f"{path}: is {size / 1024 / 1024:.0f} MB, too large for minutes"
                f" (Clerk reads files of up to {MAX_FILE_BYTES // 1024 // 1024} MB)"
            )
        return path.read_bytes()
    except PermissionError:
        raise MinutesFileError(f"{path}: cannot be read (permission denied)") from None
    except OSError as exc:
        raise MinutesFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
