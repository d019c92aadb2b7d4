"""Filter words in a search: year:, committee:, from:/to:, resolved and actions:open."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_app.core.search_query import QuerySyntaxError, SearchFilters, split_filters


def test_filter_words_leave_the_words_to_find() -> None:
    words, filters = split_filters("damp mould resolved year:2024 committee:Housing")
    assert words == "damp mould"
    assert filters == SearchFilters(
        committee="housing",
        date_from=dt.date(2024, 1, 1),
        date_to=dt.date(2024, 12, 31),
        decisions_only=True,
    )
    assert filters.describe() == "Housing, 2024, decisions"


def test_quoted_words_and_ranges() -> None:
    words, filters = split_filters(
        '"resolved" actions:open from:1/4/2024 to:31.3.25 committee:"housing panel"'
    )
    assert words == '"resolved"'  # quoted: a word to find
    assert filters.open_actions_only and not filters.decisions_only
    assert (filters.date_from, filters.date_to) == (dt.date(2024, 4, 1), dt.date(2025, 3, 31))
    assert filters.committee == "housing panel"
    assert split_filters("rent year:2024-2022")[1].date_from == dt.date(2022, 1, 1)


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("rent year:20x4", "year:2024"),
        ("rent committee:", "committee:housing"),
        ("rent from:31/2/2024", "not a day"),
    ],
)
def test_a_bad_filter_says_how_to_write_it(query: str, says: str) -> None:
    with pytest.raises(QuerySyntaxError, match=says):
        split_filters(query)


def test_the_dialog_and_the_query_narrow_together() -> None:
    dialog = SearchFilters(committee="housing", date_from=dt.date(2024, 1, 1))
    typed = split_filters("x year:2025 resolved")[1]
    both = dialog.narrowed_by(typed)
    assert both.committee == "housing" and both.date_from == dt.date(2025, 1, 1)
    assert both.decisions_only
