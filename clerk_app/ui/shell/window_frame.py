"""The main window's frame: its pages and docks, the open meeting as shown, the title and
status bar, and the state it keeps between runs (its geometry, the last meeting opened).

``MainWindow`` (``main_window.py``) builds on this with the commands and the flows they go
to; nothing here opens, edits or exports a meeting.
"""

from __future__ import annotations

import datetime as dt
import hashlib
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
    QWidget,
)

from clerk_app.core.changes import Changed
from clerk_app.core.model import Status
from clerk_app.core.wording import long_date
from clerk_app.services import safety
from clerk_app.services.database import Database
from clerk_app.ui.archive.meetings_page import MeetingsPage
from clerk_app.ui.capture.actions_panel import ActionsPanel
from clerk_app.ui.capture.capture_view import CaptureView
from clerk_app.ui.capture.checkpoints import Checkpoints
from clerk_app.ui.capture.intents import EditIntents
from clerk_app.ui.capture.meeting_model import MeetingModel
from clerk_app.ui.capture.open_meeting import OpenMeeting
from clerk_app.ui.capture.preview import PreviewDock
from clerk_app.ui.shell.background import Background
from clerk_app.ui.shell.icons import app_icon
from clerk_app.ui.shell.port import PathChooser


class WindowFrame(QMainWindow):
    def __init__(
        self,
        *,
        db: Database,
        stack: QUndoStack,
        settings: QSettings,
        now: Callable[[], dt.datetime],
        run_dialog: Callable[[QDialog], bool],
        choose_path: PathChooser,
        choose_open_path: PathChooser,
    ) -> None:
        super().__init__()
        self.db, self.stack, self.settings, self.now = db, stack, settings, now
        self.run_dialog = run_dialog
        self.choose_path = choose_path
        self.choose_open_path = choose_open_path
        self.loaded: OpenMeeting | None = None
        self._panel_wanted: bool | None = None  # the panel's state while a page hides it
        # The editing window's own instance lock (app.py sets it): restoring a backup over the
        # database this window holds must not be refused as "in use by another window".
        self.instance_lock: safety.InstanceLock | None = None
        self.background = Background(self)
        self.checkpoints = Checkpoints(
            db, lambda message: self.statusBar().showMessage(message, 60000), self
        )
        self.setWindowIcon(app_icon())
        self.setObjectName("ClerkMainWindow")
        self.pages = QStackedWidget()
        self.meetings_page = MeetingsPage(db, self.background)
        self.meeting_list = self.meetings_page.list
        self.pages.addWidget(self.meetings_page)
        self.setCentralWidget(self.pages)
        self.panel = ActionsPanel()
        self.panel.set_read_only(db.read_only)  # a tick there could never be saved
        self.dock = QDockWidget("Actions", self)
        self.dock.setObjectName("ActionsDock")
        self.dock.setWidget(self.panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.preview = PreviewDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.preview)
        self.preview.hide()  # Ctrl+Shift+P
        # The panel follows edits a moment later, outside the keystroke that changed a tag.
        self._panel_timer = QTimer(self, singleShot=True, interval=120)
        self._panel_timer.timeout.connect(self._refresh_panel)
        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)

    # --- the open meeting, as the tests and the flows see it ---------------------------------
    @property
    def widget(self) -> QWidget:
        return self

    @property
    def current(self) -> OpenMeeting | None:
        """The open meeting, if it is what the window shows."""
        loaded = self.loaded
        return loaded if loaded is not None and self.pages.currentWidget() is loaded.view else None

    @property
    def model(self) -> MeetingModel | None:
        return self.loaded.model if self.loaded is not None else None

    @property
    def intents(self) -> EditIntents | None:
        return self.loaded.intents if self.loaded is not None else None

    @property
    def view(self) -> CaptureView | None:
        return self.loaded.view if self.loaded is not None else None

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    def refocus(self) -> None:
        view = self.view
        if view is not None and view.active is not None:
            view.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the actions panel, the title and the status bar ------------------------------------
    def _panel_room(self, shown: bool) -> None:
        """Hide the actions panel while a page such as the tracker has the window, and put
        it back as the clerk left it (F9) when the minutes or the list come back."""
        if not shown:
            if self._panel_wanted is None:
                self._panel_wanted = self.dock.isVisible()
            self.dock.hide()
        elif self._panel_wanted is not None:
            wanted, self._panel_wanted = self._panel_wanted, None
            self.dock.setVisible(wanted)

    def listed_meeting(self) -> int | None:
        if self.pages.currentWidget() is not self.meetings_page:
            return None
        return self.meeting_list.selected_id()

    def _on_changed(self, changed: Changed) -> None:
        if changed.actions:
            self._panel_timer.start()  # the panel follows a moment later, outside the keystroke
        if changed.header:
            self.update_title()

    def _refresh_panel(self) -> None:
        if self.model is not None:
            self.panel.refresh(self.model.meeting)

    def update_title(self) -> None:
        title = "Clerk"
        if self.current is not None:
            m = self.current.meeting
            title = f"{m.committee}, {long_date(m.date)} – Clerk"
            when = self.current.model.last_saved
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

    # --- settings and closing -------------------------------------------------------------
    @property
    def last_meeting_key(self) -> str:
        """The setting that remembers the last meeting opened, one per database file: meeting
        ids of two databases are unrelated, so one user's single key chose the wrong one."""
        where = str(Path(self.db.path).resolve())
        return f"meeting/last-{hashlib.sha256(where.encode('utf-8')).hexdigest()[:16]}"

    def _last_meeting(self) -> int | None:
        value = self.settings.value(self.last_meeting_key)
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
        self._panel_room(True)  # the layout saved is the clerk's, not the tracker's
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        super().closeEvent(event)
