"""A migration that fails or is killed half-way leaves the old file whole, and says so once.

The upgrade runs as one SQLite transaction, so whatever stops it, the file is as it was and
the next open simply upgrades it again; the copy taken before the first attempt is reused.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic.operations import Operations

from clerk_app.services import meetings
from clerk_app.store.database import open_database, read_revision
from clerk_app.store.errors import DatabaseError
from clerk_app.store.schema_version import HEAD
from tests.samples import planning_meeting

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"
ROOT = Path(__file__).resolve().parents[2]


def _rows(path: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return tuple(  # type: ignore[return-value]  # three counts, one per table
            int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
            for t in ("meetings", "items", "points")
        )
    finally:
        conn.close()


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.before-migration-*.db"))


def test_a_failure_half_way_leaves_the_old_file_whole_and_names_the_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "council.db"
    path.write_bytes((FIXTURES / "schema-0001.db").read_bytes())
    counts = _rows(path)
    real_create_table = Operations.create_table

    def failing_create_table(self: Operations, name: str, *args: object, **kw: object) -> object:
        # Revision 0003 creates "amendments" then "revisions": fail between the two, after
        # 0002 built the search index and 0003 added columns.
        if name == "revisions":
            raise sqlite3.OperationalError("disk I/O error")
        return real_create_table(self, name, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Operations, "create_table", failing_create_table)
    for _attempt in range(3):
        with pytest.raises(DatabaseError) as error:
            open_database(path)
        message = str(error.value)
        assert "\n" not in message and "could not be upgraded" in message
        [copy] = _copies(tmp_path)  # one copy, however many attempts
        assert str(copy) in message
        assert read_revision(path) == "0001"
        assert _integrity(path) == "ok" and _rows(path) == counts
    monkeypatch.undo()
    db = open_database(path)
    try:
        [summary] = meetings.list_meetings(db)
        assert meetings.load_meeting(db, summary.id) == planning_meeting()
    finally:
        db.close()
    assert read_revision(path) == HEAD and len(_copies(tmp_path)) == 1
    assert read_revision(_copies(tmp_path)[0]) == "0001"


def _large_old_file(path: Path, copies: int) -> None:
    """The 0001 fixture with its one meeting's points repeated: years of points to index."""
    path.write_bytes((FIXTURES / "schema-0001.db").read_bytes())
    conn = sqlite3.connect(path)
    text = "The committee discussed the damp and mould survey of the housing stock " * 4
    conn.execute("PRAGMA journal_mode=DELETE")
    item = conn.execute("SELECT id FROM items LIMIT 1").fetchone()[0]
    conn.executemany(
        "INSERT INTO points (item_id, parent_id, position, text) VALUES (?, NULL, ?, ?)",
        [(item, 1000 + n, f"{text} {n}") for n in range(copies)],
    )
    conn.commit()
    conn.close()


MIGRATE = (
    "import sys; from pathlib import Path; from clerk_app.store.database import open_database;"
    "print('migrating', flush=True); open_database(Path(sys.argv[1])).close(); print('done')"
)


def _start(path: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", MIGRATE, str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "migrating"
    return proc


def test_sigkill_at_any_moment_of_a_migration_leaves_an_openable_file(tmp_path: Path) -> None:
    path = tmp_path / "council.db"
    _large_old_file(path, 60_000)
    counts = _rows(path)
    # How long one whole migration takes here: the kill moments are spread across it.
    timing = tmp_path / "timing.db"
    timing.write_bytes(path.read_bytes())
    proc = _start(timing)
    began = time.monotonic()
    proc.communicate(timeout=300)
    whole = time.monotonic() - began
    assert proc.returncode == 0 and read_revision(timing) == HEAD

    kills = 0
    for fraction in (0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95):
        proc = _start(path)
        time.sleep(whole * fraction)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.communicate(timeout=60)
        assert read_revision(path) in ("0001", HEAD)  # never anything in between
        assert _integrity(path) == "ok" and _rows(path) == counts
        if read_revision(path) == HEAD:
            break
    print(f"migration of {counts[2]} points: {whole:.2f} s; killed {kills} times")
    assert kills >= 3, f"the migration ({whole:.2f} s) finished before most kill moments"
    db = open_database(path)  # whatever the kills left, it opens (upgrading if need be)
    try:
        assert len(meetings.list_meetings(db)) == 1
    finally:
        db.close()
    assert _rows(path) == counts and _integrity(path) == "ok"
    assert len(_copies(tmp_path)) <= 2  # one for council.db, one for timing.db, never more
    assert len([c for c in _copies(tmp_path) if c.name.startswith("council.")]) == 1
    assert not list(tmp_path.glob("*.partial*"))  # a copy cut short by a kill is cleared away
