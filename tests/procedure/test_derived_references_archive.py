"""Search and the action tracker cite a minute by the reference its body derives ("24/5"),
as the window and the exports do, not by the empty number stored for it."""

from __future__ import annotations

import datetime as dt

from clerk_app.core.changes import InsertItem
from clerk_app.core.model import AgendaItem, LabelStyle, Meeting, Point
from clerk_app.services import action_tracker, bodies, meetings, searching
from clerk_app.services.editing import apply_changes
from clerk_app.store.database import Database


def _meeting(db: Database, day: dt.date, points: list[list[str]]) -> int:
    items = [
        AgendaItem(f"Item {i + 1}", points=[Point(text) for text in texts])
        for i, texts in enumerate(points)
    ]
    meeting = Meeting(
        committee="Full Council", date=day, items=items, label_style=LabelStyle.DECIMAL
    )
    return meetings.create_meeting(db, meeting)


def test_search_and_tracker_show_the_derived_reference_and_follow_a_renumbering(
    db: Database,
) -> None:
    bodies.set_up_body(db, "Full Council", numbering="continuous", pattern="{yy}/{n}")
    june = _meeting(db, dt.date(2024, 6, 10), [["Noted."], ["Noted."], ["Noted."]])
    july = _meeting(
        db,
        dt.date(2024, 7, 8),
        [
            ["Noted."],
            ["The culvert at Ffordd Glan-yr-afon is blocked.", "Report back (Action: Clerk)"],
        ],
    )

    [hit] = searching.search(db, "culvert")
    assert (hit.meeting_id, hit.item_number, hit.label) == (july, "24/5", "5.1")
    [entry] = [e for e in action_tracker.action_log(db) if e.meeting_id == july]
    assert (entry.item_number, entry.label) == ("24/5", "5.2")

    # An item added to June's meeting moves July's minutes on: so do the hits and the actions.
    june_meeting = meetings.load_meeting(db, june)
    apply_changes(db, june_meeting, [InsertItem(0, AgendaItem("Public questions"))])
    [hit] = searching.search(db, "culvert")
    assert (hit.item_number, hit.label) == ("24/6", "6.1")
    [entry] = [e for e in action_tracker.action_log(db) if e.meeting_id == july]
    assert (entry.item_number, entry.label) == ("24/6", "6.2")
    # A hit on an item title gets its reference too.
    titles = [h for h in searching.search(db, "Public questions") if h.kind == "item"]
    assert [h.item_number for h in titles] == ["24/1"]


def test_a_typed_reference_is_shown_as_typed(db: Database) -> None:
    meeting = Meeting(
        committee="Parish Council",
        date=dt.date(2024, 6, 3),
        items=[AgendaItem("Footpaths", number="PC41/24", points=[Point("Stile repaired.")])],
    )
    meetings.create_meeting(db, meeting)
    [hit] = searching.search(db, "stile")
    assert hit.item_number == "PC41/24"
