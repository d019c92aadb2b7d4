"""The open meeting as the window sees it: the core ``Meeting`` plus autosave, behind signals.

Every edit of the open meeting passes through here on its way to a service, and only undo
commands call the mutating methods (one change, one path).  The core ``Meeting`` held here *is*
the views' model: views read it and repaint when a signal says it changed.

Saving: a point's text is kept in memory as typed and written by a debounced timer (after
``IDLE_MS`` without a keystroke, and never later than ``MAX_WAIT_MS`` after the first unsaved
one, so that a typist who never pauses is still saved twice a second).  Structural edits, leaving
a point and closing the window flush first, so the database never sees a structure change
ahead of the text typed before it.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QObject, QTimer, Signal

from clerk_app.core.actions import parse_tag
from clerk_app.core.model import AgendaItem, Attendee, Decision, Meeting, Point
from clerk_app.services import editing, recovery
from clerk_app.store.database import Database
from clerk_app.store.errors import StorageUnavailable

IDLE_MS = 250
MAX_WAIT_MS = 450


class EditNotSaved(Exception):
    """A structural edit could not be written (disk full...): it was not made at all."""


@dataclass(frozen=True)
class PointPlace:
    """Where a point sits: its item, its parent (None for a lettered point) and its index."""

    item: AgendaItem
    parent: Point | None
    index: int

    @property
    def siblings(self) -> list[Point]:
        return self.item.points if self.parent is None else self.parent.children


@lru_cache(maxsize=4096)
def _tag_key(text: str) -> tuple[object, ...] | None:
    tag = parse_tag(text)
    return None if tag is None else (tag.owners, tag.due)


class MeetingModel(QObject):
    """The open meeting; mutating methods are for undo commands only."""

    structure_changed = Signal()  # rows to rebuild: letters follow
    actions_changed = Signal()
    header_changed = Signal()
    saved = Signal(object)  # dt.datetime of the last successful write
    save_failed = Signal(str)
    focus_requested = Signal(object, int)  # Point, caret position

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
        # Told of every point whose text changed (the capture view, the actions panel...).
        # Plain callbacks rather than a Qt signal: this runs on every keystroke, and a PySide
        # signal emission costs about 25 µs of the keystroke's budget.
        self.text_listeners: list[Callable[[Point], None]] = []

    # --- lookup -------------------------------------------------------------------------
    def place_of(self, point: Point) -> PointPlace:
        for item in self.meeting.items:
            for index, top in enumerate(item.points):
                if top is point:
                    return PointPlace(item, None, index)
                for child_index, child in enumerate(top.children):
                    if child is point:
                        return PointPlace(item, top, child_index)
        raise LookupError("the point is not in this meeting")

    def flat_points(self) -> list[Point]:
        return [point for _item, point, _parent in self.meeting.all_points()]

    @property
    def has_unsaved(self) -> bool:
        return bool(self._dirty)

    # --- text: debounced ------------------------------------------------------------------
    def set_point_text(self, point: Point, text: str, *, save_now: bool = False) -> None:
        if point.text == text and not save_now:
            return
        before = _tag_key(point.text)
        point.text = text
        self._dirty[id(point)] = point
        self._text_changed(point)
        if _tag_key(text) != before:
            self.actions_changed.emit()
        if save_now:
            self.flush()
            return
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

    def _text_changed(self, point: Point) -> None:
        for listener in self.text_listeners:
            listener(point)

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

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Around a structural write: if it cannot be saved, say so and make nothing change."""
        try:
            yield
        except StorageUnavailable as exc:
            self.save_failed.emit(f"Not saved: {exc}")
            raise EditNotSaved(str(exc)) from exc

    def _mark_saved(self) -> None:
        self.last_saved = self._now()
        self.saved.emit(self.last_saved)

    def request_focus(self, point: Point | None, position: int = -1) -> None:
        if point is not None:
            self.focus_requested.emit(point, position)

    # --- points: immediate ----------------------------------------------------------------
    def insert_point(self, place: PointPlace, point: Point) -> None:
        self.flush()
        assert place.item.id is not None
        with self._writing():
            editing.add_point(
                self.db,
                item_id=place.item.id,
                index=place.index,
                point=point,
                parent_id=None if place.parent is None else place.parent.id,
            )
        place.siblings.insert(place.index, point)
        self._structure_saved()

    def delete_point(self, point: Point) -> PointPlace:
        self.flush()
        place = self.place_of(point)
        assert point.id is not None
        with self._writing():
            editing.delete_point(self.db, point_id=point.id)
        del place.siblings[place.index]
        # The object may come back by undo and get new ids; mark the old ones gone meanwhile.
        point.id = None
        for child in point.children:
            child.id = None
        self._structure_saved()
        return place

    def move_point(self, point: Point, parent: Point | None, index: int) -> None:
        """Move within its item: reorder, indent (new parent) or outdent (parent None)."""
        self.flush()
        old = self.place_of(point)
        assert point.id is not None
        with self._writing():
            editing.move_point(
                self.db,
                point_id=point.id,
                parent_id=None if parent is None else parent.id,
                index=index,
            )
        del old.siblings[old.index]
        new_siblings = old.item.points if parent is None else parent.children
        new_siblings.insert(min(index, len(new_siblings)), point)
        self._structure_saved()

    def set_action_done(self, point: Point, done: bool, on: dt.date | None) -> None:
        self.flush()
        assert point.id is not None
        with self._writing():
            editing.mark_action(self.db, point_id=point.id, done=done, on=on)
        point.action_done = done
        point.action_done_on = (on or dt.date.today()) if done else None
        self._text_changed(point)  # the chip turns green
        self.actions_changed.emit()
        self._mark_saved()

    # --- items ----------------------------------------------------------------------------
    def insert_item(self, index: int, item: AgendaItem) -> None:
        self.flush()
        assert self.meeting.id is not None
        with self._writing():
            editing.add_item(self.db, meeting_id=self.meeting.id, index=index, item=item)
        self.meeting.items.insert(index, item)
        self._structure_saved()

    def delete_item(self, item: AgendaItem) -> int:
        self.flush()
        index = self.meeting.items.index(item)
        assert item.id is not None
        with self._writing():
            editing.delete_item(self.db, item_id=item.id)
        del self.meeting.items[index]
        self._structure_saved()
        return index

    def move_item(self, item: AgendaItem, index: int) -> None:
        self.flush()
        assert item.id is not None
        with self._writing():
            editing.move_item(self.db, item_id=item.id, index=index)
        self.meeting.items.remove(item)
        self.meeting.items.insert(index, item)
        self._structure_saved()

    def update_item(self, item: AgendaItem, fields: dict[str, object]) -> None:
        """Set the item's own fields (number, title, pages, intro, exempt, exempt_paragraph)."""
        self.flush()
        assert item.id is not None
        with self._writing():
            editing.update_item(self.db, item_id=item.id, **fields)  # type: ignore[arg-type]  # keys are checked by the service
        for name, value in fields.items():
            setattr(item, name, value)
        self._structure_saved()

    def set_decisions(self, item: AgendaItem, decisions: list[Decision]) -> None:
        self.flush()
        assert item.id is not None
        with self._writing():
            editing.set_decisions(self.db, item_id=item.id, decisions=decisions)
        item.decisions = decisions
        self._structure_saved()

    def set_documents(self, item: AgendaItem, documents: list[str]) -> None:
        self.flush()
        assert item.id is not None
        with self._writing():
            editing.set_documents(self.db, item_id=item.id, documents=documents)
        item.documents = list(documents)
        self._structure_saved()

    # --- meeting --------------------------------------------------------------------------
    def set_attendees(self, attendees: list[Attendee]) -> None:
        self.flush()
        assert self.meeting.id is not None
        kept = [a for a in attendees if a.name.strip()]
        with self._writing():
            editing.set_attendees(self.db, meeting_id=self.meeting.id, attendees=kept)
        self.meeting.attendees = kept
        self.header_changed.emit()
        self._mark_saved()

    def update_header(self, fields: dict[str, object]) -> None:
        """Council, committee, date, times, venue, status or label style."""
        self.flush()
        before = {name: getattr(self.meeting, name) for name in fields}
        for name, value in fields.items():
            setattr(self.meeting, name, value)
        try:
            with self._writing():
                editing.update_meeting(self.db, meeting=self.meeting)
        except EditNotSaved:
            for name, value in before.items():
                setattr(self.meeting, name, value)
            raise
        self.header_changed.emit()
        self.structure_changed.emit()  # the label style re-letters every point
        self._mark_saved()

    def _structure_saved(self) -> None:
        self.structure_changed.emit()
        self.actions_changed.emit()
        self._mark_saved()
