"""Steps of a live meeting's proceedings in the real window, by keys, for journeys to chain:
the clock set, a member leaving or arriving (Ctrl+Shift+J), an item's time corrected (F2),
the press and public excluded and readmitted (Meeting menu), the meeting closed
(Ctrl+Shift+X).  Each waits until the window shows what it did."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from clerk_app.core.model import AgendaItem
from clerk_app.ui.capture.rows import Row, RowKind
from clerk_app.ui.dialogs.exclusion_dialog import ExclusionDialog
from clerk_app.ui.dialogs.item_dialog import ItemDialog
from clerk_app.ui.dialogs.movement_dialog import MovementDialog
from clerk_app.ui.shell.command_registry import Cmd
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import by_keys, key, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def set_clock(window: MainWindow, day: dt.date, hour: int, minute: int) -> None:
    """The window's clock (item times, movements, the close) reads this from now on."""
    window.now = lambda: dt.datetime.combine(day, dt.time(hour, minute, 17))


def current_item(window: MainWindow) -> AgendaItem:
    assert window.view is not None and window.view.current_item is not None
    return window.view.current_item


def rows_of(window: MainWindow, kind: RowKind) -> list[Row]:
    assert window.view is not None
    return [row for row in window.view.rows if row.kind is kind]


def quorum_text(window: MainWindow) -> str:
    return window.proceedings.indicator.text()


def next_item(window: MainWindow, qtbot: QtBot) -> AgendaItem:
    """Ctrl+Down: on to the next agenda item (which notes its time, if it has none)."""
    before = current_item(window)
    key(Qt.Key.Key_Down, CTRL)
    qtbot.waitUntil(lambda: current_item(window) is not before, timeout=3000)
    item = current_item(window)
    qtbot.waitUntil(lambda: item.taken_at is not None or not _today(window), timeout=3000)
    return item


def _today(window: MainWindow) -> bool:
    assert window.model is not None
    return window.model.meeting.date == window.now().date()


def member_moves(
    window: MainWindow, qtbot: QtBot, name: str, *, expect: str, time: str | None = None
) -> str:
    """Ctrl+Shift+J at the caret's item: the member's name typed, the kind left as the
    dialog proposes it (``expect``: "left the meeting" or "arrived"), the time as now unless
    ``time`` is typed; Ctrl+Enter.  Returns the sentence the dialog showed."""
    shown: list[str] = []

    def press(dialog: QDialog) -> None:
        assert isinstance(dialog, MovementDialog)
        type_text(name)
        popup = dialog.member.completer().popup()
        if popup.isVisible():
            popup.hide()
        assert dialog.kind.currentText() == expect
        if time is not None:
            dialog.time.setFocus()
            key(Qt.Key.Key_A, CTRL)
            type_text(time)
        shown.append(dialog.sentence.text())
        key(Qt.Key.Key_Return, CTRL)

    item = current_item(window)
    count = len(item.movements)
    window.run_dialog = by_keys(press)
    key(Qt.Key.Key_J, CTRL_SHIFT)
    qtbot.waitUntil(lambda: len(item.movements) == count + 1, timeout=3000)
    return shown[0]


def set_item_time(window: MainWindow, qtbot: QtBot, typed: str) -> None:
    """F2 on the caret's item: Alt+A to its "Taken at" field, the time typed, Enter."""

    def press(dialog: QDialog) -> None:
        assert isinstance(dialog, ItemDialog)
        key(Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is dialog.taken_at
        key(Qt.Key.Key_A, CTRL)
        type_text(typed)
        key(Qt.Key.Key_Return)

    item = current_item(window)
    before = item.taken_at
    window.run_dialog = by_keys(press)
    key(Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: item.taken_at != before, timeout=3000)


def exclude_public(window: MainWindow, qtbot: QtBot, paragraphs: str) -> str:
    """Meeting > Exclude press and public… at the caret's item: the paragraphs typed,
    Enter.  Returns the wording the dialog showed."""
    shown: list[str] = []

    def press(dialog: QDialog) -> None:
        assert isinstance(dialog, ExclusionDialog)
        type_text(paragraphs)
        shown.append(dialog.wording.text())
        key(Qt.Key.Key_Return)

    item = current_item(window)
    window.run_dialog = by_keys(press)
    window.registry[Cmd.EXCLUDE_PUBLIC].trigger()
    qtbot.waitUntil(lambda: bool(item.exclusion), timeout=3000)
    return shown[0]


def readmit_public(window: MainWindow, qtbot: QtBot) -> None:
    item = current_item(window)
    window.registry[Cmd.READMIT_PUBLIC].trigger()
    qtbot.waitUntil(lambda: item.readmitted, timeout=3000)


def close_meeting(window: MainWindow, qtbot: QtBot) -> None:
    assert window.model is not None
    meeting = window.model.meeting
    before = meeting.end_time
    key(Qt.Key.Key_X, CTRL_SHIFT)
    qtbot.waitUntil(lambda: meeting.end_time != before, timeout=3000)


def settle() -> None:
    """Let queued work (an item's time stamp) run."""
    QTest.qWait(20)
