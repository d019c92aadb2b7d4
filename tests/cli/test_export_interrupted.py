"""An export stopped by a signal leaves no hidden part file, now or at the next export."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clerk_app.cli import main
from clerk_app.export import parts
from clerk_app.services import meetings
from clerk_app.store.database import open_database
from tests.export.minutes_factory import big_meeting


@pytest.fixture
def slow_export(tmp_path: Path) -> tuple[Path, str]:
    """A database whose one meeting takes seconds to lay out as PDF."""
    path = tmp_path / "clerk.db"
    db = open_database(path)
    try:
        meeting_id = meetings.create_meeting(db, big_meeting(items=300, points=12))
    finally:
        db.close()
    return path, str(meeting_id)


def _part_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".part")]


def _export_until_part_appears(db: Path, meeting_id: str, target: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "clerk_app.cli", "--db", str(db), "export", meeting_id,
         "--to", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not _part_files(target.parent):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the export never started writing"
        time.sleep(0.01)
    time.sleep(0.05)  # inside the writing, which takes over a second
    return process


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_stopped_export_removes_its_part_file(slow_export: tuple[Path, str], name: str) -> None:
    db, meeting_id = slow_export
    folder = db.parent / "out"
    folder.mkdir()
    target = folder / "minutes.pdf"
    process = _export_until_part_appears(db, meeting_id, target)
    number = getattr(signal, name)
    process.send_signal(number)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 128 + number, err
    assert out == "" and err == f"clerk-app: export to {target} stopped by {name}\n"
    assert _part_files(folder) == [] and not target.exists()


def test_a_killed_exports_part_file_is_swept_by_the_next_export(
    slow_export: tuple[Path, str],
) -> None:
    db, meeting_id = slow_export
    folder = db.parent / "out"
    folder.mkdir()
    target = folder / "minutes.pdf"
    process = _export_until_part_appears(db, meeting_id, target)
    process.kill()  # SIGKILL: nothing can tidy up
    process.communicate()
    [left] = _part_files(folder)
    # Someone else's hidden file and a part file still being written are never touched.
    theirs = folder / ".notes.part"
    theirs.write_text("not ours")
    busy = parts.part_name(folder / "other.pdf")
    busy.write_bytes(b"")
    holder = os.open(busy, os.O_RDONLY)
    parts.lock(holder)
    old = time.time() - parts.STALE_AFTER - 60
    for path in (left, theirs, busy):
        os.utime(path, (old, old))
    fresh = parts.part_name(folder / "minutes.pdf")
    fresh.write_bytes(b"")  # young: perhaps an export in another window right now
    try:
        out, err = io.StringIO(), io.StringIO()
        code = main(["--db", str(db), "export", meeting_id, "--to", str(folder / "m.txt")],
                    out=out, err=err)  # fmt: skip
        assert code == 0, err.getvalue()
    finally:
        os.close(holder)
    assert not left.exists()
    assert theirs.exists() and busy.exists() and fresh.exists()
    assert (folder / "m.txt").exists()
