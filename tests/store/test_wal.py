"""The log watcher: false alarms never, a real vanishing always, and recovery saves the log."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clerk_app.services import journal, meetings
from clerk_app.store.database import Database
from tests.samples import planning_meeting


def test_the_pool_closing_its_connections_is_not_a_vanished_log(db: Database) -> None:
    meetings.create_meeting(db, planning_meeting())
    watch = journal.watch(db)
    try:
        db.engine.dispose()  # every pooled connection closed, as a pool without reuse would
        meetings.create_meeting(db, planning_meeting())
        assert not watch.vanished()
    finally:
        watch.close()


def test_a_deleted_log_is_noticed_and_its_contents_saved(db: Database, tmp_path: Path) -> None:
    watch = journal.watch(db)
    try:
        meetings.create_meeting(db, planning_meeting())
        watch.path.unlink()
        meetings.create_meeting(db, planning_meeting())  # into the deleted file
        assert watch.vanished()
        done = watch.recover()
        assert done is not None and done.complete
        assert not watch.vanished() and watch.path.exists()
    finally:
        watch.close()
    alone = tmp_path / "alone.db"
    alone.write_bytes(db.path.read_bytes())  # the database file without any log
    conn = sqlite3.connect(alone)
    try:
        assert conn.execute("SELECT count(*) FROM meetings").fetchone()[0] == 2
    finally:
        conn.close()
