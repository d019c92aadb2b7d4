"""Ctrl+Enter accepts a dialog from inside its multi-line boxes and its table cells, where
Enter alone starts a new line or finishes the cell."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit

from clerk_app.ui.dialogs.attendance_dialog import AttendanceDialog
from clerk_app.ui.dialogs.decision_dialog import DecisionDialog
from clerk_app.ui.dialogs.item_dialog import ItemDialog
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import by_keys, focused, key, reload, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_ctrl_enter_from_multi_line_boxes_and_cells(
    window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    answered: list[str] = []

    def decision(dialog: QDialog) -> None:
        assert isinstance(dialog, DecisionDialog)
        assert isinstance(focused(), QPlainTextEdit)  # the resolutions box
        type_text("noted the report")
        key(Qt.Key.Key_Return)  # Enter: a new line, as ever
        type_text("agreed the plan")
        key(Qt.Key.Key_Return, CTRL)
        answered.append(type(dialog).__name__)

    window.run_dialog = by_keys(decision)
    key(Qt.Key.Key_R, CTRL)  # Add RESOLVED to the item with the caret
    assert answered == ["DecisionDialog"]
    item = reload(db_path, meeting_id).items[1]
    assert item.decisions[-1].resolutions == ["noted the report", "agreed the plan"]

    def new_item(dialog: QDialog) -> None:
        assert isinstance(dialog, ItemDialog)
        key(Qt.Key.Key_T, ALT)
        type_text("Budget monitoring")
        key(Qt.Key.Key_I, ALT)  # the Introduction box
        type_text("The Head of Finance introduced the report.")
        key(Qt.Key.Key_Return)
        type_text("Members noted the forecast.")
        key(Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)  # the keypad's Enter
        answered.append(type(dialog).__name__)

    window.run_dialog = by_keys(new_item)
    key(Qt.Key.Key_Return, CTRL)  # New agenda item
    last = reload(db_path, meeting_id).items[-1]
    assert (last.title, last.intro) == (
        "Budget monitoring",
        "The Head of Finance introduced the report.\nMembers noted the forecast.",
    )

    def attendance(dialog: QDialog) -> None:
        assert isinstance(dialog, AttendanceDialog)
        key(Qt.Key.Key_Insert)
        type_text("Councillor Zara Khan")  # still in the cell's editor
        key(Qt.Key.Key_Return, CTRL)
        answered.append(type(dialog).__name__)

    window.run_dialog = by_keys(attendance)
    key(Qt.Key.Key_A, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert answered[-1] == "AttendanceDialog"
    names = [a.name for a in reload(db_path, meeting_id).attendees]
    assert "Councillor Zara Khan" in names  # the cell's text was kept, not dropped
