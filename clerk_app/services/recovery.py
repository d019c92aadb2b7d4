"""Recovery files: typing that could not reach the database, kept elsewhere until it can.

When a save fails (disk full, read-only folder), the window writes the unsaved points' text to
a small JSON file in the first of several folders that accepts it: the user's state folder,
the system's temporary folder (often a different disk, or memory), then beside the database.
When saving works again the file is removed; if Clerk dies first, the next start applies it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from clerk_app.services import editing
from clerk_app.store.database import Database
from clerk_app.store.edits import StaleEditError


@dataclass(frozen=True)
class PendingText:
    point_id: int
    text: str


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


def keep(database: Path, pending: list[PendingText]) -> Path | None:
    """Write ``pending`` to a recovery file; the path written, or None if nowhere would take it."""
    document = {
        "database": str(database.resolve()),
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


def recover(db: Database) -> int:
    """Apply recovery files left by a window that could not save; returns points restored.

    A file is removed only once every point in it is back in the database (or gone from it:
    a point deleted since cannot be restored and is skipped).
    """
    restored = 0
    for path in recovery_files(db.path):
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            pending = [PendingText(int(p["point_id"]), str(p["text"])) for p in document["points"]]
        except (OSError, ValueError, KeyError, TypeError):
            continue  # unreadable: leave it for a person to look at
        for item in pending:
            try:
                editing.set_point_text(db, point_id=item.point_id, text=item.text)
            except StaleEditError:
                continue
            restored += 1
        path.unlink(missing_ok=True)
    return restored
