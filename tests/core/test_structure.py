"""The two-level rule: the moves planned for Tab, Shift+Tab and Alt+arrows keep it at every step."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_app.core import point_moves
from clerk_app.core.changes import Change, MovePoint, apply, check, place_of
from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.core.structure import StructureError, check_two_levels, flatten_to_two_levels


def _shape(points: list[Point]) -> list[object]:
    return [(p.text, [(c.text, [g.text for g in c.children]) for c in p.children]) for p in points]


def _meeting(points: list[Point]) -> Meeting:
    """A meeting over the very list ``points`` (not a copy): changes to one show in the other."""
    return Meeting("Panel", dt.date(2025, 1, 1), items=[AgendaItem("x", points=points)])


def _run(points: list[Point], moves: list[MovePoint]) -> list[Change]:
    meeting, back = _meeting(points), []
    for move in moves:
        check(meeting, move)
        _changed, inverse = apply(meeting, move)
        check_two_levels(points)  # after every single step, not only at the end
        back.append(inverse)
    return back


def indent_moves(points: list[Point], point: Point) -> list[MovePoint] | None:
    return point_moves.indent(place_of(_meeting(points), point), point)


def outdent_moves(points: list[Point], point: Point) -> list[MovePoint] | None:
    return point_moves.outdent(place_of(_meeting(points), point), point)


def sibling_move(points: list[Point], point: Point, delta: int) -> MovePoint | None:
    return point_moves.step(place_of(_meeting(points), point), point, delta)


def test_indent_brings_the_sub_points_along_as_siblings_and_reverses_exactly() -> None:
    a = Point("a", children=[Point("a.i")])
    b = Point("b", children=[Point("b.i"), Point("b.ii")])
    c = Point("c")
    points = [a, b, c]
    before = _shape(points)
    moves = indent_moves(points, b)
    assert moves is not None
    back = _run(points, moves)
    assert _shape(points) == [
        ("a", [("a.i", []), ("b", []), ("b.i", []), ("b.ii", [])]),
        ("c", []),
    ]
    _run(points, [m for m in reversed(back) if isinstance(m, MovePoint)])
    assert _shape(points) == before


def test_outdent_takes_the_later_sub_points_and_reverses_exactly() -> None:
    a = Point("a", children=[Point("i"), Point("ii"), Point("iii")])
    points = [a, Point("b")]
    before = _shape(points)
    moves = outdent_moves(points, a.children[1])
    assert moves is not None
    back = _run(points, moves)
    assert _shape(points) == [("a", [("i", [])]), ("ii", [("iii", [])]), ("b", [])]
    _run(points, [m for m in reversed(back) if isinstance(m, MovePoint)])
    assert _shape(points) == before


def test_gestures_that_mean_nothing_plan_nothing() -> None:
    a = Point("a", children=[Point("i"), Point("ii")])
    points = [a, Point("b")]
    assert indent_moves(points, a) is None  # no point above
    assert indent_moves(points, a.children[1]) is None  # already a sub-point
    assert outdent_moves(points, a) is None
    assert sibling_move(points, a, -1) is None
    assert sibling_move(points, a.children[1], 1) is None  # never leaves its parent
    move = sibling_move(points, a.children[1], -1)
    assert move is not None and (move.point, move.parent, move.index) == (a.children[1], a, 0)


def test_a_third_level_is_refused_in_memory() -> None:
    a = Point("a", children=[Point("i")])
    b = Point("b", children=[Point("b.i")])
    points = [a, b]
    meeting = _meeting(points)
    with pytest.raises(StructureError):
        check(meeting, MovePoint(b.children[0], a.children[0], 0))
    with pytest.raises(StructureError):
        check(meeting, MovePoint(b, a, 0))  # its sub-points would be three deep
    assert _shape(points) == [("a", [("i", [])]), ("b", [("b.i", [])])]


def test_flatten_lifts_deeper_points_after_their_former_parent_in_reading_order() -> None:
    deep = Point("i", children=[Point("i.x", children=[Point("i.x.y")]), Point("i.z")])
    points = [Point("a", children=[deep, Point("ii")])]
    assert flatten_to_two_levels(points)
    assert _shape(points) == [
        ("a", [("i", []), ("i.x", []), ("i.x.y", []), ("i.z", []), ("ii", [])]),
    ]
    check_two_levels(points)
    assert not flatten_to_two_levels(points)
