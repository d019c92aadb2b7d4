"""The open meeting as the window holds it: the core ``Meeting``, autosave, and one channel
that tells every view what changed.

Every edit of the open meeting passes through here: undo commands hand it core change values
(``clerk_app.core.changes``), which the editing service checks, writes and applies in one
transaction; then ``changed`` announces the ``Changed`` value once, and each view refreshes what
it shows.  The core ``Meeting`` held here *is* the views' model.

Typing is the one fast path: a keystroke applies ``SetText`` in memory at once and the text is
written by a debounced timer (after ``IDLE_MS`` without a keystroke, and never later than
``MAX_WAIT_MS`` after the first unsaved one, so that a typist who never pauses is still saved
twice a second).  Structural edits, leaving a point and closing the window flush first, so the
database never sees a structure change ahead of the text typed before it.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer

from clerk_app.core.changes import Change, Changed, PointPlace, SetText, place_of, set_text
from clerk_app.core.model import Meeting, Point
from clerk_app.services import editing, recovery
from clerk_app.services.database import Database, StorageUnavailable
from clerk_app.ui.capture.channel import Channel

IDLE_MS = 250
MAX_WAIT_MS = 450


class EditNotSaved(Exception):
    """A structural edit could not be written (disk full...): it was not made at all."""


class MeetingModel(QObject):
    """The open meeting; ``apply`` is for undo commands (one change, one path), and for the
    one fact Clerk notes by itself, the time an item was taken (``item_clock``)."""

    def __init__(
        self,
        db: Database,
        meeting: Meeting,
        *,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.meeting = meeting
        self._now = now
        # What changed in the meeting: every view listens here, and only here.
        self.changed: Channel[Changed] = Channel()
        # The file's side of it: saved at (the title), or why not (the status bar).
        self.saved: Channel[dt.datetime] = Channel()
        self.save_failed: Channel[str] = Channel()
        # Where the caret belongs after an edit or its undo.
        self.focus: Channel[tuple[Point, int]] = Channel()
        self._dirty: dict[int, Point] = {}  # by id(point): ids change when undo re-inserts
        self.last_saved: dt.datetime | None = None
        # One timer, armed once per burst of typing; keystrokes only note the time.  Restarting
        # a QTimer on every key cost more than the rest of the model's share of a keystroke.
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._on_timer)
        self._timer_armed = False
        self._last_typed = 0.0
        self._first_unsaved: float | None = None
        self._recovery_written = False

    # --- lookup -------------------------------------------------------------------------
    def place_of(self, point: Point) -> PointPlace:
        return place_of(self.meeting, point)

    def flat_points(self) -> list[Point]:
        return [point for _item, point, _parent in self.meeting.all_points()]

    @property
    def has_unsaved(self) -> bool:
        return bool(self._dirty)

    # --- typing: applied at once, saved a moment later --------------------------------------
    def type_text(self, point: Point, text: str) -> None:
        if point.text == text:
            return
        changed = set_text(point, text)  # SetText, without its inverse: the undo has it
        self._dirty[id(point)] = point
        self.changed.emit(changed)
        self._last_typed = time.monotonic()
        if self._first_unsaved is None:
            self._first_unsaved = self._last_typed
        if not self._timer_armed:
            self._arm(IDLE_MS)

    def _arm(self, milliseconds: int) -> None:
        self._timer_armed = True
        self._timer.start(max(1, milliseconds))

    def _on_timer(self) -> None:
        """Save once typing has paused for IDLE_MS, or MAX_WAIT_MS after the first unsaved key."""
        self._timer_armed = False
        now = time.monotonic()
        idle_left = IDLE_MS - (now - self._last_typed) * 1000
        first = self._first_unsaved if self._first_unsaved is not None else now
        wait_left = MAX_WAIT_MS - (now - first) * 1000
        if idle_left > 0 and wait_left > 0:
            self._arm(int(min(idle_left, wait_left)) + 1)
        else:
            self.flush()

    def flush(self) -> None:
        """Write every point typed since the last save (each its own transaction)."""
        self._timer.stop()
        self._timer_armed = False
        self._first_unsaved = None
        if not self._dirty:
            return
        pending = list(self._dirty.values())
        self._dirty.clear()
        for index, point in enumerate(pending):
            if point.id is None:
                continue  # deleted since it was typed: nothing to write
            try:
                editing.set_point_text(self.db, point_id=point.id, text=point.text)
            except StorageUnavailable as exc:  # the environment's fault: keep it, retry
                for unsaved in pending[index:]:
                    self._dirty[id(unsaved)] = unsaved
                self._arm(MAX_WAIT_MS)  # try again soon
                kept = self._keep_for_recovery()
                where = f"; what you typed is kept in {kept}" if kept else ""
                self.save_failed.emit(f"Not saved: {exc}{where}")
                return
        if self._recovery_written:
            recovery.discard(self.db.path)
            self._recovery_written = False
        self._mark_saved()

    def _keep_for_recovery(self) -> str | None:
        """Write the unsaved text outside the database, in case Clerk dies before it is saved."""
        pending = [
            recovery.PendingText(p.id, p.text) for p in self._dirty.values() if p.id is not None
        ]
        kept = recovery.keep(self.db.path, pending, identity=self.db.identity)
        self._recovery_written = self._recovery_written or kept is not None
        return None if kept is None else str(kept)

    # --- every other edit: written, then applied, then announced -----------------------------
    def apply(self, changes: Sequence[Change]) -> list[Change]:
        """Make ``changes`` as one transaction; returns the changes that undo them.

        Raises ``EditNotSaved`` (after saying why) when the file cannot take them: then
        nothing changed, on screen or on disk.
        """
        self.flush()
        try:
            applied = editing.apply_changes(self.db, self.meeting, changes)
        except StorageUnavailable as exc:
            self.save_failed.emit(f"Not saved: {exc}")
            raise EditNotSaved(str(exc)) from exc
        for change in changes:
            if isinstance(change, SetText):
                self._dirty.pop(id(change.point), None)  # written just now, as it stands
        self.changed.emit(applied.changed)
        self._mark_saved()
        return applied.undo

    def _mark_saved(self) -> None:
        self.last_saved = self._now()
        self.saved.emit(self.last_saved)

    def request_focus(self, point: Point | None, position: int = -1) -> None:
        if point is not None:
            self.focus.emit((point, position))
