"""The write-ahead log kept safe: checkpoints now and then, and a vanished log repaired.

See store/wal.py for why.  The window calls ``watch`` once per database, ``checkpoint`` when
typing pauses or has gone on a while, and ``repair`` when ``vanished`` says the log file on
disk is no longer the one being written.
"""

from __future__ import annotations

from collections.abc import Iterable

from clerk_app.core.text import clean_text
from clerk_app.store import edits
from clerk_app.store.database import Database
from clerk_app.store.edits import StaleEditError
from clerk_app.store.errors import StorageUnavailable
from clerk_app.store.guards import LockedMeetingError
from clerk_app.store.wal import Checkpoint, WalWatch

__all__ = ["Checkpoint", "WalWatch", "repair", "watch"]


def watch(db: Database) -> WalWatch:
    """Start watching ``db``'s log (noting the file in use now)."""
    watcher = WalWatch(db)
    watcher.start()
    return watcher


def repair(watcher: WalWatch, texts: Iterable[tuple[int, str]]) -> bool:
    """Save the old log into the database file, reopen, and write ``texts`` (point id, text
    as on screen) again in one transaction.  True if everything is in the file now."""
    done = watcher.recover()
    try:
        with watcher.db.unit_of_work() as uow:
            for point_id, text in texts:
                try:
                    # Both refusals come before anything is changed, so the rest still commit.
                    edits.set_point_text(uow.session, point_id=point_id, text=clean_text(text))
                except (StaleEditError, LockedMeetingError):
                    continue  # gone from the file, or approved: nothing to write it into
            uow.commit()
    except StorageUnavailable:
        return False
    return done is not None and done.complete
