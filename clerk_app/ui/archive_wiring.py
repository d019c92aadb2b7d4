"""The archive's commands in the window: search, action tracker, next meeting, trash, approval,
amendments and history.

Kept out of ``main_window`` so that the window stays about layout: the window builds one
``ArchiveFlows`` and asks it for its commands' enabled states (``can``), for the undo stack an
approved meeting's edits must go through (``stack_for``) and to make a shown meeting read-only
when approved (``meeting_shown``).  Every change goes through a service; dialogs run through
``window.run_dialog`` so tests answer them without a modal loop.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from clerk_app.core.model import Meeting, Point, Status
from clerk_app.core.search_query import highlight_spans, parse_query
from clerk_app.core.wording import long_date
from clerk_app.services import archive, meetings, searching
from clerk_app.services.searching import SearchHit
from clerk_app.ui.actions import ActionRegistry, Cmd
from clerk_app.ui.approval_dialogs import AmendDialog, ConfirmDialog, DateDialog
from clerk_app.ui.capture_view import CaptureView
from clerk_app.ui.history_dialog import HistoryDialog
from clerk_app.ui.read_only import REFUSAL, GuardedStack, TypingGuard
from clerk_app.ui.search_dialog import LIMIT, SearchDialog
from clerk_app.ui.tracker_export import export_log
from clerk_app.ui.tracker_view import TrackerView
from clerk_app.ui.trash_dialog import TrashDialog

IN_USE = (
    "Another Clerk window has this database open for editing: this one is read-only. "
    "Close the other window, then reopen Clerk here to edit."
)

if TYPE_CHECKING:
    from clerk_app.ui.main_window import MainWindow

NEXT_MEETING_AFTER = dt.timedelta(days=28)  # a committee's usual cycle: a default to change


def find_point(meeting: Meeting, point_id: int) -> Point | None:
    return next((p for _item, p, _parent in meeting.all_points() if p.id == point_id), None)


def meeting_name(committee: str, date: dt.date) -> str:
    return f"{committee}, {long_date(date)}"


class ArchiveFlows:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.search_dialog: SearchDialog | None = None
        self.tracker: TrackerView | None = None

    def connect(self, registry: ActionRegistry) -> None:
        w = self.window
        registry.connect(Cmd.SEARCH, self.search)
        registry.connect(Cmd.TRACKER, self.show_tracker)
        registry.connect(Cmd.NEXT_MEETING, self.next_meeting)
        registry.connect(Cmd.DELETE_MEETING, self.delete_meeting)
        registry.connect(Cmd.TRASH, self.show_trash)
        registry.connect(Cmd.APPROVE, self.approve)
        registry.connect(Cmd.AMEND, self.amend)
        registry.connect(Cmd.HISTORY, self.history)
        w.meetings_page.delete_requested.connect(lambda _id: self.delete_meeting())
        w.meeting_list.currentItemChanged.connect(lambda *_: w.update_actions())

    # --- state the window asks about --------------------------------------------------------
    @property
    def locked(self) -> bool:
        """Whether the open meeting is read-only: approved (but for amendments), or the whole
        database is, because another window has it open for editing."""
        model = self.window.model
        approved = model is not None and model.meeting.status is Status.APPROVED
        return approved or self.window.db.read_only

    def can(self, need: str, view: CaptureView | None) -> bool:
        """The needs of the archive's commands (the window answers the others)."""
        w = self.window
        listed = w.pages.currentWidget() is w.meetings_page and w.meeting_list.selected_id()
        return {
            "draft": view is not None and not self.locked,
            "approved-point": view is not None and self.locked and view.active is not None,
            "listed": bool(listed),
            "source": view is not None or bool(listed),
        }[need]

    def stack_for(self, meeting: Meeting) -> QUndoStack:
        """The stack an open meeting's edits are pushed to: guarded when it is approved."""
        w = self.window
        if w.db.read_only:
            guard = GuardedStack(w.stack, parent=w.model, reason=IN_USE, actions_too=True)
            guard.refused.connect(w.say)
            return guard
        if meeting.status is not Status.APPROVED:
            return w.stack
        guard = GuardedStack(w.stack, parent=w.model)
        guard.refused.connect(w.say)
        return guard

    def meeting_shown(self, view: CaptureView) -> None:
        """Approved minutes: typing refused with a reason, no edit dialogs on double-click."""
        if not self.locked:
            return
        reason = IN_USE if self.window.db.read_only else REFUSAL
        TypingGuard(view.editor, reason).refused.connect(self.window.say)
        view.edit_requested.disconnect(self.window.flows.edit_row)
        view.edit_requested.connect(lambda *_: self.window.say(_LOCKED_DIALOGS))

    # --- opening a meeting where something is -----------------------------------------------
    def open_at(
        self,
        meeting_id: int,
        point_id: int | None,
        item_id: int | None = None,
        *,
        reuse: bool = False,
    ) -> Point | None:
        """Open a meeting with the caret in a point (or at the item); the point, if any.

        ``reuse``: if that meeting is the one open, go back to it as it is, undo history and
        all (a search); otherwise read it again from the file (the tracker may have changed
        its actions).
        """
        w = self.window
        open_one = w.model.meeting.id if w.model is not None else None
        if reuse and open_one == meeting_id and w.view is not None:
            w.pages.setCurrentWidget(w.view)
            w.dock.setEnabled(True)
            w.update_title()
        else:
            w.open_meeting(meeting_id)
        view, model = w.view, w.model
        assert view is not None and model is not None
        point = find_point(model.meeting, point_id) if point_id is not None else None
        item = next((i for i in model.meeting.items if i.id == item_id), None)
        if point is None and item is not None and item.points:
            point = item.points[0]
        if point is not None:
            view.focus_point(point, -1)
        elif item is not None:
            # An item without points (found by its title): show it, ready for Enter.
            view.current_item = item
            view.ensure_visible(next(r for r in view.rows if r.item is item))
            view.setFocus()
        w.update_actions()
        return point

    def open_hit(self, hit: SearchHit) -> None:
        self.window.activateWindow()  # back from the search dialog, keys to the minutes
        point = self.open_at(hit.meeting_id, hit.point_id, hit.item_id, reuse=True)
        view, dialog = self.window.view, self.search_dialog
        if point is None or view is None or dialog is None or hit.point_id is None:
            return
        spans = highlight_spans(point.text, parse_query(dialog.searched))
        if spans:
            view.focus_point(point, spans[0][0])  # the caret where the word was found

    # --- search -----------------------------------------------------------------------------
    def search(self) -> None:
        w = self.window
        if self.search_dialog is None:
            self.search_dialog = SearchDialog(
                lambda query, confidential: searching.search(
                    w.db, query, limit=LIMIT, include_exempt=confidential
                ),
                w.background,
                parent=w,
            )
            self.search_dialog.hit_chosen.connect(self.open_hit)
            # Escape: the keyboard returns to the minutes, whatever the window manager does.
            self.search_dialog.finished.connect(lambda _result: w.activateWindow())
        if w.model is not None:
            w.model.flush()  # what was typed a moment ago is found too
        self.search_dialog.present()

    # --- action tracker ---------------------------------------------------------------------
    def show_tracker(self) -> None:
        w = self.window
        if w.model is not None:
            w.model.flush()
        if self.tracker is None:
            self.tracker = TrackerView(w.db, w.background, lambda: w.now().date())
            self.tracker.open_requested.connect(lambda m, p: self.open_at(m, p))
            self.tracker.status_message.connect(w.say)
            self.tracker.export_requested.connect(self.export_actions)
            w.pages.addWidget(self.tracker)
        self.tracker.refresh()
        w.pages.setCurrentWidget(self.tracker)
        w.dock.setEnabled(False)
        w.update_title()
        w.setWindowTitle("Action tracker – Clerk")
        w.update_actions()
        self.tracker.table.setFocus()

    def export_actions(self, kind: str) -> None:
        w, tracker = self.window, self.tracker
        if tracker is None:
            return
        folder = Path(str(w.settings.value("export/folder", str(Path.home()))))
        written = export_log(
            w,
            w.db,
            kind,
            tracker.model.entries,
            open_only=bool(tracker.filters()["open_only"]),
            confidential=tracker.confidential.isChecked(),
            folder=folder,
            choose=w.choose_path,
        )
        if written is not None:
            w.settings.setValue("export/folder", str(written.parent))
            w.say(f"Exported {written}")

    # --- meetings over time -----------------------------------------------------------------
    def _source(self) -> int | None:
        """The meeting a command is about: the open one, or the one selected in the list."""
        w = self.window
        if w.pages.currentWidget() is w.view and w.model is not None:
            return w.model.meeting.id
        if w.pages.currentWidget() is w.meetings_page:
            return w.meeting_list.selected_id()
        return None

    def next_meeting(self) -> None:
        w = self.window
        source_id = self._source()
        if source_id is None:
            return
        if w.model is not None:
            w.model.flush()
        source = meetings.load_meeting(w.db, source_id)
        dialog = DateDialog(
            "New meeting from this one",
            f"A new draft of <b>{source.committee}</b> with its attendance and standing items; "
            "every open action becomes a point under <i>Matters arising</i>.",
            "Date of the next meeting:",
            source.date + NEXT_MEETING_AFTER,
            "Create meeting",
            w,
        )
        if not w.run_dialog(dialog):
            return
        meeting = archive.next_meeting(w.db, source_id, date=dialog.value())
        w.show_meeting(meeting)
        arising = [i for i in meeting.items if i.title == "Matters arising" and i.points]
        if arising and w.view is not None:
            w.view.focus_point(arising[0].points[0], -1)
        w.say(f"New meeting of {meeting.committee} on {long_date(meeting.date)}")

    def delete_meeting(self) -> None:
        w = self.window
        row = w.meeting_list.currentItem()
        meeting_id = w.meeting_list.selected_id()
        if row is None or meeting_id is None:
            return
        name = f"{row.text(1)}, {row.text(0)}"
        dialog = ConfirmDialog(
            "Delete meeting",
            f"Delete the minutes of <b>{name}</b>?<br>They go to the trash: "
            "File > Trash… puts them back.",
            "Delete meeting",
            w,
        )
        if not w.run_dialog(dialog):
            return
        archive.move_to_trash(w.db, meeting_id)
        w.meetings_page.reload(None)
        w.say(f"Moved {name} to the trash (File > Trash… restores it)")

    def show_trash(self) -> None:
        w = self.window
        dialog = TrashDialog(
            lambda: archive.trash(w.db), lambda meeting_id: archive.restore(w.db, meeting_id), w
        )
        w.run_dialog(dialog)
        if dialog.restored:
            w.show_meeting_list()
            w.meetings_page.reload(dialog.restored[-1])
            w.say("Restored from the trash")

    # --- approval, amendments, history ------------------------------------------------------
    def _reopen(self, point: Point | None) -> None:
        """Show the open meeting again as stored, the caret back in ``point``."""
        w = self.window
        assert w.model is not None and w.model.meeting.id is not None
        self.open_at(w.model.meeting.id, point.id if point is not None else None)

    def approve(self) -> None:
        w = self.window
        if w.model is None or w.model.meeting.id is None or self.locked:
            return
        w.model.flush()
        m = w.model.meeting
        dialog = DateDialog(
            "Approve minutes",
            f"Approve the minutes of <b>{meeting_name(m.committee, m.date)}</b> as a correct "
            "record. They become read-only: later changes are recorded as amendments.",
            "Approved at the meeting of:",
            w.now().date(),
            "Approve",
            w,
        )
        if not w.run_dialog(dialog):
            return
        archive.approve(w.db, m.id, approved_on=dialog.value())  # type: ignore[arg-type]  # checked above
        self._reopen(w.view.active if w.view is not None else None)
        w.say(f"Minutes approved at the meeting of {long_date(dialog.value())}; now read-only")

    def amend(self) -> None:
        w = self.window
        view = w.view
        if view is None or view.active is None or view.active.id is None or not self.locked:
            return
        point, point_id = view.active, view.active.id
        item = view.current_item
        where = f"{item.number} {item.title}".strip() if item is not None else ""
        where += f", {view.row_of(point).label}"
        dialog = AmendDialog(where, point.text, w.now().date(), w)
        if not w.run_dialog(dialog):
            return
        text = dialog.new_text()
        if text == point.text or not text:
            w.say("Nothing amended: the wording is unchanged")
            return
        archive.amend_point(w.db, point_id=point_id, text=text, agreed_on=dialog.agreed())
        self._reopen(point)
        w.say(f"Amendment recorded, agreed on {long_date(dialog.agreed())}")

    def history(self) -> None:
        w = self.window
        if w.model is None or w.model.meeting.id is None:
            return
        w.model.flush()
        m = w.model.meeting
        meeting_id = w.model.meeting.id
        dialog = HistoryDialog(
            meeting_name(m.committee, m.date),
            archive.revisions(w.db, meeting_id),
            archive.amendments(w.db, meeting_id),
            lambda revision_id: archive.compare_revisions(w.db, revision_id),
            w,
        )
        w.run_dialog(dialog)
        if w.view is not None and w.view.active is not None:
            w.view.editor.setFocus(Qt.FocusReason.OtherFocusReason)


_LOCKED_DIALOGS = (
    "These minutes are approved and read-only: Meeting > Record amendment… changes a point"
)
