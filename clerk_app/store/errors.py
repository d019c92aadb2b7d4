"""What can go wrong with a database file that is the environment's fault, not a bug."""

from __future__ import annotations

from pathlib import Path


class DatabaseError(Exception):
    """A database file cannot be used; ``str()`` is a one-line message for the clerk."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


class UnknownMeetingError(LookupError):
    """No meeting has that id; ``str()`` says so in a sentence."""


class NewerDatabaseError(DatabaseError):
    """Written by a newer Clerk: refused, and left exactly as it was."""


class DamagedDatabaseError(DatabaseError):
    """Not a Clerk database, or damaged: left exactly as it was."""


class StorageUnavailable(Exception):
    """A write could not reach the disk (disk full, read-only file or folder, file locked).

    The environment's fault: nothing was written, the transaction was rolled back, and the
    same write can be tried again later.  ``str()`` is a sentence for the clerk.
    """


def describe_write_failure(detail: str) -> str:
    """The clerk's words for what SQLite said when a write failed."""
    lowered = detail.lower()
    if "full" in lowered:
        return "the disk is full: free some space and Clerk will save what you typed"
    if "readonly" in lowered or "read-only" in lowered or "permission" in lowered:
        return "the database file or its folder is read-only: Clerk cannot save there"
    if "locked" in lowered or "busy" in lowered:
        return "another program is holding the database: Clerk will keep trying to save"
    if "disk i/o" in lowered or "i/o error" in lowered:
        return "the disk reported an error: Clerk will keep trying to save"
    return f"the database could not be written ({detail})"
