"""The attendance of a new meeting typed with the keyboard alone: columns wide enough to read
from the start, and the first letters of a role or presence choosing it predictably."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDialog
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.core.model import AgendaItem, Attendee, Meeting, Presence, Role
from clerk_app.services.meetings import create_meeting
from clerk_app.store.database import Database
from clerk_app.ui.dialogs.attendance_dialog import AttendanceDialog
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import by_keys, focused, key, present, reload, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def new_meeting(db: Database) -> int:
    return create_meeting(
        db,
        Meeting(
            committee="Parish Council",
            date=dt.date(2026, 6, 2),
            items=[AgendaItem("Apologies for absence", "1")],
        ),
    )


@pytest.fixture
def empty_window(
    qtbot: QtBot, db: Database, settings: QSettings, new_meeting: int
) -> Iterator[MainWindow]:
    win = build_window(db, settings, new_meeting)
    qtbot.addWidget(win)
    present(win)
    yield win
    win.close()


def _person(name: str, role: str, presence: str) -> None:
    key(Qt.Key.Key_Insert)
    type_text(name)
    key(Qt.Key.Key_Tab)
    type_text(role)
    key(Qt.Key.Key_Tab)
    type_text(presence)


def test_a_new_meetings_attendance_typed_by_keys(
    empty_window: MainWindow, db_path: Path, new_meeting: int
) -> None:
    widths: list[tuple[int, int]] = []

    def typing(dialog: QDialog) -> None:
        assert isinstance(dialog, AttendanceDialog)
        metrics = dialog.table.fontMetrics()
        widths.append(
            (
                dialog.table.columnWidth(1) - metrics.horizontalAdvance("Also present"),
                dialog.table.columnWidth(2) - metrics.horizontalAdvance("Apologies"),
            )
        )
        _person("Councillor Ann Smith", "ch", "")
        _person("Councillor Bo Li", "m", "ap")
        _person("Mr Tom Ray", "co", "")
        key(Qt.Key.Key_Tab, SHIFT)  # back to the role just chosen
        role = focused()
        assert isinstance(role, QComboBox) and role.currentText() == "Co-opted"
        _person("Jo Ward", "o", "")
        key(Qt.Key.Key_Return)

    empty_window.run_dialog = by_keys(typing)
    key(Qt.Key.Key_A, CTRL | SHIFT)
    assert widths and all(w > 0 for w in widths[0]), f"a choice is cut off: {widths}"
    people = {a.name: a for a in reload(db_path, new_meeting).attendees}
    assert people["Councillor Ann Smith"].role is Role.CHAIR
    assert people["Councillor Bo Li"].role is Role.MEMBER
    assert people["Councillor Bo Li"].presence is Presence.APOLOGIES
    assert people["Mr Tom Ray"].role is Role.COOPTED
    assert people["Jo Ward"].role is Role.OFFICER


def test_typed_letters_do_not_depend_on_the_previous_choice() -> None:
    dialog = AttendanceDialog([])
    present(dialog)
    dialog.add_person(Attendee("Cllr X", Role.MEMBER))
    combo = dialog.table.cellWidget(0, 1)
    assert isinstance(combo, QComboBox) and combo.currentText() == "Member"
    combo.setFocus()
    for letters, expected in (("c", "Chair"), ("v", "Vice-chair"), ("ch", "Chair")):
        combo.setCurrentIndex(2)
        combo._last = 0.0  # type: ignore[attr-defined]  # a pause between two choices
        for letter in letters:
            key(getattr(Qt.Key, f"Key_{letter.upper()}"))
        assert combo.currentText() == expected, letters
    dialog.close()
