"""Meetings over time in the real window: filters, trash, approval, amendments, history, next
meeting with matters arising, and the start-up list read in the background."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.core.model import AgendaItem, Meeting, Point, Status
from clerk_app.services import archive
from clerk_app.services.meetings import create_meeting
from clerk_app.store.database import Database
from clerk_app.ui.archive.history_dialog import HistoryDialog
from clerk_app.ui.archive.trash_dialog import TrashDialog
from clerk_app.ui.capture.rows import RowKind
from clerk_app.ui.dialogs.approval_dialogs import AmendDialog, ConfirmDialog, DateDialog
from clerk_app.ui.shell.command_registry import Cmd
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import answering, key, present, reload, type_text

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TODAY = dt.datetime(2026, 6, 9, 19, 0)
LAST_POINT = "The AD advised that a session was planned."


def approving(on: dt.date) -> Callable[[QDialog], None]:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, DateDialog)
        dialog.date.set_value(on)

    return fill


def approve(window: MainWindow, on: dt.date = dt.date(2026, 6, 9)) -> None:
    window.run_dialog = answering(approving(on))
    window.registry[Cmd.APPROVE].trigger()


# --- the meeting list over time ---------------------------------------------------------------
@pytest.fixture
def archive_window(qtbot: QtBot, db: Database, settings: QSettings) -> Iterator[MainWindow]:
    for committee, date in (
        ("Cabinet", dt.date(2024, 2, 6)),
        ("Planning Sub-Committee", dt.date(2024, 9, 19)),
        ("Cabinet", dt.date(2025, 3, 11)),
        ("Licensing Committee", dt.date(2025, 11, 4)),
    ):
        create_meeting(db, Meeting(committee=committee, date=date))
    window = build_window(db, settings)
    qtbot.addWidget(window)
    present(window)
    yield window
    window.close()


def listed(window: MainWindow) -> list[tuple[str, str, str]]:
    lst = window.meeting_list
    found = []
    for index in range(lst.topLevelItemCount()):
        row = lst.topLevelItem(index)
        assert row is not None
        found.append((row.text(0), row.text(1), row.text(3)))
    return found


def test_list_filters_by_committee_and_year_and_shows_status(
    archive_window: MainWindow, db: Database
) -> None:
    archive.approve(db, 1, approved_on=dt.date(2024, 3, 5))
    archive_window.show_meeting_list()
    page = archive_window.meetings_page
    assert [page.year.itemText(i) for i in range(page.year.count())] == [
        "All years",
        "2025",
        "2024",
    ]
    page.choose(committee="Cabinet")
    assert listed(archive_window) == [
        ("Tuesday 11 March 2025", "Cabinet", "draft"),
        ("Tuesday 6 February 2024", "Cabinet", "approved"),
    ]
    page.choose(committee="Cabinet", year=2024)
    assert listed(archive_window) == [("Tuesday 6 February 2024", "Cabinet", "approved")]
    assert page.count.text() == "1 meeting"
    page.choose()
    assert len(listed(archive_window)) == 4


def test_delete_asks_naming_the_meeting_and_trash_restores_it(
    archive_window: MainWindow, db: Database
) -> None:
    lst = archive_window.meeting_list
    row = lst.topLevelItem(1)
    assert row is not None
    lst.setCurrentItem(row)
    lst.setFocus()
    asked: list[str] = []

    def refuse(dialog: QDialog) -> bool:
        assert isinstance(dialog, ConfirmDialog)
        asked.append(dialog.message.text())
        return False

    archive_window.run_dialog = refuse
    key(Qt.Key.Key_Delete)
    assert "Cabinet, Tuesday 11 March 2025" in asked[0]
    assert len(listed(archive_window)) == 4  # Cancel deletes nothing

    archive_window.run_dialog = answering(lambda dialog: None)
    key(Qt.Key.Key_Delete)
    assert ("Tuesday 11 March 2025", "Cabinet", "draft") not in listed(archive_window)
    assert "Moved Cabinet, Tuesday 11 March 2025 to the trash" in (
        archive_window.statusBar().currentMessage()
    )
    assert [entry[1:3] for entry in archive.trash(db)] == [("Cabinet", dt.date(2025, 3, 11))]

    def restore(dialog: QDialog) -> None:
        assert isinstance(dialog, TrashDialog)
        row = dialog.entries.topLevelItem(0)
        assert row is not None and row.text(1) == "Cabinet"
        QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        assert dialog.entries.topLevelItemCount() == 0
        assert dialog.note.text() == "Restored Cabinet, Tuesday 11 March 2025 to the meeting list."

    archive_window.run_dialog = answering(restore)
    archive_window.registry[Cmd.TRASH].trigger()
    assert ("Tuesday 11 March 2025", "Cabinet", "draft") in listed(archive_window)
    assert archive_window.meeting_list.selected_id() == 3  # the restored meeting, ready to open
    assert archive.trash(db) == []


def test_the_start_up_list_is_read_in_the_background(
    qtbot: QtBot, db: Database, settings: QSettings
) -> None:
    for year in (2023, 2024, 2025):
        create_meeting(db, Meeting(committee="Audit Committee", date=dt.date(year, 7, 1)))
    window = build_window(db, settings, list_in_background=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.meetings_page.filled, timeout=5000) as filled:
        present(window)
    assert filled.args == [3]
    assert window.meeting_list.topLevelItemCount() == 3
    assert window.meetings_page.count.text() == "3 meetings"
    window.close()


# --- approval and amendments ------------------------------------------------------------------
def test_approved_minutes_open_read_only(
    qtbot: QtBot, window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    approve(window)
    stored = reload(db_path, meeting_id)
    assert stored.status is Status.APPROVED and stored.approved_on == dt.date(2026, 6, 9)
    assert "Approved, read-only" in window.windowTitle()
    view = window.view
    assert view is not None and view.active is not None and view.active.text == LAST_POINT
    assert QApplication.focusWidget() is view.editor
    for cmd in (Cmd.INDENT, Cmd.TAG_ACTION, Cmd.NEW_ITEM, Cmd.RESOLVED, Cmd.APPROVE):
        assert not window.registry[cmd].isEnabled(), cmd
    for cmd in (Cmd.AMEND, Cmd.HISTORY, Cmd.EXPORT_WORD):
        assert window.registry[cmd].isEnabled(), cmd

    type_text("Typed into approved minutes")
    for gesture in (Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Backspace):
        key(gesture)
    assert "approved and read-only" in window.statusBar().currentMessage()
    assert view.editor.toPlainText() == LAST_POINT
    assert reload(db_path, meeting_id) == stored  # nothing reached the file
    assert not window.stack.canUndo()

    # A double-click on the item opens no dialog, and says why.
    asked: list[QDialog] = []

    def record(dialog: QDialog) -> bool:
        asked.append(dialog)
        return True

    window.run_dialog = record
    item_row = next(r for r in view.rows if r.kind is RowKind.ITEM)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.viewport_point(item_row))
    assert asked == []
    assert "Record amendment" in window.statusBar().currentMessage()

    # Reopened later, the minutes are still read-only.
    window.show_meeting_list()
    window.open_meeting(meeting_id)
    view = window.view
    assert view is not None
    view.focus_last_point()
    type_text("x")
    assert reload(db_path, meeting_id) == stored


def test_action_done_is_still_recorded_on_approved_minutes(
    window: MainWindow, db: Database, db_path: Path
) -> None:
    meeting_id = create_meeting(
        db,
        Meeting(
            committee="Cabinet",
            date=dt.date(2026, 5, 1),
            items=[AgendaItem("Budget", "9", points=[Point("Report back. (Action: Leader)")])],
        ),
    )
    archive.approve(db, meeting_id, approved_on=dt.date(2026, 6, 2))
    window.open_meeting(meeting_id)
    assert window.view is not None
    window.view.focus_last_point()
    key(Qt.Key.Key_D, CTRL_SHIFT)
    assert reload(db_path, meeting_id).items[0].points[0].action_done


def test_amendment_is_recorded_and_shown_in_the_history(
    qtbot: QtBot, window: MainWindow, db: Database, db_path: Path, meeting_id: int
) -> None:
    approve(window)
    amended = "The AD advised that a member session (Zoë Ní Bhriain) was planned for July."

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AmendDialog)
        assert dialog.text.toPlainText() == LAST_POINT
        present(dialog)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.text)  # the first field
        dialog.text.selectAll()
        type_text(amended)  # as the clerk types it, accents and all
        dialog.agreed_on.set_value(dt.date(2026, 7, 14))
        dialog.accept()

    window.run_dialog = answering(fill)
    window.registry[Cmd.AMEND].trigger()
    assert reload(db_path, meeting_id).items[1].points[0].text == amended
    view = window.view
    assert view is not None and view.active is not None and view.active.text == amended
    assert "Amendment recorded, agreed on Tuesday 14 July 2026" in (
        window.statusBar().currentMessage()
    )
    [amendment] = archive.amendments(db, meeting_id)
    assert (amendment.agreed_on, amendment.before, amendment.after) == (
        dt.date(2026, 7, 14),
        LAST_POINT,
        amended,
    )

    def inspect(dialog: QDialog) -> None:
        assert isinstance(dialog, HistoryDialog)
        reasons = [
            dialog.revision_list.topLevelItem(i).text(0)  # type: ignore[union-attr]
            for i in range(dialog.revision_list.topLevelItemCount())
        ]
        assert reasons == ["Approved", "Amended"]
        amendments = dialog.amendment_list.topLevelItem(0)
        assert amendments is not None
        assert [amendments.text(c) for c in range(4)] == [
            "Tuesday 14 July 2026",
            "77 Performance update",
            LAST_POINT,
            amended,
        ]
        dialog.choose(0)  # as approved, compared with now
        assert dialog.changes.rowCount() == 1
        cells = [dialog.changes.item(0, c).text() for c in range(3)]  # type: ignore[union-attr]
        assert cells[1:] == [LAST_POINT, amended]
        assert "a." in cells[0]
        assert dialog.changes_label.text().startswith("<b>1 paragraph differs</b>")
        dialog.choose(1)  # as amended: nothing since
        assert dialog.changes.rowCount() == 0

    window.run_dialog = answering(inspect)
    window.registry[Cmd.HISTORY].trigger()


# --- the next meeting -------------------------------------------------------------------------
def test_new_meeting_from_this_one_carries_open_actions_as_matters_arising(
    qtbot: QtBot, db: Database, settings: QSettings, db_path: Path
) -> None:
    source_id = create_meeting(
        db,
        Meeting(
            committee="Housing Scrutiny Panel",
            date=dt.date(2026, 5, 12),
            items=[
                AgendaItem(
                    "Damp and mould",
                    "31",
                    points=[
                        Point("Survey to be shared by estate (Action: Head of Housing)."),
                        Point("Done already. (Action: Clerk)", action_done=True),
                    ],
                )
            ],
        ),
    )
    window = build_window(db, settings)
    qtbot.addWidget(window)
    present(window)
    window.meeting_list.setFocus()
    dates: list[dt.date] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, DateDialog)
        dates.append(dialog.date.value())
        dialog.date.set_value(dt.date(2026, 6, 16))

    window.run_dialog = answering(fill)
    key(Qt.Key.Key_N, CTRL_SHIFT)
    assert dates == [dt.date(2026, 6, 9)]  # four weeks on, as a default to change
    model, view = window.model, window.view
    assert model is not None and view is not None
    new = model.meeting
    assert (new.committee, new.date, new.status) == (
        "Housing Scrutiny Panel",
        dt.date(2026, 6, 16),
        Status.DRAFT,
    )
    assert new.id != source_id
    arising = next(item for item in new.items if item.title == "Matters arising")
    assert [p.text for p in arising.points] == [
        "Minute 31 (a): Survey to be shared by estate (Action: Head of Housing)."
    ]
    assert view.active is arising.points[0]  # the caret is there, ready for the update
    type_text(" Shared on 1 June.")
    key(Qt.Key.Key_D, CTRL_SHIFT)  # done here closes the original too
    original = reload(db_path, source_id).items[0].points[0]
    assert original.action_done
    window.close()
