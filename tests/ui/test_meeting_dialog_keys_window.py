"""Ctrl+N with dates and times typed as a clerk types them: "12.5.26", "7 Tab 00"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from clerk_app.ui.dialogs.meeting_dialog import MeetingDialog
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import by_keys, focused, key, reload, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _field(letter: Qt.Key, text: str) -> None:
    key(letter, ALT)
    key(Qt.Key.Key_A, CTRL)
    type_text(text)


def test_a_new_meeting_with_typed_date_and_times(window: MainWindow, db_path: Path) -> None:
    seen: list[str] = []

    def typing(dialog: QDialog) -> None:
        assert isinstance(dialog, MeetingDialog)
        _field(Qt.Key.Key_D, "31/02/2026")  # no such day
        key(Qt.Key.Key_Return)
        assert dialog.isVisible(), "OK took a date that is not one"
        seen.append(dialog.problem.text())
        assert focused() is dialog.date and dialog.date.text() == "31/02/2026"  # kept as typed
        key(Qt.Key.Key_A, CTRL)
        type_text("12.5.26")
        key(Qt.Key.Key_Tab)  # to Council: the date is shown as understood
        seen.append(dialog.date.text())
        key(Qt.Key.Key_Tab)  # the "Started at" box
        key(Qt.Key.Key_Tab)  # its time, selected whole on arrival
        assert focused() is dialog.start
        type_text("7")
        key(Qt.Key.Key_Tab)  # after a bare hour: on to the minutes, not out of the field
        type_text("00")
        assert focused() is dialog.start and dialog.start.text() == "7.00"
        key(Qt.Key.Key_Tab)
        seen.append(dialog.start.text())
        assert dialog.has_start.isChecked()
        key(Qt.Key.Key_Return)

    window.run_dialog = by_keys(typing)
    key(Qt.Key.Key_N, CTRL)
    assert seen == [
        'Date: "31/02/2026" is not a day of the calendar',
        "Tuesday 12 May 2026",
        "7.00 pm",
    ]
    model = window.model
    assert model is not None and model.meeting.id is not None
    saved = reload(db_path, model.meeting.id)
    assert (saved.date, saved.start_time) == (dt.date(2026, 5, 12), dt.time(19, 0))
    assert "12 May 2026" in window.windowTitle()


def test_other_ways_of_typing_the_date(window: MainWindow, db_path: Path) -> None:
    def typing(dialog: QDialog) -> None:
        assert isinstance(dialog, MeetingDialog)
        _field(Qt.Key.Key_D, "9 June 2026")
        key(Qt.Key.Key_Return)

    window.run_dialog = by_keys(typing)
    key(Qt.Key.Key_N, CTRL)
    assert window.model is not None and window.model.meeting.id is not None
    assert reload(db_path, window.model.meeting.id).date == dt.date(2026, 6, 9)
