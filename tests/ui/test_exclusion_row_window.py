"""The press and public, by keys in the real window: Ctrl+Shift+E excludes and Ctrl+Shift+B
readmits; the exclusion's RESOLVED row, clicked, takes Enter (its dialog, as passed) and
Delete (after asking, the readmission with it), each one undo step, as the other record
rows do; the file and the public Word minutes follow."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QMenu
from pytestqt.qtbot import QtBot

from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.store.database import Database
from clerk_app.ui.capture.point_editor import JUMP_KEYS
from clerk_app.ui.capture.row_painter import SELECTED_BAND
from clerk_app.ui.capture.rows import RowKind
from clerk_app.ui.dialogs.approval_dialogs import ConfirmDialog
from clerk_app.ui.dialogs.exclusion_dialog import ExclusionDialog
from clerk_app.ui.shell.command_registry import SPECS, Cmd
from clerk_app.ui.shell.keyboard_help import keyboard_reference
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
PARAGRAPH_3 = "paragraph 3 of Part 1 of Schedule 12A"
SECRET = "The operator's accounts were examined."


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
            AgendaItem("Taxi fares", number="4", points=[Point("Fares held.")]),
            AgendaItem("Any other business", number="5"),
        ],
    )
    win = committee_window(qtbot, db, tmp_path, meeting, MEMBERS)
    yield win
    win.close()


def _to_item(window: MainWindow, number: int) -> None:
    assert window.view is not None
    window.view.go_to_item(items_of(window)[number - 1])


def _exclude_and_readmit(window: MainWindow, qtbot: QtBot) -> None:
    """Ctrl+Shift+E at item 2 (paragraph 3), Ctrl+Shift+B at item 4: no menu, no mouse."""
    items = items_of(window)
    exclude_by_keys(window, qtbot, items[1], "3")
    _to_item(window, 4)
    key(Qt.Key.Key_B, CTRL_SHIFT)
    qtbot.waitUntil(lambda: items[3].readmitted, timeout=3000)


def test_ctrl_shift_e_excludes_and_ctrl_shift_b_readmits_shown_in_menu_and_help(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    _exclude_and_readmit(window, qtbot)
    assert state(items_of(window)) == EXCLUDED
    assert window.stack.undoText() == "Readmit press and public"
    assert focused() is window.view.editor  # type: ignore[union-attr]  # typing goes on
    type_text("Fares held at 2026 rates.")
    # The menu shows the keys beside the commands, and so does Help > Keyboard shortcuts.
    menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Meeting")
    shown = {a.objectName(): a.shortcut().toString() for a in menu.actions()}
    assert shown[Cmd.EXCLUDE_PUBLIC.value] == "Ctrl+Shift+E"
    assert shown[Cmd.READMIT_PUBLIC.value] == "Ctrl+Shift+B"
    [meeting_keys] = [rows for group, rows in keyboard_reference() if group == "Meeting"]
    assert ("Ctrl+Shift+E", "Exclude press and public") in meeting_keys
    assert ("Ctrl+Shift+B", "Readmit press and public") in meeting_keys
    meeting_id = window.model.meeting.id  # type: ignore[union-attr]
    assert meeting_id is not None
    window.close()
    saved = reload(db_path, meeting_id).items
    assert state(saved) == EXCLUDED
    assert PARAGRAPH_3 in saved[1].exclusion


def test_no_two_commands_or_editor_keys_share_a_key() -> None:
    """The keys chosen for excluding and readmitting clash with nothing in the window."""
    seen: dict[str, str] = {}
    for cmd, spec in SPECS.items():
        for keys in spec.shortcuts:
            text = QKeySequence(keys).toString()
            assert text not in seen, f"{text}: {seen.get(text)} and {cmd.value}"
            seen[text] = cmd.value
    for (code, mods), where in JUMP_KEYS.items():  # the editor's own, not window shortcuts
        text = QKeySequence(QKeyCombination(mods, Qt.Key(code))).toString()
        assert text not in seen, f"{text}: {seen.get(text)} and the editor's {where}"


def test_enter_on_the_clicked_exclusion_edits_its_paragraphs_as_one_undo_step(
    window: MainWindow, qtbot: QtBot, db_path: Path, tmp_path: Path
) -> None:
    _exclude_and_readmit(window, qtbot)
    items = items_of(window)
    depth = window.stack.index()
    seen: list[str] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, ExclusionDialog)
        seen.append(dialog.paragraphs.text())
        seen.append(dialog.wording.text())
        key(Qt.Key.Key_Escape)

    # A double-click opens it too; Esc changes nothing.
    [row] = rows_of(window, RowKind.EXCLUSION)
    window.run_dialog = by_keys(look)
    click_row(window, qtbot, row, double=True)
    assert seen[0] == "3" and PARAGRAPH_3 in seen[1]
    assert window.stack.index() == depth

    def paragraphs_1_and_3(dialog: QDialog) -> None:
        assert isinstance(dialog, ExclusionDialog)
        assert dialog.paragraphs.selectedText() == "3"  # typing replaces them
        type_text("1, 3")
        seen.append(dialog.wording.text())
        key(Qt.Key.Key_Return, CTRL)

    [row] = rows_of(window, RowKind.EXCLUSION)
    click_row(window, qtbot, row)
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("Selected: RESOLVED: That under section 100A(4)")
    )
    window.run_dialog = by_keys(paragraphs_1_and_3)
    key(Qt.Key.Key_Return)
    assert "paragraphs 1, 3 of Part 1 of Schedule 12A" in seen[-1]
    [row] = rows_of(window, RowKind.EXCLUSION)
    assert "paragraphs 1, 3 of Part 1 of Schedule 12A" in row.text
    assert [r.text for r in rows_of(window, RowKind.EXEMPT)] == [
        "EXEMPT: not for publication (Schedule 12A paragraph 1, 3)"
    ]
    assert window.stack.index() == depth + 1
    assert window.stack.undoText() == "Edit exclusion of press and public"
    assert focused() is window.view.editor  # type: ignore[union-attr]
    key(Qt.Key.Key_Z, CTRL)  # one step: the wording and the exempt item's paragraphs
    assert state(items) == EXCLUDED and PARAGRAPH_3 in items[1].exclusion
    key(Qt.Key.Key_Z, CTRL_SHIFT)
    text = export_public(window, tmp_path / "public.docx")
    meeting_id = window.model.meeting.id  # type: ignore[union-attr]
    assert meeting_id is not None
    window.close()
    saved = reload(db_path, meeting_id).items
    assert "paragraphs 1, 3 of Part 1 of Schedule 12A" in saved[1].exclusion
    assert [(i.exempt, i.exempt_paragraph) for i in saved] == [
        (False, ""), (False, ""), (True, "1, 3"), (False, ""), (False, "")
    ]  # fmt: skip
    assert "paragraphs 1, 3 of Part 1 of Schedule 12A" in text
    assert "exempt under paragraphs 1 and 3" in text and SECRET not in text


def test_delete_on_the_clicked_exclusion_asks_then_removes_it_with_its_readmission(
    window: MainWindow, qtbot: QtBot, db_path: Path, tmp_path: Path
) -> None:
    _exclude_and_readmit(window, qtbot)
    items = items_of(window)
    asked: list[str] = []

    def cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, ConfirmDialog)
        asked.append(dialog.message.text())
        key(Qt.Key.Key_Return)  # Enter by habit is Cancel

    remove = remove_when_asked(asked)

    [row] = rows_of(window, RowKind.EXCLUSION)
    click_row(window, qtbot, row)
    window.run_dialog = by_keys(cancel)
    key(Qt.Key.Key_Delete)
    assert "No longer exempt: item 3." in asked[0]
    assert "The readmission of the press and public at item 4 goes too." in asked[0]
    assert state(items) == EXCLUDED  # cancelled: nothing changed
    [row] = rows_of(window, RowKind.EXCLUSION)
    click_row(window, qtbot, row)
    window.run_dialog = by_keys(remove)
    key(Qt.Key.Key_Delete)
    public = [(False, "", False, False)] * 5
    assert state(items) == public
    for kind in (RowKind.EXCLUSION, RowKind.EXEMPT, RowKind.READMITTED):
        assert rows_of(window, kind) == []
    assert window.stack.undoText() == "Remove exclusion of press and public"
    assert focused() is window.view.editor  # type: ignore[union-attr]
    key(Qt.Key.Key_Z, CTRL)  # one step brings the exclusion, the exemption, the readmission
    assert state(items) == EXCLUDED
    assert len(rows_of(window, RowKind.READMITTED)) == 1
    key(Qt.Key.Key_Z, CTRL_SHIFT)
    text = export_public(window, tmp_path / "public.docx")
    meeting_id = window.model.meeting.id  # type: ignore[union-attr]
    assert meeting_id is not None
    window.close()
    assert state(reload(db_path, meeting_id).items) == public
    assert "press and public be excluded" not in text and "readmitted" not in text
    assert SECRET in text  # no longer exempt: the minute is public


def test_the_clicked_row_is_shown_selected_until_esc_or_a_click_elsewhere(
    window: MainWindow, qtbot: QtBot
) -> None:
    """What Enter would edit and Delete remove is the row the clerk sees marked."""
    _exclude_and_readmit(window, qtbot)
    [row] = rows_of(window, RowKind.EXCLUSION)
    plain = band_of(window, row)
    assert plain != SELECTED_BAND
    click_row(window, qtbot, row)
    qtbot.waitUntil(lambda: band_of(window, row) == SELECTED_BAND, timeout=3000)
    key(Qt.Key.Key_Escape)  # back to typing: nothing is selected
    assert focused() is window.view.editor  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: band_of(window, row) == plain, timeout=3000)

    click_row(window, qtbot, row)
    qtbot.waitUntil(lambda: band_of(window, row) == SELECTED_BAND, timeout=3000)
    other = next(r for r in window.view.rows if r.kind is RowKind.ITEM)  # type: ignore[union-attr]
    click_row(window, qtbot, other)  # an item's heading: not a record
    qtbot.waitUntil(lambda: band_of(window, row) == plain, timeout=3000)
    key(Qt.Key.Key_Delete)  # nothing selected: Delete removes nothing
    assert len(rows_of(window, RowKind.EXCLUSION)) == 1
