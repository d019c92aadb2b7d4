"""Action tags read from a point's text in both styles; malformed tags stay plain text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.core.actions import format_tag, parse_action, parse_date, parse_tag, set_tag
from clerk_app.core.model import Point


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        ("Officers to report back. (Action: Niamh Ní Bhriain).", ("Niamh Ní Bhriain",)),
        ("The Chair would write. (Actions: Chair/Clerk).", ("Chair", "Clerk")),
        ("Noted (actions: Head of Housing / Clerk)", ("Head of Housing", "Clerk")),
        (
            "Three owners (Actions: A. Nowak/B. Kowalczyk/Clerk)",
            ("A. Nowak", "B. Kowalczyk", "Clerk"),
        ),
        ("Write to the trust.\nACTION: Councillor Rice", ("Councillor Rice",)),
        (
            "Write to the trust.\n  ACTIONS: Chair/Director of Place, Housing.",
            ("Chair", "Director of Place, Housing"),
        ),
    ],
)
def test_owners_are_read_from_either_style(text: str, owners: tuple[str, ...]) -> None:
    action = parse_action(text)
    assert action is not None
    assert action.owners == owners


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("(Action: Jo Bloggs by 12 May 2026)", dt.date(2026, 5, 12)),
        ("(Action: Jo Bloggs by 12th May 2026)", dt.date(2026, 5, 12)),
        ("(Action: Jo Bloggs by 12/05/2026)", dt.date(2026, 5, 12)),
        ("(Action: Jo Bloggs by 2026-05-12)", dt.date(2026, 5, 12)),
    ],
)
def test_due_dates(text: str, due: dt.date) -> None:
    action = parse_action(text)
    assert action is not None
    assert action.owners == ("Jo Bloggs",)
    assert action.due == due


def test_by_without_a_date_is_part_of_the_owner() -> None:
    action = parse_action("(Action: Stand by Me Trust)")
    assert action is not None and action.owners == ("Stand by Me Trust",) and action.due is None


@pytest.mark.parametrize(
    "text",
    [
        "Officers to report back (Action Jo Bloggs",
        "Officers to report back (Action: )",
        "Officers to report back (Action: /)",
        "The action plan was noted.",
        "Action: in prose, not a tag, because it is not capitals",
        "An ACTION: inside a sentence is not on a line of its own",
    ],
)
def test_malformed_or_absent_tags_are_not_actions(text: str) -> None:
    assert parse_action(text) is None
    assert Point(text).action is None


def test_the_last_tag_wins() -> None:
    action = parse_action("(Action: Old Owner) later reassigned (Action: New Owner)")
    assert action is not None and action.owners == ("New Owner",)


def test_point_action_carries_done_state() -> None:
    point = Point("x (Action: Clerk)", action_done=True, action_done_on=dt.date(2025, 1, 2))
    assert point.action is not None
    assert point.action.done and point.action.done_on == dt.date(2025, 1, 2)


def test_format_and_set_tag() -> None:
    assert format_tag(["Clerk"]) == "(Action: Clerk)"
    assert (
        format_tag(["Chair", "Clerk"], dt.date(2026, 5, 1))
        == "(Actions: Chair/Clerk by 1 May 2026)"
    )
    assert set_tag("Report back.", ["Clerk"]) == "Report back (Action: Clerk)."
    assert set_tag("Wait...", ["Clerk"]) == "Wait... (Action: Clerk)"
    assert set_tag("Report back (Action: Clerk).", ["Chair", "Clerk"]) == (
        "Report back (Actions: Chair/Clerk)."
    )
    assert set_tag("Report back (Action: Clerk).", []) == "Report back."
    assert set_tag("Write.\nACTION: Clerk", ["Chair"]) == "Write.\nACTION: Chair"
    assert set_tag("", ["Clerk"]) == "(Action: Clerk)"


def test_parse_date_rejects_nonsense() -> None:
    assert parse_date("31 February 2026") is None
    assert parse_date("soon") is None


_owner = (
    st.text(
        alphabet=st.characters(
            blacklist_characters="()/\n\r\t:", blacklist_categories=("Cs", "Cc")
        ),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(lambda s: s.strip(" .;\u00a0") == s and s and " by " not in f" {s} ")
)


@given(
    st.lists(_owner, min_size=1, max_size=4), st.text(max_size=40).filter(lambda t: "(" not in t)
)
def test_set_tag_then_parse_gives_the_owners_back(owners: list[str], text: str) -> None:
    tag = parse_tag(set_tag(text, owners))
    assert tag is not None
    assert list(tag.owners) == owners
