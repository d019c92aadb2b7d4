"""Exporting to a file: the format chosen by suffix, written atomically, failures explained.

The file is written beside its target under a temporary name and renamed into place only when
complete, so a full disk, a locked file or a crash never leaves half a document where the old
one was.  ``ExportError`` is for the environment's faults and bad target paths, with a message
a clerk can act on; anything else is a bug and propagates unchanged (after the temporary file
is removed).  The Word and PDF libraries are imported only when that format is asked for.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from clerk_app.core.blocks import MinutesDocument
from clerk_app.core.model import Meeting
from clerk_app.export import parts
from clerk_app.export.targets import (
    NOTHING,
    Protected,
    TargetRefused,
    check_protected,
    check_replaceable,
)

Progress = Callable[[int, int], None]

MINUTES_SUFFIXES = (".docx", ".pdf", ".html")
ACTIONS_SUFFIXES = (".docx", ".pdf")
# Characters Windows forbids in file names: refused everywhere, because minutes written on
# Linux or a Mac often end up on a council's Windows file share.
_FORBIDDEN = set('<>:"|?*') | {chr(c) for c in range(32)}
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)}
_NAME_BYTES = 255  # the longest file name most file systems accept
_WINDOWS_PATH = 259  # MAX_PATH less the terminating NUL


class ExportError(Exception):
    """The environment's fault or a bad target path: str(exc) is a clear one-line message for
    the clerk (names the file and what to do)."""


def check_name(path: Path, suffixes: tuple[str, ...]) -> str:
    """The format's suffix, after refusing names no common file system would accept."""
    name = path.name
    bad = sorted({ch for ch in name if ch in _FORBIDDEN})
    if bad:
        shown = " ".join(repr(ch)[1:-1] if ord(ch) < 32 else ch for ch in bad)
        raise ExportError(
            f"Cannot export to {name!r}: file names cannot contain {shown}; choose another name."
        )
    if name.rstrip(" .") != name or name.split(".")[0].upper() in _RESERVED:
        raise ExportError(
            f"Cannot export to {name!r}: Windows does not allow that name (reserved, or ending "
            "in a dot or space); choose another."
        )
    if len(name.encode("utf-8")) > _NAME_BYTES:
        raise ExportError(
            f"Cannot export to {name[:40]}...: the file name is too long; choose a shorter one."
        )
    suffix = path.suffix.lower()
    if suffix not in suffixes:
        supported = ", ".join(suffixes[:-1]) + f" or {suffixes[-1]}"
        shown = f'"{path.suffix}"' if path.suffix else "no suffix"
        raise ExportError(f"Cannot export to {path.name}: it has {shown}; use {supported}.")
    if sys.platform == "win32" and len(str(path.absolute())) > _WINDOWS_PATH:
        raise ExportError(
            f"Cannot export to {name}: the full path is too long for Windows "
            f"({len(str(path.absolute()))} characters); choose a shorter folder or name."
        )
    return suffix


def _explain(exc: OSError, path: Path, stage: str) -> ExportError:
    """A clerk's message for an OS error met while creating, writing or replacing the file."""
    folder, name, code = path.parent, path.name, exc.errno
    if code == errno.ENOSPC or getattr(exc, "winerror", None) == 112:  # 112: disk full
        why = "the disk is full; free some space and export again"
    elif code == errno.ENAMETOOLONG:
        why = "the path is too long; choose a shorter folder or name"
    elif isinstance(exc, NotADirectoryError) or code == errno.ENOTDIR:
        why = f"{folder} is a file, not a folder; choose a folder"
    elif isinstance(exc, FileNotFoundError):
        why = f"the folder {folder} does not exist; create it or choose another"
    elif isinstance(exc, IsADirectoryError):
        why = f"{path} is a folder; choose a file name"
    elif code == errno.EROFS:
        why = f"{folder} is on a read-only disk; choose another folder"
    elif isinstance(exc, PermissionError) and stage == "replace":
        return ExportError(
            f"Cannot save {name}: it is open in another program (Word?) or read-only: "
            "close it and export again."
        )
    elif isinstance(exc, PermissionError):
        why = f"the folder {folder} is read-only or you may not write there; choose another"
    else:
        why = f"{exc.strerror or type(exc).__name__}; check the folder and export again"
    return ExportError(f"Cannot save {name}: {why}.")


