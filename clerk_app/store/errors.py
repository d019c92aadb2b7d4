"""What can go wrong with a database file that is the environment's fault, not a bug."""

from __future__ import annotations

from pathlib import Path


class DatabaseError(Exception):
    """A database file cannot be used; ``str()`` is a one-line message for the clerk."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


class NewerDatabaseError(DatabaseError):
    """Written by a newer Clerk: refused, and left exactly as it was."""


class DamagedDatabaseError(DatabaseError):
    """Not a Clerk database, or damaged: left exactly as it was."""
