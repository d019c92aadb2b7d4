"""Declarations of interest and motions are found by search (migration 0008): by member,
kind, nature and wording; a sensitive interest's nature is never indexed; edits and deletes
keep the index in step; and a file that had declarations before 0008 has them indexed."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from clerk_app.core.changes import SetDeclarations, SetMotions
from clerk_app.core.folding import fold
from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.core.procedure.declarations import Declaration
from clerk_app.core.procedure.motions import Counts, Motion
from clerk_app.services import meetings, searching
from clerk_app.services.editing import apply_changes
from clerk_app.store.database import Database, open_database, read_revision
from clerk_app.store.schema_version import HEAD


def _meeting(db: Database) -> Meeting:
    meeting = Meeting(
        committee="Licensing Committee",
        date=dt.date(2024, 11, 5),
        items=[AgendaItem("Premises licence: The Anchor", points=[Point("Report noted.")])],
    )
    meeting_id = meetings.create_meeting(db, meeting)
    loaded = meetings.load_meeting(db, meeting_id)
    item = loaded.items[0]
    apply_changes(
        db,
        loaded,
        [
            SetDeclarations(
                item,
                [
                    Declaration("Councillor Siobhán Ní Bhriain", nature="owns the freehold"),
                    Declaration("Councillor Paweł Wójcik", sensitive=True),
                ],
            ),
            SetMotions(
                item,
                [
                    Motion(
                        "That the licence be granted with the conditions in the report",
                        mover="Councillor Amara Okafor",
                        seconder="Councillor Paweł Wójcik",
                        counts=Counts(5, 2, 0),
                    )
                ],
            ),
        ],
    )
    return loaded


def test_declarations_and_motions_are_found(db: Database) -> None:
    meeting = _meeting(db)
    [declared] = searching.search(db, "freehold")
    assert declared.kind == "declaration"
    assert declared.item_title == "Premises licence: The Anchor"
    assert "Ní Bhriain" in declared.snippet.replace("<b>", "").replace("</b>", "")
    # Accent-free typing finds the Irish and Polish names, in declarations and motions alike.
    kinds = {hit.kind for hit in searching.search(db, "wojcik")}
    assert {"declaration", "motion"} <= kinds
    [moved] = searching.search(db, "okafor")
    assert moved.kind == "motion" and "conditions" in moved.snippet

    # The motion's wording changes: the index follows; deleting the declarations empties it.
    item = meeting.items[0]
    apply_changes(db, meeting, [SetMotions(item, [Motion("That the licence be refused")])])
    assert searching.search(db, "conditions") == []
    assert [h.kind for h in searching.search(db, "refused")] == ["motion"]
    apply_changes(db, meeting, [SetDeclarations(item, [])])
    assert searching.search(db, "freehold") == []


def test_a_sensitive_interest_is_indexed_without_its_nature(db: Database, db_path: Path) -> None:
    _meeting(db)
    conn = sqlite3.connect(db_path)
    conn.create_function("clerk_fold", 1, fold, deterministic=True)
    try:
        # Whatever text sits in the nature column of a sensitive declaration stays out.
        conn.execute("UPDATE declarations SET nature = 'lives at 4 Mill Lane' WHERE sensitive")
        conn.commit()
        bodies = [b for (b,) in conn.execute("SELECT body FROM search_index WHERE rowid % 8 = 6")]
    finally:
        conn.close()
    assert any("wojcik" in b for b in bodies)
    assert not any("mill lane" in b for b in bodies)


def test_declarations_made_before_0008_are_indexed_by_it(db: Database, db_path: Path) -> None:
    _meeting(db)
    db.close()
    # The file as 0007 left it: no procedure triggers, no procedure rows in the index.
    conn = sqlite3.connect(db_path)
    try:
        for table in ("declarations", "motions"):
            for event in ("insert", "update", "delete"):
                conn.execute(f"DROP TRIGGER {table}_search_{event}")
        conn.execute("DELETE FROM search_index WHERE rowid % 8 IN (6, 7)")
        # and without what later migrations add (0009: a body's templates; 0010: motions
        # marked as written)
        conn.execute("ALTER TABLE bodies DROP COLUMN word_template")
        conn.execute("ALTER TABLE bodies DROP COLUMN pdf_template")
        conn.execute("ALTER TABLE motions DROP COLUMN as_written")
        conn.execute("UPDATE alembic_version SET version_num = '0007'")
        conn.commit()
    finally:
        conn.close()
    assert read_revision(db_path) == "0007"
    reopened = open_database(db_path)
    try:
        assert read_revision(db_path) == HEAD
        assert [h.kind for h in searching.search(reopened, "freehold")] == ["declaration"]
        assert [h.kind for h in searching.search(reopened, "okafor")] == ["motion"]
    finally:
        reopened.close()
