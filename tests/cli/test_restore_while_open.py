"""`clerk-app restore` refuses while another process has the database open for editing."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk_app.cli import main
from clerk_app.services import meetings, safety
from clerk_app.store.database import open_database
from tests.samples import planning_meeting


@pytest.fixture
def holder(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    """A second process holding the database's instance lock, as an open window does."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time; from pathlib import Path;"
            "from clerk_app.store.instance_lock import InstanceLock;"
            f"lock = InstanceLock(Path({str(db_path)!r})); lock.acquire();"
            "print('held', flush=True); time.sleep(120)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    yield process
    process.kill()
    process.wait()


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_restore_is_refused_while_a_window_holds_the_database(
    db_path: Path, holder: subprocess.Popen[str]
) -> None:
    db = open_database(db_path)
    meetings.create_meeting(db, planning_meeting())
    backup = safety.take_backup(db_path)
    meetings.create_meeting(db, planning_meeting())  # typed after the backup
    db.close()
    before = db_path.read_bytes()

    code, out, err = _run("--db", str(db_path), "restore", str(backup))

    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("clerk-app: cannot restore")
    assert f"process {holder.pid}" in err and "close that window" in err
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*.replaced-*"))

    # once the window has gone (even killed), the restore goes through
    holder.kill()
    holder.wait()
    code, out, err = _run("--db", str(db_path), "restore", str(backup))
    assert code == 0 and err == ""
    again = open_database(db_path)
    try:
        assert len(meetings.list_meetings(again)) == 1
    finally:
        again.close()
