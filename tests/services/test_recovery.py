"""Recovery files carry typing across a failed save and a dead window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.services import meetings, recovery
from clerk_app.store.database import Database, open_database
from tests.disk import disk_full


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    import tempfile

    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))


def _meeting(db: Database) -> Meeting:
    meeting = Meeting(
        committee="Audit Committee",
        date=dt.date(2025, 6, 2),
        items=[AgendaItem("Internal audit", points=[Point("first"), Point("second")])],
    )
    meetings.create_meeting(db, meeting)
    return meeting


def test_kept_text_is_applied_at_the_next_start(db: Database) -> None:
    meeting = _meeting(db)
    first, second = meeting.items[0].points
    assert first.id and second.id and meeting.id
    written = recovery.keep(
        db.path,
        [recovery.PendingText(first.id, "first, as typed"), recovery.PendingText(999, "gone")],
        identity=db.identity,
    )
    assert written is not None and written.exists()
    assert recovery.recovery_files(db.path) == [written]
    assert recovery.recover(db).restored == 1
    assert recovery.recovery_files(db.path) == []
    points = meetings.load_meeting(db, meeting.id).items[0].points
    assert [p.text for p in points] == ["first, as typed", "second"]


def test_an_unwritable_folder_falls_back_to_the_next(db: Database, tmp_path: Path) -> None:
    meeting = _meeting(db)
    point_id = meeting.items[0].points[0].id
    assert point_id is not None
    (tmp_path / "state").write_text("a file where the folder should be")
    written = recovery.keep(db.path, [recovery.PendingText(point_id, "kept")])
    assert written is not None and written.is_relative_to(tmp_path / "tmp")
    recovery.discard(db.path)
    assert recovery.recovery_files(db.path) == []


# Long enough to need new pages: under the disk_full ceiling it cannot be written.
TYPED = ("typed while the disk was full, and more besides; " * 200).strip()


def test_a_recovery_file_is_never_applied_to_another_database_at_the_same_path(
    db: Database,
) -> None:
    meeting = _meeting(db)
    point_id = meeting.items[0].points[0].id
    assert point_id is not None
    recovery.keep(
        db.path, [recovery.PendingText(point_id, "typed into the old file")], identity=db.identity
    )
    db.close()
    for side in ("", "-wal", "-shm"):
        db.path.with_name(db.path.name + side).unlink(missing_ok=True)
    other = open_database(db.path)  # a different database, later put at the same path
    try:
        replacement = _meeting(other)
        assert replacement.items[0].points[0].id == point_id  # same ids: only identity differs
        report = recovery.recover(other)
        assert report.restored == 0 and len(report.set_aside) == 1
        assert report.set_aside[0].exists() and "typed into the old file" in (
            report.set_aside[0].read_text(encoding="utf-8")
        )
        assert recovery.recovery_files(other.path) == []  # never tried again
        assert replacement.id is not None
        texts = [p.text for p in meetings.load_meeting(other, replacement.id).items[0].points]
        assert texts == ["first", "second"]
    finally:
        other.close()


def test_when_the_disk_is_still_full_the_recovery_file_waits(db: Database) -> None:
    meeting = _meeting(db)
    point_id = meeting.items[0].points[0].id
    assert point_id is not None and meeting.id is not None
    written = recovery.keep(db.path, [recovery.PendingText(point_id, TYPED)], identity=db.identity)
    with disk_full(db):
        report = recovery.recover(db)
    assert report.restored == 0 and report.kept == [written]
    assert report.waiting is not None and "disk is full" in report.waiting
    assert written is not None and written.exists()
    assert recovery.recover(db).restored == 1  # space came back: applied at the next start
    assert meetings.load_meeting(db, meeting.id).items[0].points[0].text == TYPED
    assert recovery.recovery_files(db.path) == []


def test_the_window_opens_read_only_while_recovery_cannot_be_applied(db: Database) -> None:
    from clerk_app.app import recover_typing

    meeting = _meeting(db)
    point_id = meeting.items[0].points[0].id
    assert point_id is not None and meeting.id is not None
    written = recovery.keep(db.path, [recovery.PendingText(point_id, TYPED)], identity=db.identity)
    with disk_full(db):
        opened, notice = recover_typing(db)
    try:
        assert opened.read_only and opened is not db
        assert notice is not None and "read-only" in notice and str(written) in notice
        assert written is not None and written.exists()
    finally:
        opened.close()
    again, notice = recover_typing(open_database(db.path))
    try:
        assert not again.read_only and notice is not None and "Restored 1 point" in notice
        assert meetings.load_meeting(again, meeting.id).items[0].points[0].text == (TYPED)
    finally:
        again.close()
