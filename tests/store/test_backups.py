"""Automatic backups and the one-writer lock, on real files and a real second process."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from clerk_app.services import meetings, safety
from clerk_app.store.backups import list_backups, prune_backups, restore_backup, take_backup
from clerk_app.store.database import Database, open_database
from clerk_app.store.errors import DatabaseError
from clerk_app.store.instance_lock import DatabaseInUse, InstanceLock
from tests.samples import planning_meeting


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_backup_is_consistent_while_the_database_is_open(db: Database) -> None:
    meeting_id = meetings.create_meeting(db, planning_meeting())
    backup = take_backup(db.path)
    assert backup.parent == db.path.parent / "backups"
    assert _integrity(backup) == "ok"
    copy = open_database(backup)
    try:
        assert meetings.load_meeting(copy, meeting_id) == planning_meeting()
    finally:
        copy.close()


def test_automatic_backups_are_spaced_and_pruned(db: Database) -> None:
    meetings.create_meeting(db, planning_meeting())
    start = dt.datetime(2025, 3, 11, 19, 0)
    assert safety.automatic_backup(db.path, now=start) is not None
    assert safety.automatic_backup(db.path, now=start + dt.timedelta(minutes=5)) is None
    assert safety.automatic_backup(db.path, now=start + dt.timedelta(minutes=20)) is not None
    later = start + dt.timedelta(days=40)
    assert safety.automatic_backup(db.path, keep_days=30, now=later) is not None
    assert [b.taken_at for b in list_backups(db.path)] == [later]
    # the newest backup is never pruned, however old
    assert prune_backups(db.path, keep_days=1, now=later + dt.timedelta(days=400)) == []


def test_restore_keeps_the_replaced_file(db: Database) -> None:
    meetings.create_meeting(db, planning_meeting())
    backup = take_backup(db.path)
    meetings.create_meeting(db, planning_meeting())
    db.close()
    kept = restore_backup(db.path, backup)
    assert kept.exists()
    again = open_database(db.path)
    try:
        assert len(meetings.list_meetings(again)) == 1
    finally:
        again.close()
    with pytest.raises(DatabaseError, match="no backup"):
        restore_backup(db.path, db.path.parent / "nothing.db")


def test_a_damaged_database_points_to_its_newest_backup(db: Database, capsys) -> None:
    from clerk_app.cli import main

    meetings.create_meeting(db, planning_meeting())
    backup = take_backup(db.path)
    db.close()
    for side in ("-wal", "-shm"):
        db.path.with_name(db.path.name + side).unlink(missing_ok=True)
    db.path.write_bytes(b"\x00" * 4096)  # what a half-copied file from a USB stick looks like
    assert main(["--db", str(db.path), "list"]) == 2
    err = capsys.readouterr().err
    assert "not a Clerk database" in err and str(backup) in err
    assert main(["--db", str(db.path), "restore", str(backup)]) == 0
    assert main(["--db", str(db.path), "list", "--json"]) == 0
    assert '"Planning Sub-Committee"' in capsys.readouterr().out


def test_second_writer_is_told_who_holds_the_database(tmp_path: Path) -> None:
    database = tmp_path / "minutes.db"
    first = InstanceLock(database)
    first.acquire()
    try:
        with pytest.raises(DatabaseInUse, match="already open for editing by .* on "):
            InstanceLock(database).acquire()
        # and from another process, as a second Clerk would be
        probe = textwrap.dedent(
            f"""
            from pathlib import Path
            from clerk_app.store.instance_lock import DatabaseInUse, InstanceLock
            try:
                InstanceLock(Path({str(database)!r})).acquire()
            except DatabaseInUse as exc:
                print("in use:", exc.holder.pid)
            """
        )
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
        import os

        assert out.stdout.strip() == f"in use: {os.getpid()}"
    finally:
        first.release()
    second = InstanceLock(database)
    second.acquire()
    assert second.held
    second.release()


def test_a_killed_holder_does_not_keep_the_lock(tmp_path: Path) -> None:
    database = tmp_path / "minutes.db"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path;"
            "from clerk_app.store.instance_lock import InstanceLock;"
            # keep a reference: a collected lock object closes its file and frees the lock
            f"lock = InstanceLock(Path({str(database)!r})); lock.acquire();"
            "print('held', flush=True);"
            "time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(DatabaseInUse):
        InstanceLock(database).acquire()
    holder.kill()  # SIGKILL: no chance to clean up
    holder.wait()
    lock = InstanceLock(database)
    lock.acquire()
    assert lock.held
    lock.release()


def test_a_read_only_second_window_can_read_but_never_write(db: Database) -> None:
    from clerk_app.store.errors import StorageUnavailable

    meeting_id = meetings.create_meeting(db, planning_meeting())
    second = open_database(db.path, read_only=True)
    try:
        assert second.read_only
        assert meetings.load_meeting(second, meeting_id) == planning_meeting()
        with pytest.raises(StorageUnavailable, match="read-only"):
            meetings.create_meeting(second, planning_meeting())
    finally:
        second.close()
    assert len(meetings.list_meetings(db)) == 1
