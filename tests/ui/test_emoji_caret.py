"""Carets after emoji: Qt counts UTF-16 units, Python code points; the window must not mix them.

Found by the power-cut test: reopened on a point ending in an emoji, the caret landed one
character short of the end, and the next keystroke went into the middle of the text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.services import editing
from clerk_app.store.database import Database
from clerk_app.ui.capture.point_editor import from_qt_position, to_qt_position
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import key, present, reload, type_text


def last_texts(db_path: Path, meeting_id: int) -> list[str]:
    return [p.text for p in reload(db_path, meeting_id).items[1].points]


def test_enter_after_an_emoji_splits_where_the_caret_is(
    window: MainWindow, db_path: Path, meeting_id: int
) -> None:
    key(Qt.Key.Key_Return)
    type_text("Cake 🎂 for the Chair 🎉 and clerk")
    for _ in range(len(" and clerk")):
        key(Qt.Key.Key_Left)
    key(Qt.Key.Key_Return)
    assert window.model is not None
    window.model.flush()
    assert last_texts(db_path, meeting_id)[-2:] == ["Cake 🎂 for the Chair 🎉", "and clerk"]


def test_reopening_puts_the_caret_after_a_final_emoji(
    qtbot: QtBot, db: Database, db_path: Path, meeting_id: int, settings: QSettings
) -> None:
    point = reload(db_path, meeting_id).items[1].points[-1]
    assert point.id is not None
    editing.set_point_text(db, point_id=point.id, text="Thanks all 👩🏽‍💼🎉")
    win = build_window(db, settings, meeting_id)
    qtbot.addWidget(win)
    present(win)
    type_text("!")
    assert win.model is not None
    win.model.flush()
    assert last_texts(db_path, meeting_id)[-1] == "Thanks all 👩🏽‍💼🎉!"
    win.close()


def test_position_conversions_round_trip() -> None:
    text = "a🎉b👩🏽‍💼c"
    for index in range(len(text) + 1):
        assert from_qt_position(text, to_qt_position(text, index)) == index
    assert to_qt_position(text, 2) == 3  # "a" + the two halves of 🎉
