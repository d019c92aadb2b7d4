"""The proceedings commands' edges in the real window, by keys: an arrival or departure
edited and removed from its dialog (and from a double-click on its row), a wrong time
refused with nothing lost, item times never noted by a glance ahead or on old minutes, the
exclusion's paragraphs checked, a parish council's 1960 Act wording, a readmission with
nothing to end, a quorum that is a share of the membership."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.core.model import AgendaItem, Attendee, Meeting, Point, Role
from clerk_app.core.procedure.movements import Movement, MovementKind
from clerk_app.services import bodies, meetings
from clerk_app.store.database import Database
from clerk_app.ui.capture.rows import RowKind
from clerk_app.ui.dialogs.exclusion_dialog import ExclusionDialog
from clerk_app.ui.dialogs.item_dialog import ItemDialog
from clerk_app.ui.dialogs.movement_dialog import MovementDialog
from clerk_app.ui.shell.command_registry import Cmd
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui import attendance_steps as steps
from tests.ui.helpers import by_keys, focused, key, present, reload, remove_when_asked, type_text

DAY = dt.date(2026, 9, 15)
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
MEMBERS = ["Cllr Ruth Okoro", "Cllr Sam Whitlock", "Cllr Tegan Moss", "Cllr Umar Farooq"]


def _open(
    qtbot: QtBot,
    db: Database,
    tmp_path: Path,
    meeting: Meeting,
    *,
    kind: str | None = None,
    quorum: str | None = None,
) -> MainWindow:
    bodies.set_up_body(db, meeting.committee, kind=kind, quorum=quorum)
    for name in MEMBERS:
        bodies.add_member(db, meeting.committee, name)
    meeting_id = meetings.create_meeting(db, meeting)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_window(db, settings, meeting_id)
    qtbot.addWidget(window)
    present(window)
    return window


def _meeting(committee: str = "Licensing Committee", day: dt.date = DAY) -> Meeting:
    return Meeting(
        committee,
        day,
        attendees=[
            Attendee(name, Role.CHAIR if i == 0 else Role.MEMBER) for i, name in enumerate(MEMBERS)
        ],  # fmt: skip
        items=[
            AgendaItem("Minutes", number="1", points=[Point("Agreed.")]),
            AgendaItem("Premises licence review", number="2", points=[Point("Heard.")]),
            AgendaItem("Street trading", number="3"),
            AgendaItem("Taxi fares", number="4"),
        ],
    )


@pytest.fixture
def window(qtbot: QtBot, db: Database, tmp_path: Path) -> Iterator[MainWindow]:
    win = _open(qtbot, db, tmp_path, _meeting(), quorum="1/2, at least 2")
    yield win
    win.close()


def _to_item(window: MainWindow, number: int) -> AgendaItem:
    assert window.view is not None and window.model is not None
    item = window.model.meeting.items[number - 1]
    window.view.go_to_item(item)
    return item


@pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)
def test_an_arrival_or_departure_is_edited_and_removed_from_its_dialog(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    assert window.model is not None and window.view is not None
    steps.set_clock(window, DAY, 10, 5)
    item = _to_item(window, 2)
    # Half of four, at least two: two needed.
    assert steps.quorum_text(window) == "Quorum: 4 present, 2 needed"
    steps.member_moves(window, qtbot, "Whitlock", expect="left the meeting")
    steps.member_moves(window, qtbot, "Moss", expect="left the meeting", time="10.07 am")
    assert [(m.member, m.at) for m in item.movements] == [
        ("Cllr Sam Whitlock", dt.time(10, 5)), ("Cllr Tegan Moss", dt.time(10, 7)),
    ]  # fmt: skip
    assert steps.quorum_text(window) == "Quorum: 2 present, 2 needed"

    # A wrong time is refused under the fields; what was typed stays; then it is put right.
    # Alt+R, Down: the first one recorded; Enter: edit it.
    def wrong_then_right(dialog: QDialog) -> None:
        assert isinstance(dialog, MovementDialog)
        key(Qt.Key.Key_R, ALT)
        assert QApplication.focusWidget() is dialog.existing
        key(Qt.Key.Key_Down)
        key(Qt.Key.Key_Return)
        assert QApplication.focusWidget() is dialog.member
        assert dialog.member.text() == "Cllr Sam Whitlock"
        assert dialog.time.text() == "10.05 am"
        dialog.time.setFocus()
        key(Qt.Key.Key_A, CTRL)
        type_text("10.75")
        key(Qt.Key.Key_Return, CTRL)
        assert dialog.isVisible() and dialog.problem.isVisible()
        assert dialog.problem.text().startswith('Time: "10.75" is not a time')
        assert dialog.time.text() == "10.75" and dialog.member.text() == "Cllr Sam Whitlock"
        key(Qt.Key.Key_A, CTRL)
        type_text("10.04 am")
        key(Qt.Key.Key_Return, CTRL)

    window.run_dialog = by_keys(wrong_then_right)
    depth = window.stack.index()
    key(Qt.Key.Key_J, CTRL_SHIFT)
    qtbot.waitUntil(lambda: item.movements[0].at == dt.time(10, 4), timeout=3000)
    assert len(item.movements) == 2 and window.stack.index() == depth + 1
    assert window.stack.undoText() == "Edit arrivals and departures"

    # A double-click on Councillor Moss's row opens her entry; Alt+R, Delete removes it.
    assert window.view is not None
    row = next(r for r in window.view.rows if r.kind is RowKind.MOVEMENT and "Moss" in r.text)
    seen: list[str] = []

    def remove(dialog: QDialog) -> None:
        assert isinstance(dialog, MovementDialog)
        seen.append(dialog.member.text())
        key(Qt.Key.Key_R, ALT)
        key(Qt.Key.Key_Delete)
        assert dialog.existing.count() == 2  # "New…" and Councillor Whitlock's
        key(Qt.Key.Key_Return, CTRL)

    window.run_dialog = by_keys(remove)
    qtbot.mouseDClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.viewport_point(row)
    )
    qtbot.waitUntil(lambda: len(item.movements) == 1, timeout=3000)
    assert seen == ["Cllr Tegan Moss"]
    assert [m.member for m in item.movements] == ["Cllr Sam Whitlock"]
    assert steps.quorum_text(window) == "Quorum: 3 present, 2 needed"
    key(Qt.Key.Key_Z, CTRL)  # one step brings her back
    assert [m.member for m in item.movements] == ["Cllr Sam Whitlock", "Cllr Tegan Moss"]
    meeting_id = window.model.meeting.id
    assert meeting_id is not None
    window.close()
    saved = reload(db_path, meeting_id).items[1].movements
    assert saved == [
        Movement("Cllr Sam Whitlock", MovementKind.LEFT, dt.time(10, 4)),
        Movement("Cllr Tegan Moss", MovementKind.LEFT, dt.time(10, 7)),
    ]


def test_an_empty_member_is_refused_and_cancel_records_nothing(
    window: MainWindow, qtbot: QtBot
) -> None:
    item = _to_item(window, 3)
    refused: list[str] = []

    def empty_then_cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, MovementDialog)
        key(Qt.Key.Key_Return, CTRL)
        refused.append(dialog.problem.text())
        key(Qt.Key.Key_Escape)

    window.run_dialog = by_keys(empty_then_cancel)
    depth = window.stack.index()
    key(Qt.Key.Key_J, CTRL_SHIFT)
    assert refused == ["Member: name the member who arrived or left."]
    assert item.movements == [] and window.stack.index() == depth


def test_item_times_are_noted_in_order_not_by_a_look_ahead(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.model is not None
    meeting = window.model.meeting
    steps.set_clock(window, DAY, 10, 0)
    steps.settle()
    # Opened with the caret at the end (item 2 has the last point): nothing noted yet.
    assert [i.taken_at for i in meeting.items] == [None] * 4
    # Ctrl+Home: item 1 is the first item, so moving into it is taking it.
    key(Qt.Key.Key_Home, CTRL)
    qtbot.waitUntil(lambda: meeting.items[0].taken_at == dt.time(10, 0), timeout=3000)
    assert meeting.start_time == dt.time(10, 0)
    # Ctrl+End to glance at the last item: item 3 has no time, so 4 is not taken yet.
    steps.set_clock(window, DAY, 10, 3)
    key(Qt.Key.Key_End, CTRL)
    steps.settle()
    assert meeting.items[3].taken_at is None
    # ... until the clerk writes there (the chair took it early).
    type_text("Fares unchanged.")
    qtbot.waitUntil(lambda: meeting.items[3].taken_at == dt.time(10, 3), timeout=3000)
    assert meeting.items[1].taken_at is None and meeting.start_time == dt.time(10, 0)
    # The times show at the right of the item titles.
    asides = [r.aside for r in steps.rows_of(window, RowKind.ITEM)]
    assert asides == ["10.00 am", "", "", "10.03 am"]


def test_a_wrong_item_time_is_refused_in_the_item_dialog(window: MainWindow) -> None:
    item = _to_item(window, 2)
    problems: list[str] = []

    def wrong(dialog: QDialog) -> None:
        assert isinstance(dialog, ItemDialog)
        key(Qt.Key.Key_A, ALT)
        type_text("quarter past")
        key(Qt.Key.Key_Return)
        problems.append(dialog.problem.text())
        assert dialog.title.text() == "Premises licence review"  # nothing typed is lost
        key(Qt.Key.Key_Escape)

    window.run_dialog = by_keys(wrong)
    key(Qt.Key.Key_F2)
    assert problems == ['Not saved: taken at: "quarter past" is not a time: type it as 7.00 pm '
                        "or 19.00."]  # fmt: skip
    assert item.taken_at is None


def test_old_minutes_are_not_stamped_and_cannot_be_closed_now(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    window = _open(qtbot, db, tmp_path, _meeting(day=dt.date(2025, 1, 7)))
    try:
        assert window.model is not None
        steps.set_clock(window, DAY, 11, 0)
        key(Qt.Key.Key_Home, CTRL)
        type_text(" Signed.")
        key(Qt.Key.Key_Down, CTRL)
        steps.settle()
        assert all(i.taken_at is None for i in window.model.meeting.items)
        key(Qt.Key.Key_X, CTRL_SHIFT)
        assert window.model.meeting.end_time is None
        assert window.statusBar().currentMessage() == (
            "This meeting is not today's: set its close in Meeting details"
        )
    finally:
        window.close()


def test_the_exclusion_needs_schedule_12a_paragraphs_and_a_readmission_needs_an_exclusion(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.model is not None
    item = _to_item(window, 2)
    depth = window.stack.index()
    window.registry[Cmd.READMIT_PUBLIC].trigger()
    assert window.statusBar().currentMessage() == (
        "The press and public were not excluded before this item"
    )
    problems: list[str] = []

    def paragraphs(dialog: QDialog) -> None:
        assert isinstance(dialog, ExclusionDialog)
        key(Qt.Key.Key_Return)
        problems.append(dialog.problem.text())
        type_text("9")
        key(Qt.Key.Key_Return)
        problems.append(dialog.problem.text())
        key(Qt.Key.Key_Escape)

    window.run_dialog = by_keys(paragraphs)
    window.registry[Cmd.EXCLUDE_PUBLIC].trigger()
    assert problems[0].startswith("Not recorded: give the Schedule 12A paragraph(s)")
    assert problems[1] == (
        "Not recorded: there is no paragraph 9 in Part 1 of Schedule 12A: its paragraphs "
        "are 1 to 7."
    )
    assert item.exclusion == "" and window.stack.index() == depth
    assert not any(i.exempt for i in window.model.meeting.items)
    # The quorum belongs to the open minutes: not shown over the meeting list.
    assert window.proceedings.indicator.isVisible()
    key(Qt.Key.Key_O, CTRL)
    assert not window.proceedings.indicator.isVisible()


def test_a_parish_council_excludes_under_the_1960_act_with_nothing_to_type(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    meeting = _meeting("Ashcombe Parish Council")
    window = _open(qtbot, db, tmp_path, meeting, kind="parish council")
    try:
        assert window.model is not None
        item = _to_item(window, 2)
        shown: list[bool] = []

        def ok(dialog: QDialog) -> None:
            assert isinstance(dialog, ExclusionDialog)
            shown.append(dialog.paragraphs.isVisible())
            key(Qt.Key.Key_Return)

        window.run_dialog = by_keys(ok)
        window.registry[Cmd.EXCLUDE_PUBLIC].trigger()
        qtbot.waitUntil(lambda: bool(item.exclusion), timeout=3000)
        assert shown == [False]
        assert "Public Bodies (Admission to Meetings) Act 1960, section 1(2)" in item.exclusion
        items = window.model.meeting.items
        assert [(i.exempt, i.exempt_paragraph) for i in items] == [
            (False, ""), (False, ""), (True, ""), (True, ""),
        ]  # fmt: skip
    finally:
        window.close()


def test_noting_an_item_time_after_an_undo_keeps_the_redo(window: MainWindow, qtbot: QtBot) -> None:
    assert window.model is not None
    meeting = window.model.meeting
    steps.set_clock(window, DAY, 10, 0)
    key(Qt.Key.Key_Home, CTRL)
    qtbot.waitUntil(lambda: meeting.items[0].taken_at is not None, timeout=3000)
    key(Qt.Key.Key_End)
    type_text(" Signed by the chair.")
    key(Qt.Key.Key_Z, CTRL)
    assert meeting.items[0].points[0].text == "Agreed."
    # On to item 2, which is noted at 10.02 am: the typing can still be redone.
    steps.set_clock(window, DAY, 10, 2)
    steps.next_item(window, qtbot)
    assert meeting.items[1].taken_at == dt.time(10, 2)
    assert window.stack.canRedo()
    key(Qt.Key.Key_Z, CTRL_SHIFT)
    assert meeting.items[0].points[0].text == "Agreed. Signed by the chair."
    assert meeting.items[1].taken_at == dt.time(10, 2)  # and Ctrl+Z never takes a time away
    key(Qt.Key.Key_Z, CTRL)
    key(Qt.Key.Key_Z, CTRL)
    assert meeting.items[0].taken_at == dt.time(10, 0)
    assert meeting.items[1].taken_at == dt.time(10, 2)


@pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)
def test_the_clerk_s_choice_of_arrived_or_left_outlasts_the_name(
    window: MainWindow, qtbot: QtBot
) -> None:
    steps.set_clock(window, DAY, 10, 0)
    item = _to_item(window, 3)
    seen: list[str] = []

    def arrived_late(dialog: QDialog) -> None:
        assert isinstance(dialog, MovementDialog)
        type_text("Farooq")
        dialog.member.completer().popup().hide()
        seen.append(dialog.kind.currentText())  # listed present: leaving, it proposes
        key(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.kind
        type_text("a")  # no: he arrived (the attendance was wrong)
        key(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        key(Qt.Key.Key_End)
        type_text(" ")  # the name typed on no longer decides
        seen.append(dialog.kind.currentText())
        seen.append(dialog.sentence.text())
        key(Qt.Key.Key_Return, CTRL)

    window.run_dialog = by_keys(arrived_late)
    key(Qt.Key.Key_J, CTRL_SHIFT)
    qtbot.waitUntil(lambda: len(item.movements) == 1, timeout=3000)
    assert seen == [
        "left the meeting",
        "arrived",
        "Cllr Umar Farooq arrived at 10.00 am during item 3.",
    ]
    assert item.movements[0].kind is MovementKind.ARRIVED
    assert item.movements[0].member == "Cllr Umar Farooq"


def test_a_clicked_arrival_or_departure_row_takes_enter_and_delete(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    """As a declaration's or motion's row does: a click selects it, Enter opens its entry,
    Delete removes it after asking (one undo step), and typing goes on where it was."""
    assert window.model is not None and window.view is not None
    view = window.view
    steps.set_clock(window, DAY, 10, 5)
    item = _to_item(window, 2)
    steps.member_moves(window, qtbot, "Whitlock", expect="left the meeting")
    steps.member_moves(window, qtbot, "Moss", expect="left the meeting", time="10.07 am")

    def click(surname: str) -> None:
        row = next(r for r in view.rows if r.kind is RowKind.MOVEMENT and surname in r.text)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.viewport_point(row))

    opened: list[str] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, MovementDialog)
        opened.append(dialog.member.text())
        key(Qt.Key.Key_Escape)

    click("Moss")
    assert window.statusBar().currentMessage().startswith("Selected: Cllr Tegan Moss left")
    window.run_dialog = by_keys(look)
    key(Qt.Key.Key_Return)
    assert opened == ["Cllr Tegan Moss"]
    assert len(item.movements) == 2  # looked at, nothing changed

    asked: list[str] = []
    click("Whitlock")
    window.run_dialog = by_keys(remove_when_asked(asked))
    key(Qt.Key.Key_Delete)
    assert "Cllr Sam Whitlock left the meeting at 10.05 am" in asked[0]
    assert [m.member for m in item.movements] == ["Cllr Tegan Moss"]
    assert window.stack.undoText() == "Remove arrival or departure"
    assert focused() is view.editor  # back to typing
    key(Qt.Key.Key_Z, CTRL)
    assert [m.member for m in item.movements] == ["Cllr Sam Whitlock", "Cllr Tegan Moss"]
    key(Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    meeting_id = window.model.meeting.id
    assert meeting_id is not None
    window.close()
    saved = reload(db_path, meeting_id).items[1].movements
    assert [m.member for m in saved] == ["Cllr Tegan Moss"]
