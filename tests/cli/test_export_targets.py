"""`clerk-app export` never writes over the database, its side files, its backups, or odd files."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from clerk_app.cli import main
from clerk_app.services import meetings, safety
from clerk_app.store.database import open_database
from tests.samples import planning_meeting


def run(db: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", str(db), *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _database(path: Path) -> str:
    db = open_database(path)
    try:
        return str(meetings.create_meeting(db, planning_meeting()))
    finally:
        db.close()


def _refused(db: Path, meeting_id: str, target: Path, needle: str) -> None:
    code, out, err = run(db, "export", meeting_id, "--to", str(target))
    assert (code, out) == (2, ""), (target, err)
    assert err.startswith("clerk-app: Cannot export to") and err.count("\n") == 1, err
    assert needle in err, err
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".part")]


def _meetings_in(path: Path) -> int:
    db = open_database(path)
    try:
        return len(meetings.list_meetings(db))
    finally:
        db.close()


def test_a_database_named_like_an_export_is_not_replaced_by_it(tmp_path: Path) -> None:
    db = tmp_path / "minutes.pdf"
    meeting_id = _database(db)
    before = db.read_bytes()
    _refused(db, meeting_id, db, "Clerk's own database")
    # the same file by another road: relative, through a symlinked folder, a hard link
    (tmp_path / "again").symlink_to(tmp_path, target_is_directory=True)
    _refused(db, meeting_id, tmp_path / "again" / "minutes.pdf", "Clerk's own database")
    os.link(db, tmp_path / "alias.pdf")
    _refused(db, meeting_id, tmp_path / "alias.pdf", "Clerk's own database")
    assert db.read_bytes() == before and _meetings_in(db) == 1


@pytest.mark.parametrize("side", ["-wal", "-shm", ".lock"])
def test_the_database_side_files_are_never_export_targets(tmp_path: Path, side: str) -> None:
    db_path = tmp_path / "clerk.db"
    db = open_database(db_path)  # kept open, as a window would: -wal and -shm exist
    try:
        meeting_id = str(meetings.create_meeting(db, planning_meeting()))
        db_path.with_name("clerk.db.lock").write_text("{}")
        side_file = db_path.with_name(db_path.name + side)
        assert side_file.exists()
        inode = side_file.stat().st_ino
        alias = tmp_path / f"side{side}.pdf"  # a hard link with an export's suffix
        os.link(side_file, alias)
        _refused(db_path, meeting_id, alias, "Clerk's own database")
        # still SQLite's own file (the -shm's read marks change as the export reads)
        assert side_file.stat().st_ino == inode
        assert not side_file.read_bytes().startswith(b"%PDF")
        assert len(meetings.list_meetings(db)) == 1
    finally:
        db.close()


def test_backups_and_kept_copies_are_never_export_targets(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    meeting_id = _database(db)
    backup = safety.take_backup(db)
    before = backup.read_bytes()
    _refused(db, meeting_id, backup.parent / "minutes.pdf", "holds Clerk's backups")
    copy = tmp_path / "clerk.before-migration-2025-01-01T00-00-00.db"
    copy.write_bytes(before)
    os.link(copy, tmp_path / "copy.docx")
    _refused(db, meeting_id, tmp_path / "copy.docx", "Clerk's own database")
    assert backup.read_bytes() == before == copy.read_bytes()


def test_odd_files_at_the_target_are_not_replaced(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    meeting_id = _database(db)
    elsewhere = tmp_path / "real.pdf"
    elsewhere.write_bytes(b"someone else's file")
    (tmp_path / "link.pdf").symlink_to(elsewhere)
    _refused(db, meeting_id, tmp_path / "link.pdf", "symbolic link")
    assert (tmp_path / "link.pdf").is_symlink()
    os.mkfifo(tmp_path / "pipe.pdf")
    _refused(db, meeting_id, tmp_path / "pipe.pdf", "a pipe (FIFO)")
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe.pdf").st_mode)
    read_only = tmp_path / "signed.docx"
    read_only.write_bytes(b"the signed copy")
    read_only.chmod(0o444)
    _refused(db, meeting_id, read_only, "read-only")
    assert read_only.read_bytes() == b"the signed copy"
    try:
        os.mknod(tmp_path / "device.txt", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        return  # not allowed to make a device here; the FIFO above takes the same path
    _refused(db, meeting_id, tmp_path / "device.txt", "a device")


def test_an_ordinary_export_beside_the_database_still_works(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    meeting_id = _database(db)
    safety.take_backup(db)
    target = tmp_path / "clerk.pdf"  # the database's name with an export's suffix
    code, out, err = run(db, "export", meeting_id, "--to", str(target))
    assert code == 0, err
    assert target.read_bytes()[:4] == b"%PDF"
    assert _meetings_in(db) == 1
