"""Structural keys in the real window keep minutes to two levels, and undo restores the shape."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clerk_app.ui.shell.main_window import MainWindow
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


def _three_points_with_sub_points(window: MainWindow) -> None:
    """a. FIRST, with i. "one" and ii. "two"; then b. "b" with i. "b one"."""
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_Tab)
    type_text("one")
    key(Qt.Key.Key_Return)
    type_text("two")
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_Backtab, SHIFT)
    type_text("b")
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_Tab)
    type_text("b one")
    window.model.flush()  # type: ignore[union-attr]
    assert shown(window) == [
        ("a.", FIRST),
        ("i.", "one"),
        ("ii.", "two"),
        ("b.", "b"),
        ("i.", "b one"),
    ]


def test_alt_arrows_keep_sub_points_within_their_parent(
    window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    _three_points_with_sub_points(window)
    start = stored(db_path, meeting_id)
    key(Qt.Key.Key_Up, ALT)  # "b one" is the first sub-point of b.: nowhere to go
    assert stored(db_path, meeting_id) == start
    key(Qt.Key.Key_Up)
    key(Qt.Key.Key_Up)  # to "two"
    assert window.view is not None and window.view.active is not None
    assert window.view.active.text == "two"
    key(Qt.Key.Key_Down, ALT)  # the last sub-point of a.: it does not fall into b.
    key(Qt.Key.Key_Up, ALT)
    assert stored(db_path, meeting_id) == [(FIRST, ["two", "one"]), ("b", ["b one"])]
    key(Qt.Key.Key_Up)  # to a.: a lettered point moves with its sub-points
    assert window.view.active is not None and window.view.active.text == FIRST
    key(Qt.Key.Key_Down, ALT)
    assert stored(db_path, meeting_id) == [("b", ["b one"]), (FIRST, ["two", "one"])]
    assert third_level_rows(db_path) == 0
    key(Qt.Key.Key_Z, CTRL)
    key(Qt.Key.Key_Z, CTRL)
    assert stored(db_path, meeting_id) == start
    key(Qt.Key.Key_Z, CTRL | SHIFT)
    key(Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored(db_path, meeting_id) == [("b", ["b one"]), (FIRST, ["two", "one"])]
    assert third_level_rows(db_path) == 0


def test_tab_shift_tab_and_their_undo_never_make_a_third_level(
    window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    _three_points_with_sub_points(window)
    start = stored(db_path, meeting_id)
    key(Qt.Key.Key_Up)  # to b., which has a sub-point: Tab brings it along
    key(Qt.Key.Key_Tab)
    assert stored(db_path, meeting_id) == [(FIRST, ["one", "two", "b", "b one"])]
    key(Qt.Key.Key_Tab)  # a sub-point cannot go deeper
    assert stored(db_path, meeting_id) == [(FIRST, ["one", "two", "b", "b one"])]
    assert "indented" in window.statusBar().currentMessage()
    key(Qt.Key.Key_Up)  # to "two": Shift+Tab takes "b" and "b one" as its sub-points
    key(Qt.Key.Key_Backtab, SHIFT)
    assert stored(db_path, meeting_id) == [(FIRST, ["one"]), ("two", ["b", "b one"])]
    key(Qt.Key.Key_Tab)  # and Tab on it brings them back along
    assert stored(db_path, meeting_id) == [(FIRST, ["one", "two", "b", "b one"])]
    assert third_level_rows(db_path) == 0
    for _ in range(3):
        key(Qt.Key.Key_Z, CTRL)
        assert third_level_rows(db_path) == 0
    assert stored(db_path, meeting_id) == start
    for _ in range(3):
        key(Qt.Key.Key_Z, CTRL | SHIFT)
        assert third_level_rows(db_path) == 0
    assert stored(db_path, meeting_id) == [(FIRST, ["one", "two", "b", "b one"])]


def test_deleting_a_point_with_sub_points_and_undoing_it_keeps_two_levels(
    window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    _three_points_with_sub_points(window)
    start = stored(db_path, meeting_id)
    key(Qt.Key.Key_Up)
    key(Qt.Key.Key_Up)
    key(Qt.Key.Key_Up)  # to a.
    key(Qt.Key.Key_Up)
    assert window.view is not None and window.view.active is not None
    assert window.view.active.text == FIRST
    key(Qt.Key.Key_Backspace, CTRL | SHIFT)  # Delete point: it and its sub-points
    assert stored(db_path, meeting_id) == [("b", ["b one"])]
    key(Qt.Key.Key_Z, CTRL)
    assert stored(db_path, meeting_id) == start
    assert shown(window)[:3] == [("a.", FIRST), ("i.", "one"), ("ii.", "two")]
    key(Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored(db_path, meeting_id) == [("b", ["b one"])]
    assert third_level_rows(db_path) == 0


def test_pasting_indented_lines_into_a_sub_point_makes_no_new_level(
    window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_Tab)
    QApplication.clipboard().setText("pasted\n\ti. nested\n\t\t(1) deeper")
    key(Qt.Key.Key_V, CTRL)
    window.model.flush()  # type: ignore[union-attr]
    [(text, [sub])] = stored(db_path, meeting_id)
    assert text == FIRST
    assert "pasted" in sub and "nested" in sub and "deeper" in sub
    assert third_level_rows(db_path) == 0
