"""Telling SQLite's complaints about the environment apart from bugs, for callers above store."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import OperationalError

from clerk_app.store.errors import describe_write_failure


def environment_fault(exc: BaseException) -> str | None:
    """The clerk's sentence for an SQLite operational error (disk, lock, permissions, a file
    that is not a database), or None for anything else, which is a bug."""
    if not isinstance(exc, OperationalError | sqlite3.OperationalError):
        return None
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    return describe_write_failure(detail)


def creation_race(exc: BaseException) -> bool:
    """Whether opening failed because another process was creating the same file's tables."""
    if environment_fault(exc) is None and not _wraps_one(exc):
        return False
    text = str(exc)
    return "already exists" in text or "database is locked" in text


def _wraps_one(exc: BaseException) -> bool:
    # open_database wraps some of SQLite's errors in a DatabaseError naming the file.
    return environment_fault(exc.__cause__) is not None if exc.__cause__ else False
