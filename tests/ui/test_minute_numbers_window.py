"""The capture window shows a body's derived minute numbers, and moving an item with the
keyboard renumbers what is on screen and in the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window, make_application
from clerk_app.core.model import AgendaItem, LabelStyle, Meeting, Point
from clerk_app.services import bodies, meetings
from clerk_app.store.database import Database
from clerk_app.ui.capture.rows import RowKind
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import key, present, reload, type_text


def _items(window: MainWindow) -> list[tuple[str, str]]:
    assert window.view is not None
    return [(r.label, r.text) for r in window.view.rows if r.kind is RowKind.ITEM]


def test_derived_numbers_on_screen_follow_a_move(
    db: Database, db_path: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    bodies.set_up_body(db, "Town Council", pattern="{yy}/{n}", labels="8.1")
    earlier = [AgendaItem(f"Earlier {n}") for n in range(5)]
    meetings.create_meeting(db, Meeting("Town Council", dt.date(2024, 6, 3), items=earlier))
    titles = ["Allotments", "Footpaths", "Grants"]
    meeting = Meeting(
        "Town Council",
        dt.date(2024, 7, 1),
        items=[AgendaItem(t, points=[Point(f"{t} discussed.")]) for t in titles],
        label_style=LabelStyle.DECIMAL,
    )
    meeting_id = meetings.create_meeting(db, meeting)

    make_application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_window(db, settings, meeting_id)
    qtbot.addWidget(window)
    present(window)
    try:
        assert _items(window) == [("24/6.", "Allotments"), ("24/7.", "Footpaths"),
                                  ("24/8.", "Grants")]  # fmt: skip
        assert window.view is not None
        points = [r.label for r in window.view.rows if r.kind is RowKind.POINT]
        assert points == ["6.1", "7.1", "8.1"]  # paragraph numbers under the minute's number

        # The window opens where the clerk left off, in Grants' point: they type, then move
        # the item up one; it takes minute 24/7 and Footpaths becomes 24/8.
        type_text(" Agreed.")
        key(Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: _items(window)[1][1] == "Grants", timeout=3000)
        assert _items(window) == [("24/6.", "Allotments"), ("24/7.", "Grants"),
                                  ("24/8.", "Footpaths")]  # fmt: skip
        points = [r.label for r in window.view.rows if r.kind is RowKind.POINT]
        assert points == ["6.1", "7.1", "8.1"]
    finally:
        window.close()
    saved = reload(db_path, meeting_id)
    assert [i.title for i in saved.items] == ["Allotments", "Grants", "Footpaths"]
    assert [i.number for i in saved.items] == ["", "", ""]
    assert saved.items[1].points[0].text == "Grants discussed. Agreed."
