"""Minute references from a pattern and a counter, and the council year they run through."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_app.core.procedure.bodies import Body, BodyKind, ExclusionLaw, Quorum
from clerk_app.core.procedure.exclusion import exclusion_wording
from clerk_app.core.procedure.numbering import (
    MinuteNumbering,
    NumberingMode,
    PatternError,
    check_pattern,
    council_year,
    derived_numbers,
    format_reference,
)
from clerk_app.core.procedure.quorum import quorum_needed


@pytest.mark.parametrize(
    ("pattern", "number", "year", "expected"),
    [
        ("{yy}/{n}", 123, 2024, "24/123"),
        ("DSFRA/{n}", 33, 2023, "DSFRA/33"),
        ("C{n:3}/{yy}", 48, 2023, "C048/23"),
        ("PLA{n}/{yy}", 146, 2014, "PLA146/14"),
        ("{n}", 7, 2024, "7"),
        ("{yyyy}-{n:2}", 5, 2009, "2009-05"),
    ],
)
def test_patterns_place_the_counter_and_the_year(
    pattern: str, number: int, year: int, expected: str
) -> None:
    check_pattern(pattern)
    assert format_reference(pattern, number, year) == expected


@pytest.mark.parametrize("pattern", ["24/", "{x}/{n}", "{n", "{yy}"])
def test_a_pattern_without_a_place_for_the_number_is_refused(pattern: str) -> None:
    with pytest.raises(PatternError):
        check_pattern(pattern)


def test_the_council_year_starts_in_may_unless_told() -> None:
    assert council_year(dt.date(2025, 4, 30), 5) == 2024
    assert council_year(dt.date(2025, 5, 1), 5) == 2025
    assert council_year(dt.date(2025, 3, 31), 4) == 2024
    assert council_year(dt.date(2025, 4, 1), 4) == 2025


def test_typed_references_stay_and_the_counter_runs_past_them() -> None:
    numbering = MinuteNumbering(NumberingMode.CONTINUOUS, "{yy}/{n}")
    typed = ["", "", "Urgent 1", ""]
    got = derived_numbers(numbering, typed, dt.date(2024, 9, 1), start=40)
    assert got == ["24/41", "24/42", "Urgent 1", "24/44"]
    per_meeting = MinuteNumbering(NumberingMode.PER_MEETING)
    assert derived_numbers(per_meeting, ["", ""], dt.date(2024, 9, 1), start=40) == ["1", "2"]
    as_typed = MinuteNumbering()
    assert derived_numbers(as_typed, ["77", ""], dt.date(2024, 9, 1), 40) == ["77", ""]


def test_quorum_is_a_number_or_a_share_with_a_minimum() -> None:
    assert quorum_needed(Quorum(fixed=4), 30) == 4
    assert quorum_needed(Quorum(None, 1, 3, 3), 7) == 3  # 7/3 rounds up to 3
    assert quorum_needed(Quorum(None, 1, 3, 3), 51) == 17
    assert quorum_needed(Quorum(None, 1, 4, 3), 8) == 3  # two is below the minimum
    assert quorum_needed(Quorum(None, 1, 2, 3), 9) == 5


def test_exclusion_wording_follows_the_body_law() -> None:
    england = exclusion_wording(Body("Cabinet"), "3")
    assert "section 100A(4) of the Local Government Act 1972" in england
    assert "paragraph 3 of Part 1 of Schedule 12A" in england
    assert "paragraphs 1, 3 of" in exclusion_wording(Body("Cabinet"), "1, 3")
    parish = Body("Ashby Parish Council", BodyKind.PARISH, exclusion_law=ExclusionLaw.PARISH)
    assert "Admission to Meetings) Act 1960, section 1(2)" in exclusion_wording(parish, "")
    wales = Body(
        "Cyngor",
        exclusion_law=ExclusionLaw.CUSTOM,
        exclusion_text="Exclude the public under paragraph {paragraphs} of Schedule 12A.",
    )
    assert (
        exclusion_wording(wales, "14") == "Exclude the public under paragraph 14 of Schedule 12A."
    )