def write_atomically(
    path: Path, write: Callable[[BinaryIO], None], *, protected: Protected = NOTHING
) -> Path:
    """Run ``write`` on a temporary file beside ``path``, then rename it into place.

    Refused (ExportError) when ``path`` is ``protected`` (the database, its side files, its
    backups) or not a plain writable file; checked again just before the rename, since the
    export may take a while."""
    path = Path(path)
    _check_target(path, protected)
    parts.sweep(path.parent)  # hidden files left by exports that were killed
    temporary = parts.part_name(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        # 0o666 less the user's umask: the same permissions as any file they save.
        descriptor = os.open(temporary, flags, 0o666)
    except OSError as exc:
        raise _explain(exc, path, "create") from exc
    parts.lock(descriptor)
    stage = "write"
    try:
        with os.fdopen(descriptor, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())  # on disk before the rename makes it the real file
        _check_target(path, protected)
        stage = "replace"
        os.replace(temporary, path)
    except OSError as exc:
        _discard(temporary)
        if exc.filename is not None and str(exc.filename) not in (str(temporary), str(path)):
            # Not about the file being written (a renderer could not read one of its own
            # files): a bug or a broken installation, not the clerk's folder. Fail loudly.
            raise
        raise _explain(exc, path, stage) from exc
    except BaseException:
        _discard(temporary)
        raise
    return path


def _check_target(path: Path, protected: Protected) -> None:
    try:
        check_protected(path, protected)
        check_replaceable(path)
    except TargetRefused as exc:
        raise ExportError(str(exc)) from exc


def _discard(temporary: Path) -> None:
    try:
        temporary.unlink()
    except OSError:
        pass  # already gone, or the disk has vanished: nothing more can be done


def _font_problem(exc: Exception, path: Path) -> ExportError:
    return ExportError(f"Cannot make {path.name}: {exc}; reinstall Clerk or export to Word.")


def export_meeting(
    meeting: Meeting,
    path: Path,
    *,
    confidential: bool = False,
    action_log: bool = False,
    progress: Progress | None = None,
    author: str = "",
    template: Path | None = None,
    warn: Callable[[str], None] | None = None,
    protected: Protected = NOTHING,
    pdf_template: Path | None = None,
    laid_out: Callable[[], bytes] | None = None,
) -> Path:
    """Write .docx / .pdf / .html chosen by path's suffix (case-insensitive).

    The public version (exempt items reduced to stubs) unless ``confidential``; with
    ``action_log`` the Word and PDF versions end with a table of actions.  ``author`` names
    the clerk in the properties; ``template`` is a Word reference template and ``pdf_template``
    a Typst one (``warn`` hears why one could not be used: Clerk's default is used instead).
    ``protected``: files the export must never replace (see targets.py).  Returns the path
    written; raises ExportError.  (Plain text is the minutes format's own writer,
    in ``clerk_app.minutes_text``; the exporting service sends .txt there.)

    ``laid_out``: for a .pdf, the PDF's bytes already laid out from this same meeting and
    these options (services/pdf_ahead.py): written as they are, and its errors are reported
    as the PDF writer's would be.
    """
    path = Path(path)
    suffix = check_name(path, MINUTES_SUFFIXES)
    if suffix == ".pdf" and laid_out is not None:
        made = laid_out
        return _pdf_file(path, lambda stream: _write_bytes(stream, made()), protected)
    from clerk_app.core.document import compose

    document = compose(meeting, confidential=confidential, action_log=action_log, author=author)
    if suffix == ".docx" and template is not None:
        from clerk_app.export.docx import write_docx

        return write_atomically(
            path,
            lambda stream: write_docx(document, stream, progress, template=template, warn=warn),
            protected=protected,
        )
    return _render(document, path, suffix, progress, protected, pdf_template, warn)


def export_actions(
    meetings: Meeting | Iterable[Meeting],
    path: Path,
    *,
    confidential: bool = False,
    open_only: bool = False,
    progress: Progress | None = None,
    protected: Protected = NOTHING,
) -> Path:
    """Write the "actions only" document of one meeting or several (.docx or .pdf).

    Actions of exempt items are left out unless ``confidential``; ``open_only`` leaves out
    actions marked done.
    """
    from clerk_app.core.action_table import compose_actions

    path = Path(path)
    suffix = check_name(path, ACTIONS_SUFFIXES)
    chosen = [meetings] if isinstance(meetings, Meeting) else list(meetings)
    document = compose_actions(chosen, confidential=confidential, open_only=open_only)
    return _render(document, path, suffix, progress, protected)


def _render(
    document: MinutesDocument,
    path: Path,
    suffix: str,
    progress: Progress | None,
    protected: Protected,
    pdf_template: Path | None = None,
    warn: Callable[[str], None] | None = None,
) -> Path:
    if suffix == ".docx":
        from clerk_app.export.docx import write_docx

        return write_atomically(
            path, lambda stream: write_docx(document, stream, progress), protected=protected
        )
    if suffix == ".html":
        from clerk_app.export.html import write_html

        return write_atomically(
            path, lambda stream: write_html(document, stream, progress), protected=protected
        )

    from clerk_app.export.pdf import write_pdf

    return _pdf_file(
        path,
        lambda stream: write_pdf(document, stream, progress, template=pdf_template, warn=warn),
        protected,
    )


def _write_bytes(stream: BinaryIO, data: bytes) -> None:
    stream.write(data)


def _pdf_file(path: Path, write: Callable[[BinaryIO], None], protected: Protected) -> Path:
    """``write`` the PDF atomically to ``path``, saying in a sentence why it could not be."""
    from clerk_app.export.pdf import InstallationError, TemplateError

    try:
        return write_atomically(path, write, protected=protected)
    except InstallationError as exc:
        raise _font_problem(exc, path) from exc
    except TemplateError as exc:
        raise ExportError(
            f"Cannot lay out {path.name} as PDF ({str(exc)[:80]}); export to Word instead "
            "and report this."
        ) from exc
