"""The status bar's quorum: present voting members against the body's rule, at the item
where the caret is; red, with a status message and no box in the way, the moment an edit
loses quorum, and back when it is regained.

Kept off the keystroke path: the counts are worked out again only when attendance, an
arrival or departure or the items change (a structural or header change), and moving the
caret only looks up the item's count.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from clerk_app.core.changes import Changed
from clerk_app.core.model import AgendaItem
from clerk_app.core.procedure.bodies import Body
from clerk_app.core.procedure.item_record import item_where
from clerk_app.core.procedure.live_quorum import (
    QuorumShift,
    new_shifts,
    quorum_shifts,
    quorum_states,
)
from clerk_app.core.procedure.presence import QuorumAt
from clerk_app.core.procedure.references import reference_of
from clerk_app.ui.capture.open_meeting import OpenMeeting

LOST_STYLE = "color: #b00020; font-weight: bold"


class QuorumIndicator(QLabel):
    def __init__(self, say: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QuorumIndicator")
        self.say = say
        self.open: OpenMeeting | None = None
        self.body: Body | None = None
        self.states: list[QuorumAt] = []
        self._by_item: dict[int, QuorumAt] = {}  # id(item) -> its count
        self.shifts: list[QuorumShift] = []
        self.lost = False

    def follow(self, open_meeting: OpenMeeting, body: Body | None) -> None:
        """Count for this meeting from now on (the window opened it)."""
        self.open, self.body = open_meeting, body
        open_meeting.model.changed.connect(self._on_changed)
        open_meeting.view.current_changed.connect(self.show_current)
        self._recount()
        self.show_current()

    def _on_changed(self, changed: Changed) -> None:
        if not (changed.structure or changed.header):
            return  # a keystroke: nothing a quorum depends on
        before = self.shifts
        self._recount()
        made = new_shifts(before, self.shifts)
        # A loss that is no longer there (she came back during the same item) is a regain.
        healed = [s for s in new_shifts(self.shifts, before) if s.lost]
        if made:
            # The loss first: it is what the chair must hear of.
            shift = next((s for s in made if s.lost), made[0])
            self.say(self.shift_message(shift))
        elif healed and id(healed[0].item) in self._by_item:
            item = healed[0].item
            state = self._by_item[id(item)]
            position = next(i for i, each in enumerate(self.open_items()) if each is item)
            self.say(self.shift_message(QuorumShift(item, position, False, state)))
        self.show_current()

    def _recount(self) -> None:
        assert self.open is not None
        meeting = self.open.meeting
        self.states = quorum_states(meeting, self.body)
        self._by_item = {id(i): s for i, s in zip(meeting.items, self.states, strict=True)}
        # Before the attendance is taken there is no quorum to lose.
        self.shifts = quorum_shifts(meeting, self.states) if meeting.attendees else []

    def open_items(self) -> list[AgendaItem]:
        return self.open.meeting.items if self.open is not None else []

    def shift_message(self, shift: QuorumShift) -> str:
        assert self.open is not None
        reference, _base = reference_of(self.open.meeting, shift.item)
        where = item_where(reference, shift.position)
        what = "lost" if shift.lost else "regained"
        state = shift.state
        return f"Quorum {what} at {where}: {state.present} present, {state.needed} needed"

    def _current(self) -> AgendaItem | None:
        if self.open is None:
            return None
        items = self.open.meeting.items
        current = self.open.view.current_item
        return current if current is not None else (items[0] if items else None)

    def show_current(self) -> None:
        item = self._current()
        state = self._by_item.get(id(item)) if item is not None else None
        if state is None:
            self.setText("")
            return
        counts = f"{state.present} present, {state.needed} needed"
        text = f"Quorum: {counts}" if state.quorate else f"Quorum lost: {counts}"
        if self.open is not None and not self.open.meeting.attendees:
            text, state = "Quorum: no attendance yet", QuorumAt(0, 0)  # nothing to warn of
        if text == self.text():
            return  # the caret moved within the same count: nothing to redraw
        self.lost = not state.quorate
        self.setText(text)
        self.setStyleSheet(LOST_STYLE if self.lost else "")
        self.setToolTip(
            "Voting members present at this item against the body's quorum"
            + (": the meeting cannot decide anything until quorum is regained" if self.lost else "")
        )
