"""The readmission of the press and public, by clicks and keys in the real window: its row,
clicked, is selected as the other record rows are; Delete (after asking, naming the items)
removes it and the items from there on are exempt again; Enter moves it ("Readmitted before
which item?") and the exempt run follows; each one undo step, Ctrl+Z bringing it back; the
file and the public Word minutes follow."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.store.database import Database
from clerk_app.ui.capture.row_painter import SELECTED_BAND
from clerk_app.ui.capture.rows import RowKind
from clerk_app.ui.dialogs.approval_dialogs import ConfirmDialog
from clerk_app.ui.dialogs.readmission_dialog import ReadmissionDialog
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
)
from tests.ui.press_and_public import (
    EXCLUDED,
    band_of,
    click_row,
    export_public,
    items_of,
    state,
)

DAY = dt.date(2026, 9, 15)
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
MEMBERS = ["Cllr Ruth Okoro", "Cllr Sam Whitlock", "Cllr Tegan Moss"]
SECRET = "The operator's accounts were examined."
FARES = "Fares held at 2025 rates."
AOB = "Nothing was raised."


@pytest.fixture
def window(qtbot: QtBot, db: Database, tmp_path: Path) -> Iterator[MainWindow]:
    """A licensing committee (England: Schedule 12A paragraphs) with five items."""
    committee = "Licensing Committee"
    meeting = Meeting(
        committee,
        DAY,
        attendees=chaired(MEMBERS),
        items=[
            AgendaItem("Minutes", number="1", points=[Point("Agreed.")]),
            AgendaItem("Exclusion of the press and public", number="2"),
            AgendaItem("Operator licence review", number="3", points=[Point(SECRET)]),
            AgendaItem("Taxi fares", number="4", points=[Point(FARES)]),
            AgendaItem("Any other business", number="5", points=[Point(AOB)]),
        ],
    )
    win = committee_window(qtbot, db, tmp_path, meeting, MEMBERS)
    yield win
    win.close()


def _exclude(window: MainWindow, qtbot: QtBot, number: int) -> None:
    """Ctrl+Shift+E at item ``number``, paragraph 3."""
    exclude_by_keys(window, qtbot, items_of(window)[number - 1], "3")


def _readmit(window: MainWindow, qtbot: QtBot, number: int) -> None:
    assert window.view is not None
    item = items_of(window)[number - 1]
    window.view.go_to_item(item)
    key(Qt.Key.Key_B, CTRL_SHIFT)
    qtbot.waitUntil(lambda: item.readmitted, timeout=3000)


def _click_readmission(window: MainWindow, qtbot: QtBot) -> None:
    [row] = rows_of(window, RowKind.READMITTED)
    click_row(window, qtbot, row)


def _saved(window: MainWindow, db_path: Path) -> list[AgendaItem]:
    assert window.model is not None and window.model.meeting.id is not None
    meeting_id = window.model.meeting.id
    window.close()
    return reload(db_path, meeting_id).items


STILL_OUT = [
    (False, "", False, False),
    (False, "", True, False),
    (True, "3", False, False),
    (True, "3", False, False),
    (True, "3", False, False),
]


def test_delete_on_the_clicked_readmission_asks_then_the_items_are_exempt_again(
    window: MainWindow, qtbot: QtBot, db_path: Path, tmp_path: Path
) -> None:
    _exclude(window, qtbot, 2)
    _readmit(window, qtbot, 4)
    items = items_of(window)
    assert state(items) == EXCLUDED
    asked: list[str] = []

    def cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, ConfirmDialog)
        asked.append(dialog.message.text())
        key(Qt.Key.Key_Return)  # Enter by habit is Cancel

    remove = remove_when_asked(asked)

    _click_readmission(window, qtbot)
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("Selected: The press and public were readmitted")
    )
    window.run_dialog = by_keys(cancel)
    key(Qt.Key.Key_Delete)
    assert "Remove the readmission of the press and public at item 4?" in asked[0]
    assert "item 4 and item 5 become exempt again under paragraph 3." in asked[0]
    assert state(items) == EXCLUDED  # cancelled: nothing changed
    depth = window.stack.index()
    _click_readmission(window, qtbot)
    window.run_dialog = by_keys(remove)
    key(Qt.Key.Key_Delete)
    assert state(items) == STILL_OUT
    assert rows_of(window, RowKind.READMITTED) == []
    assert len(rows_of(window, RowKind.EXEMPT)) == 3
    assert window.stack.index() == depth + 1
    assert window.stack.undoText() == "Remove readmission of press and public"
    assert focused() is window.view.editor  # type: ignore[union-attr]
    key(Qt.Key.Key_Z, CTRL)  # one step brings the readmission back, items 4 and 5 public
    assert state(items) == EXCLUDED
    assert len(rows_of(window, RowKind.READMITTED)) == 1
    key(Qt.Key.Key_Z, CTRL_SHIFT)
    assert state(items) == STILL_OUT
    text = export_public(window, tmp_path / "public.docx")
    assert "readmitted" not in text
    assert SECRET not in text and FARES not in text and AOB not in text
    assert state(_saved(window, db_path)) == STILL_OUT


def test_enter_on_the_clicked_readmission_moves_it_and_the_exempt_run_follows(
    window: MainWindow, qtbot: QtBot, db_path: Path, tmp_path: Path
) -> None:
    _exclude(window, qtbot, 2)
    _readmit(window, qtbot, 4)
    items = items_of(window)
    seen: list[object] = []

    def later(dialog: QDialog) -> None:
        assert isinstance(dialog, ReadmissionDialog)
        combo = dialog.places
        seen.append([combo.itemText(i) for i in range(combo.count())])
        seen.append(combo.currentText())
        assert focused() is combo
        seen.append(dialog.effect.text())
        key(Qt.Key.Key_Down)
        seen.append(dialog.effect.text())  # said before OK: what the move does
        key(Qt.Key.Key_Return)

    _click_readmission(window, qtbot)
    window.run_dialog = by_keys(later)
    key(Qt.Key.Key_Return)
    assert seen == [
        [
            "item 3: Operator licence review",
            "item 4: Taxi fares",
            "item 5: Any other business",
        ],
        "item 4: Taxi fares",
        "No item changes.",
        "Moving it here: item 4 becomes exempt.",
    ]
    moved_later = [
        (False, "", False, False),
        (False, "", True, False),
        (True, "3", False, False),
        (True, "3", False, False),
        (False, "", False, True),
    ]
    assert state(items) == moved_later
    [row] = rows_of(window, RowKind.READMITTED)
    assert row.item is items[4]
    assert window.stack.undoText() == "Move readmission of press and public"
    assert focused() is window.view.editor  # type: ignore[union-attr]
    key(Qt.Key.Key_Z, CTRL)  # one step: back before item 4, item 4 public again
    assert state(items) == EXCLUDED
    key(Qt.Key.Key_Z, CTRL_SHIFT)
    assert state(items) == moved_later

    def earliest(dialog: QDialog) -> None:
        assert isinstance(dialog, ReadmissionDialog)
        key(Qt.Key.Key_Up)
        key(Qt.Key.Key_Up)
        # Earlier publishes what was private: the dialog names it before Ctrl+Enter.
        seen.append(dialog.effect.text())
        key(Qt.Key.Key_Return, CTRL)

    _click_readmission(window, qtbot)
    window.run_dialog = by_keys(earliest)
    key(Qt.Key.Key_Return)
    moved_earlier = [
        (False, "", False, False),
        (False, "", True, False),
        (False, "", False, True),
        (False, "", False, False),
        (False, "", False, False),
    ]
    assert state(items) == moved_earlier
    assert seen[-1] == "Moving it here: item 3 and item 4 become public."
    text = export_public(window, tmp_path / "public.docx")
    assert "The press and public were readmitted to the meeting." in text
    assert SECRET in text and FARES in text
    assert state(_saved(window, db_path)) == moved_earlier


def test_esc_in_the_move_dialog_changes_nothing(window: MainWindow, qtbot: QtBot) -> None:
    _exclude(window, qtbot, 2)
    _readmit(window, qtbot, 4)
    depth = window.stack.index()

    def escape(dialog: QDialog) -> None:
        assert isinstance(dialog, ReadmissionDialog)
        key(Qt.Key.Key_Down)
        key(Qt.Key.Key_Escape)

    _click_readmission(window, qtbot)
    window.run_dialog = by_keys(escape)
    key(Qt.Key.Key_Return)
    assert state(items_of(window)) == EXCLUDED
    assert window.stack.index() == depth


def test_the_readmission_and_a_new_exclusion_at_one_item_are_selected_apart(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Item 4 readmits and then excludes again: a click selects the row clicked, not both,
    and Delete removes the readmission alone (the public out from item 4 on)."""
    _exclude(window, qtbot, 2)
    _readmit(window, qtbot, 4)
    _exclude(window, qtbot, 4)
    items = items_of(window)
    [readmitted] = rows_of(window, RowKind.READMITTED)
    exclusion = next(r for r in rows_of(window, RowKind.EXCLUSION) if r.item is items[3])
    plain = band_of(window, exclusion)
    click_row(window, qtbot, readmitted)
    qtbot.waitUntil(lambda: band_of(window, readmitted) == SELECTED_BAND, timeout=3000)
    assert band_of(window, exclusion) == plain

    asked: list[str] = []
    window.run_dialog = by_keys(remove_when_asked(asked))
    key(Qt.Key.Key_Delete)
    assert "item 4 becomes exempt again under paragraph 3." in asked[0]
    assert state(items) == [
        (False, "", False, False),
        (False, "", True, False),
        (True, "3", False, False),
        (True, "3", True, False),  # out already when it excluded again
        (True, "3", False, False),
    ]
