"""The two-level rule for points: sub-points never hold sub-points.

Minutes letter their points (a., b.) and number sub-points under them (i., ii.); there is no
third level, in the window, the store or any export.  ``changes.check`` applies these rules
to every change before it is written, the store refuses rows that break them, and migration
0005 repairs files written before (``flatten_to_two_levels`` is the same rule over memory).
"""

from __future__ import annotations

from collections.abc import Sequence

from clerk_app.core.model import Point


class StructureError(ValueError):
    """A change would give a sub-point sub-points (a third level): refused, never written."""


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
