"""Ctrl+F narrowed: committee, year, decisions only and open actions only, in the dialog's
fields and as words typed in the query; Alt+M for more than the best 50; attendance hits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QCheckBox
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.core.model import AgendaItem, Attendee, Decision, Meeting, Point
from clerk_app.services.meetings import create_meeting
from clerk_app.store.database import Database
from clerk_app.ui.archive.search_dialog import SearchDialog
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import key, present, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _meeting(committee: str, day: dt.date, *, decided: bool, action: str = "") -> Meeting:
    text = f"Members discussed damp and mould in {day.year} block reports."
    return Meeting(
        committee=committee,
        date=day,
        attendees=[Attendee("Councillor Hana Okafor")],
        items=[
            AgendaItem(
                "Repairs",
                "5",
                points=[Point(text), Point(f"Damp survey of the mould cases.{action}")],
                decisions=[Decision(preamble="That damp and mould works be funded.")]
                if decided
                else [],
            )
        ],
    )


@pytest.fixture
def archive(qtbot: QtBot, db: Database, settings: QSettings) -> Iterator[MainWindow]:
    create_meeting(db, _meeting("Housing Panel", dt.date(2023, 3, 1), decided=True))
    create_meeting(
        db,
        _meeting(
            "Housing Panel", dt.date(2024, 3, 5), decided=True, action=" (Action: Head of Repairs)"
        ),
    )
    create_meeting(db, _meeting("Planning Committee", dt.date(2024, 6, 2), decided=False))
    window = build_window(db, settings)
    qtbot.addWidget(window)
    present(window)
    yield window
    window.close()


def _open(qtbot: QtBot, window: MainWindow) -> SearchDialog:
    window.meeting_list.setFocus()
    key(Qt.Key.Key_F, CTRL)
    dialog = window.search.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.query)
    return dialog


def _answered(qtbot: QtBot, dialog: SearchDialog) -> list[tuple[str, str, str]]:
    qtbot.waitUntil(lambda: not dialog.pending(), timeout=5000)
    return [(h.committee, str(h.meeting_date.year), h.kind) for h in dialog.hits]


def _tick(qtbot: QtBot, box: QCheckBox, letter: Qt.Key, *, on: bool) -> None:
    key(letter, ALT)  # a mnemonic clicks the box a moment later, as Qt animates it
    qtbot.waitUntil(lambda: box.isChecked() is on)


def test_the_dialogs_filters_narrow_the_hits(qtbot: QtBot, archive: MainWindow) -> None:
    dialog = _open(qtbot, archive)
    type_text("damp mould")
    assert len(_answered(qtbot, dialog)) == 8  # 3 meetings x 2 points + 2 decisions

    key(Qt.Key.Key_C, ALT)  # the Committee field
    type_text("housing")
    hits = _answered(qtbot, dialog)
    assert len(hits) == 6 and {c for c, _y, _k in hits} == {"Housing Panel"}

    key(Qt.Key.Key_Y, ALT)
    type_text("2024")
    assert sorted(_answered(qtbot, dialog)) == [
        ("Housing Panel", "2024", "decision"),
        ("Housing Panel", "2024", "point"),
        ("Housing Panel", "2024", "point"),
    ]
    assert "(only Housing, 2024)" in dialog.message.text()

    _tick(qtbot, dialog.decisions, Qt.Key.Key_D, on=True)  # Alt+D: Decisions only
    assert _answered(qtbot, dialog) == [("Housing Panel", "2024", "decision")]
    _tick(qtbot, dialog.decisions, Qt.Key.Key_D, on=False)
    _tick(qtbot, dialog.open_actions, Qt.Key.Key_O, on=True)  # the tagged point
    assert _answered(qtbot, dialog) == [("Housing Panel", "2024", "point")]
    assert "(Action: Head of Repairs)" in dialog.hits[0].snippet

    # Enter opens the hit, as from the query field.
    key(Qt.Key.Key_Return)
    assert archive.view is not None and archive.view.active is not None
    assert archive.view.active.text.endswith("(Action: Head of Repairs)")


def test_filter_words_typed_in_the_query(qtbot: QtBot, archive: MainWindow) -> None:
    dialog = _open(qtbot, archive)
    type_text("damp mould resolved year:2024")
    assert _answered(qtbot, dialog) == [("Housing Panel", "2024", "decision")]
    key(Qt.Key.Key_A, CTRL)
    type_text("damp mould resolved 2023")  # a bare year is a word: found nowhere, and said so
    assert _answered(qtbot, dialog) == []
    assert dialog.message.text() == (
        "Nothing found for damp mould resolved 2023 (only decisions); "
        "for meetings in 2023, type year:2023"
    )
    key(Qt.Key.Key_A, CTRL)
    type_text("mould committee:planning")
    assert {c for c, _y, _k in _answered(qtbot, dialog)} == {"Planning Committee"}
    key(Qt.Key.Key_A, CTRL)
    type_text("mould year:20x4")
    _answered(qtbot, dialog)
    assert dialog.message.text() == (
        "Cannot search for that: year:20x4 is not a year: write year:2024 or year:2022-2024"
    )


def test_more_than_fifty_hits_with_alt_m(qtbot: QtBot, db: Database, archive: MainWindow) -> None:
    for n in range(60):
        create_meeting(
            db, _meeting("Housing Panel", dt.date(2022, 1, 1) + dt.timedelta(n), decided=False)
        )
    dialog = _open(qtbot, archive)
    type_text("survey")
    assert len(_answered(qtbot, dialog)) == 50
    assert dialog.message.text().startswith("The 50 best hits: Alt+M shows more")
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_M, ALT)
    qtbot.waitUntil(lambda: dialog.limit == 100)  # the button's click comes a moment later
    assert len(_answered(qtbot, dialog)) == 63  # every one, the whole archive
    assert dialog.message.text() == "63 hits, best first"
    row = dialog.results.currentItem()
    assert row is not None and dialog.results.indexOfTopLevelItem(row) == 2  # kept


def test_attendance_hits_name_no_minute(qtbot: QtBot, archive: MainWindow) -> None:
    dialog = _open(qtbot, archive)
    type_text("okafor")
    _answered(qtbot, dialog)
    row = dialog.results.topLevelItem(0)
    assert row is not None
    assert row.text(1) == "" and row.text(2) == "attendance"
    assert "None" not in row.text(1)
