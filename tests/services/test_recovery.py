"""Recovery files carry typing across a failed save and a dead window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.services import meetings, recovery
from clerk_app.store.database import Database


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
