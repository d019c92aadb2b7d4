"""What Tab, Shift+Tab and Alt+arrows do to an item's points, planned as change values.

Each plan is a list of single-point moves ordered so that the two-level rule holds after
*each* move (``changes.check`` refuses any step that would break it): indenting a point that
has sub-points moves them first, as the sub-points that will follow it under its new parent,
then the point itself, by then without sub-points.  Undo is the moves' own inverses, replayed
backwards, so one undo step restores the exact old shape.
"""

from __future__ import annotations

from clerk_app.core.changes import MovePoint, PointPlace
from clerk_app.core.model import Point


def indent(place: PointPlace, point: Point) -> list[MovePoint] | None:
    """Tab: ``point`` becomes the last sub-point of the lettered point above it, and its own
    sub-points follow it there as siblings.  None when there is no lettered point above."""
    if place.parent is not None or place.index == 0:
        return None
    parent = place.item.points[place.index - 1]
    start = len(parent.children)
    moves = [MovePoint(child, parent, start + i) for i, child in enumerate(point.children)]
    moves.append(MovePoint(point, parent, start))
    return moves


def outdent(place: PointPlace, point: Point) -> list[MovePoint] | None:
    """Shift+Tab: a sub-point becomes the lettered point after its parent, and the sub-points
    that followed it become its own.  None when it is not a sub-point.

    The point is lifted first (a sub-point has no sub-points, so it arrives with none), then
    the later siblings move under it."""
    if place.parent is None:
        return None
    parent_index = place.item.points.index(place.parent)
    later = place.parent.children[place.index + 1 :]
    moves = [MovePoint(point, None, parent_index + 1)]
    moves += [MovePoint(child, point, i) for i, child in enumerate(later)]
    return moves


def step(place: PointPlace, point: Point, delta: int) -> MovePoint | None:
    """Alt+Up / Alt+Down: one place among its own siblings, never into another level."""
    index = place.index + delta
    if not 0 <= index < len(place.siblings):
        return None
    return MovePoint(point, place.parent, index)
