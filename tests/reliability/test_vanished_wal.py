"""The database's -wal file deleted under the typing window, then a crash: nothing saved lost.

SQLite writes each commit into ``<db>-wal`` and copies it into the database file only at a
checkpoint.  Another program deleting that file while the window runs used to leave every
later commit in a deleted file, lost at the next crash although the window said "Saved".
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.core.text import clean_text
from clerk_app.services import meetings
from clerk_app.store.database import open_database

REPO = Path(__file__).resolve().parents[2]


def _new_database(path: Path) -> int:
    db = open_database(path)
    try:
        meeting = Meeting(
            committee="Licensing Sub-Committee",
            date=dt.date(2026, 6, 2),
            items=[AgendaItem("Premises licence review", number="12", points=[Point("Start.")])],
        )
        return meetings.create_meeting(db, meeting)
    finally:
        db.close()


def _stored(path: Path, meeting_id: int) -> list[str]:
    db = open_database(path)
    try:
        return [p.text for _, p, _ in meetings.load_meeting(db, meeting_id).all_points()]
    finally:
        db.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and deleting open files are POSIX")
@pytest.mark.parametrize("replace", [False, True], ids=["deleted", "replaced"])
def test_a_vanished_wal_then_a_crash_loses_nothing_shown_as_saved(
    tmp_path: Path, replace: bool
) -> None:
    db_path = tmp_path / "minutes.db"
    meeting_id = _new_database(db_path)
    wal = db_path.with_name(db_path.name + "-wal")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    typist = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.typist", str(db_path), str(meeting_id), "7"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env,
    )
    assert typist.stdout is not None
    assert typist.stdout.readline().strip() == "READY"
    time.sleep(1.0)  # typing, saved into the log
    assert wal.exists()
    wal.unlink()  # a cleaner or sync client "tidies" the folder
    if replace:
        wal.write_bytes(b"")  # ...or puts an empty file of its own in its place
    time.sleep(2.0)  # the window goes on typing, and saying "Saved"
    typist.send_signal(signal.SIGKILL)
    out, err = typist.communicate()
    assert typist.returncode == -signal.SIGKILL, err
    assert "Traceback" not in err, err
    reports = [json.loads(line[6:]) for line in out.splitlines() if line.startswith("SAVED ")]
    assert len(reports) >= 4, "the window should have saved several times after the deletion"
    promised = [text for _id, _parent, text in reports[-1]]  # the typist reports [id, parent, text]

    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    found = _stored(db_path, meeting_id)
    assert len(found) >= len(promised)
    for said, stored in zip(promised, found, strict=False):
        assert stored.startswith(clean_text(said)), (said, stored)
    # and it really had typed on after the deletion: more than the first second's worth
    assert sum(map(len, promised)) > 60
