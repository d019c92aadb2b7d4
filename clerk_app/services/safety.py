"""Keeping the minutes safe: automatic backups and restoring one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from clerk_app.store.backups import (
    DEFAULT_KEEP_DAYS,
    Backup,
    list_backups,
    prune_backups,
    restore_backup,
    take_backup,
)

__all__ = [
    "DEFAULT_KEEP_DAYS",
    "Backup",
    "automatic_backup",
    "list_backups",
    "prune_backups",
    "restore",
    "take_backup",
]

# During a long meeting a fresh copy every so often bounds what a damaged file could cost.
PERIOD = dt.timedelta(minutes=15)


def automatic_backup(
    database: Path,
    *,
    keep_days: int = DEFAULT_KEEP_DAYS,
    now: dt.datetime | None = None,
    prune: bool = True,
) -> Path | None:
    """Back up unless the newest backup is recent; prune old ones.  None if none was needed.

    ``prune=False`` for a session that began from a new database: old backups may then be
    the only copies of the minutes that file should have held, so none is deleted.
    """
    if not database.exists() or database.stat().st_size == 0:
        return None
    moment = now or dt.datetime.now()
    existing = list_backups(database)
    if existing and moment - existing[0].taken_at < PERIOD:
        return None
    taken = take_backup(database, now=moment)
    if prune:
        prune_backups(database, keep_days=keep_days, now=moment)
    return taken


def restore(database: Path, backup: Path) -> Path:
    """Restore ``backup`` over ``database``; returns where the replaced file was kept."""
    return restore_backup(database, backup)
