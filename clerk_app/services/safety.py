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
from clerk_app.store.errors import DatabaseError
from clerk_app.store.instance_lock import DatabaseInUse, InstanceLock

__all__ = [
    "DEFAULT_KEEP_DAYS",
    "Backup",
    "InstanceLock",
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


def restore(database: Path, backup: Path, *, held: InstanceLock | None = None) -> Path:
    """Restore ``backup`` over ``database``; returns where the replaced file was kept.

    Refused (DatabaseError naming the holder) while another process holds the database's
    instance lock: a window editing it would go on writing into the file set aside, showing
    "Saved" all the while.  ``held`` is the caller's own lock (the window restoring the
    database it has open); otherwise the lock is taken for the length of the restore, so no
    window can open the file half-way through.
    """
    if held is not None and held.held:
        return restore_backup(database, backup)
    lock = InstanceLock(database)
    try:
        lock.acquire()
    except DatabaseInUse as exc:
        who = exc.holder.describe() if exc.holder else "another Clerk window"
        raise DatabaseError(
            database,
            f"cannot restore {backup}: {database} is open for editing by {who}; "
            "close that window, then restore again",
        ) from exc
    except OSError:
        # No lock file can be made (a read-only folder): nothing can open the database for
        # editing either, and the restore's own writes will say what is wrong.
        pass
    try:
        return restore_backup(database, backup)
    finally:
        lock.release()
