"""The Schedule 12A paragraph field: numbers only, so nothing confidential is printed with it."""

from __future__ import annotations

import pytest

from clerk_app.core.exempt import (
    ExemptParagraphError,
    check_paragraphs,
    exempt_notice,
    split_paragraphs,
    stub_item,
)
from clerk_app.core.model import AgendaItem, Point


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("", ""),
        ("3", "3"),
        ("1, 3", "1, 3"),
        ("1 and 3", "1 and 3"),
        ("1, 2 and 5", "1, 2 and 5"),
        (" paragraph  3 ", "3"),
        ("paras. 1 & 7", "1 & 7"),
    ],
)
def test_paragraph_numbers_are_accepted(typed: str, stored: str) -> None:
    assert check_paragraphs(typed) == stored


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("1 - legal advice on the repossession", "give the paragraph numbers only"),
        ("legal advice", "give the paragraph numbers only"),
        ("2025/0041", "give the paragraph numbers only"),
        ("8", "there is no paragraph 8 in Part 1 of Schedule 12A"),
        ("1 and 12", "there is no paragraph 12"),
    ],
)
def test_anything_else_is_refused_with_a_reason(typed: str, why: str) -> None:
    with pytest.raises(ExemptParagraphError, match=why):
        check_paragraphs(typed)


def test_split_keeps_the_numbers_and_the_rest_apart() -> None:
    assert split_paragraphs("paragraph 1 - legal advice") == ("1", "legal advice")
    assert split_paragraphs("3 of Part 1 of Schedule 12A to the Local Government Act 1972") == (
        "3",
        "",
    )
    assert split_paragraphs("case 2025/0041") == ("", "case 2025/0041")


def test_the_public_stub_and_notice_print_only_the_numbers() -> None:
    item = AgendaItem(
        "Enforcement case",
        "14/25",
        exempt=True,
        exempt_paragraph="1 - case 2025/0041, Mrs Kwiatkowska",
        points=[Point("Discussed.")],
    )
    stub = stub_item(item)
    assert (stub.exempt_paragraph, stub.points) == ("1", [])
    assert exempt_notice(item) == (
        "This item was considered in private: exempt under paragraph 1 of Part 1 of"
        " Schedule 12A to the Local Government Act 1972."
    )
