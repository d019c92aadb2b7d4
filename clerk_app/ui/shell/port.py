"""What a flow may ask of the window: a narrow interface, so no flow reaches into the window.

A flow (search, tracker, approval, export...) says things, runs dialogs, shows a meeting or a
page, and reads the open meeting; the main window implements this, and a flow never imports
it.  Tests answer ``run_dialog`` and ``choose_path`` by replacing them on the window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from clerk_app.core.model import Meeting, Point
from clerk_app.services.database import Database
from clerk_app.services.safety import InstanceLock
from clerk_app.ui.capture.checkpoints import Checkpoints
from clerk_app.ui.capture.open_meeting import OpenMeeting
from clerk_app.ui.shell.background import Background

# (parent, title, suggested path, file filter) -> the path chosen, or "" if cancelled
PathChooser = Callable[[QWidget, str, str, str], str]


class Shell(Protocol):
    db: Database
    settings: QSettings
    background: Background
    stack: QUndoStack
    now: Callable[[], dt.datetime]
    run_dialog: Callable[[QDialog], bool]
    choose_path: PathChooser
    choose_open_path: PathChooser  # a file to read (import, agenda)
    instance_lock: InstanceLock | None  # this window's lock on the database, if it has it
    checkpoints: Checkpoints  # paused while the database is closed under the window

    @property
    def widget(self) -> QWidget:
        """The parent for dialogs and messages."""
        ...

    @property
    def current(self) -> OpenMeeting | None:
        """The meeting on screen, if a meeting is what the window shows."""
        ...

    @property
    def loaded(self) -> OpenMeeting | None:
        """The meeting open in the window, even while the list or the tracker is shown."""
        ...

    def say(self, message: str) -> None: ...

    def show_meeting(self, meeting: Meeting) -> OpenMeeting: ...

    def show_meeting_at(
        self, meeting_id: int, point_id: int | None, item_id: int | None = None, *, reuse: bool
    ) -> Point | None: ...

    def show_meeting_list(self, select: int | None = None) -> None: ...

    def listed_meeting(self) -> int | None:
        """The meeting selected in the list, when the list is what the window shows."""
        ...

    def show_page(self, page: QWidget, title: str) -> None: ...

    def refresh_commands(self) -> None: ...

    def refocus(self) -> None:
        """Keys back to the point being typed, after a dialog."""
        ...
