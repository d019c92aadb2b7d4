"""The two-level rule: the moves planned for Tab, Shift+Tab and Alt+arrows keep it at every step."""

from __future__ import annotations

import pytest

from clerk_app.core.model import Point
from clerk_app.core.structure import (
    Move,
    StructureError,
    apply_move,
    check_two_levels,
    flatten_to_two_levels,
    indent_moves,
    outdent_moves,
    sibling_move,
)


def _shape(points: list[Point]) -> list[object]:
    return [(p.text, [(c.text, [g.text for g in c.children]) for c in p.children]) for p in points]


def _run(points: list[Point], moves: list[Move]) -> list[Move]:
    back = []
    for move in moves:
        old = apply_move(points, move)
        check_two_levels(points)  # after every single step, not only at the end
        back.append(Move(move.point, old.parent, old.index))
    return back


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
    _run(points, list(reversed(back)))
    assert _shape(points) == before


def test_outdent_takes_the_later_sub_points_and_reverses_exactly() -> None:
    a = Point("a", children=[Point("i"), Point("ii"), Point("iii")])
    points = [a, Point("b")]
    before = _shape(points)
    moves = outdent_moves(points, a.children[1])
    assert moves is not None
    back = _run(points, moves)
    assert _shape(points) == [("a", [("i", [])]), ("ii", [("iii", [])]), ("b", [])]
    _run(points, list(reversed(back)))
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
    assert move == Move(a.children[1], a, 0)


def test_a_third_level_is_refused_in_memory() -> None:
    a = Point("a", children=[Point("i")])
    b = Point("b", children=[Point("b.i")])
    points = [a, b]
    with pytest.raises(StructureError):
        apply_move(points, Move(b.children[0], a.children[0], 0))
    with pytest.raises(StructureError):
        apply_move(points, Move(b, a, 0))  # its sub-points would be three deep
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
