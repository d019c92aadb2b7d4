"""Structural keys in the real window keep minutes to two levels, and undo restores the shape."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt

from clerk_app.ui.main_window import MainWindow
from tests.ui.helpers import key, reload, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
FIRST = "The AD advised that a session was planned."


def shown(window: MainWindow) -> list[tuple[str, str]]:
    view = window.view
    assert view is not None
    return [(row.label, row.text) for row in view.rows if row.point is not None]


def stored(db_path: Path, meeting_id: int) -> list[tuple[str, list[str]]]:
    item = reload(db_path, meeting_id).items[1]
    return [(p.text, [c.text for c in p.children]) for p in item.points]


def third_level_rows(db_path: Path) -> int:
    """Points whose parent has a parent, as SQL over the file sees them."""
    conn = sqlite3.connect(db_path)
    try:
        return int(
            conn.execute(
                "SELECT count(*) FROM points p JOIN points q ON p.parent_id = q.id "
                "WHERE q.parent_id IS NOT NULL"
            ).fetchone()[0]
        )
    finally:
        conn.close()


def test_tab_on_a_point_with_sub_points_brings_them_along_and_undo_restores_it(
    window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    # The repro: "b.", Enter, Tab, "a sub-point", Up, End, Tab.
    key(Qt.Key.Key_Return)
    type_text("b.")
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_Tab)
    type_text("a sub-point")
    key(Qt.Key.Key_Up)
    key(Qt.Key.Key_End)
    key(Qt.Key.Key_Tab)

    indented = [("a.", FIRST), ("i.", "b."), ("ii.", "a sub-point")]
    assert shown(window) == indented
    assert stored(db_path, meeting_id) == [(FIRST, ["b.", "a sub-point"])]
    assert third_level_rows(db_path) == 0
    assert window.view is not None and window.view.active is not None
    assert window.view.active.text == "b."  # the caret stays in the point that was indented

    key(Qt.Key.Key_Z, CTRL)  # one undo step: exactly the old shape
    assert shown(window) == [("a.", FIRST), ("b.", "b."), ("i.", "a sub-point")]
    assert stored(db_path, meeting_id) == [(FIRST, []), ("b.", ["a sub-point"])]

    key(Qt.Key.Key_Z, CTRL | SHIFT)
    assert shown(window) == indented
    assert stored(db_path, meeting_id) == [(FIRST, ["b.", "a sub-point"])]
    assert third_level_rows(db_path) == 0
    window.close()  # quitting must not crash (it segfaulted after the three-level state)
