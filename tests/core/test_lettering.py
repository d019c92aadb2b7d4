"""Labels come from position: letters past z, roman numerals, every label style."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.core.lettering import (
    letters,
    letters_to_index,
    point_label,
    reference_label,
    resolution_label,
    roman,
    roman_to_index,
    subpoint_label,
)
from clerk_app.core.model import LabelStyle, Numbering


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (0, "a"),
        (8, "i"),
        (25, "z"),
        (26, "aa"),
        (27, "ab"),
        (51, "az"),
        (52, "ba"),
        (701, "zz"),
        (702, "aaa"),
    ],
)
def test_letters_run_past_z_like_spreadsheet_columns(index: int, expected: str) -> None:
    assert letters(index) == expected


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (0, "i"),
        (1, "ii"),
        (3, "iv"),
        (4, "v"),
        (8, "ix"),
        (13, "xiv"),
        (39, "xl"),
        (48, "xlix"),
        (1993, "mcmxciv"),
    ],
)
def test_roman(index: int, expected: str) -> None:
    assert roman(index) == expected


@given(st.integers(min_value=0, max_value=20_000))
def test_letters_and_roman_invert(index: int) -> None:
    assert letters_to_index(letters(index)) == index
    assert roman_to_index(roman(index)) == index


def test_inverses_reject_what_is_not_a_label() -> None:
    assert letters_to_index("A") is None
    assert letters_to_index("é") is None
    assert roman_to_index("iiii") is None  # not canonical
    assert roman_to_index("vx") is None


def test_negative_index_is_a_bug() -> None:
    with pytest.raises(ValueError):
        letters(-1)
    with pytest.raises(ValueError):
        roman(-1)


@pytest.mark.parametrize(
    ("style", "point", "sub"),
    [
        (LabelStyle.DOT, "c.", "ii."),
        (LabelStyle.PAREN, "(c)", "(ii)"),
        (LabelStyle.BRACKET, "c)", "ii)"),
        (LabelStyle.NUMBER, "3)", "ii)"),
        (LabelStyle.DECIMAL, "8.3", "8.3.2"),
    ],
)
def test_label_styles(style: LabelStyle, point: str, sub: str) -> None:
    label = point_label(style, 2, "8")
    assert label == point
    assert subpoint_label(style, 1, label) == sub


def test_decimal_style_takes_the_running_number_of_a_minute_number() -> None:
    assert point_label(LabelStyle.DECIMAL, 0, "77/24") == "77.1"
    assert point_label(LabelStyle.DECIMAL, 1, "OSC 12/24") == "12.2"


@pytest.mark.parametrize(
    ("numbering", "labels"),
    [
        (Numbering.ROMAN, ["i.", "ii.", "iii."]),
        (Numbering.NUMBER, ["1.", "2.", "3."]),
        (Numbering.PAREN_LETTER, ["(a)", "(b)", "(c)"]),
    ],
)
def test_resolution_numbering(numbering: Numbering, labels: list[str]) -> None:
    assert [resolution_label(numbering, i) for i in range(3)] == labels


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (LabelStyle.DOT, ("c.", "c.ii.")),
        (LabelStyle.PAREN, ("(c)", "(c)(ii)")),
        (LabelStyle.NUMBER, ("3)", "3)ii)")),
        # decimal sub-points already carry their parent: "8.3.2", not "8.38.3.2"
        (LabelStyle.DECIMAL, ("8.3", "8.3.2")),
    ],
)
def test_reference_labels_cite_a_point_out_of_its_list(
    style: LabelStyle, expected: tuple[str, str]
) -> None:
    assert (reference_label(style, 2, None, "8"), reference_label(style, 2, 1, "8")) == expected
