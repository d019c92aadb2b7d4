"""Cleaning pasted text: what goes, what stays."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from clerk_app.core.text import clean_line, clean_text


def test_control_characters_and_surrogates_go() -> None:
    assert clean_text("a\x00b\x1bc\x7fd\x85e\ud83d") == "abcde"


def test_line_breaks_are_normalised_and_blank_lines_dropped() -> None:
    assert clean_text("one\r\ntwo\r\r three  \n\n") == "one\ntwo\nthree"
    assert clean_line("one\r\ntwo\tthree") == "one two three"


def test_what_people_write_is_kept_exactly() -> None:
    kept = (
        "Zoë Ó Briain, Łukasz Wójcik, Łódź 👩🏽‍💼 العربية שלום e\u0301 a\u00a0b"
        " <b>&amp;</b> {{ }} %s"
    )
    assert clean_line(kept) == kept


@given(st.text())
def test_cleaning_is_idempotent_and_encodable(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    once.encode("utf-8")  # raises on a lone surrogate
    assert "\r" not in once and "\x00" not in once
