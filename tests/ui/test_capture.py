"""Live capture driven by key events in the real window over a real database file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from clerk_app.ui.capture.capture_view import CaptureView
from clerk_app.ui.capture.point_editor import PointEditor
from clerk_app.ui.dialogs.owner_dialog import OwnerDialog
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import answering, focused, key, reload, type_text

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def shown(window: MainWindow) -> list[tuple[str, str]]:
    """(label, text) of every point row on screen, in order."""
    view = window.view
    assert view is not None
    return [(row.label, row.text) for row in view.rows if row.point is not None]


def stored(db_path: Path, meeting_id: int) -> list[tuple[str, list[str]]]:
    """Item 77's points as a fresh connection reads them: (text, [sub-point texts])."""
    item = reload(db_path, meeting_id).items[1]
    return [(p.text, [c.text for c in p.children]) for p in item.points]


def test_opens_with_caret_at_end_of_last_point(window: MainWindow) -> None:
    view = window.view
    assert isinstance(view, CaptureView)
    assert view.active is not None and view.active.text.startswith("The AD advised")
    editor = focused()
    assert isinstance(editor, PointEditor)
    assert editor.textCursor().atEnd()
    assert "Overview and Scrutiny Committee" in window.windowTitle()


def test_type_three_points_then_restructure_undo_and_redo(
    window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    key(Qt.Key.Key_Return)
    type_text("Members asked about damp.")
    key(Qt.Key.Key_Return)
    type_text("Officers replied.")
    key(Qt.Key.Key_Return)
    type_text("The Chair thanked officers.")
    assert shown(window) == [
        ("a.", "The AD advised that a session was planned."),
        ("b.", "Members asked about damp."),
        ("c.", "Officers replied."),
        ("d.", "The Chair thanked officers."),
    ]
    window.model.flush()  # type: ignore[union-attr]
    assert [t for t, _ in stored(db_path, meeting_id)][1:] == [
        "Members asked about damp.",
        "Officers replied.",
        "The Chair thanked officers.",
    ]

    # Tab: d. becomes c.'s first sub-point, and the letters follow at once.
    key(Qt.Key.Key_Tab)
    assert [label for label, _ in shown(window)] == ["a.", "b.", "c.", "i."]
    assert stored(db_path, meeting_id)[2] == ("Officers replied.", ["The Chair thanked officers."])

    # Shift+Tab lifts it back.
    key(Qt.Key.Key_Backtab, SHIFT)
    assert [label for label, _ in shown(window)] == ["a.", "b.", "c.", "d."]
    assert stored(db_path, meeting_id)[3] == ("The Chair thanked officers.", [])

    # Alt+Up twice: d. moves above c. and b.
    key(Qt.Key.Key_Up, ALT)
    key(Qt.Key.Key_Up, ALT)
    assert shown(window)[1] == ("b.", "The Chair thanked officers.")
    assert [t for t, _ in stored(db_path, meeting_id)][1] == "The Chair thanked officers."
    assert focused() is window.view.editor  # type: ignore[union-attr]

    # Alt+Down puts it back one.
    key(Qt.Key.Key_Down, ALT)
    assert shown(window)[2] == ("c.", "The Chair thanked officers.")

    # Enter then Backspace in the new empty point deletes it; the caret returns.
    key(Qt.Key.Key_Return)
    assert len(shown(window)) == 5
    key(Qt.Key.Key_Backspace)
    assert len(shown(window)) == 4
    assert window.view.active.text == "The Chair thanked officers."  # type: ignore[union-attr]
    assert len(stored(db_path, meeting_id)) == 4

    # Undo everything back to the opening state, step by step, then redo it all.
    stack = window.stack
    steps = stack.index()
    while stack.canUndo():
        key(Qt.Key.Key_Z, CTRL)
    assert shown(window) == [("a.", "The AD advised that a session was planned.")]
    assert stored(db_path, meeting_id) == [("The AD advised that a session was planned.", [])]
    for _ in range(steps):
        key(Qt.Key.Key_Z, CTRL | SHIFT)
    assert shown(window) == [
        ("a.", "The AD advised that a session was planned."),
        ("b.", "Members asked about damp."),
        ("c.", "The Chair thanked officers."),
        ("d.", "Officers replied."),
    ]
    assert [t for t, _ in stored(db_path, meeting_id)] == [text for _, text in shown(window)]


def test_consecutive_typing_is_one_undo_step(
    window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    before = window.stack.count()
    type_text(" It would report in June.")
    assert window.stack.count() == before + 1
    key(Qt.Key.Key_Z, CTRL)
    assert shown(window)[0][1] == "The AD advised that a session was planned."
    assert stored(db_path, meeting_id)[0][0] == "The AD advised that a session was planned."


def test_typed_action_tag_marks_the_point_and_fills_the_panel(
    qtbot: QtBot, window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    key(Qt.Key.Key_Return)
    type_text("The Chair would write to the Cabinet Member (Actions: Chair/Clerk")
    view = window.view
    assert view is not None and view.row_of(view.active).owners == ""  # type: ignore[arg-type]
    type_text(").")
    assert view.row_of(view.active).owners == "Chair/Clerk"  # type: ignore[arg-type]
    panel = window.panel
    qtbot.waitUntil(lambda: panel.topLevelItemCount() == 1, timeout=1000)
    assert panel.topLevelItem(0).text(0) == "77 b."  # type: ignore[union-attr]
    assert panel.topLevelItem(0).text(1) == "Chair/Clerk"  # type: ignore[union-attr]
    window.model.flush()  # type: ignore[union-attr]
    point = reload(db_path, meeting_id).items[1].points[1]
    assert point.action is not None and point.action.owners == ("Chair", "Clerk")


def test_ctrl_t_tags_with_completed_owners(
    qtbot: QtBot, window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    offered: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, OwnerDialog)
        model = dialog.line.completer().model()
        offered.extend(model.data(model.index(i, 0)) for i in range(model.rowCount()))
        dialog.line.setText("AD Commissioning by 12 June 2026")

    window.run_dialog = answering(fill)
    key(Qt.Key.Key_T, CTRL)
    assert "AD Commissioning" in offered and "Councillor Russell" in offered
    # Inside the closing full stop, as published minutes write it.
    tagged = "The AD advised that a session was planned (Action: AD Commissioning by 12 June 2026)."
    assert shown(window)[0][1] == tagged
    assert reload(db_path, meeting_id).items[1].points[0].text == tagged
    qtbot.waitUntil(lambda: window.panel.topLevelItemCount() == 1, timeout=1000)
    assert window.panel.topLevelItem(0).text(2) == "12 Jun 2026"  # type: ignore[union-attr]
    point = reload(db_path, meeting_id).items[1].points[0]
    assert point.action is not None and point.action.owners == ("AD Commissioning",)
    key(Qt.Key.Key_Z, CTRL)
    assert "(Action" not in shown(window)[0][1]
    assert reload(db_path, meeting_id).items[1].points[0].action is None


def test_non_ascii_typed_one_character_at_a_time(
    window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    text = "Zoë Ó Briain and Łukasz agreed 🎉 (Action: Łukasz)"
    key(Qt.Key.Key_Return)
    type_text(text)
    assert shown(window)[1] == ("b.", text)
    window.close()
    assert reload(db_path, meeting_id).items[1].points[1].text == text


def test_closing_the_window_loses_nothing(
    window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    typed = [f"Point number {n} about the budget." for n in range(1, 6)]
    for text in typed:
        key(Qt.Key.Key_Return)
        type_text(text)
    key(Qt.Key.Key_Tab)
    type_text(" Last words")  # straight into close: no timer has fired for these
    window.close()
    points = reload(db_path, meeting_id).items[1].points
    assert [p.text for p in points][1:] == typed[:-1]
    assert [c.text for c in points[-1].children] == [typed[-1] + " Last words"]


def test_arrow_keys_cross_points(window: MainWindow) -> None:
    key(Qt.Key.Key_Return)
    type_text("Second point")
    view = window.view
    assert view is not None
    key(Qt.Key.Key_Up)
    assert view.active is view.model.meeting.items[1].points[0]
    key(Qt.Key.Key_Down)
    assert view.active is view.model.meeting.items[1].points[1]
    key(Qt.Key.Key_Home)
    key(Qt.Key.Key_Left)
    assert view.active is view.model.meeting.items[1].points[0]
    assert view.editor.textCursor().atEnd()
    key(Qt.Key.Key_Right)
    assert view.active is view.model.meeting.items[1].points[1]
    assert view.editor.caret() == 0


def test_enter_mid_point_splits_it(window: MainWindow, db_path: Path, meeting_id: int) -> None:
    view = window.view
    assert view is not None
    view.editor.set_caret(len("The AD advised"))
    key(Qt.Key.Key_Return)
    assert shown(window) == [
        ("a.", "The AD advised"),
        ("b.", "that a session was planned."),
    ]
    assert view.editor.caret() == 0
    assert [t for t, _ in stored(db_path, meeting_id)] == [t for _, t in shown(window)]
    key(Qt.Key.Key_Z, CTRL)
    assert shown(window) == [("a.", "The AD advised that a session was planned.")]


def test_paste_is_cleaned_of_control_characters(window: MainWindow) -> None:
    clipboard = QApplication.clipboard()
    clipboard.setText("\x07from email\x00\r\nwith\tbreaks\x1b ")
    key(Qt.Key.Key_V, CTRL)
    assert (
        shown(window)[0][1] == "The AD advised that a session was planned.from email with breaks "
    )
