"""Which files an export may replace: never the database, its side files or its backups.

An export ends by renaming a new file over its target, so a target that is the open database
(a database called ``minutes.pdf``, or ``--to`` naming it), its ``-wal``/``-shm``/``.lock``
files, or a backup would be replaced by the export and the minutes lost.  Paths are compared
by their resolved real path *and* by file identity (device and inode), so neither a symlink,
a hard link nor a second name for the folder gets past.  Targets that are not plain files a
clerk could mean to overwrite (devices, pipes, symlinks, read-only files) are refused too.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path


class TargetRefused(Exception):
    """str(exc) is a one-line message for the clerk; files.ExportError wraps it."""


@dataclass(frozen=True)
class Protected:
    """Files and folders an export must never write over (built by services.exporting)."""

    files: tuple[Path, ...] = ()
    folders: tuple[Path, ...] = ()
    why: str = "Clerk's own database"


NOTHING = Protected()


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _real(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return path.absolute()


def _same_file(target: Path, other: Path) -> bool:
    if _real(target) == _real(other):
        return True
    mine = _identity(target)
    if mine is not None and mine == _identity(other):
        return True  # a hard link, or the same file reached through another mount
    # Not there yet (a -wal that comes and goes): the same name in the same folder.
    folder = _identity(target.parent)
    return target.name == other.name and folder is not None and folder == _identity(other.parent)


def _inside(target: Path, folder: Path) -> bool:
    real_folder = _real(folder)
    if _real(target).is_relative_to(real_folder):
        return True
    parent = _identity(target.parent)
    return parent is not None and parent == _identity(folder)


def check_protected(target: Path, protected: Protected) -> None:
    """Raise TargetRefused if ``target`` is (or is inside) something ``protected``."""
    for kept in protected.files:
        if _same_file(target, kept):
            raise TargetRefused(
                f"Cannot export to {target}: that is {protected.why} ({kept.name}); "
                "choose another name."
            )
    for folder in protected.folders:
        if _inside(target, folder):
            raise TargetRefused(
                f"Cannot export to {target}: {folder} holds Clerk's backups; choose another folder."
            )


def check_replaceable(target: Path) -> None:
    """Raise TargetRefused unless ``target`` is absent or a plain file we may write over."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    except OSError:
        return  # the write itself will meet the problem and explain it
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        raise TargetRefused(
            f"Cannot export to {target}: it is a symbolic link, which the export would replace; "
            "export to the file it points to, or choose another name."
        )
    if stat.S_ISDIR(mode):
        raise TargetRefused(f"Cannot save to {target}: it is a folder; choose a file name.")
    if not stat.S_ISREG(mode):
        kind = (
            "a pipe (FIFO)"
            if stat.S_ISFIFO(mode)
            else "a socket"
            if stat.S_ISSOCK(mode)
            else "a device"
        )
        raise TargetRefused(
            f"Cannot export to {target}: it is {kind}, not a file; choose another name."
        )
    # Write bits rather than os.access: the latter says yes to an administrator, who should
    # still not silently replace a file someone marked read-only.
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise TargetRefused(
            f"Cannot export to {target}: the file is read-only; choose another name, "
            "or make it writable first."
        )
