"""The window's side of safety: a damaged database offers its backup; unsaved typing is kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from clerk_app.app import start_backups
from clerk_app.services import meetings, recovery, safety
from clerk_app.store.database import open_database
from clerk_app.store.errors import DatabaseError
from clerk_app.ui.shell.startup_questions import offer_backup
from tests.ui.helpers import sample_meeting, wait_exported


def click_later(text: str) -> None:
    """Press the button labelled ``text`` in the dialog about to run its event loop."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        [button] = [b for b in box.findChildren(QPushButton) if b.text() == text]
        button.click()

    QTimer.singleShot(0, press)


def test_a_damaged_database_is_restored_from_its_newest_backup(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    db = open_database(path)
    meeting_id = meetings.create_meeting(db, sample_meeting())
    safety.take_backup(path, now=dt.datetime(2025, 3, 11, 19, 0))
    db.close()
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    path.write_bytes(b"half a file from a USB stick" * 100)
    with pytest.raises(DatabaseError) as error:
        open_database(path)
    click_later("Restore backup")
    reopened = offer_backup(path, error.value)
    assert reopened is not None
    try:
        assert meetings.load_meeting(reopened, meeting_id).committee == sample_meeting().committee
    finally:
        reopened.close()
    kept = list(tmp_path.glob("clerk.replaced-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"half a file from a USB stick" * 100


def test_declining_leaves_the_damaged_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    path.write_bytes(b"not sqlite" * 10)
    with pytest.raises(DatabaseError) as error:
        open_database(path)
    click_later("Close")
    assert offer_backup(path, error.value) is None
    assert path.read_bytes() == b"not sqlite" * 10


def test_backups_start_with_the_window(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    db = open_database(path)
    meetings.create_meeting(db, sample_meeting())
    db.close()
    app = QApplication.instance()
    assert app is not None
    schedule = start_backups(path, app)
    try:
        assert schedule.timer.isActive() and schedule.timer.interval() == 15 * 60 * 1000
        schedule.wait()  # the copy runs on its own thread, so the window need not wait
        assert len(safety.list_backups(path)) == 1
    finally:
        schedule.stop()


def test_unsaved_typing_from_last_time_is_put_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = tmp_path / "clerk.db"
    db = open_database(path)
    meeting_id = meetings.create_meeting(db, sample_meeting())
    point = meetings.load_meeting(db, meeting_id).items[1].points[0]
    assert point.id is not None
    recovery.keep(
        path, [recovery.PendingText(point.id, "typed when the disk was full")], identity=db.identity
    )
    assert recovery.recover(db).restored == 1
    assert meetings.load_meeting(db, meeting_id).items[1].points[0].text == (
        "typed when the disk was full"
    )
    db.close()


def test_a_second_window_is_told_who_has_the_database(tmp_path: Path) -> None:
    from clerk_app.store.instance_lock import DatabaseInUse, InstanceLock
    from clerk_app.ui.shell.startup_questions import ask_read_only

    path = tmp_path / "clerk.db"
    first = InstanceLock(path)
    first.acquire()
    try:
        with pytest.raises(DatabaseInUse) as in_use:
            InstanceLock(path).acquire()
        click_later("Open read-only")
        assert ask_read_only(in_use.value)
        click_later("Cancel")
        assert not ask_read_only(in_use.value)
        assert " on " in str(in_use.value) and "already open for editing" in str(in_use.value)
    finally:
        first.release()


def test_a_read_only_window_refuses_every_edit(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings, Qt

    from clerk_app.app import build_window
    from tests.ui.helpers import key, present, type_text

    path = tmp_path / "clerk.db"
    db = open_database(path)
    meeting_id = meetings.create_meeting(db, sample_meeting())
    db.close()
    second = open_database(path, read_only=True)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = build_window(second, settings, meeting_id)
    qtbot.addWidget(window)
    present(window)
    try:
        assert "Read-only" in window.windowTitle()
        type_text("sneaky edit")
        key(Qt.Key.Key_Return)
        assert "open for editing" in window.statusBar().currentMessage()
        assert window.model is not None
        window.model.flush()
        texts = [p.text for _, p, _ in window.model.meeting.all_points()]
        assert not any("sneaky" in t for t in texts)
    finally:
        window.close()
        second.close()
    reopened = open_database(path)
    try:
        points = [p.text for _, p, _ in meetings.load_meeting(reopened, meeting_id).all_points()]
    finally:
        reopened.close()
    assert not any("sneaky" in t for t in points)


def test_restore_from_backup_in_the_window(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """File > Restore from backup: the chosen backup replaces the database, nothing is lost."""
    from PySide6.QtCore import QSettings

    from clerk_app.app import build_window
    from clerk_app.services import editing
    from clerk_app.ui.dialogs.backup_dialog import BackupDialog
    from tests.ui.helpers import present

    path = tmp_path / "clerk.db"
    db = open_database(path)
    meeting_id = meetings.create_meeting(db, sample_meeting())
    safety.take_backup(path, now=dt.datetime(2025, 3, 11, 19, 0))
    point = meetings.load_meeting(db, meeting_id).items[1].points[0]
    assert point.id is not None
    editing.set_point_text(db, point_id=point.id, text="changed after the backup")
    chosen: list[BackupDialog] = []

    def pick_first(dialog: BackupDialog) -> bool:
        chosen.append(dialog)
        return True

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = build_window(db, settings, meeting_id)
    window.run_dialog = pick_first  # type: ignore[assignment]
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    qtbot.addWidget(window)
    present(window)
    window.restore_backup()
    assert chosen and chosen[0].table.topLevelItemCount() == 1
    assert not window.isVisible()  # closed, to be opened again on the restored minutes
    db.close()
    again = open_database(path)
    try:
        restored = meetings.load_meeting(again, meeting_id).items[1].points[0].text
    finally:
        again.close()
    assert restored == sample_meeting().items[1].points[0].text
    [kept] = tmp_path.glob("clerk.replaced-*.db")
    replaced = open_database(kept)
    try:
        assert meetings.load_meeting(replaced, meeting_id).items[1].points[0].text == (
            "changed after the backup"
        )
    finally:
        replaced.close()


def _window_with_backup(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A window on a meeting changed since its one backup, answering the backup dialog."""
    from PySide6.QtCore import QSettings

    from clerk_app.app import build_window
    from clerk_app.services import editing
    from tests.ui.helpers import present

    path = tmp_path / "clerk.db"
    db = open_database(path)
    meeting_id = meetings.create_meeting(db, sample_meeting())
    safety.take_backup(path, now=dt.datetime(2025, 3, 11, 19, 0))
    point = meetings.load_meeting(db, meeting_id).items[1].points[0]
    assert point.id is not None
    editing.set_point_text(db, point_id=point.id, text="changed after the backup")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = build_window(db, settings, meeting_id)
    window.run_dialog = lambda dialog: True  # type: ignore[assignment]
    qtbot.addWidget(window)
    present(window)
    return window, db, meeting_id


def test_the_window_restores_the_database_it_holds_the_lock_on(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The editing window holds the instance lock; its own restore is not refused for it."""
    from clerk_app.store.instance_lock import InstanceLock

    window, db, meeting_id = _window_with_backup(qtbot, tmp_path)
    lock = InstanceLock(db.path)
    lock.acquire()
    window.instance_lock = lock
    problems: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    monkeypatch.setattr(QMessageBox, "critical", lambda _w, _t, text: problems.append(text))
    try:
        window.restore_backup()
    finally:
        lock.release()
    assert problems == [] and not window.isVisible()
    db.close()
    again = open_database(db.path)
    try:
        text = meetings.load_meeting(again, meeting_id).items[1].points[0].text
    finally:
        again.close()
    assert text == sample_meeting().items[1].points[0].text


def test_a_window_without_the_lock_cannot_restore_under_the_editing_one(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A read-only window (another one holds the lock) is told who has it, and nothing moves."""
    from clerk_app.store.instance_lock import InstanceLock

    window, db, meeting_id = _window_with_backup(qtbot, tmp_path)
    other = InstanceLock(db.path)  # the editing window
    other.acquire()
    problems: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    monkeypatch.setattr(QMessageBox, "critical", lambda _w, _t, text: problems.append(text))
    try:
        window.restore_backup()
    finally:
        other.release()
    assert len(problems) == 1 and "is open for editing by" in problems[0]
    assert window.isVisible()
    assert not list(tmp_path.glob("clerk.replaced-*.db"))
    text = meetings.load_meeting(db, meeting_id).items[1].points[0].text
    assert text == "changed after the backup"


def test_the_window_will_not_export_over_its_own_database(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+E to a name that is the database file (here a hard link): a message, no export."""
    import os

    window, db, meeting_id = _window_with_backup(qtbot, tmp_path)
    alias = tmp_path / "minutes.docx"
    os.link(db.path, alias)
    window.choose_path = lambda *_args: str(alias)  # type: ignore[assignment]
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _w, _t, text: said.append(text))
    window.exports.export_minutes("docx")
    wait_exported(window)
    assert len(said) == 1 and "Clerk's own database" in said[0]
    assert db.path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert meetings.load_meeting(db, meeting_id).committee == sample_meeting().committee
