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


def read_only_uri(path: Path) -> str:
    """The SQLite URI that opens ``path`` with mode=ro, so that nothing can write to it."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    wal = path.with_name(f"{path.name}-wal")
    if not wal.exists():
        # No log beside the file: everything is in the main file (a closed database, or one
        # on read-only media).  Read it as it stands, so that SQLite makes no -wal or -shm
        # file beside it: a command that only reads leaves the folder as it found it.  While
        # another process writes, its log exists and the ordinary read-only mode sees it.
        uri += "&immutable=1"
    return uri
