"""Pruning never costs the last copy of the minutes; a damaged file is never backed up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from clerk_app.services import meetings, safety
from clerk_app.store.backups import list_backups, prune_backups, take_backup
from clerk_app.store.database import open_database
from clerk_app.store.errors import DatabaseError
from tests.damage import data_page, settled_database, zero_page
from tests.samples import planning_meeting

NOW = dt.datetime(2026, 3, 1, 9, 0)


def _backup_of_a_new_file(path: Path, when: dt.datetime) -> Path:
    """A backup of a database with no meetings, as a session over a new file would take."""
    for side in ("", "-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    open_database(path).close()
    return take_backup(path, now=when)


def test_the_newest_backup_holding_meetings_is_never_pruned(db_path: Path) -> None:
    db = open_database(db_path)
    meetings.create_meeting(db, planning_meeting())
    db.close()
    with_minutes = take_backup(db_path, now=NOW - dt.timedelta(days=60))
    older_with_minutes = take_backup(db_path, now=NOW - dt.timedelta(days=90))
    # The file was lost; two sessions over a new, empty file took backups since.
    empty_old = _backup_of_a_new_file(db_path, NOW - dt.timedelta(days=40))
    empty_new = _backup_of_a_new_file(db_path, NOW - dt.timedelta(days=1))
    removed = prune_backups(db_path, keep_days=30, now=NOW)
    assert sorted(removed) == sorted([empty_old, older_with_minutes])
    assert [b.path for b in list_backups(db_path)] == [empty_new, with_minutes]


def test_automatic_backup_of_a_new_session_prunes_nothing(db_path: Path) -> None:
    settled_database(db_path, meetings_count=1)
    old = [take_backup(db_path, now=NOW - dt.timedelta(days=d)) for d in (45, 60, 90)]
    assert safety.automatic_backup(db_path, now=NOW, prune=False) is not None
    assert all(p.exists() for p in old)
    safety.automatic_backup(db_path, now=NOW + dt.timedelta(hours=1))
    assert [p.exists() for p in old] == [False, False, False]  # an ordinary session prunes


def test_a_damaged_database_is_never_backed_up(db_path: Path) -> None:
    settled_database(db_path)
    good = take_backup(db_path, now=NOW - dt.timedelta(days=1))
    zero_page(db_path, data_page(db_path))
    with pytest.raises(DatabaseError, match="not backed up: it is damaged"):
        take_backup(db_path, now=NOW)
    with pytest.raises(DatabaseError, match="not backed up"):
        safety.automatic_backup(db_path, now=NOW)
    assert [b.path for b in list_backups(db_path)] == [good]
