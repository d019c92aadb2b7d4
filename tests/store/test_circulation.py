"""The circulated draft noted in plain SQL (store/circulation.py, for the PDF export without
SQLAlchemy) is the row the ORM's ``take_revision`` keeps: read back through the ORM, the same
meeting, time and reason; the same rule for when no new row is needed; and it steps aside
(False) for a file it should not write, or fails as a write the disk refuses does."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from clerk_app.core.snapshot import to_json
from clerk_app.services import archive, meetings
from clerk_app.store.circulation import note_circulated
from clerk_app.store.database import Database
from clerk_app.store.errors import StorageUnavailable
from tests.samples import planning_meeting

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"
NOW = dt.datetime(2026, 12, 2, 9, 30, 15)


def _meeting(db: Database) -> int:
    return meetings.create_meeting(db, planning_meeting())


def test_the_row_reads_back_through_the_orm_as_the_meeting_circulated(
    db: Database, db_path: Path
) -> None:
    meeting_id = _meeting(db)
    content = to_json(meetings.load_meeting(db, meeting_id))
    assert note_circulated(db_path, meeting_id, content, NOW)
    [kept] = archive.revisions(db, meeting_id)
    assert (kept.meeting_id, kept.taken_at, kept.reason) == (meeting_id, NOW, "circulated")
    assert archive.compare_revisions(db, kept.id) == []  # the meeting as it stands


def test_no_new_row_for_the_draft_already_kept_by_either_writer(
    db: Database, db_path: Path
) -> None:
    meeting_id = _meeting(db)
    archive.mark_circulated(db, meeting_id)  # the ORM's row first
    content = to_json(meetings.load_meeting(db, meeting_id))
    assert note_circulated(db_path, meeting_id, content, NOW)  # the same draft: kept already
    assert len(archive.revisions(db, meeting_id)) == 1
    changed = content.replace("Planning", "Planning and Licensing", 1)
    assert changed != content
    assert note_circulated(db_path, meeting_id, changed, NOW + dt.timedelta(minutes=5))
    assert note_circulated(db_path, meeting_id, changed, NOW + dt.timedelta(minutes=6))
    first, second = archive.revisions(db, meeting_id)
    assert second.taken_at == NOW + dt.timedelta(minutes=5)
    archive.mark_circulated(db, meeting_id)  # the ORM sees a change since: a row of its own
    assert len(archive.revisions(db, meeting_id)) == 3


def test_it_steps_aside_for_another_schema_revision_or_an_unknown_meeting(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    meeting_id = _meeting(db)
    assert not note_circulated(db_path, meeting_id + 9, "{}", NOW)
    old = tmp_path / "old.db"
    shutil.copy(sorted(FIXTURES.glob("schema-*.db"))[0], old)
    before = old.read_bytes()
    assert not note_circulated(old, 1, "{}", NOW)
    assert old.read_bytes() == before  # an older file is the usual path's to upgrade
    assert archive.revisions(db, meeting_id) == []


def test_a_write_the_disk_refuses_is_storage_unavailable(
    db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = _meeting(db)
    real = sqlite3.connect

    def read_only(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection: sqlite3.Connection = real(*args, **kwargs)
        connection.execute("PRAGMA query_only = ON")  # SQLite's own read-only refusal
        return connection

    monkeypatch.setattr(sqlite3, "connect", read_only)
    with pytest.raises(StorageUnavailable, match="read-only"):
        note_circulated(db_path, meeting_id, "{}", NOW)
    monkeypatch.undo()
    assert archive.revisions(db, meeting_id) == []
