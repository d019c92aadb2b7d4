"""Checkpointing the write-ahead log, and noticing when its file vanishes under us.

Every commit lands in ``<database>-wal`` first; SQLite copies it into the database file only
at a checkpoint (by default after 1,000 pages, which a meeting's typing never reaches).  If
another program (a cleaner, a sync client, a clerk tidying the folder) deletes or replaces
the ``-wal`` file while the window has the database open, SQLite goes on writing into the
deleted file through its open handle, and a crash then loses the whole session.  So the
window checkpoints now and then, and after every save checks that the ``-wal`` file on disk
is still the one it started with (device and inode; a stat costs microseconds).  When it is
not, ``recover`` copies what the old, open log holds into the database file, closes every
connection, and lets the next use start a fresh log.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from clerk_app.store.database import Database

Mode = Literal["PASSIVE", "FULL", "TRUNCATE"]


@dataclass(frozen=True)
class Checkpoint:
    """What a checkpoint did: ``busy`` if it could not finish (a reader was in the way)."""

    busy: bool
    log_frames: int
    copied_frames: int

    @property
    def complete(self) -> bool:
        return not self.busy and self.copied_frames >= self.log_frames


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


class WalWatch:
    """Checkpoints for one open database, and the identity of the log it writes into.

    It keeps a connection of its own open from ``start`` to ``close``: the log is deleted
    when the last connection closes, so with this one open the database's pool may come and
    go without the log changing under us; and after the file vanished, this connection still
    holds the old log open, which is what a checkpoint must copy from.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.path = db.path.with_name(db.path.name + "-wal")
        self._identity: tuple[int, int] | None = None
        self._keeper: sqlite3.Connection | None = None

    def start(self) -> None:
        """Open our connection (which opens, or creates, the log), note the log's identity."""
        self.close()
        try:
            keeper = sqlite3.connect(self.db.path, isolation_level=None, check_same_thread=False)
            keeper.execute("PRAGMA busy_timeout=2000")
            keeper.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the log
        except sqlite3.Error:
            return  # unreadable now: saving reports the problem; nothing to watch
        self._keeper = keeper
        self._identity = _identity(self.path)
        self.checkpoint("PASSIVE")  # what came before (opening, migrating) into the file

    def vanished(self) -> bool:
        """True if the log file we started with is gone or another file has taken its name."""
        if self._identity is None or self.db.read_only:
            return False
        return _identity(self.path) != self._identity

    def checkpoint(self, mode: Mode = "PASSIVE") -> Checkpoint | None:
        """Copy the log into the database file; None if it could not run at all."""
        if self._keeper is None:
            return None
        try:
            row = self._keeper.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        except sqlite3.Error:
            # The disk is full or the file unwritable: saving reports that on its own path;
            # the log still holds everything, and the next checkpoint tries again.
            return None
        return Checkpoint(busy=bool(row[0]), log_frames=int(row[1]), copied_frames=int(row[2]))

    def recover(self) -> Checkpoint | None:
        """After ``vanished``: save the open log into the database file, then start afresh.

        Our connection (like every pooled one) still has the old log open, so a checkpoint
        through it copies all that was committed into the database file.  Then every
        connection is closed, and the next ones create a new log, noted for the next check.
        """
        done = self.checkpoint("FULL")
        self.close()
        self.db.engine.dispose()
        self.start()
        return done

    def close(self) -> None:
        if self._keeper is not None:
            self._keeper.close()
            self._keeper = None
        self._identity = None
