"""The hidden ``.part`` files an export writes before renaming: naming, locking, sweeping.

An export killed outright (SIGKILL, a power cut) cannot remove its part file, so each export
first sweeps its target folder of part files *we* left: named by our pattern, older than
``STALE_AFTER``, and not locked.  A running export holds an OS lock on its part file
(``flock`` on POSIX; on Windows an open file cannot be deleted anyway), so a slow export in
another process is never swept from under it.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import sys
import time
from pathlib import Path

# Long enough that no export still running is mistaken for a dead one, even a large PDF.
STALE_AFTER = 10 * 60.0
_PATTERN = re.compile(r"^\..{0,240}\.[0-9a-f]{8}\.part$", re.DOTALL)


def part_name(target: Path) -> Path:
    """A fresh hidden name beside ``target``; the pattern is what ``sweep`` recognises."""
    return target.with_name(f".{target.stem[:60]}.{secrets.token_hex(4)}.part")


def lock(descriptor: int) -> None:
    """Mark the part file as in use for as long as ``descriptor`` is open."""
    if sys.platform == "win32":
        return
    import fcntl

    with contextlib.suppress(OSError):  # a file system without locks: age alone decides
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlocked(path: Path) -> bool:
    if sys.platform == "win32":
        return True  # deleting a file another process has open fails, and is skipped
    import fcntl

    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    finally:
        os.close(descriptor)  # closing drops the lock just taken
    return True


def sweep(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove our stale part files from ``folder``; returns those removed.  Never raises."""
    moment = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _PATTERN.match(entry.name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if moment - entry.stat(follow_symlinks=False).st_mtime < STALE_AFTER:
                continue
            path = Path(entry.path)
            if _unlocked(path):
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # gone already, or not ours to remove: leave it
    return removed
