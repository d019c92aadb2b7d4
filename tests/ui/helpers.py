"""What the window tests do with the window: type, press keys, answer dialogs, reload.

Keys go to whichever widget has focus, as a keyboard's would; text goes one character at a
time in key events that carry it (``qtbot.keyClicks`` cannot carry non-ASCII text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.core.model import AgendaItem, Attendee, Meeting, Point, Presence, Role
from clerk_app.services import bodies
from clerk_app.services.meetings import create_meeting, load_meeting
from clerk_app.store.database import Database, open_database
from clerk_app.ui.capture.rows import Row, RowKind
from clerk_app.ui.dialogs.approval_dialogs import ConfirmDialog
from clerk_app.ui.dialogs.exclusion_dialog import ExclusionDialog
from clerk_app.ui.shell.main_window import MainWindow


def sample_meeting() -> Meeting:
    return Meeting(
        committee="Overview and Scrutiny Committee",
        date=dt.date(2026, 5, 12),
        council="London Borough of Haringey",
        start_time=dt.time(18, 30),
        venue="Civic Centre",
        attendees=[
            Attendee("Councillor Russell", Role.CHAIR),
            Attendee("Councillor Cannon"),
            Attendee("Councillor Rice", presence=Presence.APOLOGIES),
            Attendee("Charlotte Pomery", Role.OFFICER, job_title="AD Commissioning"),
        ],
        items=[
            AgendaItem(title="Apologies for absence", number="76", intro="None."),
            AgendaItem(
                title="Performance update",
                number="77",
                intro="The AD Commissioning introduced the report.",
                points=[Point("The AD advised that a session was planned.")],
            ),
        ],
    )


def reload(db_path: Path, meeting_id: int) -> Meeting:
    """The meeting as a fresh connection to the file sees it."""
    fresh = open_database(db_path)
    try:
        return load_meeting(fresh, meeting_id)
    finally:
        fresh.close()


def committee_window(
    qtbot: QtBot,
    db: Database,
    settings_folder: Path,
    meeting: Meeting,
    members: Sequence[str],
    *,
    kind: str | None = None,
) -> MainWindow:
    """The window open on ``meeting``, saved first, its body (``meeting.committee``; a
    parish council, say, by ``kind``) set up with ``members``.  The caller closes it."""
    bodies.set_up_body(db, meeting.committee, kind=kind)
    for name in members:
        bodies.add_member(db, meeting.committee, name)
    meeting_id = create_meeting(db, meeting)
    settings = QSettings(str(settings_folder / "settings.ini"), QSettings.Format.IniFormat)
    window = build_window(db, settings, meeting_id)
    qtbot.addWidget(window)
    present(window)
    return window


def chaired(names: Sequence[str]) -> list[Attendee]:
    """Attendees present, the first of them in the chair."""
    return [Attendee(n, Role.CHAIR if i == 0 else Role.MEMBER) for i, n in enumerate(names)]


def rows_of(window: MainWindow, kind: RowKind) -> list[Row]:
    """The rows of one kind the window shows now."""
    assert window.view is not None
    return [row for row in window.view.rows if row.kind is kind]


def exclude_by_keys(window: MainWindow, qtbot: QtBot, item: AgendaItem, paragraphs: str) -> None:
    """Ctrl+Shift+E at ``item``, the Schedule 12A ``paragraphs`` typed, Enter: the press and
    public excluded as a clerk at the keyboard does it."""
    assert window.view is not None

    def typed(dialog: QDialog) -> None:
        assert isinstance(dialog, ExclusionDialog)
        type_text(paragraphs)
        key(Qt.Key.Key_Return)

    window.view.go_to_item(item)
    window.run_dialog = by_keys(typed)
    key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(item.exclusion), timeout=3000)


def remove_when_asked(asked: list[str]) -> Callable[[QDialog], None]:
    """For ``by_keys``: a removal's question (kept in ``asked``) answered Remove from the
    keyboard, Tab to the button then Space: Enter, pressed by habit, is Cancel."""

    def press(dialog: QDialog) -> None:
        assert isinstance(dialog, ConfirmDialog)
        asked.append(dialog.message.text())
        for _ in range(2):
            if focused().text() != "Remove":  # type: ignore[attr-defined]
                key(Qt.Key.Key_Tab)
        key(Qt.Key.Key_Space)

    return press


def present(window: QWidget) -> None:
    """Show and activate a window, as the window manager would when it opens."""
    window.show()
    window.activateWindow()
    QApplication.processEvents()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def key(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key press and release, to the focused widget (shortcuts included)."""
    QTest.keyClick(focused(), key, modifiers)


def type_text(text: str) -> None:
    """Type ``text`` one character at a time, as key events that carry the character."""
    for char in text:
        target = focused()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def answering(fill: Callable[[QDialog], None]) -> Callable[[QDialog], bool]:
    """A run_dialog that fills the dialog as a clerk would and presses OK."""

    def run(dialog: QDialog) -> bool:
        fill(dialog)
        return True

    return run


def wait_exported(window: MainWindow, timeout_ms: int = 20000) -> None:
    """Exports are written on the background worker: wait until the window has its answer."""
    waited = 0
    while window.exports.runner.busy:
        assert waited < timeout_ms, "the export did not finish"
        QTest.qWait(10)
        waited += 10


def by_keys(press: Callable[[QDialog], None]) -> Callable[[QDialog], bool]:
    """A run_dialog that shows the dialog and lets ``press`` type keys into it, as a clerk
    at the keyboard would; the dialog's own buttons and shortcuts decide the answer."""

    def run(dialog: QDialog) -> bool:
        present(dialog)
        press(dialog)
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        dialog.hide()
        parent = dialog.parentWidget()
        if parent is not None:  # the window manager gives the keys back to the window
            parent.activateWindow()
            QApplication.processEvents()
        return accepted

    return run
