"""The main window: the meeting list or one open meeting, the actions panel, menus and toolbar.

It owns no meeting logic: commands come from the registry (``actions.py``), edits go through
``EditIntents`` to undo commands, and dialogs only collect values (``dialogs.py``).  Everything
it needs (database, undo stack, settings, clock) is passed in by ``app.py``; tests pass their
own, including ``run_dialog`` to answer dialogs without a modal loop.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
)

from clerk_app.core.model import Meeting, Status
from clerk_app.core.wording import long_date
from clerk_app.services import meetings, safety
from clerk_app.store.database import Database
from clerk_app.ui.about import show_about
from clerk_app.ui.actions import ActionRegistry, Cmd
from clerk_app.ui.actions_panel import ActionsPanel
from clerk_app.ui.archive_wiring import ArchiveFlows
from clerk_app.ui.background import Background
from clerk_app.ui.capture_view import CaptureView
from clerk_app.ui.checkpoints import Checkpoints
from clerk_app.ui.dialogs import DialogFlows
from clerk_app.ui.export_flow import PathChooser, ask_save_path, export_interactively
from clerk_app.ui.icons import app_icon
from clerk_app.ui.intents import EditIntents
from clerk_app.ui.meeting_model import MeetingModel
from clerk_app.ui.meetings_page import MeetingsPage

DialogRunner = Callable[[QDialog], bool]


def run_modal(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class MainWindow(QMainWindow):
    def __init__(
        self,
        *,
        db: Database,
        stack: QUndoStack,
        settings: QSettings,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        run_dialog: DialogRunner = run_modal,
        choose_path: PathChooser = ask_save_path,
        list_in_background: bool = False,
    ) -> None:
        """``list_in_background``: paint first, list the archive's meetings when read (the
        application's start-up; see meetings_page)."""
        super().__init__()
        self.db, self.stack, self.settings, self.now = db, stack, settings, now
        self.run_dialog = run_dialog
        self.choose_path = choose_path
        self.model: MeetingModel | None = None
        # The editing window's own instance lock (app.py sets it): restoring a backup over the
        # database this window holds must not be refused as "in use by another window".
        self.instance_lock: safety.InstanceLock | None = None
        self.intents: EditIntents | None = None
        self.view: CaptureView | None = None
        self.flows = DialogFlows(self)
        self.archive = ArchiveFlows(self)
        self.background = Background(self)
        self.checkpoints = Checkpoints(
            db, lambda message: self.statusBar().showMessage(message, 60000), self
        )
        self.setWindowIcon(app_icon())
        self.setObjectName("ClerkMainWindow")
        self.pages = QStackedWidget()
        self.meetings_page = MeetingsPage(db, self.background)
        self.meeting_list = self.meetings_page.list
        self.meeting_list.open_requested.connect(self.open_meeting)
        self.pages.addWidget(self.meetings_page)
        self.setCentralWidget(self.pages)
        self.panel = ActionsPanel()
        self.dock = QDockWidget("Actions", self)
        self.dock.setObjectName("ActionsDock")
        self.dock.setWidget(self.panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        # The panel follows edits a moment later, outside the keystroke that changed a tag.
        self._panel_timer = QTimer(self, singleShot=True, interval=120)
        self._panel_timer.timeout.connect(self._refresh_panel)
        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)
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
        r.connect(Cmd.NEW_MEETING, self.flows.new_meeting)
        r.connect(Cmd.MEETINGS, self.show_meeting_list)
        r.connect(Cmd.EXPORT_WORD, lambda: self.export("docx"))
        r.connect(Cmd.EXPORT_PDF, lambda: self.export("pdf"))
        r.connect(Cmd.QUIT, self.close)
        r.connect(Cmd.UNDO, self.stack.undo)
        r.connect(Cmd.REDO, self.stack.redo)
        r.connect(Cmd.NEW_POINT, lambda: self._on_view(CaptureView.new_point))
        r.connect(Cmd.INDENT, lambda: self._on_view(CaptureView.indent))
        r.connect(Cmd.OUTDENT, lambda: self._on_view(CaptureView.outdent))
        r.connect(Cmd.MOVE_UP, lambda: self._on_view(lambda v: v.move_point(-1)))
        r.connect(Cmd.MOVE_DOWN, lambda: self._on_view(lambda v: v.move_point(1)))
        r.connect(Cmd.DELETE_POINT, lambda: self._on_view(CaptureView.delete_point))
        r.connect(Cmd.TAG_ACTION, self.flows.tag_action)
        r.connect(Cmd.ACTION_DONE, self.toggle_done)
        r.connect(Cmd.NEW_ITEM, self.flows.new_item)
        r.connect(Cmd.EDIT_ITEM, self.flows.edit_item)
        r.connect(Cmd.RESOLVED, self.flows.add_decision)
        r.connect(Cmd.ITEM_UP, lambda: self._move_item(-1))
        r.connect(Cmd.ITEM_DOWN, lambda: self._move_item(1))
        r.connect(Cmd.DELETE_ITEM, self._delete_item)
        r.connect(Cmd.MEETING_DETAILS, self.flows.edit_header)
        r.connect(Cmd.ATTENDANCE, self.flows.edit_attendance)
        r.connect(Cmd.ABOUT, lambda: show_about(self))
        r.connect(Cmd.RESTORE_BACKUP, self.restore_backup)
        self.archive.connect(r)
        self.dock.toggleViewAction().toggled.connect(r[Cmd.ACTIONS_PANEL].setChecked)
        r[Cmd.ACTIONS_PANEL].toggled.connect(self.dock.setVisible)
        self.panel.point_activated.connect(lambda p: self._on_view(lambda v: v.focus_point(p)))
        self.panel.done_toggled.connect(
            lambda p, done: self.intents and self.intents.mark_done(p, done)
        )

    def can(self, need: str) -> bool:
        """Whether a command's need is met: the registry asks this, not the widgets."""
        view = self.view if self.pages.currentWidget() is self.view else None
        editable = view is not None and not self.archive.locked  # approved minutes are not
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
        }
        return answers[need] if need in answers else self.archive.can(need, view)

    def update_actions(self) -> None:
        self.registry.update_enabled(self.can)
        point = self.view.active if self.view is not None else None
        self.registry[Cmd.ACTION_DONE].setChecked(point is not None and point.action_done)
        self._update_undo_actions()

    def _update_undo_actions(self) -> None:
        # Runs on every keystroke (a merged typing command moves the index): two actions only.
        undo, redo = self.registry[Cmd.UNDO], self.registry[Cmd.REDO]
        undo.setEnabled(self.can("undo"))
        redo.setEnabled(self.can("redo"))
        undo.setText(f"&Undo {self.stack.undoText()}".rstrip())
        redo.setText(f"&Redo {self.stack.redoText()}".rstrip())

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    def _on_view(self, call: Callable[[CaptureView], object]) -> None:
        if self.view is not None:
            call(self.view)

    # --- pages ----------------------------------------------------------------------------
    def show_meeting_list(self, *, in_background: bool = False) -> None:
        if self.model is not None:
            self.model.flush()
        self.meetings_page.reload(self._last_meeting(), in_background=in_background)
        self.pages.setCurrentIndex(0)
        self.meeting_list.setFocus()
        self.dock.setEnabled(False)
        self.update_title()
        self.update_actions()

    def open_meeting(self, meeting_id: int) -> None:
        """Load a meeting from the store and show it (flushing the one open before)."""
        self.show_meeting(meetings.load_meeting(self.db, meeting_id))

    def show_meeting(self, meeting: Meeting) -> None:
        if self.model is not None:
            self.model.flush()
            self.model.deleteLater()
        self.stack.clear()  # undo history belongs to one meeting
        self.model = MeetingModel(self.db, meeting, now=self.now, parent=self)
        self.checkpoints.attach(self.model)  # first: a vanished log is repaired before "Saved"
        self.intents = EditIntents(self.model, self.archive.stack_for(meeting))
        view = CaptureView(self.model, self.intents)
        if self.view is not None:
            self.pages.removeWidget(self.view)
            self.view.deleteLater()
        self.view = view
        self.pages.addWidget(view)
        self.pages.setCurrentWidget(view)
        view.status_message.connect(self.say)
        view.current_changed.connect(self.update_actions)
        view.edit_requested.connect(self.flows.edit_row)
        self.archive.meeting_shown(view)
        self.model.saved.connect(lambda _when: self.update_title())
        self.model.save_failed.connect(self._save_failed)
        self.model.actions_changed.connect(self._panel_timer.start)
        self.model.header_changed.connect(self.update_title)
        self.dock.setEnabled(True)
        self._refresh_panel()
        self.settings.setValue("meeting/last", meeting.id)
        self.update_title()
        self.update_actions()
        view.setFocus()

    def _refresh_panel(self) -> None:
        if self.model is not None:
            self.panel.refresh(self.model.meeting)

    def update_title(self) -> None:
        title = "Clerk"
        if self.model is not None and self.pages.currentWidget() is self.view:
            m = self.model.meeting
            title = f"{m.committee}, {long_date(m.date)} – Clerk"
            when = self.model.last_saved
            saved = f"Saved {when:%H:%M:%S}" if when else "No changes yet"
            if m.status is Status.APPROVED:
                saved = "Approved, read-only"
            if self.db.read_only:
                saved = "Read-only: open for editing elsewhere"
            title = f"{saved} – {title}"
            self.saved_label.setText(saved)
        else:
            self.saved_label.setText("")
        self.setWindowTitle(title)

    def _save_failed(self, message: str) -> None:
        self.setWindowTitle(f"NOT SAVED – {self.windowTitle().split(' – ', 1)[-1]}")
        self.saved_label.setText("Not saved")
        self.say(message)

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

    def restore_backup(self) -> None:
        """File > Restore from backup: save, restore over the open database, then close."""
        from clerk_app.store.errors import DatabaseError
        from clerk_app.ui.backup_dialog import BackupDialog

        dialog = BackupDialog(safety.list_backups(self.db.path), self)
        if not self.run_dialog(dialog) or dialog.chosen is None:
            return
        if self.model is not None:
            self.model.flush()
        self.checkpoints.suspend()  # closing removes the log: not to be taken for a vanished one
        self.db.close()  # the pool reopens on demand, so a failed restore leaves it usable
        try:
            kept = safety.restore(self.db.path, dialog.chosen.path, held=self.instance_lock)
        except DatabaseError as exc:
            self.checkpoints.resume()
            QMessageBox.critical(self, "Clerk cannot restore the backup", str(exc))
            return
        QMessageBox.information(
            self,
            "Backup restored",
            f"The minutes are as they were on {dialog.chosen.taken_at:%d %B %Y at %H:%M}. "
            f"The database as it was is kept as {kept.name}.\n\nClerk closes now; open it "
            "again to go on.",
        )
        self.close()

    def _delete_item(self) -> None:
        view, intents = self.view, self.intents
        if view is not None and intents is not None and view.current_item is not None:
            intents.delete_item(view.current_item)
            view.current_item = None
            self.say("Item deleted (Ctrl+Z brings it back)")
            self.update_actions()

    def export(self, kind: str) -> None:
        if self.model is None or self.model.meeting.id is None:
            return
        self.model.flush()
        stored = meetings.load_meeting(self.db, self.model.meeting.id)
        folder = Path(str(self.settings.value("export/folder", str(Path.home()))))
        written = export_interactively(
            self, self.db, stored, kind, folder=folder, choose=self.choose_path
        )
        if written is not None:
            self.settings.setValue("export/folder", str(written.parent))
            self.say(f"Exported {written}")

    # --- settings and closing -------------------------------------------------------------
    def _last_meeting(self) -> int | None:
        value = self.settings.value("meeting/last")
        try:
            return int(str(value)) if value is not None else None
        except ValueError:
            return None

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802  (Qt's name)
        super().showEvent(event)
        # `clerk-app open`: the caret is in the last point as soon as the window appears.
        if self.view is not None and self.view.active is not None:
            self.view.editor.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802  (Qt's name)
        if self.model is not None:
            self.model.flush()  # nothing typed is lost by closing
            if self.model.has_unsaved:
                # The disk is still full (or read-only): the text is in a recovery file,
                # applied at the next start; say so rather than close silently.
                QMessageBox.warning(
                    self,
                    "Some typing is not in the database yet",
                    f"{self.statusBar().currentMessage()}\n\nClerk will put it back into the "
                    "minutes the next time it opens this database.",
                )
        self.checkpoints.close()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        super().closeEvent(event)
