"""A draft's circulation noted with the standard library, for a PDF export that never loads
SQLAlchemy (services/pdf_ahead.py).

Exporting a draft is how it is circulated, and the history keeps it as sent:
``store/archive.take_revision`` with the reason "circulated".  ``clerk-app export ID --to
minutes.pdf`` reads and lays out the meeting without SQLAlchemy (``store/quick_read``), and
importing it only to write this one row cost a quarter of a second of a core on every export,
which a loaded machine feels.  This is the same rule in plain SQL, in one write transaction:
no new row when the last revision of the meeting is this very draft, circulated.  A test
writes it both ways and reads the rows back through the ORM.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from clerk_app.store.errors import StorageUnavailable, describe_write_failure
from clerk_app.store.schema_version import HEAD

REASON = "circulated"


def note_circulated(database: Path, meeting_id: int, content: str, now: dt.datetime) -> bool:
    """Keep ``content`` (the draft's ``core.snapshot.to_json``) as circulated at ``now``.

    True when the history holds it now (written, or already its latest revision); False when
    this file is not one to write to here (another schema revision, no such meeting): the
    caller says nothing was recorded.  Raises StorageUnavailable when the write cannot reach
    the disk (read-only, full, locked past the busy timeout, damaged)."""
    try:
        # The store's own settings for a writer: wait for another writer as long as it does,
        # and a commit survives a power cut (the file is in WAL mode already).
        connection = sqlite3.connect(database, timeout=5.0, isolation_level=None)
    except sqlite3.Error as exc:
        raise StorageUnavailable(describe_write_failure(str(exc))) from exc
    try:
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("BEGIN IMMEDIATE")
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        known = connection.execute("SELECT 1 FROM meetings WHERE id = ?", (meeting_id,))
        if revision != HEAD or known.fetchone() is None:
            connection.execute("ROLLBACK")
            return False
        last = connection.execute(
            "SELECT content, reason FROM revisions WHERE meeting_id = ?"
            " ORDER BY taken_at DESC, id DESC LIMIT 1",
            (meeting_id,),
        ).fetchone()
        if last != (content, REASON):
            connection.execute(
                "INSERT INTO revisions (meeting_id, taken_at, reason, content) VALUES (?, ?, ?, ?)",
                (meeting_id, _stored(now), REASON, content),
            )
        connection.execute("COMMIT")
        return True
    except sqlite3.Error as exc:
        # Whatever SQLite refuses here (a full or locked disk, a file damaged since it was
        # read) is said as a write failure: noting the circulation never fails the export.
        raise StorageUnavailable(describe_write_failure(str(exc))) from exc
    finally:
        connection.close()  # an open transaction is rolled back


def _stored(moment: dt.datetime) -> str:
    """A DateTime column's text as SQLAlchemy's SQLite dialect writes it (and reads it back)."""
    return moment.isoformat(sep=" ", timespec="microseconds")
