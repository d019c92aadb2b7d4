"""The two-level rule for points (sub-points never hold sub-points) and the moves that keep it.

Minutes letter their points (a., b.) and number sub-points under them (i., ii.); there is no
third level, in the window, the store or any export.  Every structural change is planned here
as a list of single-point moves, ordered so that the rule holds after *each* move: the store
writes them one at a time, a power cut may stop between two of them, and undo replays them
backwards.  Indenting a point that has sub-points brings them along as siblings: they become
the sub-points that follow it under its new parent, in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clerk_app.core.model import Point


class StructureError(ValueError):
    """A change would give a sub-point sub-points (a third level): refused, never written."""


@dataclass(frozen=True)
class Move:
    """One step of a structural change: ``point`` goes under ``parent`` (None: lettered) at
    ``index`` among its new siblings."""

    point: Point
    parent: Point | None
    index: int


@dataclass(frozen=True)
class Place:
    """Where a point sits within its item's points."""

    parent: Point | None
    index: int


def place_in(points: Sequence[Point], point: Point) -> Place:
    """Where ``point`` is among an item's ``points`` (by identity); LookupError if absent."""
    for index, top in enumerate(points):
        if top is point:
            return Place(None, index)
        for child_index, child in enumerate(top.children):
            if child is point:
                return Place(top, child_index)
    raise LookupError("the point is not in this item")


def check_two_levels(points: Sequence[Point]) -> None:
    """Raise StructureError if any sub-point of ``points`` has sub-points of its own."""
    for top in points:
        for child in top.children:
            if child.children:
                raise StructureError(
                    f"the sub-point {child.text[:40]!r} has sub-points of its own; "
                    "minutes have two levels only"
                )


def check_can_hold(point: Point, *, under_sub_point: bool, as_sub_point: bool) -> None:
    """Refuse to place ``point`` where it would make a third level.

    ``as_sub_point``: it is to become a sub-point (so it must have none itself);
    ``under_sub_point``: its new parent is itself a sub-point (never allowed).
    """
    if under_sub_point:
        raise StructureError("a sub-point cannot hold sub-points; minutes have two levels only")
    if as_sub_point and point.children:
        raise StructureError(
            "a point with sub-points cannot itself become a sub-point; "
            "its sub-points must move first"
        )
    check_two_levels([point])


def flatten_to_two_levels(points: Sequence[Point]) -> bool:
    """Lift every point deeper than the second level to a sub-point of its lettered ancestor,
    right after its former parent in reading order, so no text is hidden; True if any moved."""
    changed = False
    for top in points:
        flat: list[Point] = []
        for child in top.children:
            changed = _flatten_into(child, flat) or changed
        top.children[:] = flat
    return changed


def _flatten_into(point: Point, out: list[Point]) -> bool:
    out.append(point)
    if not point.children:
        return False
    below = list(point.children)
    point.children.clear()
    for child in below:
        _flatten_into(child, out)
    return True


def apply_move(points: list[Point], move: Move) -> Place:
    """Make ``move`` in memory (refusing a third level); returns where the point was."""
    old = place_in(points, move.point)
    if move.parent is not None:
        target = place_in(points, move.parent)
        check_can_hold(move.point, under_sub_point=target.parent is not None, as_sub_point=True)
    old_siblings = points if old.parent is None else old.parent.children
    del old_siblings[old.index]
    siblings = points if move.parent is None else move.parent.children
    siblings.insert(max(0, min(move.index, len(siblings))), move.point)
    return old


def indent_moves(points: Sequence[Point], point: Point) -> list[Move] | None:
    """Tab: ``point`` becomes the last sub-point of the lettered point above it, and its own
    sub-points follow it there as siblings.  None when there is no point above to join.

    The sub-points move first (they become sub-points of the point above, still two levels),
    then the point itself, by then childless, goes in front of them.
    """
    place = place_in(points, point)
    if place.parent is not None or place.index == 0:
        return None
    parent = points[place.index - 1]
    start = len(parent.children)
    moves = [Move(child, parent, start + i) for i, child in enumerate(point.children)]
    moves.append(Move(point, parent, start))
    return moves


def outdent_moves(points: Sequence[Point], point: Point) -> list[Move] | None:
    """Shift+Tab: a sub-point becomes the lettered point after its parent, and the sub-points
    that followed it become its own.  None when it is not a sub-point.

    The point is lifted first (a sub-point has no sub-points, so it arrives childless), then
    the later siblings move under it.
    """
    place = place_in(points, point)
    if place.parent is None:
        return None
    parent_index = list(points).index(place.parent)
    later = place.parent.children[place.index + 1 :]
    moves = [Move(point, None, parent_index + 1)]
    moves += [Move(child, point, i) for i, child in enumerate(later)]
    return moves


def sibling_move(points: Sequence[Point], point: Point, delta: int) -> Move | None:
    """Alt+Up / Alt+Down: one place among its own siblings, never into another level."""
    place = place_in(points, point)
    siblings = points if place.parent is None else place.parent.children
    index = place.index + delta
    if not 0 <= index < len(siblings):
        return None
    return Move(point, place.parent, index)
