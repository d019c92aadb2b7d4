"""Automatic backups: consistent copies taken with SQLite's backup API, kept for some days.

Backups live in a ``backups`` folder beside the database, named for the database and the
moment (``clerk.2025-03-11T19-02-13.db``), so that a clerk can find them with a file manager
too.  Taking one while the window writes is safe: the backup API copies a consistent snapshot.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from clerk_app.store.errors import DatabaseError
from clerk_app.store.inspection import check_file, forget_sound, holds_meetings

DEFAULT_KEEP_DAYS = 30
_STAMP = "%Y-%m-%dT%H-%M-%S"
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<stamp>\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d)(?:-\d+)?\.db$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime
    size: int


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of ``source`` at ``target``, made with SQLite's backup API.

    The source is opened read-only, so copying never changes it, however damaged it is."""
    reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        writer = sqlite3.connect(target)
        try:
            reader.backup(writer)
        finally:
            writer.close()
    finally:
        reader.close()


def backup_folder(database: Path) -> Path:
    return database.parent / "backups"


# Files SQLite and Clerk keep beside the database: replacing any of them loses minutes.
_SIDE_FILES = ("-wal", "-shm", "-journal", ".lock", ".restoring")


def database_files(database: Path) -> tuple[list[Path], Path]:
    """The database, its side files and the copies kept beside it (before a migration, by a
    restore), and the folder of its backups: what nothing else may ever write over."""
    files = [database] + [database.with_name(database.name + side) for side in _SIDE_FILES]
    for pattern in (".before-migration-*", ".replaced-*"):
        files.extend(database.parent.glob(f"{glob.escape(database.stem)}{pattern}"))
    return files, backup_folder(database)


def take_backup(database: Path, *, now: dt.datetime | None = None) -> Path:
    """Copy ``database`` into its backup folder; returns the new file's path.

    A database that fails SQLite's quick_check is not copied: a damaged backup would push a
    good one out of the retention window and be offered for restoring.
    """
    problem = check_file(database) if database.exists() else "the file does not exist"
    if problem is not None:
        if database.exists():
            forget_sound(database, damaged=True)  # the session's clean close must not vouch
        raise DatabaseError(database, f"{database} was not backed up: it is damaged ({problem})")
    moment = (now or dt.datetime.now()).replace(microsecond=0)
    folder = backup_folder(database)
    try:
        folder.mkdir(exist_ok=True)
        target = folder / f"{database.stem}.{moment.strftime(_STAMP)}.db"
        n = 1
        while target.exists():
            target = folder / f"{database.stem}.{moment.strftime(_STAMP)}-{n}.db"
            n += 1
        partial = target.with_suffix(".db.partial")
        copy_database(database, partial)
        # A half-written backup must never be mistaken for a good one.
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        for leftover in folder.glob("*.partial"):
            leftover.unlink(missing_ok=True)
        raise DatabaseError(database, f"could not back up {database} into {folder}: {exc}") from exc
    return target


def list_backups(database: Path) -> list[Backup]:
    """This database's backups, newest first."""
    found = []
    folder = backup_folder(database)
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or match["stem"] != database.stem:
            continue
        taken = dt.datetime.strptime(match["stamp"], _STAMP)
        found.append(Backup(path, taken, path.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def prune_backups(
    database: Path, *, keep_days: int = DEFAULT_KEEP_DAYS, now: dt.datetime | None = None
) -> list[Path]:
    """Delete backups older than ``keep_days``, always keeping the newest one, and the newest
    one that holds any meetings (the newest may be of a file emptied or started afresh)."""
    cutoff = (now or dt.datetime.now()) - dt.timedelta(days=keep_days)
    removed = []
    found = list_backups(database)
    kept = newest_with_meetings(found)
    for backup in found[1:]:
        if backup.taken_at < cutoff and backup is not kept:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def newest_with_meetings(backups: list[Backup]) -> Backup | None:
    """The first of ``backups`` (newest first) holding a meeting; each is read read-only."""
    return next((b for b in backups if holds_meetings(b.path)), None)


def restore_backup(database: Path, backup: Path) -> Path:
    """Put ``backup`` in place of ``database``; the current file is kept beside it first.

    Returns where the replaced database was kept.  Nothing is lost: a restore can be undone
    by restoring the kept copy.
    """
    if not backup.is_file():
        raise DatabaseError(database, f"there is no backup {backup}")
    with backup.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise DatabaseError(database, f"{backup} is not a Clerk backup")
    stamp = dt.datetime.now().strftime(_STAMP)
    kept = database.with_name(f"{database.stem}.replaced-{stamp}{database.suffix}")
    staging = database.with_name(database.name + ".restoring")
    try:
        copy_database(backup, staging)
        if database.exists():
            os.replace(database, kept)
            for suffix in ("-wal", "-shm"):
                side = database.with_name(database.name + suffix)
                if side.exists():
                    os.replace(side, kept.with_name(kept.name + suffix))
        os.replace(staging, database)
    except (OSError, sqlite3.Error) as exc:
        staging.unlink(missing_ok=True)
        raise DatabaseError(database, f"could not restore {backup}: {exc}") from exc
    return kept
