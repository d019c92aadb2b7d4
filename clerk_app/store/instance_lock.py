"""One writing window per database: a lock file that says who holds it.

The window takes ``<database>.lock`` with an exclusive OS lock (``fcntl.flock``/``msvcrt``)
and writes who it is into it.  The OS drops the lock when the process dies, even by SIGKILL
or a power cut, so a stale lock can never keep the clerk out.  A second window finds the lock
held, reads the holder's machine and user from the file, and opens the database read-only.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO


@dataclass(frozen=True)
class Holder:
    host: str
    user: str
    pid: int
    since: str

    def describe(self) -> str:
        return f"{self.user} on {self.host} (process {self.pid}, since {self.since})"


class DatabaseInUse(Exception):
    def __init__(self, path: Path, holder: Holder | None) -> None:
        who = holder.describe() if holder else "another Clerk window"
        super().__init__(f"{path} is already open for editing by {who}")
        self.holder = holder


def _try_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _read_holder(path: Path) -> Holder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Holder(str(data["host"]), str(data["user"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class InstanceLock:
    """Held for as long as a window edits the database; ``release()`` or process exit frees it."""

    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + ".lock")
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock, or raise DatabaseInUse naming who holds it."""
        handle = self.path.open("a+", encoding="utf-8")
        if not _try_lock(handle):
            handle.close()
            raise DatabaseInUse(self.path.with_suffix(""), _read_holder(self.path))
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no name for this uid (containers)
            user = f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown user"
        holder = {
            "host": socket.gethostname(),
            "user": user,
            "pid": os.getpid(),
            "since": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        }
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(holder))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        # The file stays: deleting it could race with a window that just opened it.  A free
        # lock with an old name inside means nothing; only the OS lock counts.
        if self._handle is not None:
            self._handle.close()  # closing drops the OS lock
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None
