"""An exclusion already passed, edited or removed: its paragraphs read back, only the items it
made exempt re-cited or made public (never one exempt for another reason), and its
readmission removed with it only when it is its own."""

from __future__ import annotations

import datetime as dt

from clerk_app.core.changes import Change, apply
from clerk_app.core.model import AgendaItem, Meeting
from clerk_app.core.procedure.bodies import Body
from clerk_app.core.procedure.exclusion_changes import exclusion_changes
from clerk_app.core.procedure.exclusion_edits import (
    excluded_paragraphs,
    exclusion_edit_changes,
    exclusion_removal_changes,
    exempted_by,
    paired_readmission,
)
from clerk_app.core.procedure.readmission import readmit_changes

BODY = Body("Cabinet")


def _meeting(count: int) -> Meeting:
    items = [AgendaItem(f"Item {n}", str(n)) for n in range(1, count + 1)]
    return Meeting("Cabinet", dt.date(2026, 3, 3), items=items)


def _run(meeting: Meeting, changes: list[Change]) -> None:
    for change in changes:
        apply(meeting, change)


def _state(meeting: Meeting) -> list[tuple[bool, str, bool, bool]]:
    return [(i.exempt, i.exempt_paragraph, bool(i.exclusion), i.readmitted) for i in meeting.items]


def test_edit_recites_only_the_run_the_exclusion_made_exempt() -> None:
    meeting = _meeting(6)
    one, two, three, four, five, _six = meeting.items
    _run(meeting, exclusion_changes(meeting, two, BODY, "3"))
    _run(meeting, readmit_changes(meeting, five))
    # Item 4 marked exempt by hand under another paragraph: not the exclusion's to change.
    four.exempt_paragraph = "5"
    assert excluded_paragraphs(meeting, two) == "3"
    assert exempted_by(meeting, two) == [three]
    _run(meeting, exclusion_edit_changes(meeting, two, BODY, "1, 3"))
    assert "paragraphs 1, 3 of Part 1" in two.exclusion
    assert [(i.exempt, i.exempt_paragraph) for i in meeting.items] == [
        (False, ""), (False, ""), (True, "1, 3"), (True, "5"), (False, ""), (False, ""),
    ]  # fmt: skip
    assert exclusion_edit_changes(meeting, two, BODY, " 1, 3 ") == []  # the same: no edit
    assert one.exclusion == ""


def test_paragraphs_are_read_from_the_wording_at_the_last_item() -> None:
    meeting = _meeting(2)
    last = meeting.items[1]
    _run(meeting, exclusion_changes(meeting, last, BODY, "1, 3"))
    assert excluded_paragraphs(meeting, last) == "1, 3"


def test_removal_makes_its_run_public_and_takes_only_its_own_readmission() -> None:
    meeting = _meeting(6)
    _one, two, three, four, five, six = meeting.items
    _run(meeting, exclusion_changes(meeting, two, BODY, "3"))
    _run(meeting, readmit_changes(meeting, four))
    _run(meeting, exclusion_changes(meeting, five, BODY, "7"))
    assert paired_readmission(meeting, two) is four
    assert paired_readmission(meeting, five) is None  # none after it
    _run(meeting, exclusion_removal_changes(meeting, two))
    assert _state(meeting) == [
        (False, "", False, False),
        (False, "", False, False),
        (False, "", False, False),
        (False, "", False, False),
        (False, "", True, False),
        (True, "7", False, False),
    ]
    assert (three.exempt, four.readmitted, six.exempt) == (False, False, True)


def test_a_readmission_after_a_later_exclusion_is_not_the_earlier_one_s() -> None:
    meeting = _meeting(5)
    _one, two, three, four, _five = meeting.items
    _run(meeting, exclusion_changes(meeting, two, BODY, "3"))
    three.exclusion = "That the press and public remain excluded."  # passed again at 3
    _run(meeting, readmit_changes(meeting, four))
    assert paired_readmission(meeting, two) is None
    _run(meeting, exclusion_removal_changes(meeting, two))
    assert four.readmitted and two.exclusion == ""
    assert (three.exempt, three.exclusion != "") == (False, True)
