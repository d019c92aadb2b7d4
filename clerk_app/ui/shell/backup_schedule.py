"""Automatic backups while the window is open: one at start, then every few minutes.

Each backup copies the whole database, which for ten years of minutes takes a second or more,
so it runs on a thread of its own: the window appears and answers keys meanwhile.  SQLite's
backup API reads through its own connection, so the copy is consistent while the clerk types.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from clerk_app.services import safety
from clerk_app.services.database import DatabaseError
from clerk_app.services.safety import DEFAULT_KEEP_DAYS


class BackupSchedule(QObject):
    def __init__(
        self,
        database: Path,
        parent: QObject | None = None,
        *,
        keep_days: int = DEFAULT_KEEP_DAYS,
        prune: bool = True,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.keep_days = keep_days
        self.prune = prune  # False in a session that began from a new database
        self._thread: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(safety.PERIOD.total_seconds() * 1000))
        self.timer.timeout.connect(self.back_up)

    def start(self) -> None:
        """A backup now (unless a recent one exists), and the timer for the next ones."""
        self.back_up()
        self.timer.start()

    def back_up(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return  # the last one is still copying: never two at once
        self._thread = threading.Thread(target=self._copy, name="clerk-backup")
        self._thread.start()

    def _copy(self) -> None:
        try:
            safety.automatic_backup(self.database, keep_days=self.keep_days, prune=self.prune)
        except DatabaseError as exc:  # a full disk must not stop the clerk typing
            print(f"clerk-app: {exc}", file=sys.stderr)

    def wait(self) -> None:
        """Let a backup under way finish (at exit: a half-made backup would be thrown away)."""
        if self._thread is not None:
            self._thread.join()

    def stop(self) -> None:
        self.timer.stop()
        self.wait()
