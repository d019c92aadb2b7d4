"""Running Alembic migrations from inside the app, after a backup copy of the file."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from clerk_app.store.backups import copy_database


def alembic_config() -> Config:
    config = Config()
    # Package-relative, so migrations are found in an installed wheel or a bundle alike.
    config.set_main_option("script_location", "clerk_app.store:migrations")
    return config


def script_revisions() -> list[str]:
    """Every revision the migration scripts define, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def backup_before_migration(path: Path) -> Path:
    """A consistent copy beside the file, named for the moment, taken with SQLite's backup API."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-migration-{stamp}{path.suffix}")
    try:
        copy_database(path, target)
    except sqlite3.Error:
        # The backup API can fail on a file another process is rewriting; a byte copy of a
        # file we have not opened for writing yet is the next best thing.
        shutil.copy2(path, target)
    return target


def upgrade(engine: Engine, path: Path, *, backup: bool) -> None:
    if backup:
        backup_before_migration(path)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
