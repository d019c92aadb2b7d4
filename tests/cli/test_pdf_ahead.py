"""``clerk-app export ID --to x.pdf`` reads, lays out, writes and notes the draft circulated
without SQLAlchemy (services/pdf_ahead.py): the same PDF and history as the usual path, and
the usual path whenever the quick reader stands down."""

from __future__ import annotations

import io
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from clerk_app import cli
from clerk_app.export import pdf
from clerk_app.services import archive, editing, meetings
from clerk_app.services.exporting import export_minutes
from clerk_app.store.database import open_database
from tests.export.minutes_factory import sample_meeting
from tests.export.readers import flowing, pdftotext
from tests.samples import planning_meeting

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"


def run(db: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--db", str(db), *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The thread each PDF layout ran on, in order."""
    seen: list[str] = []
    real = pdf.render_with

    def spy(*args: Any, **kwargs: Any) -> bytes:
        seen.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(pdf, "render_with", spy)
    return seen


def _database(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "council.db"
    db = open_database(path)
    try:
        meeting_id = meetings.create_meeting(db, sample_meeting())
    finally:
        db.close()
    return path, meeting_id


def _usual_pdf(path: Path, meeting_id: int, target: Path, **options: Any) -> str:
    db = open_database(path)
    try:
        export_minutes(db, meeting_id, target, **options)
    finally:
        db.close()
    return flowing(pdftotext(target))


@pytest.mark.parametrize(
    "flags", [(), ("--confidential",), ("--action-log",)], ids=["public", "confidential", "log"]
)
def test_the_pdf_is_laid_out_once_ahead_and_is_the_usual_one(
    tmp_path: Path, layouts: list[str], flags: tuple[str, ...]
) -> None:
    path, meeting_id = _database(tmp_path)
    target = tmp_path / "minutes.PDF"  # the suffix in any case
    code, out, err = run(path, "export", str(meeting_id), "--to", str(target), *flags)
    assert (code, out.strip(), err) == (0, str(target), "")
    assert layouts == ["clerk-pdf"]  # once, on the thread begun before the database opened
    options = {"confidential": "--confidential" in flags, "action_log": "--action-log" in flags}
    usual = _usual_pdf(path, meeting_id, tmp_path / "usual.pdf", **options)
    assert layouts == ["clerk-pdf", "MainThread"]
    assert flowing(pdftotext(target)) == usual
    if "--confidential" not in flags:
        assert "CONFIDENTIAL" not in usual


def test_exporting_the_draft_keeps_it_in_the_history_as_laid_out(
    tmp_path: Path, layouts: list[str]
) -> None:
    path, meeting_id = _database(tmp_path)
    for _ in range(2):  # the second export finds the same draft kept: no new copy
        code, _, err = run(path, "export", str(meeting_id), "--to", str(tmp_path / "m.pdf"))
        assert (code, err) == (0, "")
    db = open_database(path)
    try:
        [kept] = archive.revisions(db, meeting_id)
        assert kept.reason == "circulated"
        assert archive.compare_revisions(db, kept.id) == []  # kept as it stands
    finally:
        db.close()
    assert layouts == ["clerk-pdf", "clerk-pdf"]


def test_a_pdf_export_never_loads_sqlalchemy(tmp_path: Path) -> None:
    """Its whole point: the quarter of a second of a core SQLAlchemy's import costs is not
    spent, and the draft is still kept in the history, read back through the ORM."""
    path, meeting_id = _database(tmp_path)
    target = tmp_path / "minutes.pdf"
    code = (
        "import sys; from clerk_app import cli; "
        f"code = cli.main(['--db', {str(path)!r}, 'export', '{meeting_id}', '--to', "
        f"{str(target)!r}]); "
        "sys.exit(code or 3 * ('sqlalchemy' in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, str(target), "")
    db = open_database(path)
    try:
        [kept] = archive.revisions(db, meeting_id)
        assert kept.reason == "circulated"
        assert archive.compare_revisions(db, kept.id) == []
    finally:
        db.close()


def test_a_draft_changed_since_is_kept_again_at_the_next_export(
    tmp_path: Path, layouts: list[str]
) -> None:
    """The window saves a point after one export: the next PDF shows it, and the history
    keeps both drafts as they were sent."""
    path, meeting_id = _database(tmp_path)
    target = tmp_path / "minutes.pdf"
    assert run(path, "export", str(meeting_id), "--to", str(target))[0] == 0
    db = open_database(path)
    try:
        meeting = meetings.load_meeting(db, meeting_id)
        point = next(p for item in meeting.items for p in item.points)
        assert point.id is not None
        editing.set_point_text(db, point_id=point.id, text="Saved by the window meanwhile.")
    finally:
        db.close()
    code, _, err = run(path, "export", str(meeting_id), "--to", str(target))
    assert (code, err) == (0, "")
    assert layouts == ["clerk-pdf", "clerk-pdf"]
    assert "Saved by the window meanwhile." in flowing(pdftotext(target))
    db = open_database(path)
    try:
        first, second = archive.revisions(db, meeting_id)
        assert archive.compare_revisions(db, second.id) == []  # the second is as it stands
        assert archive.compare_revisions(db, first.id) != []
    finally:
        db.close()


def test_a_read_only_database_still_exports_and_says_the_history_missed_it(
    tmp_path: Path, layouts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, meeting_id = _database(tmp_path)
    real = sqlite3.connect

    def read_only(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        # SQLite's own "attempt to write a readonly database", as a read-only share gives
        # (a chmod would not do: the tests may run as root, whom permissions do not stop).
        connection: sqlite3.Connection = real(*args, **kwargs)
        connection.execute("PRAGMA query_only = ON")
        return connection

    monkeypatch.setattr(sqlite3, "connect", read_only)
    target = tmp_path / "minutes.pdf"
    code, out, err = run(path, "export", str(meeting_id), "--to", str(target))
    monkeypatch.undo()
    assert (code, out.strip()) == (0, str(target))
    assert layouts == ["clerk-pdf"]
    assert err == (
        "clerk-app: warning: minutes.pdf is written, but the history could not record that "
        "this draft was circulated: the database file or its folder is read-only: Clerk "
        "cannot save there\n"
    )
    assert target.stat().st_size > 0
    db = open_database(path)
    try:
        assert archive.revisions(db, meeting_id) == []  # nothing half-recorded
    finally:
        db.close()


def test_an_older_file_is_brought_up_to_date_and_exported_the_usual_way(
    tmp_path: Path, layouts: list[str]
) -> None:
    path = tmp_path / "council.db"
    shutil.copy(sorted(FIXTURES.glob("schema-*.db"))[-1], path)
    target = tmp_path / "minutes.pdf"
    code, _, err = run(path, "export", "1", "--to", str(target))
    assert (code, err) == (0, "")
    assert layouts == ["MainThread"]
    assert planning_meeting().items[0].title.upper() in pdftotext(target).upper()


def test_only_a_pdf_is_laid_out_ahead(tmp_path: Path, layouts: list[str]) -> None:
    path, meeting_id = _database(tmp_path)
    for name in ("minutes.docx", "minutes.html", "minutes.txt"):
        code, _, err = run(path, "export", str(meeting_id), "--to", str(tmp_path / name))
        assert (code, err) == (0, "")
    assert layouts == []


def test_what_the_usual_path_refuses_is_still_refused(tmp_path: Path, layouts: list[str]) -> None:
    path, meeting_id = _database(tmp_path)
    code, _, err = run(path, "export", str(meeting_id + 7), "--to", str(tmp_path / "m.pdf"))
    assert (code, err.strip()) == (2, f"clerk-app: there is no meeting {meeting_id + 7}")
    code, _, err = run(path, "export", "first", "--to", str(tmp_path / "m.pdf"))
    assert code == 2 and "give the number that 'clerk-app list' shows" in err
    # The database itself is a target no export may replace, ahead or not.
    code, _, err = run(path, "export", str(meeting_id), "--to", str(path.with_suffix(".PDF")))
    assert code == 0
    code, _, err = run(path, "export", str(meeting_id), "--to", str(tmp_path / "council.db-wal"))
    assert code == 2 and err.startswith("clerk-app: ")
    assert not list(tmp_path.glob("*.part*"))


def test_a_template_the_pdf_cannot_be_laid_out_with_says_so_as_before(
    tmp_path: Path, layouts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, meeting_id = _database(tmp_path)
    monkeypatch.setattr(pdf, "TEMPLATE", tmp_path / "gone.typ")  # a broken installation
    code, _, err = run(path, "export", str(meeting_id), "--to", str(tmp_path / "m.pdf"))
    assert code == 2
    assert "gone.typ is missing" in err and "reinstall Clerk or export to Word" in err
    assert not (tmp_path / "m.pdf").exists()
