"""The last meeting opened is remembered per database: ids of two databases are unrelated."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.core.model import Meeting
from clerk_app.services.meetings import create_meeting
from clerk_app.store.database import open_database
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import key, present

CTRL = Qt.KeyboardModifier.ControlModifier


def _archive(path: Path, committee: str) -> list[int]:
    db = open_database(path)
    try:
        return [
            create_meeting(db, Meeting(committee=committee, date=dt.date(2026, 1, 5 + 7 * n)))
            for n in range(3)
        ]
    finally:
        db.close()


def _window(qtbot: QtBot, path: Path, settings: QSettings) -> MainWindow:
    window = build_window(open_database(path), settings)
    qtbot.addWidget(window)
    present(window)
    return window


def _open_listed(window: MainWindow, meeting_id: int) -> None:
    lst = window.meeting_list
    for index in range(lst.topLevelItemCount()):
        row = lst.topLevelItem(index)
        if row is not None and lst.selected_id() != meeting_id:
            key(Qt.Key.Key_Down)
    assert lst.selected_id() == meeting_id
    key(Qt.Key.Key_Return)
    assert window.model is not None and window.model.meeting.id == meeting_id


def test_each_database_keeps_its_own_last_meeting(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    parish = _archive(tmp_path / "parish.db", "Parish Council")
    town = _archive(tmp_path / "town.db", "Town Council")
    assert parish == town  # the same ids, unrelated meetings

    window = _window(qtbot, tmp_path / "parish.db", settings)
    window.meeting_list.setFocus()
    _open_listed(window, parish[0])  # the oldest, at the bottom of the list
    window.close()
    window.db.close()

    other = _window(qtbot, tmp_path / "town.db", settings)
    # Not the parish's meeting of the same id: the newest, as for a database never opened.
    assert other.meeting_list.selected_id() == town[-1]
    other.meeting_list.setFocus()
    _open_listed(other, town[-1])
    other.close()
    other.db.close()

    again = _window(qtbot, tmp_path / "parish.db", settings)
    assert again.meeting_list.selected_id() == parish[0]
    key(Qt.Key.Key_O, CTRL)
    assert again.meeting_list.selected_id() == parish[0]
    again.close()
    again.db.close()
