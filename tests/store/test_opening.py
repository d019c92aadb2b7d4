"""Opening damaged, empty, missing and foreign files: refused, untouched, nothing left beside."""

from __future__ import annotations

import hashlib
import os
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
    """What lies beside the file, but the record of its last clean close (clerk.db.checked)."""
    return sorted(p.name for p in path.parent.iterdir() if p != path and p.suffix != ".checked")


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


def test_a_file_clerk_left_sound_is_not_read_in_full_again(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerk_app.store import inspection

    settled_database(db_path)
    open_database(db_path).close()  # checked in full, then left by Clerk: recorded as sound
    calls: list[int] = []
    real = inspection.quick_check

    def counted(conn: sqlite3.Connection) -> str | None:
        calls.append(1)
        return real(conn)

    monkeypatch.setattr(inspection, "quick_check", counted)
    open_database(db_path).close()
    assert calls == []  # the ten-year archive opens without reading 450 MB
    # Damaged afterwards, even with its modification time put back: checked in full, refused.
    times = db_path.stat()
    zero_page(db_path, data_page(db_path))
    os.utime(db_path, ns=(times.st_atime_ns, times.st_mtime_ns))
    with pytest.raises(DamagedDatabaseError, match="is damaged"):
        open_database(db_path)
    assert calls == [1]


def test_damage_found_by_a_backup_is_not_vouched_for_at_close(db_path: Path) -> None:
    from clerk_app.store.backups import take_backup

    settled_database(db_path)
    db = open_database(db_path)
    # The disk rots a page under the open window; the backup thread's check finds it.
    with db_path.open("r+b") as handle:
        handle.seek(4096 * (data_page(db_path) - 1))
        handle.write(b"\x00" * 4096)
    with pytest.raises(DatabaseError, match="not backed up"):
        take_backup(db_path)
    db.close()
    with pytest.raises(DamagedDatabaseError, match="is damaged"):
        open_database(db_path)
