"""The command line never shows a clerk a traceback: each fault issue 10 found, done for real.

Bad input and the environment's faults are one line on stderr and exit 2; a bug is one line
naming its log and exit 1; a closed pipe ends quietly; Ctrl+C is exit 130 with nothing left.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, text

from clerk_app.cli import main
from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.services import meetings
from clerk_app.store.database import open_database

MINUTES = (
    "Committee: Licensing Committee\n"
    "Date: Thursday 6 February 2025\n"
    "\n"
    "31.\tLICENCE REVIEW, THE OLD FORGE\n"
    "{intro}\n"
    "a.\tMembers asked about noise after 11 pm. (Action: Jo Bloggs)\n"
)


def run(db: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", str(db), *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("clerk-app: "), err
    assert "Traceback" not in err
    return err


def cli(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clerk_app.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    path = tmp_path / "licensing.txt"
    # A long introduction: the import must grow the file, so a full disk really refuses it.
    path.write_text(MINUTES.format(intro="The officer introduced the report. " * 600))
    return path


@pytest.fixture
def db_path(tmp_path: Path, minutes: Path) -> Path:
    path = tmp_path / "minutes.db"
    assert run(path, "import", str(minutes))[0] == 0
    return path


@contextmanager
def every_connection(pragma: str, *, vacuum: bool = False) -> Iterator[None]:
    """Every database the command opens gets ``pragma``, as a disk or a file would impose."""

    def apply(dbapi_connection: Any, _record: Any) -> None:
        if vacuum:  # no free pages left inside the file: the next write must grow it
            dbapi_connection.execute("VACUUM")
        count = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(pragma.format(pages=count))

    event.listen(Engine, "connect", apply)
    try:
        yield
    finally:
        event.remove(Engine, "connect", apply)


READ_ONLY = "PRAGMA query_only = ON"  # SQLite's own "attempt to write a readonly database"
FULL = "PRAGMA max_page_count = {pages}"  # SQLITE_FULL, "database or disk is full"


@pytest.mark.parametrize(("pragma", "said"), [(READ_ONLY, "read-only"), (FULL, "disk is full")])
def test_import_into_a_read_only_or_full_database(
    db_path: Path, minutes: Path, pragma: str, said: str
) -> None:
    with every_connection(pragma, vacuum=pragma == FULL):
        code, out, err = run(db_path, "import", str(minutes))
    assert (code, out) == (2, "")
    assert said in one_line(err)
    assert run(db_path, "list")[1].count("Licensing Committee") == 1  # nothing was added


def test_export_from_a_read_only_database_writes_the_file_and_warns(
    db_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "minutes.docx"
    with every_connection(READ_ONLY):
        code, out, err = run(db_path, "export", "1", "--to", str(target))
    assert (code, out) == (0, f"{target}\n")
    assert target.stat().st_size > 0
    assert one_line(err).startswith(
        f"clerk-app: warning: {target.name} is written, but the history could not record that"
        " this draft was circulated: the database file or its folder is read-only"
    )


def test_a_fifo_in_place_of_the_database(tmp_path: Path, minutes: Path) -> None:
    fifo = tmp_path / "minutes.db"
    os.mkfifo(fifo)
    for args in (["list"], ["import", str(minutes)], ["actions", "--json"]):
        done = cli("--db", str(fifo), *args)  # a hang would end in the timeout, failing
        assert (done.returncode, done.stdout) == (2, "")
        assert "is not a database file (it is a pipe, socket or device)" in one_line(done.stderr)


def test_parallel_first_use_of_a_new_database(tmp_path: Path, minutes: Path) -> None:
    db = tmp_path / "new.db"
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "clerk_app.cli", "--db", str(db), "import", str(minutes)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(18)
    ]
    results = [(p.wait(timeout=180), p.stderr.read() if p.stderr else "") for p in runs]
    failed = [err for code, err in results if code != 0]
    assert failed == []
    ids = sorted(int(p.stdout.read()) for p in runs if p.stdout)
    assert ids == list(range(1, 19))


@pytest.mark.parametrize("limit", ["0", "-1", "many"])
def test_search_limit_must_be_one_or_more(db_path: Path, limit: str) -> None:
    code, out, err = run(db_path, "search", "noise", "--limit", limit)
    assert (code, out) == (2, "")
    assert "argument --limit:" in one_line(err)


@pytest.fixture
def busy_db(tmp_path: Path) -> Path:
    """A meeting with 2,000 actions: more output than a pipe holds, and a PDF that takes a while."""
    path = tmp_path / "busy.db"
    db = open_database(path)
    report = "to report on the repairs, the complaints and the rent arrears of case"
    points = [Point(f"Officer {n} {report} {n}. (Action: Officer {n})") for n in range(2000)]
    meetings.create_meeting(
        db,
        Meeting(
            committee="Housing Scrutiny Panel",
            date=dt.date(2025, 2, 6),
            items=[AgendaItem("Casework", "12", points=points)],
        ),
    )
    db.close()
    return path


# Not --csv: it is one write, which this sandbox's kernel completes even after the reader
# has gone, so there the closed pipe is never seen (a real Linux pipe reports it).
@pytest.mark.parametrize("options", [["--json"], [], ["--open", "--json"]])
def test_a_closed_pipe_ends_quietly(busy_db: Path, options: list[str]) -> None:
    # As `clerk-app actions --json | head -1`: the reader goes away after the first bytes.
    # The pipe is made as small as Linux allows, so the output cannot all fit in it first.
    fcntl = pytest.importorskip("fcntl")
    if not hasattr(fcntl, "F_SETPIPE_SZ"):
        pytest.skip("only Linux sets a pipe's size")
    reader, writer = os.pipe()
    fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, 4096)
    process = subprocess.Popen(
        [sys.executable, "-m", "clerk_app.cli", "--db", str(busy_db), "actions", *options],
        stdout=writer,
        stderr=subprocess.PIPE,
    )
    os.close(writer)
    assert os.read(reader, 100)
    os.close(reader)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 141  # 128 + SIGPIPE, as the shell shows for `yes | head`
    assert err == b""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is a POSIX test")
def test_ctrl_c_during_export(busy_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "minutes.pdf"
    target.parent.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "clerk_app.cli", "--db", str(busy_db), "export", "1"]
        + ["--to", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not list(target.parent.glob(".*.part")):  # interrupted while the file is written
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err == "clerk-app: interrupted; nothing was left half-written\n"
    assert list(target.parent.iterdir()) == []  # no part file, no half a PDF


def _tiny_disk(folder: Path) -> bool:
    """A 256 KB tmpfs at ``folder``, filled to the brim; False where mounting is not allowed."""
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        return False
    with (folder / "filler").open("wb") as filler:
        try:
            filler.write(b"\0" * 1024 * 1024)
        except OSError:
            pass  # full: as intended
    return True


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tiny disk needs root")
def test_a_full_disk_during_word_export_is_one_line(db_path: Path, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    if not _tiny_disk(disk):
        pytest.skip("tmpfs cannot be mounted here")
    try:
        done = cli("--db", str(db_path), "export", "1", "--to", str(disk / "minutes.docx"))
        assert (done.returncode, done.stdout) == (2, "")
        assert "the disk is full" in one_line(done.stderr)
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]
    finally:
        subprocess.run(["umount", str(disk)], check=True)


@contextmanager
def read_only_folder(folder: Path) -> Iterator[bool]:
    """``folder`` made read-only for real: a read-only bind mount as root, else permissions."""
    if os.geteuid() == 0:
        bound = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
        if bound.returncode != 0:
            yield False
            return
        try:
            remount = ["mount", "-o", "remount,ro,bind", str(folder)]
            yield subprocess.run(remount, capture_output=True).returncode == 0
        finally:
            subprocess.run(["umount", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield True
        finally:
            folder.chmod(0o755)


def test_a_healthy_database_in_a_read_only_folder_called_damaged(
    db_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "damaged"
    folder.mkdir()
    moved = folder / "minutes.db"
    db = open_database(db_path)
    with db.engine.connect() as conn:  # everything in the main file, as a copied database is
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    db.close()
    moved.write_bytes(db_path.read_bytes())
    with read_only_folder(folder) as ready:
        if not ready:
            pytest.skip("no way to make a read-only folder here")
        for args in (["list"], ["actions"], ["search", "noise"]):
            code, out, err = run(moved, *args)
            if code == 0:
                assert "Licensing Committee" in out or "Jo Bloggs" in out  # opened read-only
                continue
            message = one_line(err).replace(str(moved), "FILE").replace(str(folder), "FOLDER")
            assert code == 2 and "damaged" not in message
            assert "FOLDER is read-only" in message


def test_a_bug_is_one_line_and_a_log(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def broken(*_args: object, **_kwargs: object) -> list[object]:
        raise RuntimeError("a bug in the action log")

    monkeypatch.setattr("clerk_app.services.action_tracker.action_log", broken)
    code, out, err = run(db_path, "actions")
    log = tmp_path / "state" / "Clerk" / "clerk-app-errors.log"
    assert (code, out) == (1, "")
    assert one_line(err) == (
        f"clerk-app: internal error: RuntimeError: a bug in the action log; details in {log}\n"
    )
    written = log.read_text()
    assert "Traceback (most recent call last)" in written and "in broken" in written


def test_an_environment_fault_anywhere_is_one_line_and_exit_2(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(*_args: object, **_kwargs: object) -> list[object]:
        raise PermissionError(13, "Permission denied", "/media/usb/minutes.db")

    monkeypatch.setattr("clerk_app.services.action_tracker.action_log", unreadable)
    code, out, err = run(db_path, "actions")
    assert (code, out) == (2, "")
    assert one_line(err) == "clerk-app: /media/usb/minutes.db: permission denied\n"
