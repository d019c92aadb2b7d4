"""The register of declarations of interest across meetings."""

from __future__ import annotations

from clerk_app.store import declarations as store
from clerk_app.store.database import Database
from clerk_app.store.declarations import RegisterEntry

__all__ = ["RegisterEntry", "register"]


def register(
    db: Database, *, member: str | None = None, include_exempt: bool = False
) -> list[RegisterEntry]:
    """Every declaration, oldest meeting first; ``member`` matches part of a name.  Those
    made on exempt items are left out, as from the public minutes, unless asked for."""
    with db.session() as session:
        entries = store.register(session, member)
    return [e for e in entries if include_exempt or not e.exempt]
