"""What the exclusion and readmission window tests share: the five-item licensing meeting's
state read per item, clicks on a row, the colour behind it, and the public Word minutes."""

from __future__ import annotations

from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from clerk_app.core.model import AgendaItem
from clerk_app.ui.capture.rows import Row
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import by_keys, key, wait_exported

CTRL = Qt.KeyboardModifier.ControlModifier

# Excluded at item 2 under paragraph 3, readmitted at item 4: item 3 alone is exempt.
EXCLUDED = [
    (False, "", False, False),
    (False, "", True, False),
    (True, "3", False, False),
    (False, "", False, True),
    (False, "", False, False),
]


def items_of(window: MainWindow) -> list[AgendaItem]:
    assert window.model is not None
    return window.model.meeting.items


def state(items: list[AgendaItem]) -> list[tuple[bool, str, bool, bool]]:
    """Per item: exempt, its paragraphs, an exclusion passed there, readmitted there."""
    return [(i.exempt, i.exempt_paragraph, bool(i.exclusion), i.readmitted) for i in items]


def click_row(window: MainWindow, qtbot: QtBot, row: Row, *, double: bool = False) -> None:
    """A click (or a double-click) on ``row`` where the screen shows it."""
    assert window.view is not None
    view = window.view
    if double:
        QTest.mouseDClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            view.viewport_point(row),
        )
    else:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.viewport_point(row))


def band_of(window: MainWindow, row: Row) -> QColor:
    """The colour just inside the left end of the band behind ``row``, as the screen shows."""
    assert window.view is not None
    view = window.view
    image = view.viewport().grab().toImage()
    x = view.painter.label_x(row) - 4
    y = row.y - view.verticalScrollBar().value() + 2
    return image.pixelColor(x, y)


def export_public(window: MainWindow, path: Path) -> str:
    """Ctrl+E; if asked which version, Enter keeps the public one.  The text Word reads."""
    window.run_dialog = by_keys(lambda dialog: key(Qt.Key.Key_Return))
    window.choose_path = lambda *_args: str(path)
    key(Qt.Key.Key_E, CTRL)
    wait_exported(window)
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
