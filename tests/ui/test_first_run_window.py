"""An empty database: the window says what to do instead of showing an empty table; every
toolbar button names its key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.services.meetings import list_meetings
from clerk_app.store.database import Database
from clerk_app.ui.dialogs.meeting_dialog import MeetingDialog
from tests.ui.helpers import by_keys, focused, key, present, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def test_first_run_shows_what_to_do_and_enter_starts_a_meeting(
    qtbot: QtBot, db: Database, settings: QSettings, db_path: Path
) -> None:
    window = build_window(db, settings)
    qtbot.addWidget(window)
    present(window)
    page = window.meetings_page
    assert page.empty and page.first_run.isVisible() and not window.meeting_list.isVisible()
    steps = page.first_run.steps.text()
    assert "Ctrl+N" in steps and "clerk-app import minutes.txt" in steps
    assert "Import minutes" in steps and "New meeting from agenda" in steps
    assert not page.bar.isVisible()  # no filters over nothing
    assert focused() is page.first_run.new  # Enter is all it takes

    def new(dialog: QDialog) -> None:
        assert isinstance(dialog, MeetingDialog)
        type_text("Parish Council")
        key(Qt.Key.Key_Return)

    window.run_dialog = by_keys(new)
    key(Qt.Key.Key_Return)
    assert [s.committee for s in list_meetings(db)] == ["Parish Council"]
    assert window.view is not None and window.view.isVisible()

    key(Qt.Key.Key_O, CTRL)  # back to the list: a meeting, no first-run page
    assert not page.empty and window.meeting_list.isVisible()
    assert window.meeting_list.topLevelItemCount() == 1
    window.close()


def test_every_toolbar_button_names_its_key(window: object) -> None:
    from clerk_app.ui.shell.main_window import MainWindow

    assert isinstance(window, MainWindow)
    toolbar = window.findChild(QToolBar, "MainToolbar")
    assert toolbar is not None
    buttons = [b for b in toolbar.findChildren(QToolButton) if b.defaultAction() and b.isVisible()]
    assert len(buttons) >= 8
    for button in buttons:
        action = button.defaultAction()
        tip = action.toolTip()
        keys = [k.toString() for k in action.shortcuts()] + action.text().split("\t")[1:]
        assert keys, f"{action.text()} has no key"
        assert any(f"({k}" in tip or f", {k}" in tip for k in keys), f"{tip!r} names no key"
