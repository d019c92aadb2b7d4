"""The schema versions this Clerk knows, so opening a current file needs no Alembic import.

Importing Alembic costs ~460 ms; reading one row costs well under one.  A test checks that these
match the migration scripts, so they cannot drift apart.
"""

from __future__ import annotations

KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
)
HEAD = KNOWN_REVISIONS[-1]
