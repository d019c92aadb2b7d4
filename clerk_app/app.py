"""The one place that wires the window: QApplication, database, undo stack, settings, window.

No singletons: everything the window uses is built here and passed in, so tests build the same
window over their own database file and their own settings.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, QSettings
    from PySide6.QtWidgets import QApplication

    from clerk_app.store.database import Database
    from clerk_app.store.instance_lock import InstanceLock
    from clerk_app.ui.backup_schedule import BackupSchedule
    from clerk_app.ui.main_window import MainWindow

NO_DISPLAY = "no display: run Clerk from a desktop session, or headless with xvfb-run -a clerk-app"
FONTS = pathlib.Path(__file__).resolve().parents[1] / "resources" / "fonts"


def has_display() -> bool:
    """False only where Qt would certainly fail: Linux with no X, no Wayland, no platform set."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, with Clerk's names, icon and shipped fonts (reused if one exists)."""
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from clerk_app import __version__

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setOrganizationName("Clerk")
    app.setApplicationName("Clerk")
    app.setApplicationVersion(__version__)
    # The reverse-DNS application id of packaging/linux: Wayland finds the icon by it.
    app.setDesktopFileName("org.clerkapp.Clerk")
    if FONTS.is_dir():
        for font in sorted(FONTS.glob("*.ttf")):
            QFontDatabase.addApplicationFont(str(font))
    from clerk_app.ui.icons import app_icon

    app.setWindowIcon(app_icon())
    return app


def build_window(
    db: Database,
    settings: QSettings,
    meeting_id: int | None = None,
    *,
    list_in_background: bool = False,
) -> MainWindow:
    """The main window over ``db``; with ``meeting_id``, that meeting open, caret at its end.

    ``list_in_background``: the meeting list fills after the window paints (start-up must
    not wait for years of meetings).  Raises UnknownMeetingError for an unknown id, before
    anything is shown.
    """
    from PySide6.QtGui import QUndoStack

    from clerk_app.services.meetings import load_meeting
    from clerk_app.ui.main_window import MainWindow

    meeting = load_meeting(db, meeting_id) if meeting_id is not None else None
    window = MainWindow(
        db=db, stack=QUndoStack(), settings=settings, list_in_background=list_in_background
    )
    window.stack.setParent(window)
    if meeting is not None:
        window.show_meeting(meeting)
        assert window.view is not None
        window.view.focus_last_point()
    return window


def run_window(*, db_path: pathlib.Path, create_folder: bool, meeting_id: int | None) -> int:
    """Build the QApplication, open the database, the undo stack and the main window, and
    run the event loop; return the exit code (see clerk_app.cli for the contract)."""
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    app = make_application()
    from PySide6.QtCore import QSettings

    from clerk_app.store.database import open_database
    from clerk_app.store.errors import DatabaseError
    from clerk_app.store.instance_lock import DatabaseInUse, InstanceLock
    from clerk_app.store.meetings import UnknownMeetingError

    lock = InstanceLock(db_path)
    read_only = False
    if db_path.parent.exists():
        try:
            lock.acquire()
        except DatabaseInUse as exc:
            if not ask_read_only(exc):
                return 2
            read_only = True
        except OSError:
            pass  # no lock file in a read-only folder: nothing could write there anyway
    try:
        db = open_database(db_path, create_folder=create_folder, read_only=read_only)
    except DatabaseError as exc:
        reopened = None if read_only else offer_backup(db_path, exc, held=lock)
        if reopened is None:
            lock.release()
            return 2
        db = reopened
    if not lock.held and not read_only:
        with contextlib.suppress(OSError):
            lock.acquire()  # the folder has just been made for a new database
    from clerk_app.services import recovery

    # A read-only window neither restores nor backs up: the editing window does both.
    restored = 0 if read_only else recovery.recover(db)  # typing a window could not save
    backups = start_backups(db_path, app, enabled=not read_only)
    try:
        try:
            window = build_window(db, QSettings(), meeting_id, list_in_background=True)
            window.instance_lock = lock if lock.held else None
        except UnknownMeetingError as exc:
            print(f"clerk-app: {exc}", file=sys.stderr)
            return 2
        if os.environ.get("CLERK_REPORT_READY") == "1":  # benchmarks/startup_speed.py
            from clerk_app.ui.startup_report import report_ready

            report_ready(window)
        window.show()
        if restored:
            window.statusBar().showMessage(
                f"Restored {restored} point(s) typed last time but not saved then", 15000
            )
        return app.exec()
    finally:
        backups.stop()
        db.close()
        lock.release()


def offer_backup(
    db_path: pathlib.Path, error: Exception, *, held: InstanceLock | None = None
) -> Database | None:
    """Say why the database cannot be opened; offer its newest backup if it has one.

    The damaged file is never touched: restoring keeps it beside the database under a new
    name.  Returns the reopened database, or None if the clerk declined or nothing helped.
    """
    from PySide6.QtWidgets import QMessageBox

    from clerk_app.services import safety
    from clerk_app.store.database import open_database
    from clerk_app.store.errors import DatabaseError

    backups = safety.list_backups(db_path)
    box = QMessageBox(QMessageBox.Icon.Critical, "Clerk cannot open its database", str(error))
    restore = None
    if backups:
        newest = backups[0]
        box.setInformativeText(
            f"The newest backup was taken {newest.taken_at:%d %B %Y at %H:%M}. Restore it? "
            "The file that cannot be opened is kept, renamed, beside it."
        )
        restore = box.addButton("Restore backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return None
    try:
        safety.restore(db_path, backups[0].path, held=held)
        return open_database(db_path)
    except DatabaseError as exc:
        QMessageBox.critical(None, "Clerk cannot restore the backup", str(exc))
        return None


def ask_read_only(error: Exception) -> bool:
    """Another window is editing this database: offer to open it read-only instead."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, "The database is in use", str(error))
    box.setInformativeText(
        "Two windows editing one database would overwrite each other's work. You can open "
        "it read-only here, to look things up, while the other window goes on editing."
    )
    read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is read_only


def start_backups(
    db_path: pathlib.Path, parent: QObject, *, enabled: bool = True
) -> BackupSchedule:
    """Backups of ``db_path`` on their own thread: one now, then every few minutes."""
    from PySide6.QtCore import QSettings

    from clerk_app.store.backups import DEFAULT_KEEP_DAYS
    from clerk_app.ui.backup_schedule import BackupSchedule

    # How long backups are kept: Clerk's settings, "backups/keep_days" (IT may set it).
    keep = QSettings().value("backups/keep_days", DEFAULT_KEEP_DAYS)
    try:
        keep_days = max(1, int(str(keep)))
    except ValueError:
        keep_days = DEFAULT_KEEP_DAYS
    schedule = BackupSchedule(db_path, parent, keep_days=keep_days)
    if enabled:
        schedule.start()
    return schedule
