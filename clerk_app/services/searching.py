"""Searching every meeting: the window's Ctrl+F and ``clerk-app search`` both call this."""

from __future__ import annotations

from clerk_app.core.search_query import (
    QuerySyntaxError,
    SearchFilters,
    parse_query,
    split_filters,
)
from clerk_app.store import search as store
from clerk_app.store.database import Database
from clerk_app.store.search import SearchHit

__all__ = ["QuerySyntaxError", "SearchFilters", "SearchHit", "search", "split_filters"]


def search(
    db: Database,
    query: str,
    *,
    limit: int = 50,
    include_exempt: bool = False,
    filters: SearchFilters | None = None,
) -> list[SearchHit]:
    """Hits for ``query``, best first; QuerySyntaxError (a sentence) for a malformed query.

    Filter words in the query (``year:2024``, ``committee:housing``, ``resolved``,
    ``actions:open``) narrow it, together with ``filters`` (the dialog's fields).  Public by
    default: exempt items are searched only when ``include_exempt`` is given.
    """
    words, typed = split_filters(query)
    terms = parse_query(words)
    narrowed = typed if filters is None else filters.narrowed_by(typed)
    with db.session() as session:
        return store.search(
            session, terms, limit=limit, include_exempt=include_exempt, filters=narrowed
        )
