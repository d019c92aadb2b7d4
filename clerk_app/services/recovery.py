"""Recovery files: typing that could not reach the database, kept elsewhere until it can.

When a save fails (disk full, read-only folder), the window writes the unsaved points' text to
a small JSON file in the first of several folders that accepts it: the user's state folder,
the system's temporary folder (often a different disk, or memory), then beside the database.
When saving works again the file is removed; if Clerk dies first, the next start applies it,
but only to the same database: the file records the database's identity (a random id stored in
the database file), and a file recorded for another database is set aside, never applied.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from clerk_app.services import editing
from clerk_app.store.database import Database
from clerk_app.store.edits import StaleEditError
from clerk_app.store.errors import StorageUnavailable


@dataclass(frozen=True)
class PendingText:
    point_id: int
    text: str


@dataclass
class RecoveryReport:
    """What the start-up did with recovery files."""

    restored: int = 0  # points put back
    set_aside: list[Path] = field(default_factory=list)  # for another database: not applied
    waiting: str | None = None  # why the rest could not be written yet (the files are kept)
    kept: list[Path] = field(default_factory=list)  # files still waiting to be applied


def _candidate_folders(database: Path) -> list[Path]:
    from platformdirs import user_state_path

    return [
        user_state_path("Clerk", appauthor=False) / "recovery",
        Path(tempfile.gettempdir()) / "clerk-recovery",
        database.parent,
    ]


def _file_name(database: Path) -> str:
    # One file per database, named so two databases never share one.
    digest = hashlib.sha256(str(database.resolve()).encode()).hexdigest()[:16]
    return f"{database.stem}-{digest}.recovery.json"


def recovery_files(database: Path) -> list[Path]:
    name = _file_name(database)
    return [folder / name for folder in _candidate_folders(database) if (folder / name).exists()]


def keep(database: Path, pending: list[PendingText], *, identity: int = 0) -> Path | None:
    """Write ``pending`` to a recovery file; the path written, or None if nowhere would take it.

    ``identity``: the database's id (Database.identity); only that database will take it back.
    """
    document = {
        "database": str(database.resolve()),
        "identity": identity,
        "written_at": dt.datetime.now().isoformat(timespec="seconds"),
        "points": [{"point_id": p.point_id, "text": p.text} for p in pending],
    }
    data = json.dumps(document, ensure_ascii=False).encode("utf-8")
    for folder in _candidate_folders(database):
        target = folder / _file_name(database)
        partial = target.with_suffix(".partial")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with partial.open("wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, target)
        except OSError:
            with contextlib.suppress(OSError):  # the folder may not even exist
                partial.unlink()
            continue
        return target
    return None


def discard(database: Path) -> None:
    """Everything was saved: the recovery files have done their job."""
    for path in recovery_files(database):
        path.unlink(missing_ok=True)


def recover(db: Database) -> RecoveryReport:
    """Apply recovery files left by a window that could not save this database.

    A file is removed only once every point in it is back in the database (or gone from it:
    a point deleted since cannot be restored and is skipped).  A file recorded for another
    database (a different file put later at the same path) is renamed aside and reported.  If
    the database still cannot be written (the disk is still full), the file is kept for the
    next start and ``waiting`` says why.
    """
    report = RecoveryReport()
    for path in recovery_files(db.path):
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            identity = int(document.get("identity", 0))
            pending = [PendingText(int(p["point_id"]), str(p["text"])) for p in document["points"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue  # unreadable: leave it for a person to look at
        if identity != db.identity:
            report.set_aside.append(_set_aside(path))
            continue
        try:
            report.restored += _apply(db, pending)
        except StorageUnavailable as exc:
            report.waiting = str(exc)
            report.kept.append(path)
            continue
        path.unlink(missing_ok=True)
    return report


def _apply(db: Database, pending: list[PendingText]) -> int:
    restored = 0
    for item in pending:
        try:
            editing.set_point_text(db, point_id=item.point_id, text=item.text)
        except StaleEditError:
            continue
        restored += 1
    return restored


def _set_aside(path: Path) -> Path:
    """Rename a recovery file out of the way, so it is never applied, but kept to be read."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(path.name.removesuffix(".json") + f".other-database-{stamp}.json")
    try:
        os.replace(path, target)
    except OSError:
        return path  # cannot rename: it stays, and is refused again next time
    return target
