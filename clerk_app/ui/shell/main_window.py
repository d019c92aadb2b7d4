"""The main window: the meeting list, one open meeting or the tracker; the actions panel, menus.

It is the shell the flows talk to (``port.Shell``): it lays out pages, says things in the
status bar, runs dialogs and shows meetings.  It owns no meeting logic: commands come from
the registry (``command_registry.py``) and go to a flow named for what it does (editing,
meetings, search, tracker, approval, export, backup), and edits go through the open meeting's
intents to undo commands.  Everything it needs (database, undo stack, settings, clock) is
passed in by ``app.py``; tests pass their own, including ``run_dialog`` to answer dialogs
without a modal loop.  Its frame (pages, docks, title, the state kept between runs) is
``window_frame.py``; here, the commands, the flows they go to, and the pages they show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QToolBar, QWidget

from clerk_app.core.model import Meeting, Point
from clerk_app.services import meetings
from clerk_app.services.database import Database
from clerk_app.ui.capture.capture_view import CaptureView
from clerk_app.ui.capture.open_meeting import LOCKED_DIALOGS, OpenMeeting, open_meeting
from clerk_app.ui.flows.approval import ApprovalFlow
from clerk_app.ui.flows.backup import BackupFlow
from clerk_app.ui.flows.editing import EditingFlow
from clerk_app.ui.flows.export import ExportFlow, ask_save_path
from clerk_app.ui.flows.importing import ImportFlow, ask_open_path
from clerk_app.ui.flows.meetings import MeetingsFlow
from clerk_app.ui.flows.navigation import NavigationFlow
from clerk_app.ui.flows.procedure import ProcedureFlow
from clerk_app.ui.flows.proceedings import ProceedingsFlow
from clerk_app.ui.flows.records import RecordsFlow
from clerk_app.ui.flows.search import SearchFlow
from clerk_app.ui.flows.tracker import TrackerFlow
from clerk_app.ui.shell.about import show_about
from clerk_app.ui.shell.command_registry import ActionRegistry, Cmd
from clerk_app.ui.shell.keyboard_help import KeyboardDialog
from clerk_app.ui.shell.port import PathChooser
from clerk_app.ui.shell.window_frame import WindowFrame

DialogRunner = Callable[[QDialog], bool]


def run_modal(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class MainWindow(WindowFrame):
    def __init__(
        self,
        *,
        db: Database,
        stack: QUndoStack,
        settings: QSettings,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        run_dialog: DialogRunner = run_modal,
        choose_path: PathChooser = ask_save_path,
        choose_open_path: PathChooser = ask_open_path,
        list_in_background: bool = False,
    ) -> None:
        """``list_in_background``: paint first, list the archive's meetings when read (the
        application's start-up; see meetings_page)."""
        super().__init__(
            db=db,
            stack=stack,
            settings=settings,
            now=now,
            run_dialog=run_dialog,
            choose_path=choose_path,
            choose_open_path=choose_open_path,
        )
        self.editing = EditingFlow(self)
        self.meetings = MeetingsFlow(self)
        self.search = SearchFlow(self)
        self.exports = ExportFlow(self)
        self.importing = ImportFlow(self)
        self.tracker = TrackerFlow(self, self.exports)
        self.approval = ApprovalFlow(self)
        self.backups = BackupFlow(self)
        self.navigation = NavigationFlow(self)
        self.proceedings = ProceedingsFlow(self, self.statusBar())  # and the quorum indicator
        self.procedure = ProcedureFlow(self)
        self.records = RecordsFlow(self, self.procedure, self.proceedings)  # every record row
        self.registry = ActionRegistry(self)
        self.registry.build_menus(self.menuBar())
        toolbar = QToolBar("Main toolbar")
        toolbar.setObjectName("MainToolbar")
        self.registry.build_toolbar(toolbar)
        self.addToolBar(toolbar)
        self._connect_commands()
        stack.indexChanged.connect(self._update_undo_actions)
        self.resizeDocks([self.dock], [380], Qt.Orientation.Horizontal)
        self._restore_settings()
        self.show_meeting_list(in_background=list_in_background)

    # --- wiring ---------------------------------------------------------------------------
    def _connect_commands(self) -> None:
        r = self.registry
        r.connect(Cmd.NEW_MEETING, self.meetings.new_meeting)
        self.meetings_page.first_run.new_requested.connect(self.meetings.new_meeting)
        r.connect(Cmd.MEETINGS, self.show_meeting_list)
        r.connect(Cmd.IMPORT_MINUTES, self.importing.import_minutes)
        r.connect(Cmd.NEW_FROM_AGENDA, self.importing.new_from_agenda)
        r.connect(Cmd.EXPORT_WORD, lambda: self.exports.export_minutes("docx"))
        r.connect(Cmd.EXPORT_PDF, lambda: self.exports.export_minutes("pdf"))
        r.connect(Cmd.EXPORT_HTML, lambda: self.exports.export_minutes("html"))
        r.connect(Cmd.CLERK_NAME, self.exports.ask_clerk_name)
        r.connect(Cmd.QUIT, self.close)
        r.connect(Cmd.UNDO, self.stack.undo)
        r.connect(Cmd.REDO, self.stack.redo)
        r.connect(Cmd.NEW_POINT, lambda: self._on_view(CaptureView.new_point))
        r.connect(Cmd.INDENT, lambda: self._on_view(CaptureView.indent))
        r.connect(Cmd.OUTDENT, lambda: self._on_view(CaptureView.outdent))
        r.connect(Cmd.MOVE_UP, lambda: self._on_view(lambda v: v.move_point(-1)))
        r.connect(Cmd.MOVE_DOWN, lambda: self._on_view(lambda v: v.move_point(1)))
        r.connect(Cmd.DELETE_POINT, lambda: self._on_view(CaptureView.delete_point))
        r.connect(Cmd.TAG_ACTION, self.editing.tag_action)
        r.connect(Cmd.ACTION_DONE, self.toggle_done)
        r.connect(Cmd.NEW_ITEM, self.editing.new_item)
        r.connect(Cmd.EDIT_ITEM, self.editing.edit_item)
        r.connect(Cmd.RESOLVED, self.editing.add_decision)
        r.connect(Cmd.ITEM_UP, lambda: self._move_item(-1))
        r.connect(Cmd.ITEM_DOWN, lambda: self._move_item(1))
        r.connect(Cmd.DELETE_ITEM, self._delete_item)
        r.connect(Cmd.MEETING_DETAILS, self.editing.edit_header)
        r.connect(Cmd.ATTENDANCE, self.editing.edit_attendance)
        r.connect(Cmd.ABOUT, lambda: show_about(self))
        r.connect(Cmd.KEYS, self._show_keys)
        r.connect(Cmd.GO_TO_ITEM, self.navigation.go_to_item)
        r.connect(Cmd.JOIN_ABOVE, lambda: self._on_view(lambda v: v.merge(-1)))
        r.connect(Cmd.JOIN_BELOW, lambda: self._on_view(lambda v: v.merge(1)))
        jumps = (Cmd.FIRST_POINT, Cmd.LAST_POINT, Cmd.PREVIOUS_ITEM, Cmd.NEXT_ITEM)
        for cmd in (*jumps, Cmd.PAGE_UP, Cmd.PAGE_DOWN):  # the same names as the editor's keys
            r.connect(cmd, self._jumper(cmd.value))
        r.connect(Cmd.RESTORE_BACKUP, self.restore_backup)
        r.connect(Cmd.SEARCH, self.search.search)
        r.connect(Cmd.TRACKER, self.tracker.show)
        r.connect(Cmd.NEXT_MEETING, self.meetings.next_meeting)
        r.connect(Cmd.DELETE_MEETING, self._delete_meeting)
        r.connect(Cmd.TRASH, self.meetings.show_trash)
        r.connect(Cmd.APPROVE, self.approval.approve)
        r.connect(Cmd.AMEND, self.approval.amend)
        r.connect(Cmd.HISTORY, self.approval.history)
        r.connect(Cmd.MEMBER_MOVES, self.proceedings.member_moves)
        r.connect(Cmd.CLOSE_MEETING, self.proceedings.close_meeting)
        r.connect(Cmd.EXCLUDE_PUBLIC, self.proceedings.exclude_public)
        r.connect(Cmd.READMIT_PUBLIC, self.proceedings.readmit_public)
        r.connect(Cmd.DECLARE_INTEREST, self.procedure.declare_interest)
        r.connect(Cmd.MOTION, self.procedure.record_motion)
        r.connect(Cmd.NAMED_VOTE, self.procedure.named_vote)
        r.connect(Cmd.RECORDS, self.records.records)
        self.meeting_list.open_requested.connect(self.open_meeting)
        self.meetings_page.delete_requested.connect(lambda _id: self._delete_meeting())
        self.meeting_list.currentItemChanged.connect(lambda *_: self.update_actions())
        self.dock.toggleViewAction().toggled.connect(r[Cmd.ACTIONS_PANEL].setChecked)
        r[Cmd.ACTIONS_PANEL].toggled.connect(self.dock.setVisible)
        self.preview.toggleViewAction().toggled.connect(r[Cmd.PREVIEW].setChecked)
        r[Cmd.PREVIEW].toggled.connect(self.preview.setVisible)
        self.panel.point_activated.connect(lambda p: self._on_view(lambda v: v.focus_point(p)))
        self.panel.done_toggled.connect(
            lambda p, done: self.intents and self.intents.mark_done(p, done)
        )

    def can(self, need: str) -> bool:
        """Whether a command's need is met: the registry asks this, not the widgets."""
        current = self.current
        view = current.view if current is not None else None
        editable = current is not None and not current.locked  # approved minutes are not
        listed = self.listed_meeting() is not None
        answers = {
            "always": True,
            "meeting": view is not None,
            "edit": editable,
            "action": view is not None and view.active is not None,
            "point": editable and view is not None and view.active is not None,
            "item": editable and view is not None and view.current_item is not None,
            "undo": view is not None and self.stack.canUndo(),
            "redo": view is not None and self.stack.canRedo(),
            "writable": not self.db.read_only,
            "draft": editable,
            "approved-point": current is not None
            and current.locked
            and view is not None
            and view.active is not None,
            "listed": listed,
            "source": view is not None or listed,
        }
        return answers[need]

    def update_actions(self) -> None:
        self.registry.update_enabled(self.can)
        self.proceedings.indicator.setVisible(self.current is not None)
        point = self.view.active if self.view is not None else None
        self.registry[Cmd.ACTION_DONE].setChecked(point is not None and point.action_done)
        self._update_undo_actions()

    refresh_commands = update_actions

    def _update_undo_actions(self) -> None:
        # Runs on every keystroke (a merged typing command moves the index): two actions only.
        undo, redo = self.registry[Cmd.UNDO], self.registry[Cmd.REDO]
        undo.setEnabled(self.can("undo"))
        redo.setEnabled(self.can("redo"))
        undo.setText(f"&Undo {self.stack.undoText()}".rstrip())
        redo.setText(f"&Redo {self.stack.redoText()}".rstrip())

    def _show_keys(self) -> None:
        self.run_dialog(KeyboardDialog(self))
        self.refocus()

    def _jumper(self, where: str) -> Callable[[], None]:
        return lambda: self._on_view(lambda view: view.jump(where))

    def _on_view(self, call: Callable[[CaptureView], object]) -> None:
        if self.view is not None:
            call(self.view)

    # --- pages ----------------------------------------------------------------------------
    def show_meeting_list(self, select: int | None = None, *, in_background: bool = False) -> None:
        if self.model is not None:
            self.model.flush()
        chosen = select if select is not None else self._last_meeting()
        self.meetings_page.reload(chosen, in_background=in_background)
        self.pages.setCurrentIndex(0)
        self.meetings_page.setFocus()  # the list, or the first run's New meeting button
        self.dock.setEnabled(False)
        self._panel_room(True)
        self.update_title()
        self.update_actions()

    def show_page(self, page: QWidget, title: str) -> None:
        if self.pages.indexOf(page) < 0:
            self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        self.dock.setEnabled(False)
        self._panel_room(False)  # the tracker needs the width more than a greyed panel
        self.update_title()
        self.setWindowTitle(title)
        self.update_actions()

    def open_meeting(self, meeting_id: int) -> None:
        """Load a meeting from the store and show it (flushing the one open before)."""
        self.show_meeting(meetings.load_meeting(self.db, meeting_id))

    def show_meeting(self, meeting: Meeting) -> OpenMeeting:
        if self.loaded is not None:
            self.loaded.model.flush()
            self.loaded.model.deleteLater()
            self.pages.removeWidget(self.loaded.view)
            self.loaded.view.deleteLater()
        self.stack.clear()  # undo history belongs to one meeting
        shown = open_meeting(self.db, meeting, self.stack, now=self.now, say=self.say, parent=self)
        self.checkpoints.attach(shown.model)  # first: a vanished log is repaired before "Saved"
        self.loaded = shown
        view = shown.view
        self.pages.addWidget(view)
        self.pages.setCurrentWidget(view)
        view.status_message.connect(self.say)
        view.current_changed.connect(self.update_actions)
        if shown.locked:
            view.edit_requested.connect(lambda *_: self.say(LOCKED_DIALOGS))
        else:
            view.edit_requested.connect(self.editing.edit_row)
            view.edit_requested.connect(self.records.edit_row)  # declarations, motions...
            self.records.attach(shown)  # and Enter / Delete on one clicked
        shown.model.saved.connect(lambda _when: self.update_title())
        shown.model.save_failed.connect(self._save_failed)
        shown.model.changed.connect(self._on_changed)
        self.preview.follow(shown.model)
        self.dock.setEnabled(True)
        self._panel_room(True)
        self.panel.set_read_only(self.db.read_only)  # no Done tick that cannot be saved
        self._refresh_panel()
        self.settings.setValue(self.last_meeting_key, meeting.id)
        self.update_title()
        self.update_actions()
        view.setFocus()
        # However it was opened (the list, a search hit, the tracker, a new meeting), the
        # caret is in the last point, ready to type; a caller with a better place moves it.
        view.focus_last_point()
        self.proceedings.attach(shown)  # after the caret is placed: opening takes no item
        return shown

    def show_meeting_at(
        self, meeting_id: int, point_id: int | None, item_id: int | None = None, *, reuse: bool
    ) -> Point | None:
        """Open a meeting with the caret in a point (or at the item); the point, if any.

        ``reuse``: if that meeting is the one open, go back to it as it is, undo history and
        all (a search); otherwise read it again from the file (the tracker may have changed
        its actions).
        """
        loaded = self.loaded
        if reuse and loaded is not None and loaded.meeting.id == meeting_id:
            self.pages.setCurrentWidget(loaded.view)
            self.dock.setEnabled(True)
            self._panel_room(True)
            self.update_title()
        else:
            loaded = self.show_meeting(meetings.load_meeting(self.db, meeting_id))
        view, meeting = loaded.view, loaded.meeting
        point = None
        if point_id is not None:
            point = next((p for _i, p, _parent in meeting.all_points() if p.id == point_id), None)
        item = next((i for i in meeting.items if i.id == item_id), None)
        if point is None and item is not None and item.points:
            point = item.points[0]
        if point is not None:
            view.focus_point(point, -1)
        elif item is not None:
            # An item without points (found by its title): the caret in it, ready to type.
            view.focus_empty_item(item)
        self.update_actions()
        return point

    # --- commands that need no dialog -----------------------------------------------------
    def toggle_done(self) -> None:
        if self.view is None or self.view.active is None or self.intents is None:
            return
        point = self.view.active
        if not self.intents.mark_done(point, not point.action_done):
            self.say("This point has no action: tag one with Ctrl+T")
        self.update_actions()

    def _move_item(self, delta: int) -> None:
        view, intents = self.view, self.intents
        if view is not None and intents is not None and view.current_item is not None:
            if not intents.move_item(view.current_item, delta):
                self.say("The item cannot move further")

    def _delete_item(self) -> None:
        view, intents = self.view, self.intents
        if view is not None and intents is not None and view.current_item is not None:
            intents.delete_item(view.current_item)
            view.current_item = None
            self.say("Item deleted (Ctrl+Z brings it back)")
            self.update_actions()

    def _delete_meeting(self) -> None:
        row = self.meeting_list.currentItem()
        if row is not None:
            self.meetings.delete_meeting(f"{row.text(1)}, {row.text(0)}")

    def restore_backup(self) -> None:
        """File > Restore from backup: save, restore over the open database, then close."""
        if self.backups.restore():
            self.close()
