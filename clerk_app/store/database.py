"""Opening the one SQLite file: checks, pragmas, migrations, and the unit of work it hands out."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from clerk_app.core.folding import fold
from clerk_app.store.errors import (
    DamagedDatabaseError,
    DatabaseError,
    NewerDatabaseError,
    StorageUnavailable,
    describe_write_failure,
)
from clerk_app.store.schema_version import HEAD, KNOWN_REVISIONS

_SQLITE_MAGIC = b"SQLite format 3\x00"


class UnitOfWork:
    """Owns one session: commits only when told, rolls back otherwise, always closes."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> None:
        try:
            self.session.rollback()
            self.session.close()
        except OperationalError:
            pass  # the connection is already unusable; the error below says why
        if isinstance(exc, OperationalError | sqlite3.OperationalError):
            # The environment's fault, not a bug: callers get one exception type that says so.
            detail = str(getattr(exc, "orig", exc) or exc)
            raise StorageUnavailable(describe_write_failure(detail)) from exc

    def commit(self) -> None:
        self.session.commit()


class Database:
    """An open, migrated Clerk database."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self.read_only = False  # set by open_database for a second, read-only window
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self._sessions)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read-only convenience: a session that is rolled back and closed afterwards."""
        with self.unit_of_work() as uow:
            yield uow.session

    def close(self) -> None:
        self.engine.dispose()


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL with synchronous=FULL: a commit costs ~0.4 ms here, and a power cut never loses one.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Another process (a second window, the CLI) may hold the write lock for a moment.
    cursor.execute("PRAGMA busy_timeout=5000")
    # Years of minutes are a few hundred MB: a 32 MB page cache and memory-mapped reads keep
    # the tracker's and search's scattered row lookups in memory after the first one.
    cursor.execute("PRAGMA cache_size=-32000")
    cursor.execute("PRAGMA mmap_size=268435456")
    cursor.close()
    # The search index's triggers fold text with this; see migrations/versions/r0002_search.py.
    dbapi_connection.create_function("clerk_fold", 1, _fold_or_empty, deterministic=True)


def _query_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA query_only = ON")


def _fold_or_empty(text: str | None) -> str:
    return "" if text is None else fold(text)


def read_revision(path: Path) -> str | None:
    """The schema revision recorded in the file, read without changing a byte of it.

    None for an empty or new file.  Raises DamagedDatabaseError for a file that is not SQLite.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    with path.open("rb") as handle:
        if handle.read(16) != _SQLITE_MAGIC:
            raise DamagedDatabaseError(
                path,
                f"{path} is not a Clerk database (it is not an SQLite file); it was left as it is",
            )
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            has_table = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            if not has_table:
                tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if tables:
                    raise DamagedDatabaseError(
                        path,
                        f"{path} is an SQLite file but not a Clerk database; it was left as it is",
                    )
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return None if row is None else str(row[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(
            path, f"{path} is damaged and cannot be read ({exc}); it was left as it is"
        ) from exc


def open_database(path: Path, *, create_folder: bool = False, read_only: bool = False) -> Database:
    """Open (creating or migrating as needed) the database at ``path``.

    Raises a DatabaseError subclass with a clear message when the file cannot be used; a file
    it refuses is never modified.  ``read_only`` (a second window beside one that is editing):
    every write fails with StorageUnavailable, so two writers can never mix their edits.
    """
    if path.is_dir():
        raise DatabaseError(path, f"{path} is a folder, not a database file")
    if not path.parent.exists():
        if not create_folder:
            raise DatabaseError(path, f"the folder {path.parent} does not exist")
        path.parent.mkdir(parents=True, exist_ok=True)
    had_content = path.exists() and path.stat().st_size > 0
    revision = read_revision(path)
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NewerDatabaseError(
            path,
            f"{path} was written by a newer version of Clerk (schema {revision}); "
            "install the newer Clerk to open it. The file was left as it is.",
        )
    if read_only and revision != HEAD:
        raise DatabaseError(
            path, f"{path} needs upgrading, which only the window that has it open can do"
        )
    engine = create_engine(f"sqlite+pysqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    if read_only:
        event.listen(engine, "connect", _query_only)
    if revision != HEAD:
        # Imported only here: Alembic costs ~460 ms and a current file never needs it.
        from clerk_app.store.migrate import upgrade

        try:
            # Any file with something in it is copied first; a brand-new one has nothing to lose.
            upgrade(engine, path, backup=had_content)
        except sqlite3.OperationalError as exc:
            engine.dispose()
            raise DatabaseError(path, f"cannot write to {path}: {exc}") from exc
        except Exception as exc:
            engine.dispose()
            if "readonly" in str(exc) or "unable to open" in str(exc):
                raise DatabaseError(path, f"cannot write to {path}: {exc.args[0]}") from exc
            raise
    database = Database(path, engine)
    database.read_only = read_only
    return database
