"""Opening the one SQLite file: checks, pragmas, migrations, and the unit of work it hands out."""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from clerk_app.core.folding import fold
from clerk_app.store.errors import (
    DamagedDatabaseError,
    DatabaseError,
    NewerDatabaseError,
    StorageUnavailable,
    describe_write_failure,
)
from clerk_app.store.inspection import forget_sound, inspect, remember_sound
from clerk_app.store.paths import read_only_uri
from clerk_app.store.schema_version import HEAD, KNOWN_REVISIONS


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
        self.read_only = False  # set by open_database for read-only commands and windows
        self.identity = 0  # the file's random id (PRAGMA user_version), set by open_database
        self.checked = False  # passed quick_check (or was known sound) when it was opened
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
        if self.checked and not self.read_only:
            # Checked sound at open and written only by Clerk since: the next open need not
            # read every page again (see inspection.known_sound).
            remember_sound(self.path)


def _set_pragmas(dbapi_connection: Any, record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL with synchronous=FULL: a commit costs ~0.4 ms here, and a power cut never loses one.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()
    _set_reading_pragmas(dbapi_connection, record)


def _set_reading_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """The pragmas a mode=ro connection may set too (it cannot switch the journal)."""
    cursor = dbapi_connection.cursor()
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

    None for a new file or an SQLite file with no tables.  Raises DamagedDatabaseError for a
    file that is empty (0 bytes), not SQLite, or not Clerk's.
    """
    return inspect(path, check=False).revision


def _read_only_engine(path: Path) -> Engine:
    """An engine whose connections open the file with SQLite's mode=ro: nothing can write."""
    uri = read_only_uri(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    # The URL names no file, so SQLAlchemy would pick its in-memory pool (one connection per
    # thread, closed under a background query by dispose); a file wants the ordinary pool.
    return create_engine("sqlite+pysqlite://", creator=connect, poolclass=QueuePool)


def _refuse_missing(path: Path, *, create: bool) -> None:
    if path.is_symlink() and not path.exists():
        # Creating the link's target would make a database somewhere nobody asked for.
        raise DatabaseError(path, f"{path} is a link to {os.readlink(path)}, which does not exist")
    if not path.exists() and not create:
        raise DatabaseError(path, f"there is no database at {path}")


def open_database(
    path: Path, *, create_folder: bool = False, read_only: bool = False, create: bool = True
) -> Database:
    """Open (creating or migrating as needed) the database at ``path``.

    Raises a DatabaseError subclass with a clear message when the file cannot be used; a file
    it refuses is never modified.  An empty (0-byte) file, or one that fails SQLite's
    quick_check, is refused as damaged.  ``read_only`` (the read-only commands, or a second
    window beside one that is editing): the file is opened with SQLite's mode=ro, never
    created nor migrated, and every write fails with StorageUnavailable.  ``create=False``:
    a missing file is refused instead of created.
    """
    if path.is_dir():
        raise DatabaseError(path, f"{path} is a folder, not a database file")
    _refuse_missing(path, create=create and not read_only)
    if not path.parent.exists():
        if not create_folder:
            raise DatabaseError(path, f"the folder {path.parent} does not exist")
        path.parent.mkdir(parents=True, exist_ok=True)
    if not read_only and not path.exists():
        _create(path)
    facts = inspect(path)
    revision = facts.revision
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NewerDatabaseError(
            path,
            f"{path} was written by a newer version of Clerk (schema {revision}); "
            "install the newer Clerk to open it. The file was left as it is.",
        )
    if read_only:
        return _open_read_only(path, revision, facts.identity)
    if facts.checked_now:
        forget_sound(path)  # every page was just read and found sound: a mark of damage goes
    engine = create_engine(f"sqlite+pysqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    if revision != HEAD:
        # Imported only here: Alembic costs ~460 ms and a current file never needs it.
        from clerk_app.store.migrate import upgrade

        try:
            # Any file with something in it is copied first; a brand-new one has nothing to lose.
            upgrade(engine, path, backup=facts.exists, on_connect=_set_pragmas)
        except DatabaseError:
            engine.dispose()
            raise
    database = Database(path, engine)
    database.identity = facts.identity or _give_identity(engine)
    database.checked = True
    return database


def _create(path: Path) -> None:
    """A new database, built beside ``path`` and linked into place whole.

    Nobody ever sees it half made: a second process starting at the same moment (parallel
    first imports) finds either no file or a complete one, never the empty file SQLite
    creates on connecting, which Clerk refuses as damage.  If another process linked its
    database first, that one is used and this one thrown away.
    """
    from clerk_app.store.migrate import upgrade  # Alembic: only when a database is made

    temporary = path.with_name(f".{path.name}.creating-{secrets.token_hex(4)}")
    engine = create_engine(f"sqlite+pysqlite:///{temporary}")
    event.listen(engine, "connect", _set_pragmas)
    try:
        upgrade(engine, temporary, backup=False, on_connect=_set_pragmas)
        _give_identity(engine)
        with engine.connect() as connection:  # everything in the main file before the link
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process made it first: theirs is the database
        except OSError:
            # No hard links here (some network shares): a rename, which cannot tell us if
            # another process got there first, is the next best thing.
            if not path.exists():
                os.replace(temporary, path)
    finally:
        engine.dispose()
        for leftover in (temporary, *(Path(f"{temporary}{side}") for side in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)


def _open_read_only(path: Path, revision: str | None, identity: int) -> Database:
    if revision is None:
        raise DamagedDatabaseError(
            path, f"{path} is an SQLite file but not a Clerk database; it was left as it is"
        )
    if revision != HEAD:
        raise DatabaseError(
            path,
            f"{path} is from an earlier version of Clerk and must be upgraded before it can be "
            "read; open it in the window (or import into it) to upgrade it",
        )
    engine = _read_only_engine(path)
    event.listen(engine, "connect", _set_reading_pragmas)
    event.listen(engine, "connect", _query_only)
    database = Database(path, engine)
    database.read_only = True
    database.identity = identity
    return database


def _give_identity(engine: Engine) -> int:
    """Store a random id in the file (SQLite's user_version header field), once, for good.

    Recovery files record it, so that typing saved aside for one database is never applied to
    another put later at the same path.  The header field needs no schema change and travels
    with every copy and backup of the file.
    """
    identity = secrets.randbelow(2**31 - 1) + 1
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA user_version = {identity}")
    except OperationalError:
        return 0  # a file on read-only media: nothing can be saved, so nothing needs recovery
    return identity
