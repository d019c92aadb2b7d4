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
