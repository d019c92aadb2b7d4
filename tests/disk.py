"""Simulating a full disk for real: SQLite's own ceiling on the database file's size.

``PRAGMA max_page_count`` makes every write that would grow the file fail with SQLITE_FULL,
"database or disk is full": the very error a full disk gives, through the very code path.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, text

from clerk_app.store.database import Database


@contextmanager
def disk_full(db: Database) -> Iterator[None]:
    """While inside, the database cannot grow by a single page; afterwards space 'returns'."""
    with db.engine.connect() as conn:
        # No free pages left inside the file either: the next write must grow it.
        conn.execute(text("VACUUM"))
        pages = int(conn.execute(text("PRAGMA page_count")).scalar() or 0)

    def ceiling(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    # Pooled connections were opened before the ceiling: drop them so every one gets it.
    db.engine.pool.dispose()
    event.listen(db.engine, "connect", ceiling)
    try:
        yield
    finally:
        event.remove(db.engine, "connect", ceiling)
        db.engine.pool.dispose()


@contextmanager
def unwritable(db: Database) -> Iterator[None]:
    """While inside, every write fails as on a read-only file ("attempt to write a readonly
    database"), as when a USB stick is pulled or a folder's permissions change."""

    def query_only(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA query_only = ON")

    db.engine.pool.dispose()
    event.listen(db.engine, "connect", query_only)
    try:
        yield
    finally:
        event.remove(db.engine, "connect", query_only)
        db.engine.pool.dispose()
