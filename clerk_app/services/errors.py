"""The errors a database raises, and where it is, without loading the store's machinery.

The command line imports these before it knows which command runs: importing them must not
import SQLAlchemy (a quarter of a second), which ``services.database`` does.
"""

from __future__ import annotations

from clerk_app.store.errors import (
    DamagedDatabaseError,
    DatabaseError,
    NewerDatabaseError,
    StorageUnavailable,
    UnknownMeetingError,
)
from clerk_app.store.paths import resolve_database_path

__all__ = [
    "DamagedDatabaseError",
    "DatabaseError",
    "NewerDatabaseError",
    "StorageUnavailable",
    "UnknownMeetingError",
    "resolve_database_path",
]
