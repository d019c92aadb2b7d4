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
