"""Tab, Shift+Tab, Alt+arrows and joining two points, planned as change values.

Each plan is a list of single-point moves ordered so that the two-level rule holds after
*each* move (``changes.check`` refuses any step that would break it): indenting a point that
has sub-points moves them first, as the sub-points that will follow it under its new parent,
then the point itself, by then without sub-points.  Undo is the moves' own inverses, replayed
backwards, so one undo step restores the exact old shape.
"""

from __future__ import annotations

from clerk_app.core.changes import Change, DeletePoint, MovePoint, PointPlace, SetText
from clerk_app.core.model import AgendaItem, Point


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


def step_across(
    items: list[AgendaItem], place: PointPlace, point: Point, delta: int
) -> MovePoint | None:
    """Alt+Up at an item's first lettered point (Alt+Down at its last): into the end of the
    item above (the start of the item below), with its sub-points.  None for a sub-point, a
    point that can still move among its siblings, or the meeting's first or last item."""
    if place.parent is not None:
        return None
    if delta < 0 and place.index != 0 or delta > 0 and place.index != len(place.siblings) - 1:
        return None
    here = next(i for i, item in enumerate(items) if item is place.item)
    target = here + (-1 if delta < 0 else 1)
    if not 0 <= target < len(items):
        return None
    item = items[target]
    return MovePoint(point, None, len(item.points) if delta < 0 else 0, item)


def merge(
    upper_place: PointPlace, upper: Point, lower_place: PointPlace, lower: Point
) -> tuple[list[Change], int] | None:
    """Backspace at the start of ``lower`` (Delete at the end of ``upper``): one point.

    ``lower``'s text joins ``upper``'s with one space; its sub-points stay sub-points, of the
    lettered point that ``upper`` is or belongs to.  The changes (text, moves, then the
    emptied point deleted) and where the caret goes (the join).  None across agenda items.
    """
    if upper_place.item is not lower_place.item:
        return None
    head, tail = upper.text.rstrip(), lower.text.lstrip()
    joined = f"{head} {tail}" if head and tail else head + tail
    lettered = upper if upper_place.parent is None else upper_place.parent
    start = len(lettered.children)
    changes: list[Change] = [SetText(upper, joined)]
    changes += [MovePoint(child, lettered, start + i) for i, child in enumerate(lower.children)]
    changes.append(DeletePoint(lower))
    return changes, len(head) + (1 if head and tail else 0)
