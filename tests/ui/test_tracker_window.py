"""The action tracker page of the real window: filters, marking done, opening, exporting."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.services.meetings import create_meeting
from clerk_app.store.database import Database
from clerk_app.ui.archive.tracker_view import TrackerView
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import key, present, reload, type_text, wait_exported

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TODAY = dt.datetime(2025, 1, 15, 10, 0)
SURVEY = "Stock condition survey to be circulated. (Action: Head of Housing by 30 November 2024)"
PETITION = "The petition to be answered in writing. (Action: Zoë Ní Bhriain)"
BUDGET = "The budget gap to be reported in March. (Action: Chief Finance Officer by 31 March 2025)"
SECRET = "Legal to settle the claim. (Action: Head of Legal)"


def meetings() -> list[Meeting]:
    housing = Meeting(
        committee="Housing Scrutiny Panel",
        date=dt.date(2024, 10, 7),
        items=[
            AgendaItem(
                "Housing repairs",
                "12",
                points=[
                    Point("The Panel noted the report."),
                    Point(SURVEY),
                    Point(PETITION),
                    Point(
                        "Repairs backlog to be cleared. (Action: Head of Housing)",
                        action_done=True,
                        action_done_on=dt.date(2024, 12, 1),
                    ),
                ],
            ),
            AgendaItem("Disrepair claim", "13", exempt=True, points=[Point(SECRET)]),
        ],
    )
    cabinet = Meeting(
        committee="Cabinet",
        date=dt.date(2024, 12, 10),
        items=[AgendaItem("Budget", "88", points=[Point(BUDGET)])],
    )
    return [housing, cabinet]


@pytest.fixture
def tracker_window(qtbot: QtBot, db: Database, settings: QSettings) -> Iterator[MainWindow]:
    for meeting in meetings():
        create_meeting(db, meeting)
    window = build_window(db, settings)
    window.now = lambda: TODAY
    qtbot.addWidget(window)
    present(window)
    yield window
    window.close()


def open_tracker(qtbot: QtBot, window: MainWindow) -> TrackerView:
    window.meeting_list.setFocus()
    key(Qt.Key.Key_L, CTRL_SHIFT)
    tracker = window.tracker.view
    assert tracker is not None and window.pages.currentWidget() is tracker
    wait_loaded(qtbot, tracker)
    assert QApplication.focusWidget() is tracker.table
    return tracker


def wait_loaded(qtbot: QtBot, tracker: TrackerView) -> None:
    qtbot.waitUntil(lambda: not tracker.loading(), timeout=5000)


def rows(tracker: TrackerView) -> list[list[str]]:
    model = tracker.model
    return [
        [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def texts(tracker: TrackerView) -> list[str]:
    return [row[-1] for row in rows(tracker)]


def test_open_actions_of_every_meeting_with_where_who_and_when(
    qtbot: QtBot, tracker_window: MainWindow
) -> None:
    tracker = open_tracker(qtbot, tracker_window)
    assert rows(tracker) == [
        [
            "10 December 2024",
            "Cabinet",
            "88",
            "a.",
            "Chief Finance Officer",
            "31 March 2025",
            "open",
            BUDGET,
        ],
        [
            "7 October 2024",
            "Housing Scrutiny Panel",
            "12",
            "b.",
            "Head of Housing",
            "30 November 2024",
            "OVERDUE",
            SURVEY,
        ],
        [
            "7 October 2024",
            "Housing Scrutiny Panel",
            "12",
            "c.",
            "Zoë Ní Bhriain",
            "",
            "open",
            PETITION,
        ],
    ]
    assert tracker.count.text() == "3 actions, 1 overdue"
    assert tracker_window.windowTitle() == "Action tracker – Clerk"


def test_exempt_actions_are_shown_only_when_included(
    qtbot: QtBot, tracker_window: MainWindow
) -> None:
    tracker = open_tracker(qtbot, tracker_window)
    # Public by default, and the page says so.
    assert tracker.scope.isVisible() and tracker.scope.text() == "Public: exempt items left out"
    assert SECRET not in texts(tracker)
    tracker.confidential.setChecked(True)
    assert tracker.scope.text() == "Confidential: exempt items included"
    qtbot.waitUntil(lambda: SECRET in texts(tracker), timeout=5000)
    assert rows(tracker)[-1] == [
        "7 October 2024",
        "Housing Scrutiny Panel",
        "13",
        "a.",
        "Head of Legal",
        "",
        "open · exempt",
        SECRET,
    ]
    assert tracker.count.text() == "4 actions, 1 overdue"
    tracker.confidential.setChecked(False)
    qtbot.waitUntil(lambda: SECRET not in texts(tracker), timeout=5000)


def test_filters_by_owner_committee_status_and_overdue(
    qtbot: QtBot, tracker_window: MainWindow
) -> None:
    tracker = open_tracker(qtbot, tracker_window)
    tracker.owner.setFocus()
    type_text("zoe")  # accents ignored, as the clerk types on an English keyboard
    qtbot.waitUntil(lambda: texts(tracker) == [PETITION], timeout=5000)
    tracker.owner.clear()
    tracker.committee.setCurrentIndex(tracker.committee.findText("Cabinet"))
    wait_loaded(qtbot, tracker)
    assert texts(tracker) == [BUDGET]
    tracker.committee.setCurrentIndex(0)
    tracker.status.setCurrentIndex(tracker.status.findText("Done"))
    wait_loaded(qtbot, tracker)
    assert [row[6] for row in rows(tracker)] == ["done 1 December 2024"]
    tracker.status.setCurrentIndex(tracker.status.findText("All"))
    wait_loaded(qtbot, tracker)
    assert len(rows(tracker)) == 4  # the exempt item's action is left out
    tracker.status.setCurrentIndex(tracker.status.findText("Open"))
    tracker.overdue.setFocus()
    key(Qt.Key.Key_Space)  # tick "Overdue only"
    wait_loaded(qtbot, tracker)
    assert texts(tracker) == [SURVEY]


def test_space_marks_done_today_and_again_reopens(
    qtbot: QtBot, tracker_window: MainWindow, db_path: Path
) -> None:
    tracker = open_tracker(qtbot, tracker_window)
    tracker.select_row(1)
    key(Qt.Key.Key_Space)
    # Committed at once: a fresh connection to the file sees it, with the day.
    housing = reload(db_path, 1)
    survey = housing.items[0].points[1]
    assert survey.action_done and survey.action_done_on == TODAY.date()
    assert "marked done on 15 January 2025" in tracker_window.statusBar().currentMessage()
    wait_loaded(qtbot, tracker)
    # Still in view under "Open", so the clerk sees it and can take it back.
    assert rows(tracker)[1][6] == "done 15 January 2025"
    assert tracker.current_row() == 1
    key(Qt.Key.Key_Space)
    assert not reload(db_path, 1).items[0].points[1].action_done
    assert "open again" in tracker_window.statusBar().currentMessage()
    wait_loaded(qtbot, tracker)
    # Other filters drop the pinned row: it is an ordinary open action again.
    tracker.status.setCurrentIndex(tracker.status.findText("Done"))
    wait_loaded(qtbot, tracker)
    assert SURVEY not in texts(tracker)


def test_marking_done_keeps_what_was_typed_in_the_open_meeting(
    qtbot: QtBot, tracker_window: MainWindow, db_path: Path
) -> None:
    tracker_window.open_meeting(1)
    view = tracker_window.view
    assert view is not None
    view.focus_point(tracker_window.model.meeting.items[0].points[0], -1)  # type: ignore[union-attr]
    type_text(" Members welcomed it.")  # not yet saved by the debounce
    tracker = open_tracker(qtbot, tracker_window)
    tracker.select_row(1)
    key(Qt.Key.Key_Space)
    key(Qt.Key.Key_Return)  # back into the meeting at that action
    housing = reload(db_path, 1)
    assert housing.items[0].points[0].text == "The Panel noted the report. Members welcomed it."
    assert housing.items[0].points[1].action_done
    model = tracker_window.model
    assert model is not None and model.meeting.items[0].points[1].action_done
    assert view is not tracker_window.view  # the meeting was read again from the file


def test_enter_opens_the_meeting_at_the_action(qtbot: QtBot, tracker_window: MainWindow) -> None:
    tracker = open_tracker(qtbot, tracker_window)
    tracker.select_row(2)
    key(Qt.Key.Key_Return)
    view = tracker_window.view
    assert tracker_window.pages.currentWidget() is view
    assert view is not None and view.active is not None and view.active.text == PETITION
    assert QApplication.focusWidget() is view.editor


def export_button(tracker: TrackerView, caption: str) -> QPushButton:
    found = [b for b in tracker.findChildren(QPushButton) if b.text() == caption]
    assert len(found) == 1
    return found[0]


def test_csv_export_is_utf8_with_bom_and_public_unless_confidential(
    qtbot: QtBot, tracker_window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "actions.csv"
    tracker_window.choose_path = lambda *_args: str(target)
    tracker = open_tracker(qtbot, tracker_window)
    QTest.mouseClick(export_button(tracker, "CSV for E&xcel…"), Qt.MouseButton.LeftButton)
    wait_exported(tracker_window)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert "Zoë Ní Bhriain" in text and "Head of Legal" not in text
    assert text.splitlines()[0].startswith('"Meeting date","Committee","Minute"')  # all quoted
    assert len(text.splitlines()) == 4  # header and three public open actions
    assert f"Exported {target}" in tracker_window.statusBar().currentMessage()
    tracker.confidential.setChecked(True)
    qtbot.waitUntil(lambda: SECRET in texts(tracker), timeout=5000)
    QTest.mouseClick(export_button(tracker, "CSV for E&xcel…"), Qt.MouseButton.LeftButton)
    wait_exported(tracker_window)
    assert "Head of Legal" in target.read_text(encoding="utf-8-sig")
    assert not list(tmp_path.glob(".*.part"))  # written atomically: no temporary left


def test_the_action_log_is_never_written_over_the_database(
    qtbot: QtBot, tracker_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    database = tracker_window.db.path
    alias = tmp_path / "actions.csv"  # another name for the database file itself
    os.link(database, alias)
    before = database.stat().st_ino
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: said.append(text))
    tracker_window.choose_path = lambda *_args: str(alias)
    tracker = open_tracker(qtbot, tracker_window)
    QTest.mouseClick(export_button(tracker, "CSV for E&xcel…"), Qt.MouseButton.LeftButton)
    wait_exported(tracker_window)
    assert len(said) == 1 and "Clerk's own database" in said[0]
    assert database.stat().st_ino == before
    assert database.read_bytes()[:16] == b"SQLite format 3\x00"


def test_word_export_of_the_open_actions(
    qtbot: QtBot, tracker_window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "actions.docx"
    tracker_window.choose_path = lambda *_args: str(target)
    tracker = open_tracker(qtbot, tracker_window)
    QTest.mouseClick(export_button(tracker, "&Word…"), Qt.MouseButton.LeftButton)
    wait_exported(tracker_window)
    words = "\n".join(
        cell.text
        for table in Document(str(target)).tables
        for row in table.rows
        for cell in row.cells
    )
    assert "Chief Finance Officer" in words and "Zoë Ní Bhriain" in words
    assert "Repairs backlog" not in words  # done: the tracker shows open actions only
    assert "Head of Legal" not in words  # exempt: public unless ticked


def test_pdf_export_of_one_owners_actions(
    qtbot: QtBot, tracker_window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "actions"  # the suffix is added for the clerk
    tracker_window.choose_path = lambda *_args: str(target)
    tracker = open_tracker(qtbot, tracker_window)
    tracker.owner.setFocus()
    type_text("finance")
    qtbot.waitUntil(lambda: texts(tracker) == [BUDGET], timeout=5000)
    QTest.mouseClick(export_button(tracker, "P&DF…"), Qt.MouseButton.LeftButton)
    wait_exported(tracker_window)
    pages = PdfReader(str(tmp_path / "actions.pdf")).pages
    words = " ".join(" ".join(page.extract_text().split()) for page in pages)  # lines rejoined
    # The document of the meetings listed: Cabinet's, not the Housing panel's.
    assert "Open actions from 1 meeting Cabinet, 10 December 2024" in words
    assert "Chief Finance Officer" in words and "Head of Housing" not in words


def test_alt_keys_of_the_tracker_are_unique(qtbot: QtBot, tracker_window: MainWindow) -> None:
    tracker = open_tracker(qtbot, tracker_window)
    captions = [action.text() for action in tracker_window.menuBar().actions()]
    captions += [label.text() for label in tracker.findChildren(QLabel)]
    captions += [button.text() for button in tracker.findChildren(QAbstractButton)]
    letters = [m.group(1).lower() for c in captions if (m := re.search(r"&(\w)", c))]
    assert len(letters) == len(set(letters)), sorted(letters)
    tracker.select_row(0)
    key(Qt.Key.Key_D, CTRL_SHIFT)  # as in the minutes: marks the current action done
    assert rows(tracker)[0][6] == "done 15 January 2025"


def test_the_tracker_has_the_width_and_shows_whole_dates(
    qtbot: QtBot, tracker_window: MainWindow
) -> None:
    assert tracker_window.dock.isVisible()  # with the minutes list: as the clerk left it
    tracker = open_tracker(qtbot, tracker_window)
    qtbot.waitUntil(lambda: not tracker_window.dock.isVisible())  # no greyed panel beside it
    table = tracker.table
    metrics = table.fontMetrics()
    for r, row in enumerate(rows(tracker)):
        for column in (0, 5):  # the meeting's date and the due date, year included
            shown = row[column]
            assert metrics.horizontalAdvance(shown) + 8 <= table.columnWidth(column), (r, shown)
    action = table.columnWidth(len(rows(tracker)[0]) - 1)
    assert action >= table.viewport().width() / 3, f"the action text has {action} px"
    key(Qt.Key.Key_O, CTRL_SHIFT ^ Qt.KeyboardModifier.ShiftModifier)  # Ctrl+O: the list
    qtbot.waitUntil(tracker_window.dock.isVisible)
