"""Disk full while typing: the clerk is warned at once, typing goes on, nothing is dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.services import recovery
from clerk_app.store.database import Database
from clerk_app.ui.shell.main_window import MainWindow
from tests.disk import disk_full, unwritable
from tests.ui.helpers import key, reload, type_text


@pytest.fixture(autouse=True)
def private_recovery_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


def texts(db_path: Path, meeting_id: int) -> list[str]:
    return [p.text for p in reload(db_path, meeting_id).items[1].points]


def test_typing_survives_a_full_disk(
    window: MainWindow, db: Database, db_path: Path, meeting_id: int, qtbot: QtBot
) -> None:
    model = window.model
    assert model is not None
    before = texts(db_path, meeting_id)
    with disk_full(db):
        # a long paragraph pasted from an email, so the file must grow to hold it
        QApplication.clipboard().setText(
            " Members asked about the damp survey of every block" * 600
        )
        key(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        type_text(" Typed.")
        model.flush()
        assert "NOT SAVED" in window.windowTitle()
        assert "disk is full" in window.statusBar().currentMessage()
        [kept] = recovery.recovery_files(db_path)
        assert "damp survey" in kept.read_text(encoding="utf-8")
        # typing goes on
        type_text(" More.")
        assert texts(db_path, meeting_id) == before
    # space returns: the retry timer saves everything, and the recovery file goes
    qtbot.waitUntil(lambda: "NOT SAVED" not in window.windowTitle(), timeout=3000)
    saved = texts(db_path, meeting_id)
    assert saved[-1].endswith("damp survey of every block Typed. More.")
    assert recovery.recovery_files(db_path) == []


def test_structural_edits_are_refused_whole_when_nothing_can_be_written(
    window: MainWindow, db: Database, db_path: Path, meeting_id: int, qtbot: QtBot
) -> None:
    model = window.model
    assert model is not None
    before = texts(db_path, meeting_id)
    stack = window.stack
    steps = stack.count()
    with unwritable(db):
        key(Qt.Key.Key_Return)  # a new point: cannot be written, so not made at all
        assert len(model.flat_points()) == len(before)
        assert stack.count() == steps
        assert "read-only" in window.statusBar().currentMessage()
        type_text(" Still typing.")  # the caret stayed in its point; typing goes on
    qtbot.waitUntil(lambda: texts(db_path, meeting_id)[-1].endswith("Still typing."), timeout=3000)
    key(Qt.Key.Key_Return)  # and once the disk is back, Enter works again
    assert len(model.flat_points()) == len(before) + 1
