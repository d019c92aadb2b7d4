"""Damaging database files as disks and crashes do: an emptied file, a zeroed page."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clerk_app.services import meetings
from clerk_app.store.database import open_database
from tests.samples import planning_meeting


def settled_database(path: Path, *, meetings_count: int = 30) -> None:
    """A real Clerk file with some meetings, checkpointed so every page is in the main file."""
    db = open_database(path)
    for _ in range(meetings_count):
        meetings.create_meeting(db, planning_meeting())
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")  # no -wal/-shm left: the file alone is the data
    conn.close()


def data_page(path: Path) -> int:
    """A page deep in the file (the last but one): table rows, not the header on page 1."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA page_count").fetchone()[0]) - 1
    finally:
        conn.close()


def zero_page(path: Path, page: int) -> None:
    """Overwrite one page with zeros, as a failing disk sector or a torn write leaves it."""
    with path.open("r+b") as handle:
        size = int.from_bytes(handle.read(18)[16:18], "big")
        page_size = 65536 if size == 1 else size
        handle.seek((page - 1) * page_size)
        handle.write(b"\x00" * page_size)
