"""Where the caret can stand in a meeting, and how the long jumps pick one; no Qt here.

A stop is a point, or an agenda item with no points (the caret waits in it, and the first
character typed makes its first point), so Up/Down, Ctrl+Home and PageDown reach every item.
"""

from __future__ import annotations

import re

from clerk_app.core.model import AgendaItem, Meeting, Point

Stop = Point | AgendaItem


def stops(meeting: Meeting) -> list[Stop]:
    """Every point, top to bottom, and every empty item in its place."""
    found: list[Stop] = []
    for item in meeting.items:
        if not item.points:
            found.append(item)
        for top in item.points:
            found.append(top)
            found.extend(top.children)
    return found


def item_numbered(meeting: Meeting, number: str) -> AgendaItem | None:
    """The agenda item whose number the clerk typed ("78", "78.", "osc 12/24")."""
    wanted = number.strip().rstrip(".").casefold()
    for item in meeting.items:
        if item.number.strip().rstrip(".").casefold() == wanted:
            return item
    if not wanted.isdigit():
        return None
    for item in meeting.items:  # "12" finds "12/24" or "OSC 12"
        digits = re.findall(r"\d+", item.number)
        if digits and digits[0].lstrip("0") == wanted.lstrip("0"):
            return item
    return None


def page_stop(tops: list[int], here: int | None, target_y: int, delta: int) -> int:
    """PageDown (+1) / PageUp (-1): the first stop at or below ``target_y`` (the last at or
    above it); always at least one stop on from ``here``, so the key never does nothing."""
    if delta > 0:
        chosen = next((i for i, y in enumerate(tops) if y >= target_y), len(tops) - 1)
    else:
        chosen = next((i for i in reversed(range(len(tops))) if tops[i] <= target_y), 0)
    if here is not None and chosen == here:
        chosen = max(0, min(len(tops) - 1, here + delta))
    return chosen
