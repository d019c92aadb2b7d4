"""The window keeps the database file itself up to date, and repairs a vanished -wal file."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import type_text


def _in_main_file(db_path: Path, tmp_path: Path, ending: str) -> bool:
    """Whether the database file alone (no -wal) has a point ending with ``ending``."""
    alone = tmp_path / "alone.db"
    shutil.copyfile(db_path, alone)  # no -wal copied: only what has been checkpointed
    conn = sqlite3.connect(alone)
    try:
        return any(row[0].endswith(ending) for row in conn.execute("SELECT text FROM points"))
    finally:
        conn.close()


def test_a_pause_in_typing_checkpoints_into_the_database_file(
    window: MainWindow, db_path: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    window.checkpoints._idle.setInterval(200)  # the idle wait, shortened for the test
    type_text(" Checkpointed when the room paused.")
    assert not _in_main_file(db_path, tmp_path, "Checkpointed when the room paused.")
    qtbot.waitUntil(
        lambda: _in_main_file(db_path, tmp_path, "Checkpointed when the room paused."),
        timeout=5000,
    )


def test_a_vanished_wal_is_repaired_and_the_clerk_told_once(
    window: MainWindow, db_path: Path, tmp_path: Path
) -> None:
    model = window.model
    assert model is not None
    wal = db_path.with_name(db_path.name + "-wal")
    type_text(" Before.")
    model.flush()
    assert wal.exists()
    wal.unlink()
    type_text(" After the log vanished.")
    model.flush()
    assert window.checkpoints.repairs == 1
    message = window.statusBar().currentMessage()
    assert f"journal file ({wal.name})" in message
    assert "Nothing was lost" in message
    assert wal.exists()  # a fresh log, in use
    # everything shown as saved is in the database file itself now
    assert _in_main_file(db_path, tmp_path, "Before. After the log vanished.")
    # a second time: repaired again, but not said again
    window.statusBar().showMessage("typing on")
    wal.unlink()
    type_text(" Again.")
    model.flush()
    assert window.checkpoints.repairs == 2
    assert window.statusBar().currentMessage() == "typing on"
    assert _in_main_file(db_path, tmp_path, "After the log vanished. Again.")


def test_closing_leaves_an_empty_log(window: MainWindow, db_path: Path, tmp_path: Path) -> None:
    type_text(" Last words.")
    window.close()
    wal = db_path.with_name(db_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert _in_main_file(db_path, tmp_path, "Last words.")
