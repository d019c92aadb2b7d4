"""The command line on missing, empty, damaged, foreign and older files: one line, exit 2."""

from __future__ import annotations

import hashlib
import io
import sqlite3
from pathlib import Path

import pytest

from clerk_app.cli import main
from clerk_app.services import safety
from tests.damage import data_page, settled_database, zero_page

READ_ONLY = [["list"], ["list", "--json"], ["search", "planning"], ["actions", "--json"]]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"


def run(db: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", str(db), *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and its content digest: 'unchanged' means unchanged."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def one_line_error(code: int, err: str) -> str:
    assert code == 2
    assert err.startswith("clerk-app: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("command", [*READ_ONLY, ["export", "1", "--to", "/nonexistent/o.txt"]])
def test_read_only_commands_never_create_a_database(tmp_path: Path, command: list[str]) -> None:
    err = one_line_error(*run(tmp_path / "minutes.db", *command)[::2])
    assert "there is no database at" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", READ_ONLY)
def test_read_only_commands_never_follow_a_dangling_link(
    tmp_path: Path, command: list[str]
) -> None:
    (tmp_path / "target").mkdir()
    link = tmp_path / "minutes.db"
    link.symlink_to(tmp_path / "target" / "clerk.db")
    one_line_error(*run(link, *command)[::2])
    assert list((tmp_path / "target").iterdir()) == []


@pytest.mark.parametrize("command", READ_ONLY)
def test_another_programs_empty_sqlite_file_is_refused(tmp_path: Path, command: list[str]) -> None:
    other = tmp_path / "notes.db"
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()
    before = folder_state(tmp_path)
    err = one_line_error(*run(other, *command)[::2])
    assert "not a Clerk database" in err
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize("command", [*READ_ONLY, ["export", "1", "--to", "/nonexistent/o.txt"]])
def test_an_empty_file_is_refused_and_its_newest_backup_named(
    tmp_path: Path, command: list[str]
) -> None:
    path = tmp_path / "minutes.db"
    settled_database(path, meetings_count=2)
    backup = safety.take_backup(path)
    path.write_bytes(b"")
    before = folder_state(tmp_path)
    err = one_line_error(*run(path, *command)[::2])
    assert "empty (0 bytes)" in err and f"clerk-app restore {backup}" in err
    assert folder_state(tmp_path) == before


def test_import_into_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "minutes.db"
    path.write_bytes(b"")
    minutes = tmp_path / "m.txt"
    minutes.write_text("Committee: Audit\nDate: 2025-01-01\n\n1.\tMINUTES\na.\tAgreed.\n")
    err = one_line_error(*run(path, "import", str(minutes))[::2])
    assert "empty (0 bytes)" in err
    assert path.read_bytes() == b"" and sorted(p.name for p in tmp_path.iterdir()) == [
        "m.txt",
        "minutes.db",
    ]


@pytest.mark.parametrize(
    "command", [*READ_ONLY, ["import", "IMPORT"], ["export", "1", "--to", "OUT"]]
)
def test_a_zeroed_page_is_refused_by_every_command(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "minutes.db"
    settled_database(path)
    backup = safety.take_backup(path)
    zero_page(path, data_page(path))
    minutes = tmp_path / "m.txt"
    minutes.write_text("Committee: Audit\nDate: 2025-01-01\n\n1.\tMINUTES\na.\tAgreed.\n")
    places = {"IMPORT": str(minutes), "OUT": str(tmp_path / "x.txt")}
    command = [places.get(part, part) for part in command]
    before = folder_state(tmp_path)
    err = one_line_error(*run(path, *command)[::2])
    assert "is damaged" in err and str(backup) in err
    assert folder_state(tmp_path) == before  # nothing written into it, nothing left beside it
    assert not (tmp_path / "x.txt").exists()


def test_an_older_file_is_upgraded_only_by_a_command_that_writes(tmp_path: Path) -> None:
    path = tmp_path / "minutes.db"
    path.write_bytes((FIXTURES / "schema-0001.db").read_bytes())
    before = folder_state(tmp_path)
    err = one_line_error(*run(path, "list")[::2])
    assert "must be upgraded" in err
    assert folder_state(tmp_path) == before
    minutes = tmp_path / "m.txt"
    minutes.write_text("Committee: Audit\nDate: 2025-01-01\n\n1.\tMINUTES\na.\tAgreed.\n")
    code, out, _ = run(path, "import", str(minutes))
    assert code == 0
    code, out, _ = run(path, "list")
    assert code == 0 and "Audit" in out


def test_reading_commands_leave_no_log_files_beside_a_closed_database(tmp_path: Path) -> None:
    """list, search and actions on a database nobody has open create nothing beside it."""
    from clerk_app.cli import main
    from clerk_app.services import meetings as meeting_service
    from clerk_app.store.database import open_database
    from tests.samples import planning_meeting

    path = tmp_path / "clerk.db"
    db = open_database(path)
    meeting_service.create_meeting(db, planning_meeting())
    db.close()
    before = sorted(p.name for p in tmp_path.iterdir())
    for args in (["list"], ["search", "parking"], ["actions", "--json"]):
        assert main(["--db", str(path), *args], out=io.StringIO(), err=io.StringIO()) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == before
