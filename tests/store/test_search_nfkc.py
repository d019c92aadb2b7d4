"""Ligatures and other compatibility characters are found by their plain spelling, both ways,
in new databases and, after the index is rebuilt by migration 0006, in old ones."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import sqlite3
from pathlib import Path

from clerk_app.cli import main
from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.services import meetings
from clerk_app.services.searching import search
from clerk_app.store.database import Database, open_database, read_revision
from clerk_app.store.schema_version import HEAD

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"


def test_ligatures_and_full_width_letters_are_found_by_plain_words(db: Database) -> None:
    meetings.create_meeting(
        db,
        Meeting(
            committee="Audit",
            date=dt.date(2025, 3, 4),
            items=[
                AgendaItem(
                    "Budget",
                    points=[
                        Point("The ﬁnance report (copied from the PDF) was noted."),
                        Point("Ｃｏｕｎｃｉｌｌｏｒ Ｒａｅ asked about oﬃce costs²."),
                        Point("The finance team will report back."),
                    ],
                )
            ],
        ),
    )
    assert {h.label for h in search(db, "finance")} == {"a.", "c."}
    assert {h.label for h in search(db, "ﬁnance")} == {"a.", "c."}  # typed with the ligature
    assert [h.label for h in search(db, "office")] == ["b."]
    assert [h.label for h in search(db, "councillor rae")] == ["b."]
    assert [h.label for h in search(db, "costs2")] == ["b."]
    [hit] = [h for h in search(db, "finance") if h.label == "a."]
    assert "[ﬁnance]" in hit.snippet  # the clerk's own spelling is highlighted
    [hit] = search(db, "offi*")
    assert "[oﬃce]" in hit.snippet


def test_migration_0006_refolds_what_an_older_clerk_indexed(tmp_path: Path) -> None:
    path = tmp_path / "council.db"
    shutil.copy(FIXTURES / "schema-0004.db", path)
    raw = sqlite3.connect(path)
    # As Clerk at schema 0004 folded: one character for one, the ligature kept.
    raw.create_function("clerk_fold", 1, lambda text: (text or "").lower())
    raw.execute("UPDATE points SET text = 'The ﬁnance report was noted.' WHERE id = 1")
    raw.commit()
    raw.close()
    open_database(path).close()  # the window (or an import) upgrades it; search only reads
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", str(path), "search", "finance", "--json"], out=out, err=err)
    assert code == 0, err.getvalue()
    assert [hit["snippet"] for hit in json.loads(out.getvalue())] == [
        "The [ﬁnance] report was noted."
    ]
    assert read_revision(path) == HEAD
    db = open_database(path)
    try:
        assert [h.point_id for h in search(db, "finance")] == [1]
    finally:
        db.close()
