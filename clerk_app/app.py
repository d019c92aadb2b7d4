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
    from clerk_app.ui.shell.backup_schedule import BackupSchedule
    from clerk_app.ui.shell.main_window import MainWindow

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
    from clerk_app.ui.shell.icons import app_icon

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
    from clerk_app.ui.shell.main_window import MainWindow

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
    from clerk_app.store.errors import DatabaseError, UnknownMeetingError
    from clerk_app.store.instance_lock import DatabaseInUse, InstanceLock
    from clerk_app.ui.shell import startup_questions

    lock = InstanceLock(db_path)
    read_only = False
    # A session that starts a new database, or one restored after damage, must not prune
    # backups: they may be the only copies of minutes whose file was lost or emptied.
    may_prune = db_path.exists() and db_path.stat().st_size > 0
    if db_path.parent.exists():
        try:
            lock.acquire()
        except DatabaseInUse as exc:
            if not startup_questions.ask_read_only(exc):
                return 2
            read_only = True
        except OSError:
            pass  # no lock file in a read-only folder: nothing could write there anyway
    try:
        db = open_database(db_path, create_folder=create_folder, read_only=read_only)
    except DatabaseError as exc:
        reopened = None if read_only else startup_questions.offer_backup(db_path, exc, held=lock)
        if reopened is None:
            lock.release()
            return 2
        db = reopened
        may_prune = False
    if not lock.held and not read_only:
        with contextlib.suppress(OSError):
            lock.acquire()  # the folder has just been made for a new database
    # A read-only window neither restores nor backs up: the editing window does both.
    notice = None
    if not read_only:
        db, notice = recover_typing(db)  # typing a window could not save last time
        read_only = db.read_only
    backups = start_backups(db_path, app, enabled=not read_only, prune=may_prune)
    try:
        try:
            window = build_window(db, QSettings(), meeting_id, list_in_background=True)
            window.instance_lock = lock if lock.held else None
        except UnknownMeetingError as exc:
            print(f"clerk-app: {exc}", file=sys.stderr)
            return 2
        if os.environ.get("CLERK_REPORT_READY") == "1":  # benchmarks/startup_speed.py
            from clerk_app.ui.shell.startup_report import report_ready

            report_ready(window)
        window.show()
        if notice:
            window.statusBar().showMessage(notice)  # stays until the clerk does something
        return app.exec()
    finally:
        backups.stop()
        db.close()
        lock.release()


def recover_typing(db: Database) -> tuple[Database, str | None]:
    """Put back typing a window could not save last time; the database to use and a notice.

    If it cannot be written yet (the disk is still full), the recovery file is kept and the
    database is reopened read-only, so the clerk can read the minutes but type nothing that
    could be lost; the next start tries again.
    """
    from clerk_app.services import recovery
    from clerk_app.store.database import open_database
    from clerk_app.store.errors import DatabaseError

    report = recovery.recover(db)
    notes = []
    if report.restored:
        notes.append(f"Restored {report.restored} point(s) typed last time but not saved then.")
    if report.set_aside:
        notes.append(
            "Unsaved typing recorded for a different database at this path was not applied; "
            f"it is kept in {report.set_aside[0]}."
        )
    if report.waiting is not None:
        try:
            reopened = open_database(db.path, read_only=True)
        except DatabaseError:
            reopened = None
        if reopened is not None:
            db.close()
            db = reopened
        notes.append(
            f"Opened read-only: typing from last time cannot be saved yet ({report.waiting}). "
            f"It is kept in {report.kept[0]} and is put back when Clerk next starts."
        )
    return db, " ".join(notes) or None


def start_backups(
    db_path: pathlib.Path, parent: QObject, *, enabled: bool = True, prune: bool = True
) -> BackupSchedule:
    """Backups of ``db_path`` on their own thread: one now, then every few minutes."""
    from PySide6.QtCore import QSettings

    from clerk_app.store.backups import DEFAULT_KEEP_DAYS
    from clerk_app.ui.shell.backup_schedule import BackupSchedule

    # How long backups are kept: Clerk's settings, "backups/keep_days" (IT may set it).
    keep = QSettings().value("backups/keep_days", DEFAULT_KEEP_DAYS)
    try:
        keep_days = max(1, int(str(keep)))
    except ValueError:
        keep_days = DEFAULT_KEEP_DAYS
    schedule = BackupSchedule(db_path, parent, keep_days=keep_days, prune=prune)
    if enabled:
        schedule.start()
    return schedule


def clerk_name_setting() -> str:
    """The clerk's name from Clerk's settings (what the window uses), or "" if unset.

    Read from Qt's settings file directly where that is a plain INI file (Linux): the command
    line's export then never imports Qt, which costs it a tenth of a second.  Qt reads it
    wherever the file cannot settle the value (Windows, macOS, anything unusual).
    """
    from clerk_app.services.identity import CLERK_NAME_KEY
    from clerk_app.services.settings_file import UNSURE, read_setting

    found = read_setting(CLERK_NAME_KEY)
    if isinstance(found, str) or found is None:
        return found or ""
    assert found is UNSURE
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # a broken Qt must not stop a command-line export
        return ""
    # The organisation and application names make_application gives the window's QSettings.
    value = QSettings("Clerk", "Clerk").value(CLERK_NAME_KEY, "")
    return str(value or "")
