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
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

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
    """Checkpoints for one open database, and the identity of the log it writes into."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.path = db.path.with_name(db.path.name + "-wal")
        self._identity: tuple[int, int] | None = None

    def start(self) -> None:
        """Note the log file in use now (opening a connection first, which creates it)."""
        self.checkpoint("PASSIVE")
        self._identity = _identity(self.path)

    def vanished(self) -> bool:
        """True if the log file we started with is gone or another file has taken its name."""
        if self._identity is None or self.db.read_only:
            return False
        return _identity(self.path) != self._identity

    def checkpoint(self, mode: Mode = "PASSIVE") -> Checkpoint | None:
        """Copy the log into the database file; None if it could not run at all."""
        try:
            with self.db.engine.connect() as connection:
                row = connection.execute(text(f"PRAGMA wal_checkpoint({mode})")).one()
        except SQLAlchemyError:
            # The disk is full or the file unwritable: saving reports that on its own path;
            # the log still holds everything, and the next checkpoint tries again.
            return None
        return Checkpoint(busy=bool(row[0]), log_frames=int(row[1]), copied_frames=int(row[2]))

    def recover(self) -> Checkpoint | None:
        """After ``vanished``: save the open log into the database file, then start afresh.

        Every pooled connection still holds the old log open, so a checkpoint through one of
        them copies all that was committed into the database file.  Closing the connections
        lets the next one create a new log; its identity is noted for the next check.
        """
        done = self.checkpoint("FULL")
        self.db.engine.dispose()
        self.start()
        return done
