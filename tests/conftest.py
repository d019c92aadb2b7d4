"""Shared fixtures: offscreen Qt for every test, and a real database file through migrations."""

from __future__ import annotations

import os

# Set before anything imports Qt: tests never need (or have) a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("CLERK_DB", None)  # a developer's own database must never be touched by tests

from hypothesis import settings

# CI runs hypothesis with a fixed seed and a bounded number of examples, so a run is repeatable.
settings.register_profile("ci", derandomize=True, max_examples=100, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


from collections.abc import Iterator  # noqa: E402  (after the environment is set up)
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from clerk_app.store.database import Database, open_database  # noqa: E402


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "minutes.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A real SQLite file in tmp_path, created through the real migrations."""
    database = open_database(db_path)
    yield database
    database.close()
