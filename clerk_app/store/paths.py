"""Where the database lives: --db, then $CLERK_DB, then the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "CLERK_DB"
DB_NAME = "clerk.db"


def default_database_path() -> Path:
    # platformdirs is imported here, not at module level: only the default path needs it.
    from platformdirs import user_data_path

    return user_data_path("Clerk", appauthor=False) / DB_NAME


def resolve_database_path(explicit: str | os.PathLike[str] | None) -> tuple[Path, bool]:
    """The database path to use, and whether it is the default (whose folder we may create)."""
    if explicit:
        return Path(explicit).expanduser(), False
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser(), False
    return default_database_path(), True
