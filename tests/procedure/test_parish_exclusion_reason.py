"""A parish or town council's exclusion states its reason (Public Bodies (Admission to
Meetings) Act 1960, s.1(2)): worded in, cleaned like other typed text, read back from the
recorded resolution, and reworded by an edit; England's and a custom wording unchanged."""

from __future__ import annotations

import datetime as dt

from clerk_app.core.changes import UpdateItem, apply
from clerk_app.core.model import AgendaItem, Meeting
from clerk_app.core.procedure.bodies import Body, BodyKind, ExclusionLaw
from clerk_app.core.procedure.exclusion import exclusion_reason, exclusion_wording, parish_reason
from clerk_app.core.procedure.exclusion_changes import exclusion_changes
from clerk_app.core.procedure.exclusion_edits import exclusion_edit_changes

PARISH = Body("Ashby Parish Council", BodyKind.PARISH, exclusion_law=ExclusionLaw.PARISH)
NO_REASON = (
    "That in view of the confidential nature of the business about to be transacted, "
    "it is advisable in the public interest that the press and public be temporarily "
    "excluded and they are instructed to withdraw (Public Bodies (Admission to "
    "Meetings) Act 1960, section 1(2))."
)


def _meeting() -> Meeting:
    items = [AgendaItem(f"Item {n}", str(n)) for n in range(1, 4)]
    return Meeting("Ashby Parish Council", dt.date(2026, 3, 3), items=items)


def test_the_reason_is_worded_into_the_resolution() -> None:
    assert exclusion_wording(PARISH, "", "staffing matters") == (
        "That in view of the confidential nature of the business about to be transacted "
        "(staffing matters), it is advisable in the public interest that the press and public "
        "be temporarily excluded and they are instructed to withdraw (Public Bodies "
        "(Admission to Meetings) Act 1960, section 1(2))."
    )
    assert exclusion_wording(PARISH, "") == NO_REASON  # as it always was
    assert exclusion_wording(PARISH, "", " \n ") == NO_REASON


def test_the_reason_is_cleaned_like_other_typed_text() -> None:
    assert exclusion_reason("  legal advice\non the\tlease.  ") == "legal advice on the lease"
    assert exclusion_reason("(staffing matters)") == "staffing matters"
    typed = "Siobhán Ó Súilleabháin's and Łukasz Wójcik's tenders 🏗️"
    assert exclusion_reason(typed) == typed
    assert parish_reason(exclusion_wording(PARISH, "", typed)) == typed


def test_the_reason_is_read_back_whole_even_with_brackets_of_its_own() -> None:
    wording = exclusion_wording(PARISH, "", "the lease (plot 4)")
    assert parish_reason(wording) == "the lease (plot 4)"
    assert parish_reason(NO_REASON) == ""
    assert parish_reason("RESOLVED to exclude the public (staffing).") == ""  # own wording


def test_england_and_custom_wording_ignore_a_reason() -> None:
    england = Body("Cabinet")
    assert exclusion_wording(england, "3", "staffing") == exclusion_wording(england, "3")
    custom = Body(
        "Cyngor",
        exclusion_law=ExclusionLaw.CUSTOM,
        exclusion_text="Exclude the public under paragraph {paragraphs}.",
    )
    assert exclusion_wording(custom, "14", "staffing") == "Exclude the public under paragraph 14."


def test_editing_a_parish_exclusion_rewords_it_for_the_reason() -> None:
    meeting = _meeting()
    at = meeting.items[0]
    for change in exclusion_changes(meeting, at, PARISH, "", "staffing matters"):
        apply(meeting, change)
    assert "(staffing matters)," in at.exclusion
    assert exclusion_edit_changes(meeting, at, PARISH, "", " staffing matters ") == []
    [change] = exclusion_edit_changes(meeting, at, PARISH, "", "legal advice on the lease")
    assert isinstance(change, UpdateItem) and change.item is at
    apply(meeting, change)
    assert parish_reason(at.exclusion) == "legal advice on the lease"
    assert [i.exempt for i in meeting.items] == [False, True, True]  # the run unchanged
    [change] = exclusion_edit_changes(meeting, at, PARISH, "", "")
    apply(meeting, change)
    assert at.exclusion == NO_REASON


def test_a_parish_resolution_worded_its_own_way_is_kept_unless_a_reason_is_given() -> None:
    meeting = _meeting()
    at = meeting.items[0]
    at.exclusion = "That the public be excluded for the next item."  # imported minutes
    assert exclusion_edit_changes(meeting, at, PARISH, "", "") == []
    assert exclusion_edit_changes(meeting, at, PARISH, "", "staffing") != []
