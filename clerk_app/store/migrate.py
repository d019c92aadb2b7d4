"""Running Alembic migrations from inside the app: after a backup copy, as one transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

from clerk_app.store.backups import copy_database
from clerk_app.store.errors import DatabaseError
from clerk_app.store.inspection import read_only_connection


def alembic_config() -> Config:
    config = Config()
    # Package-relative, so migrations are found in an installed wheel or a bundle alike.
    config.set_main_option("script_location", "clerk_app.store:migrations")
    return config


def script_revisions() -> list[str]:
    """Every revision the migration scripts define, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def content_fingerprint(path: Path) -> str:
    """A short digest of what the file holds (schema and row counts), read read-only.

    A migration that failed left the file as it was, so its fingerprint is unchanged and the
    copy taken before the first attempt serves every retry; a byte digest would not do, as
    opening the file rewrites header bytes and the write-ahead log.
    """
    digest = hashlib.sha256()
    with read_only_connection(path) as conn:
        rows = conn.execute(
            "SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        for kind, name, sql in rows:
            digest.update(f"{kind}\x00{name}\x00{sql}\x00".encode())
            if kind == "table" and not str(sql).upper().startswith("CREATE VIRTUAL"):
                quoted = '"' + str(name).replace('"', '""') + '"'
                count = conn.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0]
                digest.update(f"{count}\x00".encode())
    return digest.hexdigest()[:12]


def backup_before_migration(path: Path) -> Path:
    """A consistent copy beside the file, taken with SQLite's backup API, once per content.

    Named ``<stem>.before-migration-<moment>-<fingerprint><suffix>``: if a copy of the same
    content exists (an earlier attempt failed), it is reused rather than piling up another.
    """
    for leftover in path.parent.glob(f"{path.stem}.before-migration-*.partial*"):
        leftover.unlink(missing_ok=True)  # a copy cut short when an earlier attempt was killed
    try:
        fingerprint = content_fingerprint(path)
    except sqlite3.Error:
        fingerprint = "unreadable"
    for existing in sorted(path.parent.glob(f"{path.stem}.before-migration-*{path.suffix}")):
        if existing.stem.endswith(f"-{fingerprint}") and existing.stat().st_size > 0:
            return existing
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-migration-{stamp}-{fingerprint}{path.suffix}")
    partial = target.with_name(target.name + ".partial")
    try:
        copy_database(path, partial)
    except sqlite3.Error:
        # The backup API can fail on a file another process is rewriting; a byte copy of a
        # file we have not opened for writing yet is the next best thing.
        shutil.copy2(path, partial)
    # A half-made copy must never be taken, on the next attempt, for a good one.
    partial.replace(target)
    return target


def _transactional_engine(engine: Engine, on_connect: Callable[[Any, Any], None]) -> Engine:
    """An engine on the same file whose BEGIN really begins a transaction around DDL too.

    Python's sqlite3 driver commits before, and runs outside any transaction, every CREATE and
    ALTER; so a migration killed half-way left tables behind ("table search_index already
    exists").  Taking transaction control from the driver (SQLAlchemy's documented recipe for
    pysqlite) makes the whole upgrade one SQLite transaction: all of it happens, or none.
    """
    migrating = create_engine(engine.url, poolclass=NullPool)

    def connect(dbapi_connection: Any, record: Any) -> None:
        on_connect(dbapi_connection, record)
        dbapi_connection.isolation_level = None

    def begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(migrating, "connect", connect)
    event.listen(migrating, "begin", begin)
    return migrating


def upgrade(
    engine: Engine, path: Path, *, backup: bool, on_connect: Callable[[Any, Any], None]
) -> Path | None:
    """Bring the file to the newest schema; returns the before-migration copy, if one was made.

    Raises DatabaseError with one sentence naming the copy if the upgrade fails: the file is
    then exactly as it was before, since the upgrade is a single transaction.
    """
    try:
        copy = backup_before_migration(path) if backup else None
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(
            path,
            f"{path} needs upgrading, but no copy of it could be taken first ({exc}); "
            "it was left as it was",
        ) from exc
    config = alembic_config()
    migrating = _transactional_engine(engine, on_connect)
    try:
        with migrating.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except Exception as exc:  # any failure at all: the clerk gets one sentence, not a traceback
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0] if str(exc) else repr(exc)
        if "readonly" in detail or "unable to open" in detail:
            raise DatabaseError(path, f"cannot write to {path}: {detail}") from exc
        kept = f"; a copy taken before the upgrade is {copy}" if copy else ""
        raise DatabaseError(
            path,
            f"{path} could not be upgraded to this version of Clerk ({detail}); "
            f"it was left as it was{kept}",
        ) from exc
    finally:
        migrating.dispose()
    return copy
