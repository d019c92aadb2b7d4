"""Dates typed as a clerk types them."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_app.core.dates import DateError, TimeError, parse_date, parse_time

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


@pytest.mark.parametrize(
    ("typed", "evening", "morning"),
    [
        ("7", dt.time(19), dt.time(7)),
        ("7.00", dt.time(19), dt.time(7)),
        ("7.", dt.time(19), dt.time(7)),
        ("7:30", dt.time(19, 30), dt.time(7, 30)),
        ("19.00", dt.time(19), dt.time(19)),
        ("7 pm", dt.time(19), dt.time(19)),
        ("10.15am", dt.time(10, 15), dt.time(10, 15)),
        ("12", dt.time(12), dt.time(12)),
        ("12 am", dt.time(0), dt.time(0)),
        ("noon", dt.time(12), dt.time(12)),
    ],
)
def test_times_as_typed(typed: str, evening: dt.time, morning: dt.time) -> None:
    assert parse_time(typed, afternoon=True) == evening
    assert parse_time(typed, afternoon=False) == morning


@pytest.mark.parametrize("typed", ["25", "7.75", "13 pm", "seven", ""])
def test_what_is_not_a_time(typed: str) -> None:
    with pytest.raises(TimeError):
        parse_time(typed)
