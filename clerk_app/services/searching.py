"""Searching every meeting: the window's Ctrl+F and ``clerk-app search`` both call this."""

from __future__ import annotations

from clerk_app.core.search_query import QuerySyntaxError, parse_query
from clerk_app.store import search as store
from clerk_app.store.database import Database
from clerk_app.store.search import SearchHit

__all__ = ["QuerySyntaxError", "SearchHit", "search"]


def search(
    db: Database, query: str, *, limit: int = 50, include_exempt: bool = False
) -> list[SearchHit]:
    """Hits for ``query``, best first; QuerySyntaxError (a sentence) for a malformed query.

    Public by default: exempt items are searched only when ``include_exempt`` is given.
    """
    terms = parse_query(query)
    with db.session() as session:
        return store.search(session, terms, limit=limit, include_exempt=include_exempt)
