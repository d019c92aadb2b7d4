"""Fixtures for the window tests: a real database file, temporary settings, the real window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window, make_application
from clerk_app.services.meetings import create_meeting
from clerk_app.store.database import Database, open_database
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import present, sample_meeting


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns that it cannot pass size hints to a window manager it
    # does not have; that says nothing about Clerk, every other Qt warning still fails.
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/"):
            # Nor can it raise a completer's popup list or let it grab the keyboard.
            ignored = ("propagateSizeHints", "does not support raise", "does not support grabbing")
            item.add_marker(pytest.mark.qt_log_ignore(*ignored))


@pytest.fixture(autouse=True)
def _qt(qapp: QApplication) -> None:
    make_application()  # names and shipped fonts, as the real application has them


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "clerk.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def meeting_id(db: Database) -> int:
    return create_meeting(db, sample_meeting())


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(
    qtbot: QtBot, db: Database, settings: QSettings, meeting_id: int
) -> Iterator[MainWindow]:
    win = build_window(db, settings, meeting_id)
    qtbot.addWidget(win)
    present(win)
    yield win
    win.close()
