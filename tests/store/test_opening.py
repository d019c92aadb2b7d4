"""Opening damaged, empty, missing and foreign files: refused, untouched, nothing left beside."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from clerk_app.services import meetings
from clerk_app.store.database import open_database
from clerk_app.store.errors import DamagedDatabaseError, DatabaseError, StorageUnavailable
from tests.damage import data_page, settled_database, zero_page
from tests.samples import planning_meeting


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p != path)


@pytest.mark.parametrize("read_only", [False, True])
def test_an_empty_file_is_damage_not_a_new_database(db_path: Path, read_only: bool) -> None:
    db_path.write_bytes(b"")
    with pytest.raises(DamagedDatabaseError, match="empty"):
        open_database(db_path, read_only=read_only)
    assert db_path.read_bytes() == b""
    assert _beside(db_path) == []


@pytest.mark.parametrize("read_only", [False, True])
def test_a_zeroed_page_is_noticed_on_open(db_path: Path, read_only: bool) -> None:
    settled_database(db_path)
    zero_page(db_path, data_page(db_path))
    before = _digest(db_path)
    with pytest.raises(DamagedDatabaseError, match="is damaged") as error:
        open_database(db_path, read_only=read_only)
    assert "\n" not in str(error.value)
    assert _digest(db_path) == before
    assert _beside(db_path) == []  # no -wal/-shm beside a refused file


def test_a_missing_file_is_not_created_unless_asked(db_path: Path) -> None:
    with pytest.raises(DatabaseError, match="there is no database at"):
        open_database(db_path, create=False)
    with pytest.raises(DatabaseError, match="there is no database at"):
        open_database(db_path, read_only=True)
    assert not db_path.exists() and _beside(db_path) == []


def test_a_dangling_link_is_never_followed_to_create_a_file(tmp_path: Path) -> None:
    link = tmp_path / "minutes.db"
    link.symlink_to(tmp_path / "elsewhere" / "gone.db")
    (tmp_path / "elsewhere").mkdir()
    for read_only in (False, True):
        with pytest.raises(DatabaseError, match="which does not exist"):
            open_database(link, read_only=read_only)
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_an_empty_sqlite_file_of_another_program_is_not_read_as_clerks(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA application_id = 1234")  # another program's empty file
    conn.commit()
    conn.close()
    before = _digest(db_path)
    with pytest.raises(DamagedDatabaseError, match="not a Clerk database"):
        open_database(db_path, read_only=True)
    assert _digest(db_path) == before and _beside(db_path) == []


def test_read_only_opening_can_read_but_never_write(db_path: Path) -> None:
    settled_database(db_path, meetings_count=2)
    before = _digest(db_path)
    db = open_database(db_path, read_only=True)
    try:
        assert len(meetings.list_meetings(db)) == 2
        with pytest.raises(StorageUnavailable):
            meetings.create_meeting(db, planning_meeting())
    finally:
        db.close()
    assert _digest(db_path) == before


def test_an_older_file_is_not_upgraded_by_a_read_only_opening(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    fixture = Path(__file__).parents[1] / "fixtures/db/schema-0001.db"
    old.write_bytes(fixture.read_bytes())
    with pytest.raises(DatabaseError, match="must be upgraded"):
        open_database(old, read_only=True)
    assert old.read_bytes() == fixture.read_bytes()


def test_each_database_gets_an_identity_that_stays_with_it(tmp_path: Path) -> None:
    first = open_database(tmp_path / "a.db")
    second = open_database(tmp_path / "b.db")
    identities = (first.identity, second.identity)
    first.close()
    second.close()
    assert all(identities) and identities[0] != identities[1]
    again = open_database(tmp_path / "a.db")
    assert again.identity == identities[0]
    again.close()
