"""Every schema version Clerk ever wrote opens, migrates after a backup, and keeps everything.

tests/fixtures/db/schema-NNNN.db was made by Clerk at schema NNNN (one file per version, kept
forever); each holds tests.samples.planning_meeting().
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window, make_application
from clerk_app.services import meetings
from clerk_app.services.exporting import export_minutes
from clerk_app.services.searching import search
from clerk_app.store.database import open_database, read_revision
from clerk_app.store.schema_version import HEAD, KNOWN_REVISIONS
from tests.export.readers import find_in_order, flowing, pdftotext, squash
from tests.samples import planning_meeting

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"


def test_there_is_a_fixture_for_every_version_but_the_newest() -> None:
    made = sorted(p.stem.removeprefix("schema-") for p in FIXTURES.glob("schema-*.db"))
    assert made == list(KNOWN_REVISIONS[:-1]) or made == list(KNOWN_REVISIONS)


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.db")), ids=lambda p: p.stem)
def test_old_database_migrates_and_keeps_everything(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "council.db"
    shutil.copy(fixture, path)
    original = path.read_bytes()
    db = open_database(path)
    try:
        assert read_revision(path) == HEAD
        [summary] = meetings.list_meetings(db)
        assert meetings.load_meeting(db, summary.id) == planning_meeting()
        # the search index is built for data that predates it
        assert [h.label for h in search(db, "visibility")] == ["b.i."]
        assert search(db, "siobhan")
    finally:
        db.close()
    backups = list(tmp_path.glob("council.before-migration-*.db"))
    if fixture.stem != f"schema-{HEAD}":
        assert len(backups) == 1
        assert backups[0].read_bytes() == original or read_revision(backups[0]) == fixture.stem[7:]


HIDDEN = ["hidden one", "hidden deeper", "hidden two"]
SUB_POINTS = ["the visibility splays met the standard; and", *HIDDEN]
SUB_POINTS.append("a travel plan would be secured. (Action: Priya Raman)")


def _three_levels(path: Path) -> None:
    """Write points three and four levels deep, as the indent bug did, with raw SQL."""
    conn = sqlite3.connect(path)
    # The search triggers call Clerk's fold function; an identity stands in for it here.
    conn.create_function("clerk_fold", 1, lambda text: text or "", deterministic=True)
    try:
        [(item_id, sub_id)] = conn.execute(
            "SELECT item_id, id FROM points WHERE text LIKE 'the visibility%'"
        ).fetchall()
        insert = "INSERT INTO points (item_id, parent_id, position, text) VALUES (?, ?, ?, ?)"
        one = conn.execute(insert, (item_id, sub_id, 0, "hidden one")).lastrowid
        conn.execute(insert, (item_id, sub_id, 1, "hidden two"))
        conn.execute(insert, (item_id, one, 0, "hidden deeper"))
        conn.commit()
    finally:
        conn.close()


def _deep_rows(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(
            conn.execute(
                "SELECT count(*) FROM points p JOIN points q ON p.parent_id = q.id "
                "WHERE q.parent_id IS NOT NULL"
            ).fetchone()[0]
        )
    finally:
        conn.close()


def test_points_hidden_three_levels_deep_come_back_in_reading_order(
    tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "council.db"
    shutil.copy(FIXTURES / "schema-0004.db", path)
    _three_levels(path)
    assert _deep_rows(path) == 3

    db = open_database(path)  # migrates, after a backup copy
    try:
        assert _deep_rows(path) == 0
        [summary] = meetings.list_meetings(db)
        meeting = meetings.load_meeting(db, summary.id)
        officers = meeting.items[1].points[1]
        assert [c.text for c in officers.children] == SUB_POINTS
        assert meeting.items[1].points[2].text.startswith("The Chair asked for a site visit")

        # What the clerk sees in the window: each one a numbered sub-point, in order.
        make_application()
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = build_window(db, settings, summary.id)
        qtbot.addWidget(window)
        assert window.view is not None
        rows = [(r.label, r.text) for r in window.view.rows if r.point is not None]
        start = rows.index(("i.", SUB_POINTS[0]))
        assert rows[start : start + 5] == list(
            zip(["i.", "ii.", "iii.", "iv.", "v."], SUB_POINTS, strict=True)
        )
        window.close()

        # And in every export.
        for suffix in (".txt", ".docx", ".pdf"):  # every format export writes
            out = export_minutes(db, summary.id, tmp_path / f"minutes{suffix}").path
            if suffix == ".docx":
                text = " ".join(p.text for p in docx.Document(str(out)).paragraphs)
            elif suffix == ".pdf":
                text = flowing(pdftotext(out))
            else:
                text = out.read_text(encoding="utf-8")
            find_in_order(squash(text), ["Officers advised", *SUB_POINTS[:-1], "a travel plan"])
        txt = (tmp_path / "minutes.txt").read_text(encoding="utf-8")
        find_in_order(txt, ["\tii.\thidden one", "\tiii.\thidden deeper", "\tiv.\thidden two"])
    finally:
        db.close()
