"""The open database as the window and the command line hold it, and the errors it raises.

Callers outside the store keep a ``Database`` only to hand it back to services; they catch
these errors to tell the clerk what went wrong, without knowing how the store works
(``environment_fault`` tells SQLite's environment errors from bugs, ``creation_race`` a
database another process is creating at this moment).
"""

from __future__ import annotations

from clerk_app.store.database import Database
from clerk_app.store.errors import (
    DamagedDatabaseError,
    DatabaseError,
    NewerDatabaseError,
    StorageUnavailable,
    UnknownMeetingError,
)
from clerk_app.store.faults import creation_race, environment_fault
from clerk_app.store.paths import resolve_database_path

__all__ = [
    "DamagedDatabaseError",
    "Database",
    "DatabaseError",
    "NewerDatabaseError",
    "StorageUnavailable",
    "UnknownMeetingError",
    "creation_race",
    "environment_fault",
    "resolve_database_path",
]
