"""What the capture window derives while a meeting runs: the membership a quorum counts
against, where quorum is lost and regained and what an edit changed, who is in the room at
an item, and the changes readmitting the press and public makes (which never un-exempt a
minute exempt for another reason)."""

from __future__ import annotations

import datetime as dt

from clerk_app.core.changes import Change, apply
from clerk_app.core.model import AgendaItem, Attendee, Meeting, Presence, Role
from clerk_app.core.procedure.bodies import Body, MemberRole, Membership, Quorum
from clerk_app.core.procedure.exclusion_changes import exclusion_changes
from clerk_app.core.procedure.live_quorum import (
    in_room_after,
    member_names,
    new_shifts,
    quorum_shifts,
    quorum_states,
    voting_membership,
)
from clerk_app.core.procedure.movements import Movement, MovementKind
from clerk_app.core.procedure.readmission import excluded_before, readmit_changes

DAY = dt.date(2026, 3, 3)


def _body(quorum: Quorum) -> Body:
    return Body(
        "Planning Committee",
        quorum=quorum,
        members=[
            Membership("Cllr Imogen Tait", MemberRole.CHAIR),
            Membership("Cllr Kwame Mensah"),
            Membership("Cllr Lowri Pugh"),
            Membership("Cllr Magnus Berg"),
            Membership("Cllr Nadia Haddad", until=dt.date(2025, 5, 1)),  # left the body
            Membership("Mr Owen Frost", MemberRole.COOPTED, voting=False),
            Membership("Cllr Priya Shah", MemberRole.SUBSTITUTE),
        ],
    )


def _meeting() -> Meeting:
    return Meeting(
        "Planning Committee",
        DAY,
        attendees=[
            Attendee("Cllr Imogen Tait", Role.CHAIR),
            Attendee("Cllr Kwame Mensah"),
            Attendee("Cllr Lowri Pugh"),
            Attendee("Cllr Magnus Berg", presence=Presence.APOLOGIES),
            Attendee("Mr Owen Frost", Role.COOPTED),
            Attendee("Rosa Quinn", Role.OFFICER, job_title="Planning Manager"),
        ],
        items=[AgendaItem(f"Application {n}", number=str(n)) for n in range(1, 6)],
    )


def test_the_membership_counted_is_the_voting_seats_on_the_day_or_the_attendance() -> None:
    meeting = _meeting()
    # Tait, Mensah, Pugh, Berg: not the former member, the co-optee or the substitute.
    assert voting_membership(_body(Quorum()), meeting) == 4
    # A body whose members were never set up: the voting members listed, present or not.
    assert voting_membership(Body("Planning Committee"), meeting) == 4
    assert voting_membership(None, meeting) == 4


def test_quorum_lost_and_regained_item_by_item_and_what_an_edit_changed() -> None:
    meeting = _meeting()
    body = _body(Quorum(fixed=3))
    before = quorum_shifts(meeting, quorum_states(meeting, body))
    assert before == []
    assert [(s.present, s.needed) for s in quorum_states(meeting, body)] == [(3, 3)] * 5
    meeting.items[1].movements = [Movement("Councillor Kwame Mensah", MovementKind.LEFT)]
    meeting.items[3].movements = [Movement("Kwame Mensah", MovementKind.ARRIVED)]
    after = quorum_shifts(meeting, quorum_states(meeting, body))
    assert [(s.position, s.lost, s.state.present) for s in after] == [(1, True, 2), (3, False, 3)]
    assert new_shifts(before, after) == after
    assert new_shifts(after, after) == []
    # A fraction: one third of four, at least three, needs three.
    states = quorum_states(meeting, _body(Quorum(None, 1, 3, 3)))
    assert [s.needed for s in states] == [3] * 5


def test_who_is_in_the_room_and_who_may_be_named() -> None:
    meeting = _meeting()
    meeting.items[1].movements = [Movement("Cllr Lowri Pugh", MovementKind.LEFT)]
    meeting.items[2].movements = [Movement("Cllr Magnus Berg", MovementKind.ARRIVED)]
    assert "lowri pugh" in in_room_after(meeting, meeting.items[0])
    assert "lowri pugh" not in in_room_after(meeting, meeting.items[1])
    assert "magnus berg" not in in_room_after(meeting, meeting.items[1])
    assert "magnus berg" in in_room_after(meeting, meeting.items[2])
    assert "mr owen frost" in in_room_after(meeting, meeting.items[0])  # co-opted: in the room
    assert "rosa quinn" not in in_room_after(meeting, meeting.items[0])  # officers are not
    names = member_names(meeting, _body(Quorum()))
    assert names[:5] == [
        "Cllr Imogen Tait", "Cllr Kwame Mensah", "Cllr Lowri Pugh", "Cllr Magnus Berg",
        "Mr Owen Frost",
    ]  # fmt: skip
    assert "Cllr Priya Shah" in names and "Cllr Nadia Haddad" not in names
    assert "Rosa Quinn" not in names


def _apply(meeting: Meeting, changes: list[Change]) -> None:
    for change in changes:
        apply(meeting, change)


def test_readmission_ends_the_run_the_exclusion_made_and_nothing_else() -> None:
    meeting = _meeting()
    meeting.items.append(AgendaItem("Enforcement case", number="6"))
    assert not excluded_before(meeting, meeting.items[2])
    _apply(meeting, exclusion_changes(meeting, meeting.items[1], Body("Planning"), "3"))
    assert [i.exempt for i in meeting.items] == [False, False, True, True, True, True]
    # Item 5 is exempt for its own reason as well (legal advice): the clerk marks it so.
    meeting.items[4].exempt_paragraph = "5"
    assert excluded_before(meeting, meeting.items[3])
    changes = readmit_changes(meeting, meeting.items[3])
    _apply(meeting, changes)
    assert meeting.items[3].readmitted
    # Item 4 is public again; item 5 (another paragraph) and what follows it stay exempt.
    assert [i.exempt for i in meeting.items] == [False, False, True, False, True, True]
    assert not excluded_before(meeting, meeting.items[4])


def test_readmission_stops_after_an_item_that_excludes_them_again() -> None:
    meeting = _meeting()
    body = Body("Planning")
    _apply(meeting, exclusion_changes(meeting, meeting.items[0], body, "1"))
    meeting.items[2].exclusion = "That the press and public be excluded again."
    changes = readmit_changes(meeting, meeting.items[1])
    _apply(meeting, changes)
    # 2 and 3 (where they are excluded again) are public; 4 and 5 stay exempt.
    assert [i.exempt for i in meeting.items] == [False, False, False, True, True]
