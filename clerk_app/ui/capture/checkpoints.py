"""When the window checkpoints the database's log, and what it does if the log vanishes.

Off the keystroke path: this listens to the model's ``saved`` signal (at most one per
autosave, every quarter second of typing at the most), where a ``stat`` of the ``-wal`` file
checks that the log being written is still the one on disk.  A checkpoint runs when typing
has gone on for ``PERIOD_S`` since the last one, and ``IDLE_MS`` after the last save, so a
pause in the meeting leaves everything in the database file itself; closing truncates the
log.  A vanished log is repaired at once (services/journal.py) and the clerk told, once,
in the status bar: a dialog would take the keystrokes of someone typing without looking.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from clerk_app.services import journal
from clerk_app.services.database import Database
from clerk_app.ui.capture.meeting_model import MeetingModel

PERIOD_S = 5.0
IDLE_MS = 2000

VANISHED = (
    "Another program removed the database's journal file ({name}); Clerk saved the minutes "
    "again into the database itself. Nothing was lost."
)
VANISHED_PARTLY = (
    "Another program removed the database's journal file ({name}); Clerk saved the text on "
    "screen again, but check the last few new points and items are there."
)


class Checkpoints(QObject):
    def __init__(
        self, db: Database, tell: Callable[[str], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._tell = tell
        self._watch: journal.WalWatch | None = None
        self._model: MeetingModel | None = None
        self._last = time.monotonic()
        self._repairing = False
        self.repairs = 0
        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._idle.timeout.connect(self.checkpoint)

    def attach(self, model: MeetingModel) -> None:
        """Follow ``model``'s saves; connect before anything reports a save onwards."""
        if self.db.read_only:
            return  # a read-only window writes nothing, so it has no log of its own to keep
        if self._watch is None:
            self._watch = journal.watch(self.db)
        self._model = model
        model.saved.connect(self._on_saved)

    def _on_saved(self, _when: object) -> None:
        if self._watch is None or self._repairing:
            return
        if self._watch.vanished():
            self._repair()
        elif time.monotonic() - self._last >= PERIOD_S:
            self.checkpoint()
        else:
            self._idle.start()

    def checkpoint(self) -> None:
        self._idle.stop()
        if self._watch is None:
            return
        if self._watch.vanished():
            self._repair()
            return
        self._watch.checkpoint("PASSIVE")
        self._last = time.monotonic()

    def close(self) -> None:
        """At closing: everything into the database file and an empty log."""
        self._idle.stop()
        if self._watch is not None:
            if self._watch.vanished():
                self._repair()
            self._watch.checkpoint("TRUNCATE")
            self._watch.close()
            self._watch = None

    def suspend(self) -> None:
        """Before the window closes the database on purpose (a restore): its log goes away
        then, and must not be mistaken for one that vanished."""
        self.close()

    def resume(self) -> None:
        """After ``suspend``, when the database stays in use (the restore failed)."""
        if self._model is not None and not self.db.read_only:
            self._watch = journal.watch(self.db)

    def _repair(self) -> None:
        assert self._watch is not None
        model = self._model
        texts = [] if model is None else [(p.id, p.text) for p in model.flat_points() if p.id]
        self._repairing = True
        try:
            complete = journal.repair(self._watch, texts)
        finally:
            self._repairing = False
        self._last = time.monotonic()
        if self.repairs == 0:
            message = VANISHED if complete else VANISHED_PARTLY
            self._tell(message.format(name=self._watch.path.name))
        self.repairs += 1
