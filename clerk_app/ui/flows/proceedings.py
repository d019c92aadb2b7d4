"""Proceedings in the capture window: members arriving and leaving, the quorum, the item
times, the meeting's close, and the press and public excluded and readmitted.

Each command works at the item the caret is in, asks what it must in a dialog run through
``shell.run_dialog`` (so tests can answer it), and pushes one undo command through the
meeting's intents; the core words and plans every change.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QStatusBar

from clerk_app.core.changes import Change, UpdateItem
from clerk_app.core.model import AgendaItem
from clerk_app.core.procedure.bodies import Body
from clerk_app.core.procedure.exclusion import cited_paragraphs, parish_reason
from clerk_app.core.procedure.exclusion_changes import exclusion_changes
from clerk_app.core.procedure.exclusion_edits import (
    excluded_paragraphs,
    exclusion_edit_changes,
    exclusion_removal_changes,
    exempted_by,
    paired_readmission,
)
from clerk_app.core.procedure.item_record import item_where
from clerk_app.core.procedure.live_quorum import in_room_after, member_names
from clerk_app.core.procedure.movements import Movement
from clerk_app.core.procedure.readmission import excluded_before, readmit_changes
from clerk_app.core.procedure.readmission_edits import (
    exempt_again,
    readmission_ends,
    readmission_move_changes,
    readmission_places,
    readmission_removal_changes,
)
from clerk_app.core.procedure.references import reference_of
from clerk_app.core.wording import clock_time, join_and
from clerk_app.services import bodies
from clerk_app.ui.capture.item_clock import ItemClock
from clerk_app.ui.capture.open_meeting import OpenMeeting
from clerk_app.ui.capture.quorum_indicator import QuorumIndicator
from clerk_app.ui.capture.rows import Row
from clerk_app.ui.dialogs.approval_dialogs import ConfirmDialog
from clerk_app.ui.dialogs.exclusion_dialog import ExclusionDialog
from clerk_app.ui.dialogs.movement_dialog import MovementDialog
from clerk_app.ui.dialogs.readmission_dialog import ReadmissionDialog
from clerk_app.ui.shell.port import Shell


class ProceedingsFlow:
    def __init__(self, shell: Shell, status_bar: QStatusBar) -> None:
        self.shell = shell
        self.indicator = QuorumIndicator(shell.say)
        status_bar.addPermanentWidget(self.indicator)
        self.body: Body | None = None
        self.clock: ItemClock | None = None

    def attach(self, shown: OpenMeeting) -> None:
        """A meeting is open: its body's rule for the quorum, and its clock for item times."""
        try:
            self.body = bodies.get_body(self.shell.db, shown.meeting.committee)
        except bodies.UnknownBodyError:
            self.body = None  # counted against the attendance, under the default rule
        self.indicator.follow(shown, self.body)
        # Parented to the meeting's model: it goes when the meeting is closed.
        self.clock = ItemClock(shown, lambda: self.shell.now(), shown.model)

    def _at_item(self) -> tuple[OpenMeeting, AgendaItem] | None:
        current = self.shell.current
        if current is None or current.locked:
            if current is not None:
                self.shell.say(current.locked_because or "")
            return None
        item = current.view.current_item
        if item is None:
            self.shell.say("Put the caret in an agenda item first")
            return None
        return current, item

    def _where(self, open_: OpenMeeting, item: AgendaItem) -> str:
        reference, _base = reference_of(open_.meeting, item)
        position = next(i for i, each in enumerate(open_.meeting.items) if each is item)
        return item_where(reference, position)

    # --- arrivals and departures ----------------------------------------------------------
    def member_moves(self, item: AgendaItem | None = None, chosen: Movement | None = None) -> None:
        """Ctrl+Shift+J: a member arrives or leaves during the item (or one is changed)."""
        at = self._at_item()
        if at is None:
            return
        open_, item = at[0], item or at[1]
        meeting = open_.meeting
        dialog = MovementDialog(
            names=member_names(meeting, self.body),
            in_room=in_room_after(meeting, item),
            recorded=item.movements,
            where=self._where(open_, item),
            now=self.shell.now().time().replace(second=0, microsecond=0),
            chosen=chosen,
            parent=self.shell.widget,
        )
        if self.shell.run_dialog(dialog):
            movements = dialog.movements()
            more = len(movements) > len(item.movements)
            label = "Arrival or departure" if more else "Edit arrivals and departures"
            open_.intents.set_movements(item, movements, label)
        self.shell.refocus()

    # What the records flow routes an arrival's or departure's row, or the exclusion's, to:
    # Enter or a double-click on it, Delete on it, or its entry in Ctrl+Shift+R's list.
    def edit_movement(self, row: Row) -> None:
        """The arrivals and departures dialog, with this one chosen."""
        if row.item is not None and row.movement is not None:
            self.member_moves(row.item, row.movement)

    def remove_movement(self, row: Row) -> None:
        """Asked first, one undo step."""
        current = self.shell.current
        item = row.item
        if row.movement is None or item is None or current is None or current.locked:
            return
        message = f"Remove this?<br><br>{html.escape(row.text)}<br><br>Ctrl+Z brings it back."
        title = "Remove arrival or departure"
        if self.shell.run_dialog(ConfirmDialog(title, message, "Remove", self.shell.widget)):
            kept = [m for m in item.movements if m is not row.movement]
            current.intents.set_movements(item, kept, title)
        self.shell.refocus()

    # --- the meeting's close --------------------------------------------------------------
    def close_meeting(self) -> None:
        """Ctrl+Shift+X: "The meeting ended at 8.45 pm", now; changed in Meeting details."""
        current = self.shell.current
        if current is None or current.locked:
            return
        moment = self.shell.now()
        if moment.date() != current.meeting.date:
            self.shell.say("This meeting is not today's: set its close in Meeting details")
            return
        at = moment.time().replace(second=0, microsecond=0)
        current.intents.edit_header({"end_time": at})
        self.shell.say(
            f"The meeting ended at {clock_time(at)} (Meeting details, Ctrl+Shift+M, changes it)"
        )
        self.shell.refocus()

    # --- the press and public -------------------------------------------------------------
    def exclude_public(self) -> None:
        """The resolution at this item; every later item exempt until readmission."""
        at = self._at_item()
        if at is None:
            return
        open_, item = at
        body = self.body or Body(name=open_.meeting.committee)
        dialog = ExclusionDialog(body, self._where(open_, item), parent=self.shell.widget)
        if self.shell.run_dialog(dialog):
            paragraphs, reason = dialog.paragraph_list(), dialog.reason()
            changes = exclusion_changes(open_.meeting, item, body, paragraphs, reason)
            open_.intents.record_proceedings("Exclude press and public", changes)
            self.shell.say(f"Press and public excluded; {len(changes) - 1} item(s) now exempt")
        self.shell.refocus()

    def edit_exclusion(self, row: Row) -> None:
        """The exclusion's RESOLVED row: its dialog, with the paragraphs as passed; a change
        rewords it and re-cites the items it made exempt."""
        current, item = self.shell.current, row.item
        if current is None or current.locked or item is None or not item.exclusion.strip():
            return
        meeting = current.meeting
        body = self.body or Body(name=meeting.committee)
        dialog = ExclusionDialog(
            body,
            self._where(current, item),
            parent=self.shell.widget,
            paragraphs=excluded_paragraphs(meeting, item),
            recorded=item.exclusion,
            reason=parish_reason(item.exclusion),
        )
        if self.shell.run_dialog(dialog):
            paragraphs, reason = dialog.paragraph_list(), dialog.reason()
            changes = exclusion_edit_changes(meeting, item, body, paragraphs, reason)
            current.intents.record_proceedings("Edit exclusion of press and public", changes)
            self.shell.say(
                "Exclusion changed; the items it made exempt follow" if changes else "No change"
            )
        self.shell.refocus()

    def remove_exclusion(self, row: Row) -> None:
        """The exclusion's row: asked first, naming the items that become public and the
        readmission that goes with it; one undo step."""
        current, item = self.shell.current, row.item
        if current is None or current.locked or item is None or not item.exclusion.strip():
            return
        meeting = current.meeting
        public = [self._where(current, each) for each in exempted_by(meeting, item)]
        readmitted = paired_readmission(meeting, item)
        message = f"Remove this?<br><br>RESOLVED: {html.escape(item.exclusion.strip())}"
        if public:
            message += f"<br><br>No longer exempt: {html.escape(', '.join(public))}."
        if readmitted is not None:
            where = self._where(current, readmitted)
            message += f"<br>The readmission of the press and public at {where} goes too."
        message += "<br><br>Ctrl+Z brings it back."
        title = "Remove exclusion of press and public"
        if self.shell.run_dialog(ConfirmDialog(title, message, "Remove", self.shell.widget)):
            current.intents.record_proceedings(title, exclusion_removal_changes(meeting, item))
            self.shell.say(f"Exclusion removed; {len(public)} item(s) no longer exempt")
        self.shell.refocus()

    def readmit_public(self) -> None:
        """The press and public come back in before this item; the exemption ends here."""
        at = self._at_item()
        if at is None:
            return
        open_, item = at
        if item.readmitted:
            self.shell.say("The press and public were already readmitted at this item")
        elif not excluded_before(open_.meeting, item):
            self.shell.say("The press and public were not excluded before this item")
        else:
            changes = readmit_changes(open_.meeting, item)
            open_.intents.record_proceedings("Readmit press and public", changes)
            self.shell.say("Press and public readmitted; this item is public again")
        self.shell.refocus()

    def _cited(self, open_: OpenMeeting, readmitted: AgendaItem) -> str:
        """ "paragraph 3": how the exclusion the readmission at ``readmitted`` ended cites its
        paragraphs ("" for none, as a parish council's)."""
        excluded = readmission_ends(open_.meeting, readmitted)
        if excluded is None:
            return ""
        return cited_paragraphs(excluded_paragraphs(open_.meeting, excluded))

    def remove_readmission(self, row: Row) -> None:
        """The readmission's row: asked first, naming the items that become exempt again
        (without it the press and public were still out); one undo step."""
        current, item = self.shell.current, row.item
        if current is None or current.locked or item is None or not item.readmitted:
            return
        where = self._where(current, item)
        again = [self._where(current, each) for each in exempt_again(current.meeting, item)]
        message = f"Remove the readmission of the press and public at {html.escape(where)}?"
        if again:
            cited = self._cited(current, item)
            under = f" under {cited}" if cited else ""
            verb = "becomes" if len(again) == 1 else "become"
            message += (
                "<br><br>Without it the press and public were still out: "
                f"{html.escape(join_and(again))} {verb} exempt again{under}."
            )
        message += "<br><br>Ctrl+Z brings it back."
        title = "Remove readmission of press and public"
        if self.shell.run_dialog(ConfirmDialog(title, message, "Remove", self.shell.widget)):
            changes = readmission_removal_changes(current.meeting, item)
            current.intents.record_proceedings(title, changes)
            self.shell.say(f"Readmission removed; {len(again)} item(s) exempt again")
        self.shell.refocus()

    def _move_effect(self, open_: OpenMeeting, changes: list[Change]) -> str:
        """What a move of the readmission does to the items, said before it is made."""
        exempt: list[str] = []
        public: list[str] = []
        for change in changes:
            if isinstance(change, UpdateItem) and "exempt" in change.fields:
                side = exempt if change.fields["exempt"] else public
                side.append(self._where(open_, change.item))
        said = [
            f"{join_and(names)} {'becomes' if len(names) == 1 else 'become'} {what}"
            for names, what in ((exempt, "exempt"), (public, "public"))
            if names
        ]
        return ("Moving it here: " + "; ".join(said) + ".") if said else "No item changes."

    def move_readmission(self, row: Row) -> None:
        """The readmission's row: "Readmitted before which item?" among those the exclusion
        it ended reaches; the exempt run follows, one undo step."""
        current, item = self.shell.current, row.item
        if current is None or current.locked or item is None or not item.readmitted:
            return
        meeting = current.meeting
        places = readmission_places(meeting, item)
        if len(places) < 2:
            self.shell.say(
                "No other item to move the readmission to; Delete removes it, Ctrl+Shift+B "
                "readmits at another item"
            )
            self.shell.refocus()
            return
        names = [f"{self._where(current, each)}: {each.title}" for each in places]
        here = next(i for i, each in enumerate(places) if each is item)

        def effect(index: int) -> str:
            changes = readmission_move_changes(meeting, item, places[index])
            return self._move_effect(current, changes)

        cited = self._cited(current, item)
        dialog = ReadmissionDialog(names, here, cited, effect, self.shell.widget)
        if self.shell.run_dialog(dialog):
            to = places[dialog.chosen()]
            changes = readmission_move_changes(meeting, item, to)
            current.intents.record_proceedings("Move readmission of press and public", changes)
            self.shell.say(
                f"Press and public readmitted before {self._where(current, to)}; "
                "the exempt items follow"
                if changes
                else "No change"
            )
        self.shell.refocus()
