"""The preview's question for the body's template: a file that cannot be read this moment
leaves the last answer standing; anything else is a bug and is raised."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from clerk_app.services import bodies
from clerk_app.services.previewing import body_template
from clerk_app.store.database import Database, open_database
from tests.cli.test_cli_house_style import house_template

COMMITTEE = "Planning Committee"


def test_the_body_template_is_read_each_time_and_the_last_stands_while_locked(
    db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    house = house_template(tmp_path / "house")
    body = bodies.set_up_body(db, COMMITTEE, pdf_template=house)
    assert body_template(db, body.id) == house.resolve()
    assert body_template(db, None) is None  # a meeting of no body: Clerk's own

    # What SQLite raises once another process has held the file past the busy timeout
    # (5 s): raised here at once, as the error itself, rather than waited for.
    def locked(*_args: object) -> tuple[Path | None, Path | None]:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(bodies, "house_style", locked)
    assert body_template(db, body.id, last=house.resolve()) == house.resolve()
    assert body_template(db, body.id) is None  # nothing read before: Clerk's own

    def bug(*_args: object) -> tuple[Path | None, Path | None]:
        raise KeyError("a bug, not the environment")

    monkeypatch.setattr(bodies, "house_style", bug)
    with pytest.raises(KeyError):
        body_template(db, body.id, last=house.resolve())


def test_a_window_closed_mid_layout_still_gets_an_answer(db_path: Path, tmp_path: Path) -> None:
    """The window closes (its database disposed) while the worker asks: no error."""
    database = open_database(db_path)
    house = house_template(tmp_path / "house")
    body = bodies.set_up_body(database, COMMITTEE, pdf_template=house)
    database.close()
    assert body_template(database, body.id) == house.resolve()
