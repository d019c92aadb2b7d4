"""``clerk-app`` as a program: after a command it ends at once (no module teardown), with
everything it printed delivered, its files whole and its exit status kept."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import docx

from tests.cli.test_cli import minutes, run  # noqa: F401  (minutes is a fixture)

REPO = Path(__file__).resolve().parents[2]


def program(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clerk_app.cli", "--db", str(db), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        check=False,
        timeout=120,
    )


def test_a_command_ends_with_its_output_files_and_status_intact(
    tmp_path: Path,
    minutes: Path,  # noqa: F811  (the imported fixture)
) -> None:
    db = tmp_path / "c.db"
    done = program(db, "import", str(minutes), "--date", "2025-02-01")
    assert done.returncode == 0 and done.stdout == "1\n", done.stderr
    for day in range(2, 61):  # enough meetings that the listing outgrows a write buffer
        assert run(db, "import", str(minutes), "--date", f"2025-03-{day % 28 + 1:02}")[0] == 0
    listed = program(db, "list", "--json")
    assert listed.returncode == 0 and listed.stderr == ""
    assert len(listed.stdout) > 8192
    assert json.loads(listed.stdout) == json.loads(run(db, "list", "--json")[1])  # in-process

    target = tmp_path / "minutes.docx"
    exported = program(db, "export", "1", "--to", str(target))
    assert (exported.returncode, exported.stdout, exported.stderr) == (0, f"{target}\n", "")
    assert "Members asked about noise after 11 pm." in "\n".join(
        p.text for p in docx.Document(str(target)).paragraphs
    )
    # The export's note that the draft was circulated is in the file, and the file is whole.
    with sqlite3.connect(db) as con:
        assert con.execute("pragma integrity_check").fetchone() == ("ok",)
        assert con.execute("select count(*) from revisions").fetchone()[0] >= 1
    assert not list(tmp_path.glob(".*part*"))  # no part file left behind

    refused = program(db, "export", "999", "--to", str(tmp_path / "x.pdf"))
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1 and refused.stderr.startswith("clerk-app: ")
