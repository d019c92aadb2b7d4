"""Attendance typed in the window with "Councillor" in the names, exported as .txt by the
command line: no "Councillors Councillor", and the file reads back to the same minutes."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog

from clerk_app.cli import main
from clerk_app.ui.dialogs.attendance_dialog import AttendanceDialog
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import by_keys, focused, key, type_text

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _cli(db: Path, *args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", str(db), *args], out=out, err=err) == 0, err.getvalue()
    return out.getvalue()


def test_titles_typed_in_names_are_written_once(
    window: MainWindow, db_path: Path, meeting_id: int, tmp_path: Path
) -> None:
    def typing(dialog: QDialog) -> None:
        assert isinstance(dialog, AttendanceDialog)
        while dialog.table.rowCount():
            dialog.table.removeRow(0)
        for name, role, presence in (
            ("Councillor Matt White", "ch", ""),
            ("Councillor Ann Lee", "", ""),
            ("Councillor Lester Buxton", "", "ap"),
            ("Cllr Ola Ade", "", "s"),
        ):
            key(Qt.Key.Key_Insert)
            type_text(name)
            key(Qt.Key.Key_Tab)
            type_text(role)
            key(Qt.Key.Key_Tab)
            type_text(presence)
        key(Qt.Key.Key_Tab)  # job title
        key(Qt.Key.Key_Tab)  # substitute for
        assert not isinstance(focused(), QComboBox)
        type_text("Councillor Lester Buxton")
        key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    window.run_dialog = by_keys(typing)
    key(Qt.Key.Key_A, CTRL_SHIFT)
    window.close()
    window.db.close()

    first = tmp_path / "first.txt"
    _cli(db_path, "export", str(meeting_id), "--to", str(first))
    text = first.read_text(encoding="utf-8")
    assert "Present: Councillors Matt White (Chair), Ann Lee\n" in text
    assert "Apologies: Councillor Lester Buxton\n" in text
    assert "Substitutes: Councillor Ola Ade for Councillor Lester Buxton\n" in text
    assert "Councillor Councillor" not in text and "Councillors Councillor" not in text
    assert "Cllr" not in text

    # Read back into another database and written again: the same file.
    other = tmp_path / "other.db"
    _cli(other, "import", str(first))
    second = tmp_path / "second.txt"
    listed = _cli(other, "list", "--json")
    [meeting] = json.loads(listed)
    _cli(other, "export", str(meeting["id"]), "--to", str(second))
    assert second.read_text(encoding="utf-8") == text
