"""The read-only (second) window's actions panel: the Done box cannot be ticked, and says why."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.services import meetings
from clerk_app.store.database import open_database
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import present, reload, sample_meeting


@pytest.fixture
def second_window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, Path, int]]:
    path = tmp_path / "clerk.db"
    meeting = sample_meeting()
    meeting.items[1].points[0].text = "Officers to write to residents. (Action: Clerk)"
    db = open_database(path)
    meeting_id = meetings.create_meeting(db, meeting)
    db.close()
    second = open_database(path, read_only=True)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = build_window(second, settings, meeting_id)
    qtbot.addWidget(window)
    present(window)
    yield window, path, meeting_id
    window.close()
    second.close()


def test_the_done_box_in_a_read_only_window_cannot_be_ticked(
    second_window: tuple[MainWindow, Path, int],
) -> None:
    window, path, meeting_id = second_window
    panel = window.panel
    window.dock.show()
    assert panel.topLevelItemCount() == 1
    row = panel.topLevelItem(0)
    assert row is not None
    assert row.checkState(3) == Qt.CheckState.Unchecked

    # A click on the box, where a clerk's mouse would go.
    cell = panel.visualItemRect(row)
    left = panel.header().sectionViewportPosition(3)
    where = cell.center()
    where.setX(left + 10)
    QTest.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert row.checkState(3) == Qt.CheckState.Unchecked  # no tick shown that is not saved
    # Space on the row, as the keyboard would.
    panel.setCurrentItem(row, 3)
    QTest.keyClick(panel, Qt.Key.Key_Space)
    assert row.checkState(3) == Qt.CheckState.Unchecked
    assert not row.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert "read-only" in row.toolTip(3)
    assert window.model is not None
    assert not window.model.meeting.items[1].points[0].action_done
    assert not reload(path, meeting_id).items[1].points[0].action_done


def test_ctrl_e_in_a_read_only_window_writes_the_file_and_says_what_was_not_recorded(
    second_window: tuple[MainWindow, Path, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Export only reads: the read-only window exports; noting the circulated draft, which it
    cannot write, is skipped with a warning instead of an uncaught StorageUnavailable."""
    import docx
    from PySide6.QtWidgets import QMessageBox

    from clerk_app.services import archive
    from tests.ui.helpers import key, wait_exported

    ctrl = Qt.KeyboardModifier.ControlModifier

    window, path, meeting_id = second_window
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    window.choose_path = lambda *_args: str(tmp_path / "minutes.docx")
    key(Qt.Key.Key_E, ctrl)
    wait_exported(window)
    assert docx.Document(str(tmp_path / "minutes.docx")).paragraphs  # written, and whole
    assert len(warned) == 1 and "read-only" in warned[0] and "circulated" in warned[0]
    assert "read-only" in window.statusBar().currentMessage()
    db = open_database(path)
    try:
        assert archive.revisions(db, meeting_id) == []  # nothing written by this window
    finally:
        db.close()
