"""clerk-app bodies / body / member: set up a body's house style and members from a script."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app.cli import main
from clerk_app.services import bodies, meetings
from clerk_app.store.database import open_database


def run(db: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", str(db), *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_a_body_is_set_up_and_its_members_seated(tmp_path: Path) -> None:
    path = tmp_path / "council.db"
    code, out, err = run(
        path,
        "body",
        "Ashby Parish Council",
        "--kind",
        "parish council",
        "--pattern",
        "{yy}/{n}",
        "--quorum",
        "3",
    )
    assert (code, err) == (0, "")
    assert "continuous {yy}/{n}" in out
    assert (
        run(path, "member", "Ashby Parish Council", "Cllr Ngozi Adeyemi", "--role", "chair")[0] == 0
    )
    assert run(path, "member", "Ashby Parish Council", "Cllr Tomasz Wiśniewski", "--since",
               "2024-05-09")[0] == 0  # fmt: skip
    assert run(path, "member", "Ashby Parish Council", "Mr Ellis Hart", "--role", "co-opted",
               "--non-voting")[0] == 0  # fmt: skip
    code, out, _ = run(path, "bodies", "--json")
    [body] = json.loads(out)
    assert body["kind"] == "parish council"
    assert body["exclusion"] == "parish"  # a parish council's law, unless told otherwise
    assert body["numbering"] == "continuous" and body["year_start_month"] == 5
    assert [(m["name"], m["role"], m["voting"]) for m in body["members"]] == [
        ("Cllr Ngozi Adeyemi", "chair", True),
        ("Cllr Tomasz Wiśniewski", "member", True),
        ("Mr Ellis Hart", "co-opted", False),
    ]
    # A second run changes only what it names.
    assert run(path, "body", "Ashby Parish Council", "--quorum", "1/3, at least 3")[0] == 0
    code, out, _ = run(path, "bodies")
    assert "quorum 1/3, at least 3" in out and "3 members" in out

    # The body's first meeting starts its attendance from the membership on that day.
    db = open_database(path)
    try:
        early = meetings.new_meeting(db, committee="Ashby Parish Council", date=dt.date(2024, 4, 1))
        assert [a.name for a in early.attendees] == ["Cllr Ngozi Adeyemi", "Mr Ellis Hart"]
        assert bodies.get_body(db, "Ashby Parish Council").quorum.minimum == 3
    finally:
        db.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["body", "Cabinet", "--pattern", "24/"], "has no {n}"),
        (["body", "Cabinet", "--quorum", "lots"], "bad quorum"),
        (["body", "Cabinet", "--numbering", "sometimes"], "unknown numbering"),
        (["body", "Cabinet", "--year-start", "13"], "bad month"),
        (["member", "Nobody", "Cllr A"], "there is no body"),
        (["body", "Cabinet", "--labels", "*"], "unknown label style"),
    ],
)
def test_bad_settings_are_one_line_and_exit_2(
    tmp_path: Path, args: list[str], message: str
) -> None:
    path = tmp_path / "council.db"
    assert run(path, "body", "Cabinet", "--numbering", "per meeting")[0] == 0
    code, out, err = run(path, *args)
    assert code == 2 and out == ""
    assert err.startswith("clerk-app: ") and err.count("\n") == 1 and message in err
    # Nothing was changed by the refused command.
    assert json.loads(run(path, "bodies", "--json")[1])[0]["numbering"] == "per meeting"


def test_the_real_program_lists_bodies(tmp_path: Path) -> None:
    path = tmp_path / "council.db"
    assert run(path, "body", "Licensing", "--pattern", "C{n:3}/{yy}", "--year-start", "4")[0] == 0
    done = subprocess.run(
        [sys.executable, "-m", "clerk_app.cli", "--db", str(path), "bodies"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Licensing  (committee; continuous C{n:3}/{yy};")
