"""Export is a pure read: a database another process is writing still exports, and the note
that a draft was circulated is its own step whose failure is a warning (issue 11, item 3)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pypdf

from clerk_app.cli import main
from clerk_app.services import archive, meetings
from clerk_app.store.database import open_database
from tests.samples import planning_meeting

# A second process that takes SQLite's write lock and keeps it, as another Clerk saving a
# long import would; it says "held" once the lock is taken.
HOLDER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(60)
"""


def test_export_while_another_process_holds_the_write_lock(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    db = open_database(path)
    meeting_id = meetings.create_meeting(db, planning_meeting())
    db.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        out, err = io.StringIO(), io.StringIO()
        target = tmp_path / "minutes.pdf"
        code = main(
            ["--db", str(path), "export", str(meeting_id), "--to", str(target)],
            out=out,
            err=err,
        )
    finally:
        holder.kill()
        holder.wait()
    # The file is written and whole; one warning line says the history missed it.
    assert (code, out.getvalue()) == (0, f"{target}\n")
    assert "Traceback" not in err.getvalue() and err.getvalue().count("\n") == 1
    assert err.getvalue().startswith("clerk-app: warning: minutes.pdf is written, but")
    assert "circulated" in err.getvalue()
    assert "Planning" in pypdf.PdfReader(str(target)).pages[0].extract_text()
    # With the lock gone, nothing was half-recorded, and the next export records it.
    db = open_database(path)
    try:
        assert archive.revisions(db, meeting_id) == []
    finally:
        db.close()
    assert main(["--db", str(path), "export", str(meeting_id), "--to", str(target)]) == 0
    db = open_database(path)
    try:
        assert [r.reason for r in archive.revisions(db, meeting_id)] == ["circulated"]
    finally:
        db.close()
