"""Starting the window on a missing, empty or damaged database: nothing lost, backups kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from clerk_app import app
from clerk_app.services import meetings, safety
from clerk_app.store.backups import list_backups
from clerk_app.store.database import open_database
from tests.damage import data_page, settled_database, zero_page
from tests.ui.helpers import sample_meeting
from tests.ui.test_safety_window import click_later


@pytest.fixture
def no_event_loop(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """run_window returns as soon as the window is up; the windows it showed are closed."""
    shown: list[str] = []

    def exec_once(_app: QApplication) -> int:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                shown.append(widget.windowTitle())
                widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_once)
    return shown


def _old_backups(path: Path) -> list[Path]:
    """Backups of a database with minutes, 45 and 60 days old; then the database is lost."""
    db = open_database(path)
    meetings.create_meeting(db, sample_meeting())
    db.close()
    now = dt.datetime.now()
    taken = [safety.take_backup(path, now=now - dt.timedelta(days=d)) for d in (45, 60)]
    for side in ("", "-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    return taken


def test_a_window_started_on_a_new_database_prunes_no_backup(
    tmp_path: Path, no_event_loop: list[str]
) -> None:
    path = tmp_path / "clerk.db"
    old = _old_backups(path)
    assert app.run_window(db_path=path, create_folder=False, meeting_id=None) == 0
    assert no_event_loop  # the window did open, on a new database
    assert all(p.exists() for p in old)
    assert len(list_backups(path)) == 3  # the new session's backup beside the old ones


def test_an_empty_file_is_refused_and_its_backup_offered(
    tmp_path: Path, no_event_loop: list[str]
) -> None:
    path = tmp_path / "clerk.db"
    old = _old_backups(path)
    path.write_bytes(b"")
    click_later("Close")
    assert app.run_window(db_path=path, create_folder=False, meeting_id=None) == 2
    assert path.read_bytes() == b"" and all(p.exists() for p in old)
    assert len(list_backups(path)) == 2  # no backup of the empty file was taken
    click_later("Restore backup")
    assert app.run_window(db_path=path, create_folder=False, meeting_id=None) == 0
    db = open_database(path, read_only=True)
    try:
        [summary] = meetings.list_meetings(db)
        assert summary.committee == sample_meeting().committee
    finally:
        db.close()
    assert all(p.exists() for p in old)
    assert [p.stat().st_size for p in tmp_path.glob("clerk.replaced-*.db")] == [0]


def test_a_damaged_page_is_refused_and_never_backed_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_event_loop: list[str]
) -> None:
    path = tmp_path / "clerk.db"
    settled_database(path)
    good = safety.take_backup(path, now=dt.datetime.now() - dt.timedelta(days=2))
    zero_page(path, data_page(path))
    damaged = path.read_bytes()
    shown: list[str] = []

    def record(box: QMessageBox) -> int:  # instead of waiting for a click
        shown.append(f"{box.text()} {box.informativeText()}")
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    assert app.run_window(db_path=path, create_folder=False, meeting_id=None) == 2
    assert len(shown) == 1 and "is damaged" in shown[0] and "Restore it?" in shown[0]
    assert not no_event_loop  # no window over a damaged file
    assert path.read_bytes() == damaged
    assert [b.path for b in list_backups(path)] == [good]
    beside = sorted(p.name for p in tmp_path.iterdir())
    assert beside == ["backups", "clerk.db", "clerk.db.checked", "clerk.db.lock"]  # no -wal


def test_with_the_disk_still_full_the_window_opens_read_only_and_keeps_the_typing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3
    from typing import Any

    from PySide6.QtWidgets import QMainWindow
    from sqlalchemy import event

    from clerk_app.services import recovery
    from clerk_app.store import database

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = tmp_path / "clerk.db"
    db = open_database(path)
    meeting_id = meetings.create_meeting(db, sample_meeting())
    point = meetings.load_meeting(db, meeting_id).items[1].points[0]
    assert point.id is not None
    typed = ("typed while the disk was full " * 300).strip()
    kept = recovery.keep(path, [recovery.PendingText(point.id, typed)], identity=db.identity)
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("VACUUM")  # no free page left inside the file
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()

    real_create_engine = database.create_engine  # type: ignore[attr-defined]  # imported there

    def full_disk_engine(*args: Any, **kwargs: Any) -> Any:
        # The disk is still full: SQLite's max_page_count gives the same SQLITE_FULL error.
        engine = real_create_engine(*args, **kwargs)
        event.listen(engine, "connect", lambda c, _r: c.execute(f"PRAGMA max_page_count = {pages}"))
        return engine

    monkeypatch.setattr(database, "create_engine", full_disk_engine)
    seen: list[tuple[str, bool]] = []

    def exec_once(_app: QApplication) -> int:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMainWindow) and widget.isVisible():
                seen.append((widget.statusBar().currentMessage(), widget.db.read_only))  # type: ignore[attr-defined]  # MainWindow
                widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_once)
    assert app.run_window(db_path=path, create_folder=False, meeting_id=None) == 0
    [(message, read_only)] = seen
    assert read_only and "Opened read-only" in message and str(kept) in message
    assert kept is not None and kept.exists()
    monkeypatch.setattr(database, "create_engine", real_create_engine)  # space came back
    seen.clear()
    assert app.run_window(db_path=path, create_folder=False, meeting_id=None) == 0
    [(message, read_only)] = seen
    assert not read_only and "Restored 1 point" in message and not kept.exists()
    again = open_database(path, read_only=True)
    try:
        assert meetings.load_meeting(again, meeting_id).items[1].points[0].text == typed
    finally:
        again.close()
