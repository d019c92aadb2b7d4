"""Joining two points and carrying a point into the next item, planned as change values."""

from __future__ import annotations

from clerk_app.core import point_moves
from clerk_app.core.changes import apply, place_of
from clerk_app.core.model import AgendaItem, Meeting, Point


def _meeting() -> Meeting:
    import datetime as dt

    return Meeting(
        committee="Parks and Open Spaces Committee",
        date=dt.date(2026, 3, 4),
        items=[
            AgendaItem(
                "Allotments",
                "42",
                points=[
                    Point("Intro.", children=[Point("Waiting lists. ")]),
                    Point(" Water supply.", children=[Point("Tap broken.")]),
                ],
            ),
            AgendaItem("Trees", "43", points=[Point("Planting.")]),
        ],
    )


def test_joining_a_lettered_point_to_a_sub_point_keeps_its_sub_points_and_undoes_exactly() -> None:
    meeting = _meeting()
    intro, water = meeting.items[0].points
    upper = intro.children[0]
    planned = point_moves.merge(place_of(meeting, upper), upper, place_of(meeting, water), water)
    assert planned is not None
    changes, caret = planned
    undo = [apply(meeting, change)[1] for change in changes]
    assert upper.text == "Waiting lists. Water supply." and caret == len("Waiting lists. ")
    assert [p.text for p in meeting.items[0].points] == ["Intro."]
    assert [c.text for c in intro.children] == ["Waiting lists. Water supply.", "Tap broken."]
    for change in reversed(undo):
        apply(meeting, change)
    assert [p.text for p in meeting.items[0].points] == ["Intro.", " Water supply."]
    assert [c.text for c in water.children] == ["Tap broken."]
    assert upper.text == "Waiting lists. "


def test_no_join_across_items_and_a_move_across_only_at_the_edge() -> None:
    meeting = _meeting()
    last = meeting.items[0].points[1].children[0]
    trees = meeting.items[1].points[0]
    assert point_moves.merge(place_of(meeting, last), last, place_of(meeting, trees), trees) is None
    place = place_of(meeting, trees)
    move = point_moves.step_across(meeting.items, place, trees, -1)
    assert move is not None and move.item is meeting.items[0] and move.index == 2
    assert point_moves.step_across(meeting.items, place, trees, 1) is None  # the last item
    first = meeting.items[0].points[0]
    assert point_moves.step_across(meeting.items, place_of(meeting, first), first, 1) is None
