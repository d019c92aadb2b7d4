"""``run_window``: the command line's contract for starting the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from clerk_app import app
from clerk_app.store.database import Database
from clerk_app.store.errors import UnknownMeetingError


def test_no_display_is_refused_before_qt_starts(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setattr(app, "make_application", lambda: pytest.fail("Qt was started"))
    code = app.run_window(db_path=tmp_path / "c.db", create_folder=False, meeting_id=None)
    assert code == 2
    assert capsys.readouterr().err.strip() == app.NO_DISPLAY
    assert not (tmp_path / "c.db").exists()


def test_unknown_meeting_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], db_path: Path, db: Database
) -> None:
    code = app.run_window(db_path=db_path, create_folder=False, meeting_id=999)
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "999" in err


def test_build_window_refuses_an_unknown_meeting(db: Database, settings: QSettings) -> None:
    with pytest.raises(UnknownMeetingError):
        app.build_window(db, settings, 12345)


def test_database_error_is_shown_in_a_message_box(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[str] = []

    def record(box: QMessageBox) -> int:  # instead of waiting for a click
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("these are my notes, not a database")
    code = app.run_window(db_path=not_sqlite, create_folder=False, meeting_id=None)
    assert code == 2
    assert len(shown) == 1 and "not a Clerk database" in shown[0]
    assert not_sqlite.read_text() == "these are my notes, not a database"
