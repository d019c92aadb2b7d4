"""The live editor shows all of a point while it grows: seen in a screenshot under Xvfb, where a
point that wrapped onto a second line hid its first line until the caret left it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import key, type_text


def test_a_wrapping_point_keeps_its_first_line_in_view(window: MainWindow) -> None:
    view = window.view
    assert view is not None
    window.resize(900, 700)
    key(Qt.Key.Key_Return)
    type_text("Councillor Wójcik asked about flood risk on the estate road and the culvert. " * 3)
    editor = view.editor
    assert editor.line_count() >= 2
    assert editor.verticalScrollBar().value() == 0
    # and the editor is as tall as the lines it holds, so nothing is cut off below either
    assert editor.height() >= editor.line_count() * editor.fontMetrics().lineSpacing()


def test_the_editor_follows_its_lines_key_by_key_growing_and_shrinking(window: MainWindow) -> None:
    """The editor learns of a new line from its scroll range and of a lost one after a
    deletion: after every key it is exactly as tall as its lines, and the row below starts
    under it, so nothing typed is hidden and no gap opens."""
    view = window.view
    assert view is not None
    window.resize(700, 700)
    key(Qt.Key.Key_Return)
    editor = view.editor
    spacing = editor.fontMetrics().lineSpacing()
    most = 1

    def check() -> None:
        assert editor.height() == editor.line_count() * spacing
        assert editor.verticalScrollBar().value() == 0

    for char in "Amendment moved by Councillor Ní Bhriain on the Łódź twinning visit budget. " * 3:
        type_text(char)
        check()
        most = max(most, editor.line_count())
    assert most >= 3
    for _ in range(150):
        key(Qt.Key.Key_Backspace)
        check()
    assert editor.line_count() < most
