"""The meeting list's Points column is filled: points and sub-points of every item."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.services.meetings import create_meeting
from clerk_app.store.database import Database
from clerk_app.ui.archive.meeting_list import COLUMNS
from tests.ui.helpers import key, present

CTRL = Qt.KeyboardModifier.ControlModifier


def test_points_are_counted(qtbot: QtBot, db: Database, settings: QSettings) -> None:
    create_meeting(
        db,
        Meeting(
            committee="Finance",
            date=dt.date(2026, 2, 3),
            items=[
                AgendaItem("Budget", "4", points=[Point("One.", children=[Point("Sub.")])]),
                AgendaItem("Audit", "5", points=[Point("Two.")]),
            ],
        ),
    )
    create_meeting(db, Meeting(committee="Empty", date=dt.date(2026, 1, 6)))
    window = build_window(db, settings)
    qtbot.addWidget(window)
    present(window)
    lst, points = window.meeting_list, COLUMNS.index("Points")
    shown = {
        row.text(1): row.text(points)
        for row in (lst.topLevelItem(i) for i in range(lst.topLevelItemCount()))
        if row is not None
    }
    assert shown == {"Finance": "3", "Empty": "0"}

    # A meeting opened and listed again counts what it has now.
    create_meeting(
        db, Meeting(committee="Audit", date=dt.date(2026, 3, 3), items=[AgendaItem("X", "1")])
    )
    key(Qt.Key.Key_O, CTRL)
    row = lst.topLevelItem(0)
    assert row is not None and (row.text(1), row.text(points)) == ("Audit", "0")
