"""Exporting a meeting's minutes, as the window's Ctrl+E / Ctrl+P and ``clerk-app export`` do."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from clerk_app.core.action_entries import ActionEntry
from clerk_app.core.model import Meeting, Status
from clerk_app.export.files import ExportError
from clerk_app.services import archive, bodies, identity, meetings
from clerk_app.services.database import Database, DatabaseError, StorageUnavailable
from clerk_app.services.export_rules import protected_files


@dataclass(frozen=True)
class Exported:
    """A file written, the meeting as it went into it, and why a house-style template could
    not be used (one sentence each; Clerk's default style was used instead)."""

    path: Path
    meeting: Meeting
    warnings: tuple[str, ...] = ()


def export_minutes(
    db: Database,
    meeting_id: int,
    path: Path,
    *,
    confidential: bool = False,
    action_log: bool = False,
    progress: Callable[[int, int], None] | None = None,
    author: str | None = None,
    template: Path | None = None,
    warn: Callable[[str], None] | None = None,
    pdf_template: Path | None = None,
) -> Exported:
    """Write the minutes to ``path`` (.docx, .pdf, .html or .txt); ExportError says what went
    wrong.

    ``author`` is the clerk's name setting (the OS user's full name when it is empty);
    ``template`` a Word reference template, ``pdf_template`` a Typst one; when not given, the
    meeting's body's house style (``clerk-app body NAME --word-template``).  ``warn`` hears why
    one could not be used (Clerk's default is used instead), as ``Exported.warnings`` do.

    Only reads the database: a read-only window, or a file another process is writing, can
    export.  Noting that a draft was circulated is ``record_circulated``, a separate step.
    Never written over the database, its side files or its backups (see export/targets.py).
    (``clerk-app export`` to PDF usually goes by services/pdf_ahead.py instead.)
    """
    meeting = meetings.load_meeting(db, meeting_id)
    # The exporters import python-docx or Typst only when a format is asked for.
    from clerk_app.export.files import MINUTES_SUFFIXES, check_name, export_meeting

    warnings: list[str] = []

    def heard(message: str) -> None:
        warnings.append(message)
        if warn is not None:
            warn(message)

    if template is None or pdf_template is None:
        body_word, body_pdf = bodies.house_style(db, meeting.body_id)
        template = body_word if template is None else template
        pdf_template = body_pdf if pdf_template is None else pdf_template

    if check_name(Path(path), (*MINUTES_SUFFIXES, TEXT)) == TEXT:
        written = _export_text(meeting, Path(path), confidential=confidential, db=db)
        if progress is not None:
            progress(1, 1)
    else:
        written = export_meeting(
            meeting,
            path,
            confidential=confidential,
            action_log=action_log,
            progress=progress,
            author=identity.author_name(author),
            template=template,
            warn=heard,
            protected=protected_files(db.path),
            pdf_template=pdf_template,
        )
    return Exported(written, meeting, tuple(warnings))


def record_circulated(db: Database, exported: Exported) -> str | None:
    """Exporting a draft is how it is circulated: keep the draft as exported, so that the
    approved minutes can later be compared with what members were sent.

    Returns a warning when that cannot be written (the database is read-only here, or busy
    or full): the exported file is good all the same, so this never fails the export.
    """
    meeting = exported.meeting
    if meeting.status is not Status.DRAFT or meeting.id is None:
        return None
    if db.read_only:
        return (
            f"{exported.path.name} is written; this window is read-only, so the history does "
            "not record that this draft was circulated"
        )
    try:
        archive.mark_circulated(db, meeting.id, meeting=meeting)
    except (StorageUnavailable, DatabaseError) as exc:
        return (
            f"{exported.path.name} is written, but the history could not record that this "
            f"draft was circulated: {exc}"
        )
    return None


__all__ = ["ExportError", "Exported", "export_action_log", "export_minutes"]

TEXT = ".txt"


def _export_text(meeting: Meeting, path: Path, *, confidential: bool, db: Database) -> Path:
    """Plain-text minutes: the format's own writer, written as atomically as Word and PDF."""
    from clerk_app.core.exempt import public_meeting
    from clerk_app.core.procedure.references import with_references
    from clerk_app.export.files import write_atomically
    from clerk_app.minutes_text.writer import write_minutes

    # The text has no body to derive minute references from: it carries them as printed.
    printed = with_references(meeting if confidential else public_meeting(meeting))
    data = write_minutes(printed).encode("utf-8")
    protected = protected_files(db.path)
    return write_atomically(path, lambda stream: _write(stream, data), protected=protected)


def export_action_log(
    db: Database,
    path: Path,
    entries: Sequence[ActionEntry],
    *,
    open_only: bool,
    confidential: bool,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """The action tracker's rows to ``path``: .csv for a spreadsheet, or .docx / .pdf with each
    row's meeting read once.  Rows of exempt items only if ``confidential``."""
    from clerk_app.export.files import check_name, export_actions, write_atomically
    from clerk_app.services.action_tracker import to_csv

    shown = [e for e in entries if confidential or not e.exempt]
    if check_name(Path(path), (".csv", ".docx", ".pdf")) == ".csv":
        # With a byte-order mark: without it Excel on Windows reads "Zoë" as "ZoÃ«".
        data = ("\ufeff" + to_csv(shown)).encode("utf-8")
        protected = protected_files(db.path)
        return write_atomically(path, lambda stream: _write(stream, data), protected=protected)
    ids = list(dict.fromkeys(e.meeting_id for e in shown if e.meeting_id is not None))
    loaded = []
    for done, meeting_id in enumerate(ids):
        loaded.append(meetings.load_meeting(db, meeting_id))
        if progress is not None:
            progress(done + 1, len(ids))
    return export_actions(
        loaded,
        path,
        confidential=confidential,
        open_only=open_only,
        progress=progress,
        protected=protected_files(db.path),
    )


def _write(stream: BinaryIO, data: bytes) -> None:
    stream.write(data)  # write_atomically wants a function that returns nothing
