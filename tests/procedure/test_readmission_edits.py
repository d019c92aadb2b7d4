"""A readmission already recorded, removed or moved: the items after it exempt again under
the exclusion's paragraphs (never one exempt by hand under others), the run following a move,
and the removal undoing exactly what ``readmit_changes`` did."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_app.core.changes import Change, apply
from clerk_app.core.model import AgendaItem, Meeting
from clerk_app.core.procedure.bodies import Body, BodyKind, ExclusionLaw
from clerk_app.core.procedure.exclusion_changes import exclusion_changes
from clerk_app.core.procedure.readmission import readmit_changes
from clerk_app.core.procedure.readmission_edits import (
    exempt_again,
    readmission_ends,
    readmission_move_changes,
    readmission_places,
    readmission_removal_changes,
)

BODY = Body("Cabinet")


def _meeting(count: int) -> Meeting:
    items = [AgendaItem(f"Item {n}", str(n)) for n in range(1, count + 1)]
    return Meeting("Cabinet", dt.date(2026, 3, 3), items=items)


def _run(meeting: Meeting, changes: list[Change]) -> list[Change]:
    """Applied in order; the changes that undo them, in the order to apply them."""
    undo = [apply(meeting, change)[1] for change in changes]
    return list(reversed(undo))


def _state(meeting: Meeting) -> list[tuple[bool, str, bool, bool]]:
    return [(i.exempt, i.exempt_paragraph, bool(i.exclusion), i.readmitted) for i in meeting.items]


def _excluded_at_2_readmitted_at_4(count: int = 6) -> Meeting:
    meeting = _meeting(count)
    _run(meeting, exclusion_changes(meeting, meeting.items[1], BODY, "1, 3"))
    _run(meeting, readmit_changes(meeting, meeting.items[3]))
    return meeting


def test_removal_is_the_inverse_of_readmitting() -> None:
    meeting = _meeting(6)
    _run(meeting, exclusion_changes(meeting, meeting.items[1], BODY, "1, 3"))
    before = _state(meeting)
    _run(meeting, readmit_changes(meeting, meeting.items[3]))
    four = meeting.items[3]
    assert readmission_ends(meeting, four) is meeting.items[1]
    assert exempt_again(meeting, four) == meeting.items[3:]
    _run(meeting, readmission_removal_changes(meeting, four))
    assert _state(meeting) == before


def test_removal_and_its_undo_leave_the_meeting_as_it_was() -> None:
    meeting = _excluded_at_2_readmitted_at_4()
    readmitted = _state(meeting)
    undo = _run(meeting, readmission_removal_changes(meeting, meeting.items[3]))
    assert meeting.items[5].exempt and not meeting.items[3].readmitted
    _run(meeting, undo)
    assert _state(meeting) == readmitted


def test_removal_stops_at_the_next_exclusion_and_leaves_hand_marked_items_alone() -> None:
    meeting = _excluded_at_2_readmitted_at_4(8)
    _one, _two, _three, four, five, six, seven, _eight = meeting.items
    five.exempt, five.exempt_paragraph = True, "5"  # by hand, for its own reason
    _run(meeting, exclusion_changes(meeting, seven, BODY, "7"))
    assert exempt_again(meeting, four) == [four, six, seven]
    _run(meeting, readmission_removal_changes(meeting, four))
    assert _state(meeting) == [
        (False, "", False, False),
        (False, "", True, False),
        (True, "1, 3", False, False),
        (True, "1, 3", False, False),
        (True, "5", False, False),  # untouched
        (True, "1, 3", False, False),
        (True, "1, 3", True, False),  # out already when it excluded again
        (True, "7", False, False),  # the later exclusion's, as it was
    ]


def test_removal_stops_before_the_next_readmission() -> None:
    meeting = _excluded_at_2_readmitted_at_4(7)
    _run(meeting, exclusion_changes(meeting, meeting.items[4], BODY, "7"))  # item 5
    _run(meeting, readmit_changes(meeting, meeting.items[6]))  # item 7
    assert exempt_again(meeting, meeting.items[3]) == [meeting.items[3], meeting.items[4]]


def test_a_readmission_without_an_exclusion_goes_alone() -> None:
    meeting = _meeting(3)
    meeting.items[1].readmitted = True  # as imported minutes may have it
    assert readmission_ends(meeting, meeting.items[1]) is None
    _run(meeting, readmission_removal_changes(meeting, meeting.items[1]))
    assert _state(meeting) == [(False, "", False, False)] * 3
    assert readmission_places(meeting, meeting.items[1]) == [meeting.items[1]]


def test_a_parish_readmission_removed_makes_items_exempt_without_paragraphs() -> None:
    parish = Body("Ashby Parish Council", BodyKind.PARISH, exclusion_law=ExclusionLaw.PARISH)
    meeting = _meeting(4)
    _run(meeting, exclusion_changes(meeting, meeting.items[0], parish, "", "staffing"))
    _run(meeting, readmit_changes(meeting, meeting.items[2]))
    assert [i.exempt for i in meeting.items] == [False, True, False, False]
    _run(meeting, readmission_removal_changes(meeting, meeting.items[2]))
    assert [(i.exempt, i.exempt_paragraph) for i in meeting.items[1:]] == [(True, "")] * 3


def test_places_run_from_after_the_exclusion_to_the_next_one() -> None:
    meeting = _excluded_at_2_readmitted_at_4(7)
    _run(meeting, exclusion_changes(meeting, meeting.items[5], BODY, "7"))  # item 6
    assert readmission_places(meeting, meeting.items[3]) == meeting.items[2:6]


def test_moving_later_keeps_the_public_out_for_the_items_between() -> None:
    meeting = _excluded_at_2_readmitted_at_4()
    four, five, six = meeting.items[3:]
    five.exempt, five.exempt_paragraph = True, "5"  # by hand
    before = _state(meeting)
    undo = _run(meeting, readmission_move_changes(meeting, four, six))
    assert _state(meeting) == [
        (False, "", False, False),
        (False, "", True, False),
        (True, "1, 3", False, False),
        (True, "1, 3", False, False),
        (True, "5", False, False),
        (False, "", False, True),
    ]
    _run(meeting, undo)
    assert _state(meeting) == before


def test_moving_earlier_makes_the_items_between_public() -> None:
    meeting = _excluded_at_2_readmitted_at_4()
    _run(meeting, readmission_move_changes(meeting, meeting.items[3], meeting.items[5]))
    five = meeting.items[4]
    five.exempt_paragraph = "5"  # re-marked by hand under another paragraph
    _run(meeting, readmission_move_changes(meeting, meeting.items[5], meeting.items[2]))
    assert _state(meeting) == [
        (False, "", False, False),
        (False, "", True, False),
        (False, "", False, True),
        (False, "", False, False),
        (True, "5", False, False),  # not the exclusion's to clear
        (False, "", False, False),
    ]
    assert readmission_move_changes(meeting, meeting.items[2], meeting.items[2]) == []


def test_moving_before_the_exclusion_is_refused() -> None:
    meeting = _excluded_at_2_readmitted_at_4()
    with pytest.raises(ValueError, match="after the exclusion"):
        readmission_move_changes(meeting, meeting.items[3], meeting.items[0])
