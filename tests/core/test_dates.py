"""Dates typed as a clerk types them."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_app.core.dates import DateError, parse_date

MAY_12 = dt.date(2026, 5, 12)


@pytest.mark.parametrize(
    "typed",
    [
        "12/05/2026",
        "12 May 2026",
        "12.5.26",
        "12/5/26",
        "2026-05-12",
        "Tuesday 12th May 2026",
        " 12-5-2026 ",
        "12 may 26",
        "12 May",
    ],
)
def test_the_ways_a_clerk_types_a_date(typed: str) -> None:
    assert parse_date(typed, today=dt.date(2026, 1, 3)) == MAY_12


@pytest.mark.parametrize("typed", ["31/02/2026", "12 Mayday 2026", "tomorrow", "", "12/13/2026"])
def test_what_is_not_a_date_says_how_to_type_one(typed: str) -> None:
    with pytest.raises(DateError):
        parse_date(typed)
