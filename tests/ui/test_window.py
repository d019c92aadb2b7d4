"""The rest of the window: meeting list, items, decisions, attendance, commands, export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.core.model import AgendaItem, Attendee, Meeting, Point, Presence, Role
from clerk_app.services.meetings import create_meeting
from clerk_app.store.database import Database
from clerk_app.ui.capture.rows import RowKind
from clerk_app.ui.dialogs.attendance_dialog import AttendanceDialog
from clerk_app.ui.dialogs.decision_dialog import DecisionDialog
from clerk_app.ui.dialogs.item_dialog import ItemDialog
from clerk_app.ui.dialogs.meeting_dialog import MeetingDialog
from clerk_app.ui.shell.command_registry import SPECS, Cmd
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import answering, focused, key, present, reload, type_text, wait_exported

CTRL = Qt.KeyboardModifier.ControlModifier


def rows_of(window: MainWindow, kind: RowKind) -> list[tuple[str, str]]:
    assert window.view is not None
    return [(r.label, r.text) for r in window.view.rows if r.kind is kind]


def test_meeting_list_newest_first_and_enter_opens(
    qtbot: QtBot, db: Database, settings: QSettings
) -> None:
    older = create_meeting(db, Meeting(committee="Planning", date=dt.date(2025, 1, 9)))
    newer = create_meeting(db, Meeting(committee="Licensing", date=dt.date(2026, 3, 2)))
    window = build_window(db, settings)
    qtbot.addWidget(window)
    present(window)
    lst = window.meeting_list
    assert [lst.topLevelItem(i).text(1) for i in range(2)] == ["Licensing", "Planning"]  # type: ignore[union-attr]
    assert lst.selected_id() == newer
    second = lst.topLevelItem(1)
    assert second is not None
    lst.setCurrentItem(second)
    lst.setFocus()
    key(Qt.Key.Key_Return)
    assert window.model is not None and window.model.meeting.id == older
    assert settings.value(window.last_meeting_key) == older
    # The list remembers it next time.
    window.show_meeting_list()
    assert window.meeting_list.selected_id() == older


def test_new_meeting_carries_the_committees_attendance(window: MainWindow, db_path: Path) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, MeetingDialog)
        dialog.date.set_value(dialog.date.value() + dt.timedelta(days=28))
        dialog.venue.setText("Council Chamber")

    window.run_dialog = answering(fill)
    key(Qt.Key.Key_N, CTRL)
    model = window.model
    assert model is not None and model.meeting.committee == "Overview and Scrutiny Committee"
    assert "Councillor Russell" in [a.name for a in model.meeting.attendees]
    assert rows_of(window, RowKind.NO_ITEMS)
    assert model.meeting.id is not None
    assert reload(db_path, model.meeting.id).venue == "Council Chamber"


def test_attendance_edits_are_saved_and_undoable(
    window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AttendanceDialog)
        presence = dialog.table.cellWidget(1, 2)
        assert isinstance(presence, QComboBox)
        presence.setCurrentIndex(list(Presence).index(Presence.APOLOGIES))
        dialog.add_person(Attendee("Zoë Ó Briain", Role.COOPTED))

    window.run_dialog = answering(fill)
    key(Qt.Key.Key_A, CTRL | Qt.KeyboardModifier.ShiftModifier)
    # The core keeps "Ó Briain" together with a non-breaking space.
    attendance = [text.replace("\xa0", " ") for _, text in rows_of(window, RowKind.ATTENDANCE)]
    assert any("Zoë Ó Briain" in line for line in attendance)
    people = {a.name: a for a in reload(db_path, meeting_id).attendees}
    assert people["Councillor Cannon"].presence is Presence.APOLOGIES
    assert people["Zoë Ó Briain"].role is Role.COOPTED
    key(Qt.Key.Key_Z, CTRL)
    assert "Zoë Ó Briain" not in {a.name for a in reload(db_path, meeting_id).attendees}


def test_ctrl_enter_adds_an_item_ready_to_type(
    window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ItemDialog)
        assert dialog.number.text() == "78"
        dialog.title.setText("Budget monitoring")

    window.run_dialog = answering(fill)
    key(Qt.Key.Key_Return, CTRL)
    assert rows_of(window, RowKind.ITEM)[-1] == ("78.", "Budget monitoring")
    type_text("Officers reported an overspend.")
    assert window.view is not None and window.view.current_item is not None
    assert window.view.current_item.title == "Budget monitoring"
    window.close()
    item = reload(db_path, meeting_id).items[2]
    assert (item.number, item.title) == ("78", "Budget monitoring")
    assert [p.text for p in item.points] == ["Officers reported an overspend."]


def test_item_paragraph_field_refuses_anything_but_paragraph_numbers(
    qtbot: QtBot, window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    seen: list[tuple[bool, str, bool, str]] = []

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, ItemDialog)
        dialog.show()
        dialog.exempt.setChecked(True)
        dialog.paragraph.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.paragraph)
        type_text("1 - legal advice on the Kwiatkowska repossession")
        key(Qt.Key.Key_Return)  # Enter in a one-line field accepts the dialog...
        seen.append(
            (
                dialog.isVisible(),  # ...but not with this
                dialog.paragraph.text(),
                QApplication.focusWidget() is dialog.paragraph,
                dialog.problem.text(),
            )
        )
        dialog.paragraph.selectAll()
        type_text("paragraphs 1 and 3")
        key(Qt.Key.Key_Return)
        return dialog.result() == QDialog.DialogCode.Accepted

    window.run_dialog = run
    key(Qt.Key.Key_F2)
    assert seen == [
        (
            True,
            "1 - legal advice on the Kwiatkowska repossession",
            True,
            "Not saved: '1 - legal advice on the Kwiatkowska repossession' is not a Schedule"
            " 12A paragraph: give the paragraph numbers only, for example 3, or 1, 3 (the"
            " reasons belong in the item's confidential text).",
        )
    ]
    item = reload(db_path, meeting_id).items[1]
    assert (item.exempt, item.exempt_paragraph) == (True, "1 and 3")


def test_item_retitle_exempt_reorder_and_delete(
    window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ItemDialog)
        dialog.number.setText("77/26")
        dialog.title.setText("Contract award")
        dialog.exempt.setChecked(True)
        dialog.paragraph.setText("3")
        dialog.documents.setPlainText("Exempt report (PDF)\n")

    window.run_dialog = answering(fill)
    key(Qt.Key.Key_F2)
    assert rows_of(window, RowKind.ITEM)[1] == ("77/26.", "Contract award")
    assert "paragraph 3" in rows_of(window, RowKind.EXEMPT)[0][1]
    item = reload(db_path, meeting_id).items[1]
    assert (item.number, item.exempt, item.exempt_paragraph) == ("77/26", True, "3")
    assert item.documents == ["Exempt report (PDF)"]

    key(Qt.Key.Key_Up, CTRL | Qt.KeyboardModifier.AltModifier)
    assert [t for _, t in rows_of(window, RowKind.ITEM)] == [
        "Contract award",
        "Apologies for absence",
    ]
    assert reload(db_path, meeting_id).items[0].title == "Contract award"

    window.registry[Cmd.DELETE_ITEM].trigger()
    assert [t for _, t in rows_of(window, RowKind.ITEM)] == ["Apologies for absence"]
    assert len(reload(db_path, meeting_id).items) == 1
    for _ in range(3):
        window.stack.undo()
    item = reload(db_path, meeting_id).items[1]
    assert (item.title, item.exempt) == ("Performance update", False)
    assert [p.text for p in item.points] == ["The AD advised that a session was planned."]


def test_ctrl_r_adds_a_resolved_block(window: MainWindow, db_path: Path, meeting_id: int) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, DecisionDialog)
        dialog.resolutions.setPlainText("noted the report; and\nagreed to a briefing.")

    window.run_dialog = answering(fill)
    key(Qt.Key.Key_R, CTRL)
    assert rows_of(window, RowKind.DECISION) == [("", "RESOLVED")]
    assert rows_of(window, RowKind.RESOLUTION) == [
        ("i.", "noted the report; and"),
        ("ii.", "agreed to a briefing."),
    ]
    decision = reload(db_path, meeting_id).items[1].decisions[0]
    assert decision.preamble == "That the Committee:"
    assert focused() is window.view.editor  # type: ignore[union-attr]  # back to typing


def test_every_command_is_in_a_menu_with_its_shortcut(window: MainWindow) -> None:
    in_menus = {
        action.objectName()
        for menu in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))
        for action in menu.actions()
    }
    assert {cmd.value for cmd in Cmd} <= in_menus
    for cmd, spec in SPECS.items():
        action = window.registry[cmd]
        assert [k.toString() for k in action.shortcuts()] == [
            QKeySequence(s).toString() for s in spec.shortcuts
        ]
        if spec.hint:
            assert action.text().endswith("\t" + spec.hint)
    assert window.registry[Cmd.UNDO].icon().isNull() is False


def test_enabled_state_follows_the_model(window: MainWindow) -> None:
    assert window.registry[Cmd.INDENT].isEnabled()
    assert not window.registry[Cmd.UNDO].isEnabled()
    type_text("x")
    assert window.registry[Cmd.UNDO].isEnabled()
    assert window.registry[Cmd.UNDO].text() == "&Undo Typing"
    window.show_meeting_list()
    assert not window.registry[Cmd.INDENT].isEnabled()
    assert not window.registry[Cmd.EXPORT_WORD].isEnabled()


def test_ctrl_e_exports_the_saved_meeting(
    window: MainWindow, tmp_path: Path, db_path: Path, meeting_id: int
) -> None:
    """The real exporter, through the window; the Word file read back by python-docx."""
    import docx

    from clerk_app.services import archive
    from clerk_app.store.database import open_database

    window.choose_path = lambda *_args: str(tmp_path / "minutes")
    type_text(" Unsaved words.")
    key(Qt.Key.Key_E, CTRL)
    wait_exported(window)
    written = tmp_path / "minutes.docx"
    paragraphs = [p.text for p in docx.Document(str(written)).paragraphs]
    assert any(p.endswith("Unsaved words.") for p in paragraphs)
    assert "Exported" in window.statusBar().currentMessage()
    db = open_database(db_path)
    try:  # a draft exported is a draft circulated: the history keeps it
        assert [r.reason for r in archive.revisions(db, meeting_id)] == ["circulated"]
    finally:
        db.close()


def test_export_error_is_shown_in_a_dialog(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    window.choose_path = lambda *_args: str(tmp_path / "no such folder" / "minutes.pdf")
    key(Qt.Key.Key_P, CTRL)
    wait_exported(window)
    assert len(shown) == 1 and "does not exist" in shown[0]
    assert not (tmp_path / "no such folder").exists()


def test_geometry_and_last_meeting_are_remembered(
    qtbot: QtBot, db: Database, settings: QSettings, meeting_id: int
) -> None:
    first = build_window(db, settings, meeting_id)
    qtbot.addWidget(first)
    first.show()
    first.resize(730, 540)  # the offscreen screen is 800x600: stay inside it
    QApplication.processEvents()
    first.close()
    again = build_window(db, settings)
    qtbot.addWidget(again)
    assert (again.size().width(), again.size().height()) == (730, 540)
    assert again.meeting_list.selected_id() == meeting_id


def test_title_says_when_it_last_saved(
    qtbot: QtBot, db: Database, settings: QSettings, meeting_id: int
) -> None:
    window = build_window(db, settings, meeting_id)
    window.now = lambda: dt.datetime(2026, 5, 12, 19, 4, 5)
    assert window.model is not None
    window.model._now = window.now  # the clock is fixed for the test
    qtbot.addWidget(window)
    present(window)
    assert window.windowTitle().startswith("No changes yet")
    type_text("!")
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Saved 19:04:05"), timeout=1000)


def test_autosave_within_half_a_second(
    window: MainWindow, qtbot: QtBot, db_path: Path, meeting_id: int
) -> None:
    type_text(" More.")
    assert window.model is not None and window.model.has_unsaved
    qtbot.waitUntil(lambda: not window.model.has_unsaved, timeout=500)  # type: ignore[union-attr]
    assert reload(db_path, meeting_id).items[1].points[0].text.endswith("More.")


def test_empty_item_gets_a_first_point(window: MainWindow, db_path: Path, meeting_id: int) -> None:
    view = window.view
    assert view is not None
    empty = next(r for r in view.rows if r.kind is RowKind.EMPTY_ITEM)
    from PySide6.QtTest import QTest

    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.viewport_point(empty))
    type_text("None.")
    window.close()
    assert [p.text for p in reload(db_path, meeting_id).items[0].points] == ["None."]


@pytest.mark.parametrize(
    "number, expected", [("77", "78"), ("77/24", "78/24"), ("OSC 9", "OSC 10")]
)
def test_next_item_number(number: str, expected: str) -> None:
    from clerk_app.ui.capture.intents import next_number

    assert next_number(number) == expected


def test_points_with_sub_points_letter_like_the_minutes(
    qtbot: QtBot, db: Database, settings: QSettings
) -> None:
    meeting = Meeting(
        committee="Audit",
        date=dt.date(2026, 1, 1),
        items=[
            AgendaItem(
                "Risk",
                "5",
                points=[Point("one", [Point("sub one"), Point("sub two")]), Point("two")],
            )
        ],
    )
    window = build_window(db, settings, create_meeting(db, meeting))
    qtbot.addWidget(window)
    assert [label for label, _ in rows_of(window, RowKind.POINT)] == ["a.", "i.", "ii.", "b."]
