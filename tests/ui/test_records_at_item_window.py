"""Ctrl+Shift+R reaches every record row of an item from the keyboard, not only declarations
and motions: an arrival edited, the exclusion removed (after asking) and put back by Ctrl+Z,
the readmission removed, through the same handlers a click then Enter or Delete uses; the
file follows each step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.core.procedure.movements import Movement, MovementKind
from clerk_app.store.database import Database
from clerk_app.ui.capture.rows import RowKind
from clerk_app.ui.dialogs.movement_dialog import MovementDialog
from clerk_app.ui.dialogs.records_dialog import RecordsDialog
from clerk_app.ui.shell.command_registry import SPECS, Cmd
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import (
    by_keys,
    chaired,
    committee_window,
    exclude_by_keys,
    focused,
    key,
    reload,
    remove_when_asked,
    rows_of,
    type_text,
)

DAY = dt.date(2026, 9, 15)
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
MEMBERS = ["Cllr Ruth Okoro", "Cllr Sam Whitlock", "Cllr Tegan Moss", "Cllr Umar Farooq"]
ARRIVED = Movement("Cllr Umar Farooq", MovementKind.ARRIVED, dt.time(10, 5))
LEFT = Movement("Cllr Tegan Moss", MovementKind.LEFT, dt.time(10, 20))


@pytest.fixture
def window(qtbot: QtBot, db: Database, tmp_path: Path) -> Iterator[MainWindow]:
    """A licensing committee whose item 2 already has an arrival and a departure."""
    committee = "Licensing Committee"
    meeting = Meeting(
        committee,
        DAY,
        # Councillor Farooq is not in at the start: he arrives during item 2.
        attendees=chaired(MEMBERS[:3]),
        items=[
            AgendaItem("Minutes", number="1", points=[Point("Agreed.")]),
            AgendaItem(
                "Operator licence review",
                number="2",
                points=[Point("The operator's accounts were examined.")],
                movements=[ARRIVED, LEFT],
            ),
            AgendaItem("Taxi fares", number="3", points=[Point("Fares held.")]),
        ],
    )
    win = committee_window(qtbot, db, tmp_path, meeting, MEMBERS)
    yield win
    win.close()


def _exempt(items: list[AgendaItem]) -> list[tuple[bool, bool]]:
    """Per item: exempt, an exclusion passed there."""
    return [(item.exempt, bool(item.exclusion)) for item in items]


EXCLUDED = [(False, False), (False, True), (True, False)]
PUBLIC = [(False, False)] * 3


def test_ctrl_shift_r_edits_an_arrival_and_removes_the_exclusion_by_keys(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    assert window.model is not None and window.view is not None
    meeting_id = window.model.meeting.id
    assert meeting_id is not None
    items = window.model.meeting.items

    # Nothing at item 1: the status bar says what the list would have held.
    window.view.go_to_item(items[0])
    key(Qt.Key.Key_R, CTRL_SHIFT)
    said = window.statusBar().currentMessage()
    assert said.startswith("Nothing recorded at this item yet: no declarations, motions")
    assert "arrivals or departures, exclusion, or readmission of the press and public" in said

    # Item 2: the press and public excluded by keys (paragraph 3); item 3 becomes exempt.
    exclude_by_keys(window, qtbot, items[1], "3")
    assert _exempt(items) == EXCLUDED

    # Ctrl+Shift+R: every record of the item, in the order shown, each saying what it is;
    # Home to the arrival, Enter opens it in its dialog; its time changed, Ctrl+Enter.
    listed: list[str] = []

    def to_arrival(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordsDialog)
        listed.extend(dialog.list.item(i).text() for i in range(dialog.list.count()))
        key(Qt.Key.Key_Home)
        key(Qt.Key.Key_Return)

    def new_time(dialog: QDialog) -> None:
        assert isinstance(dialog, MovementDialog)
        listed.append(dialog.member.text())
        dialog.time.setFocus()
        key(Qt.Key.Key_A, CTRL)
        type_text("10.12 am")
        key(Qt.Key.Key_Return, CTRL)

    runs = iter([by_keys(to_arrival), by_keys(new_time)])
    window.run_dialog = lambda dialog: next(runs)(dialog)
    key(Qt.Key.Key_R, CTRL_SHIFT)
    assert listed[:2] == [
        "Arrival or departure: Cllr Umar Farooq arrived at 10.05 am during item 2.",
        "Arrival or departure: Cllr Tegan Moss left the meeting at 10.20 am during item 2 "
        "and took no part in the vote.",
    ]
    assert listed[2].startswith("Exclusion: RESOLVED: That under section 100A(4)")
    assert listed[3:] == ["Cllr Umar Farooq"]  # the arrival chosen opened, not a new entry
    qtbot.waitUntil(lambda: items[1].movements[0].at == dt.time(10, 12), timeout=3000)
    assert [r.text for r in rows_of(window, RowKind.MOVEMENT)][0] == (
        "Cllr Umar Farooq arrived at 10.12 am during item 2."
    )
    assert window.stack.undoText() == "Edit arrivals and departures"
    assert focused() is window.view.editor  # back to typing
    assert reload(db_path, meeting_id).items[1].movements == [
        Movement("Cllr Umar Farooq", MovementKind.ARRIVED, dt.time(10, 12)),
        LEFT,
    ]

    # Ctrl+Shift+R again: End to the exclusion, Delete asks first, Remove removes it.
    asked: list[str] = []

    def to_exclusion(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordsDialog)
        key(Qt.Key.Key_End)
        key(Qt.Key.Key_Delete)

    runs = iter([by_keys(to_exclusion), by_keys(remove_when_asked(asked))])
    window.run_dialog = lambda dialog: next(runs)(dialog)
    key(Qt.Key.Key_R, CTRL_SHIFT)
    assert "No longer exempt: item 3." in asked[0]
    assert _exempt(items) == PUBLIC
    assert rows_of(window, RowKind.EXCLUSION) == [] and rows_of(window, RowKind.EXEMPT) == []
    assert window.stack.undoText() == "Remove exclusion of press and public"
    assert focused() is window.view.editor
    assert _exempt(reload(db_path, meeting_id).items) == PUBLIC
    assert len(rows_of(window, RowKind.MOVEMENT)) == 2  # the arrival and departure stay

    # Ctrl+Z: the exclusion and the exemption it made, back in one step, here and on file.
    key(Qt.Key.Key_Z, CTRL)
    assert _exempt(items) == EXCLUDED
    assert (
        len(rows_of(window, RowKind.EXCLUSION)) == 1 and len(rows_of(window, RowKind.EXEMPT)) == 1
    )
    assert _exempt(reload(db_path, meeting_id).items) == EXCLUDED


def test_the_command_is_named_for_every_record_and_keeps_its_key() -> None:
    spec = SPECS[Cmd.RECORDS]
    assert spec.text.replace("&", "") == "Records at this item…"
    assert spec.shortcuts == ("Ctrl+Shift+R",)


def test_ctrl_shift_r_reaches_the_readmission_and_removes_it_after_asking(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    assert window.model is not None and window.view is not None
    meeting_id = window.model.meeting.id
    assert meeting_id is not None
    items = window.model.meeting.items

    # Excluded at item 2 (paragraph 3), readmitted at item 3: item 3 is public again.
    exclude_by_keys(window, qtbot, items[1], "3")
    window.view.go_to_item(items[2])
    key(Qt.Key.Key_B, CTRL_SHIFT)
    assert items[2].readmitted and _exempt(items) == [(False, False), (False, True), (False, False)]

    # Ctrl+Shift+R at item 3 lists the readmission; Delete asks, naming what goes private.
    listed: list[str] = []
    asked: list[str] = []

    def to_readmission(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordsDialog)
        listed.extend(dialog.list.item(i).text() for i in range(dialog.list.count()))
        key(Qt.Key.Key_Home)
        key(Qt.Key.Key_Delete)

    runs = iter([by_keys(to_readmission), by_keys(remove_when_asked(asked))])
    window.run_dialog = lambda dialog: next(runs)(dialog)
    key(Qt.Key.Key_R, CTRL_SHIFT)
    assert listed == ["Readmission: The press and public were readmitted to the meeting."]
    assert "item 3 becomes exempt again under paragraph 3" in asked[0]
    assert _exempt(items) == EXCLUDED and not items[2].readmitted
    assert rows_of(window, RowKind.READMITTED) == []
    assert window.stack.undoText() == "Remove readmission of press and public"
    saved = reload(db_path, meeting_id).items
    assert _exempt(saved) == EXCLUDED and not saved[2].readmitted
    assert saved[2].exempt_paragraph == "3"

    # Ctrl+Z: readmitted again, item 3 public, here and on file.
    key(Qt.Key.Key_Z, CTRL)
    assert items[2].readmitted and not items[2].exempt
    assert not reload(db_path, meeting_id).items[2].exempt


def test_named_vote_is_offered_only_on_a_motion(qtbot: QtBot) -> None:
    """The list's Named vote button follows the chosen record: greyed out on a declaration or
    an arrival (it would do nothing there), live on a motion; V on the others does nothing."""
    dialog = RecordsDialog(
        "2 Operator licence review",
        [
            "Declaration: Cllr Ruth Okoro declared an other registrable interest.",
            "Motion: Moved by Cllr Sam Whitlock, seconded by Cllr Tegan Moss.",
            "Arrival or departure: Cllr Umar Farooq arrived at 10.05 am during item 2.",
        ],
        [False, True, False],
    )
    qtbot.addWidget(dialog)
    assert not dialog.vote_button.isEnabled()  # the latest, an arrival, is chosen first
    dialog.list.setCurrentRow(1)
    assert dialog.vote_button.isEnabled()
    dialog.list.setCurrentRow(0)
    assert not dialog.vote_button.isEnabled()
    qtbot.keyClick(dialog.list, Qt.Key.Key_V)
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.action == "edit"
    dialog.list.setCurrentRow(1)
    qtbot.keyClick(dialog.list, Qt.Key.Key_V)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.action == "vote"
