"""Every schema version Clerk ever wrote opens, migrates after a backup, and keeps everything.

tests/fixtures/db/schema-NNNN.db was made by Clerk at schema NNNN (one file per version, kept
forever); each holds tests.samples.planning_meeting().
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clerk_app.services import meetings
from clerk_app.services.searching import search
from clerk_app.store.database import open_database, read_revision
from clerk_app.store.schema_version import HEAD, KNOWN_REVISIONS
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
