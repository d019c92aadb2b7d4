"""Whom the window offers when a member is picked at an item, why a pick is flagged, and
removing a motion with the amendments to it."""

from __future__ import annotations

import datetime as dt

from clerk_app.core.model import AgendaItem, Attendee, Meeting, Presence, Role
from clerk_app.core.procedure.declarations import NON_REGISTRABLE, PECUNIARY, Conduct, Declaration
from clerk_app.core.procedure.motions import Motion, check_motions, without_motion
from clerk_app.core.procedure.movements import Movement, MovementKind
from clerk_app.core.procedure.picking import flag_of, left_before, names_to_offer, present_at


def _meeting() -> Meeting:
    return Meeting(
        "Parish Council",
        dt.date(2026, 9, 8),
        attendees=[
            Attendee("Councillor Rhian Evans", Role.CHAIR),
            Attendee("Councillor Tomás Ruiz"),
            Attendee("Councillor Una Byrne", presence=Presence.APOLOGIES),
            Attendee("Priya Shah", Role.OFFICER, job_title="Clerk"),
        ],
        items=[
            AgendaItem("Declarations of interest"),
            AgendaItem(
                "Grants",
                declarations=[
                    Declaration("Cllr Tomás Ruiz", PECUNIARY, "Treasurer of the club"),
                    Declaration(
                        "Councillor Rhian Evans", NON_REGISTRABLE, conduct=Conduct.REMAINED
                    ),
                ],  # fmt: skip
            ),
            AgendaItem(
                "Footpaths",
                movements=[Movement("Councillor Rhian Evans", MovementKind.LEFT)],
            ),
            AgendaItem(
                "Burial ground",
                movements=[Movement("Councillor Vik Rao", MovementKind.ARRIVED)],
            ),
        ],
    )


def test_present_members_are_offered_first_then_the_rest_once_each() -> None:
    meeting = _meeting()
    grants, footpaths, burial = meeting.items[1:]
    body = ["Councillor Una Byrne", "Councillor Vik Rao", "Councillor Rhian Evans"]
    assert names_to_offer(meeting, grants, body) == [
        "Councillor Rhian Evans",  # Ruiz withdrew for the item: not in the room
        "Councillor Tomás Ruiz",
        "Councillor Una Byrne",
        "Priya Shah",
        "Councillor Vik Rao",
    ]
    assert present_at(meeting, footpaths) == ["Councillor Tomás Ruiz"]
    assert present_at(meeting, burial) == ["Councillor Tomás Ruiz", "Councillor Vik Rao"]


def test_flags_follow_declarations_at_the_item_and_departures_before_it() -> None:
    meeting = _meeting()
    grants, footpaths, burial = meeting.items[1:]
    assert flag_of(meeting, grants, "Tomás Ruiz") == "declared an interest and left the room"
    assert flag_of(meeting, grants, "Councillor Rhian Evans") == ""  # non-registrable, stayed
    assert flag_of(meeting, footpaths, "councillor rhian evans") == "had left the meeting"
    assert flag_of(meeting, burial, "Councillor Rhian Evans") == "had left the meeting"
    assert flag_of(meeting, footpaths, "Councillor Tomás Ruiz") == ""
    assert flag_of(meeting, grants, "  ") == ""
    assert left_before(meeting, grants) == set()
    meeting.items[2].declarations = [Declaration("Councillor Tomás Ruiz", PECUNIARY,
                                                 conduct=Conduct.REMAINED)]  # fmt: skip
    assert flag_of(meeting, footpaths, "Councillor Tomás Ruiz") == (
        "declared a disclosable pecuniary interest on this item"
    )


def test_removing_a_motion_takes_its_amendments_and_keeps_the_others_pointing_right() -> None:
    motions = [
        Motion("That the grant be 500 pounds"),
        Motion("That it be 400 pounds", amends=0),
        Motion("That the footpath be resurfaced"),
        Motion("That the work wait until spring", amends=2),
        Motion("That it wait until summer", amends=0),
    ]
    kept = without_motion(motions, 0)
    assert [(m.text, m.amends) for m in kept] == [
        ("That the footpath be resurfaced", None),
        ("That the work wait until spring", 0),
    ]
    check_motions(kept)
    kept = without_motion(motions, 1)
    assert [m.amends for m in kept] == [None, None, 1, 0]
    check_motions(kept)
    assert motions[1].amends == 0  # the list given is left as it was (undo keeps it)
