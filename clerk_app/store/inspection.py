"""Reading what a database file is (kind, schema revision, identity, health) without changing it.

Every check here opens the file read-only.  Where no ``-wal`` file exists beside it, the file is
opened ``immutable`` as well: SQLite then creates no ``-wal``/``-shm`` files, so looking at a
file that is then refused leaves nothing behind.  (With no ``-wal`` there is no uncommitted or
uncheckpointed data for SQLite to read, so the immutable view is the whole file; a writer that
starts meanwhile writes into a new ``-wal``, not the file, until it checkpoints.)
The record of a file Clerk left sound (``<database>.checked``) lives here too: it spares the
full page check at most opens.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from clerk_app.store.errors import DamagedDatabaseError

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileFacts:
    """What a database file holds, as read before opening it for real."""

    exists: bool
    revision: str | None  # None: no Clerk schema (a new or empty file)
    has_tables: bool
    identity: int  # PRAGMA user_version: Clerk's random id for this database; 0 if unset
    checked_now: bool = False  # quick_check read every page just now (and found them sound)


def side_file(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


@contextmanager
def read_only_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that can neither change ``path`` nor leave ``-wal``/``-shm`` files."""
    uri = path.resolve().as_uri()
    pending = side_file(path, "-wal").exists()
    conn = sqlite3.connect(f"{uri}?mode=ro" if pending else f"{uri}?mode=ro&immutable=1", uri=True)
    try:
        yield conn
    finally:
        conn.close()


def is_empty(path: Path) -> bool:
    """An existing file with nothing in it (and no write-ahead log holding its pages)."""
    if path.stat().st_size:
        return False
    wal = side_file(path, "-wal")
    return not (wal.exists() and wal.stat().st_size)


def inspect(path: Path, *, check: bool = True) -> FileFacts:
    """Facts about ``path``; raises DamagedDatabaseError for anything Clerk must not touch.

    Refused: a 0-byte file (a database emptied by a crash or a faulty copy, not a new one), a
    file that is not SQLite, and, with ``check``, one whose pages fail ``PRAGMA quick_check``.
    """
    if not path.exists():
        return FileFacts(exists=False, revision=None, has_tables=False, identity=0)
    if is_empty(path):
        raise DamagedDatabaseError(
            path,
            f"{path} is empty (0 bytes), as a database emptied by a crash or a failed copy "
            "is; it was left as it is",
        )
    if path.stat().st_size:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_MAGIC:
                raise DamagedDatabaseError(
                    path,
                    f"{path} is not a Clerk database (it is not an SQLite file); "
                    "it was left as it is",
                )
    try:
        with read_only_connection(path) as conn:
            tables = {
                str(name)
                for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = None if row is None else str(row[0])
            elif tables:
                raise DamagedDatabaseError(
                    path, f"{path} is an SQLite file but not a Clerk database; it was left as it is"
                )
            identity = int(conn.execute("PRAGMA user_version").fetchone()[0])
            checked_now = check and not known_sound(path)
            if checked_now:
                problem = quick_check(conn)
                if problem is not None:
                    raise DamagedDatabaseError(
                        path, f"{path} is damaged ({problem}); it was left as it is"
                    )
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(
            path, f"{path} is damaged and cannot be read ({exc}); it was left as it is"
        ) from exc
    return FileFacts(
        exists=True,
        revision=revision,
        has_tables=bool(tables),
        identity=identity,
        checked_now=checked_now,
    )


def file_stamp(path: Path) -> str | None:
    """Which bytes the file holds, as the file system tells it; None while a WAL has content.

    Device, inode, size and both times: a copy put in place, a sync tool, a restore or any
    write by another program changes at least one (the change time cannot be set back).
    """
    wal = side_file(path, "-wal")
    if wal.exists() and wal.stat().st_size:
        return None  # pages beside the file: only a full check can say they are sound
    st = path.stat()
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"


def known_sound(path: Path) -> bool:
    """Whether Clerk last closed this very file itself, after it had been checked sound.

    quick_check reads every page: ~0.8 s for ten years of minutes, most of the window's
    start-up.  So it is skipped only for a file exactly as Clerk left it at a clean close of a
    session that began from a checked file; anything else (a crash, a copy, another program,
    a file from elsewhere) is checked in full.  The backup thread runs quick_check again
    before every backup, so even damage that leaves no trace in the file's times is found
    within the session.
    """
    stamp = file_stamp(path)
    try:
        return stamp is not None and side_file(path, ".checked").read_text("ascii") == stamp
    except (OSError, ValueError):
        return False


_DAMAGED = "damaged"


def remember_sound(path: Path) -> None:
    """Record that the file, as it is now, was left by Clerk sound (see known_sound).

    Not after the backup thread found it damaged during the session (mark_damaged).
    """
    stamp = file_stamp(path)
    record = side_file(path, ".checked")
    partial = side_file(path, ".checked.partial")
    try:
        if record.exists() and record.read_text("ascii") == _DAMAGED:
            return
        if stamp is None:
            record.unlink(missing_ok=True)
            return
        partial.write_text(stamp, "ascii")
        partial.replace(record)
    except (OSError, ValueError):
        pass  # only costs a full check at the next open


def forget_sound(path: Path, *, damaged: bool = False) -> None:
    """The file must be checked in full at its next open; ``damaged``: and never trusted
    again until a full check at an open for writing passes (a restored file, say)."""
    record = side_file(path, ".checked")
    try:
        if damaged:
            record.write_text(_DAMAGED, "ascii")
        else:
            record.unlink(missing_ok=True)
    except OSError:
        pass  # the times will differ anyway once anything is written


def quick_check(conn: sqlite3.Connection) -> str | None:
    """None if SQLite's quick_check finds every page sound, else its first complaint.

    quick_check reads every page and checks the b-tree structure, but skips the index-vs-table
    comparison of integrity_check: a zeroed or torn page is found, at a fraction of the cost.
    """
    rows = conn.execute("PRAGMA quick_check(1)").fetchall()
    first = str(rows[0][0]) if rows else "no answer"
    if first == "ok":
        return None
    # SQLite prefixes "*** in database main ***" and a line break; the clerk gets one line.
    lines = [line for line in first.splitlines() if line.strip() and not line.startswith("***")]
    return "; ".join(lines) or first.strip()


def check_file(path: Path) -> str | None:
    """quick_check of a file on disk, read-only; None if sound, else what is wrong."""
    try:
        with read_only_connection(path) as conn:
            return quick_check(conn)
    except sqlite3.DatabaseError as exc:
        return str(exc)


def holds_meetings(path: Path) -> bool:
    """Whether the database (a backup, typically) has at least one meeting in it; read-only."""
    try:
        with read_only_connection(path) as conn:
            return conn.execute("SELECT 1 FROM meetings LIMIT 1").fetchone() is not None
    except sqlite3.DatabaseError:
        return False
