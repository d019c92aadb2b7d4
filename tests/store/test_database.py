"""Opening files: creation through migrations, refusal of newer or foreign files, backups."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from clerk_app.services import meetings
from clerk_app.store.database import open_database, read_revision
from clerk_app.store.errors import DamagedDatabaseError, DatabaseError, NewerDatabaseError
from clerk_app.store.migrate import script_revisions
from clerk_app.store.schema_version import HEAD, KNOWN_REVISIONS
from tests.samples import planning_meeting


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_known_revisions_match_the_migration_scripts() -> None:
    assert list(KNOWN_REVISIONS) == script_revisions()


def test_new_file_is_created_at_head_in_wal_mode(db_path: Path) -> None:
    db = open_database(db_path)
    db.close()
    assert read_revision(db_path) == HEAD
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert not list(db_path.parent.glob("*before-migration*"))  # nothing to back up


def test_reopening_a_current_file_does_not_import_alembic(db_path: Path) -> None:
    open_database(db_path).close()
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from clerk_app.store.database import open_database;"
        f"open_database(Path({str(db_path)!r})).close();"
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_newer_schema_is_refused_and_file_untouched(db_path: Path) -> None:
    db = open_database(db_path)
    meetings.create_meeting(db, planning_meeting())
    db.close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = _digest(db_path)
    with pytest.raises(NewerDatabaseError, match="newer version of Clerk"):
        open_database(db_path)
    assert _digest(db_path) == before


@pytest.mark.parametrize(
    "content",
    [b"this is a shopping list, not minutes\n" * 20, b"\x00\xff" * 4096],
    ids=["text", "binary"],
)
def test_a_file_that_is_not_sqlite_is_refused_untouched(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    with pytest.raises(DamagedDatabaseError, match="not a Clerk database"):
        open_database(db_path)
    assert db_path.read_bytes() == content


def test_a_foreign_sqlite_file_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = _digest(db_path)
    with pytest.raises(DamagedDatabaseError, match="not a Clerk database"):
        open_database(db_path)
    assert _digest(db_path) == before


def test_missing_folder_is_reported_unless_it_is_the_default(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "minutes.db"
    with pytest.raises(DatabaseError, match="does not exist"):
        open_database(target)
    assert not target.parent.exists()
    open_database(target, create_folder=True).close()
    assert read_revision(target) == HEAD


def test_a_folder_given_as_the_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        open_database(tmp_path)


def test_migration_takes_a_backup_first_and_keeps_data(db_path: Path) -> None:
    """A file behind the head (here: downgraded to the base) is copied before it is upgraded."""
    from alembic import command

    from clerk_app.store.migrate import alembic_config

    db = open_database(db_path)
    with db.engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    db.close()
    assert read_revision(db_path) is None
    open_database(db_path).close()
    backups = list(db_path.parent.glob("minutes.before-migration-*.db"))
    assert len(backups) == 1
    assert read_revision(db_path) == HEAD
