"""The register of declarations of interest across meetings."""

from __future__ import annotations

from clerk_app.store import declarations as store
from clerk_app.store.database import Database
from clerk_app.store.declarations import RegisterEntry

__all__ = ["RegisterEntry", "register"]


def register(db: Database, *, member: str | None = None) -> list[RegisterEntry]:
    """Every declaration, oldest meeting first; ``member`` matches part of a name."""
    with db.session() as session:
        return store.register(session, member)
