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


def _cleaned_the_long_way(text: str, *, multiline: bool = True) -> str:
    """What clean_text did before it had a quick path for text already clean."""
    import re

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\ud800-\udfff]", "", text)
    if not multiline:
        text = text.replace("\n", " ")
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", "", text.replace("\t", " "))
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


PASTED = st.lists(
    st.sampled_from(
        list("ab Zë\u00a0\u2028\u2029\ufffe\t\r\n\x00\x85\u200b\u3000") + ["\ud83d", "👩🏽‍💼"]
    )
).map("".join)


@given(st.one_of(st.text(), PASTED), st.booleans())
def test_the_quick_path_cleans_exactly_as_the_long_way(text: str, multiline: bool) -> None:
    from clerk_app.core import wording

    assert clean_text(text, multiline=multiline) == _cleaned_the_long_way(text, multiline=multiline)
    documentable = text.replace("\ufffe", "").replace("\u2028", "\n").replace("\u2029", "\n")
    assert wording.clean_text(text) == _cleaned_the_long_way(documentable)
    assert wording.clean_line(text) == _cleaned_the_long_way(documentable, multiline=False)
