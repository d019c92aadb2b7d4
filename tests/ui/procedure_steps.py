"""Reusable steps for window journeys with declarations of interest, motions and named votes
(issue 12): set a body up, open its meeting, and drive each dialog from the keyboard as a
clerk would.

To chain them into a longer journey: put the caret in the item (type, Ctrl+Down...), then
``declare_interest(window, "oka", "oth", "Allotment holder", "r")``,
``record_motion(window, motion_keys("That ...", "jones", "patel", (30, 15, 2)))``, an
amendment with ``amends=1``, a named vote inside the motion dialog with ``named=True`` and
``record_motion(..., grid_keys([("Abbott", "a")]))``, or ``named_vote(window, grid_keys(...))``
(Ctrl+Shift+V on the item's latest motion).  Each step sets ``window.run_dialog`` for its own
dialogs only.  test_procedure_window.py is the worked example."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window, make_application
from clerk_app.core.model import AgendaItem, Attendee, Meeting, Role
from clerk_app.services import bodies, meetings
from clerk_app.store.database import Database
from clerk_app.ui.capture.rows import Row, RowKind
from clerk_app.ui.dialogs.declaration_dialog import DeclarationDialog
from clerk_app.ui.dialogs.motion_dialog import MotionDialog
from clerk_app.ui.dialogs.named_vote_grid import NamedVoteDialog
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import by_keys, key, present, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def council_with_members(db: Database, name: str, members: list[str]) -> None:
    """A body whose attendance starts from its membership, the first member in the chair."""
    bodies.set_up_body(db, name, kind="council")
    for position, member in enumerate(members):
        bodies.add_member(db, name, member, role="chair" if position == 0 else "member")


def meeting_of(db: Database, body: str, day: dt.date, titles: list[str]) -> int:
    """A meeting of ``body`` with every member present, and these agenda items, as the
    agenda left it (numbered 1, 2, 3...)."""
    members = bodies.get_body(db, body).members_on(day)
    attendees = [
        Attendee(m.name, Role.CHAIR if position == 0 else Role.MEMBER)
        for position, m in enumerate(members)
    ]
    items = [AgendaItem(title, str(n)) for n, title in enumerate(titles, 1)]
    return meetings.create_meeting(
        db, Meeting(body, day, council=body, attendees=attendees, items=items)
    )


def open_window(qtbot: QtBot, db: Database, tmp_path: Path, meeting_id: int) -> MainWindow:
    make_application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_window(db, settings, meeting_id)
    qtbot.addWidget(window)
    present(window)
    return window


def rows_of(window: MainWindow, kind: RowKind) -> list[Row]:
    assert window.view is not None
    return [row for row in window.view.rows if row.kind is kind]


def pick_name(typed: str, offer: int = 1) -> None:
    """Type part of a member's name in a member field and take the completer's ``offer``-th
    suggestion.  While the completer's list is open the keys go to it, as a keyboard's do."""
    type_text(typed)
    QApplication.processEvents()
    popup = QApplication.activePopupWidget()
    assert popup is not None and popup.isVisible(), f"no names offered for {typed!r}"
    for _ in range(offer):
        QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    QApplication.processEvents()


def dialogs_by_keys(**presses: Callable[[QDialog], None]) -> Callable[[QDialog], bool]:
    """A run_dialog answering each kind of dialog (by class name) with its own keys, so a
    named vote opened from inside the motion dialog is answered too."""

    def run(dialog: QDialog) -> bool:
        press = presses[type(dialog).__name__]
        return by_keys(press)(dialog)

    return run


def declaration_keys(
    member: str, kind: str, nature: str, conduct: str
) -> Callable[[QDialog], None]:
    """In the declaration dialog: the member from the completer, the item as proposed (the
    current one; the next after "Declarations of interest"), the kind's first letters
    (free text for another code's kind), the nature, and the conduct's first letter
    (w withdrew, r remained, s spoke then withdrew, h dispensation); Ctrl+Enter."""

    def press(dialog: QDialog) -> None:
        assert isinstance(dialog, DeclarationDialog)
        pick_name(member)
        key(Qt.Key.Key_Return)  # Enter: on to the next field, the item (as proposed)
        key(Qt.Key.Key_Tab)
        if kind:
            type_text(kind)
        key(Qt.Key.Key_Tab)
        type_text(nature)
        key(Qt.Key.Key_Tab)  # the "sensitive" box, left unticked
        key(Qt.Key.Key_Tab)
        type_text(conduct)
        key(Qt.Key.Key_Return, CTRL)

    return press


def declare_interest(window: MainWindow, member: str, kind: str, nature: str, conduct: str) -> None:
    """Ctrl+Shift+I at the item where the caret is."""
    window.run_dialog = by_keys(declaration_keys(member, kind, nature, conduct))
    key(Qt.Key.Key_I, CTRL | SHIFT)


def motion_keys(
    words: str,
    mover: str,
    seconder: str,
    counts: tuple[int, int, int] | None = None,
    *,
    amends: int = 0,
    named: bool = False,
) -> Callable[[QDialog], None]:
    """In the motion dialog: ``amends`` (the n-th earlier motion, 0 for a motion), the words,
    mover and seconder from the completer, then the counts (for, against, abstain) or, with
    ``named``, the named vote grid (Ctrl+Shift+V inside the dialog); Ctrl+Enter."""

    def press(dialog: QDialog) -> None:
        assert isinstance(dialog, MotionDialog)
        if amends:
            key(Qt.Key.Key_Tab, SHIFT)  # up to "Amendment:"
            for _ in range(amends):
                key(Qt.Key.Key_Down)
            key(Qt.Key.Key_Tab)
        type_text(words)
        key(Qt.Key.Key_Tab)
        pick_name(mover)
        key(Qt.Key.Key_Tab)
        pick_name(seconder)
        key(Qt.Key.Key_Tab)  # the vote: counted, as it starts
        if named:
            key(Qt.Key.Key_V, CTRL | SHIFT)
        elif counts is not None:
            for count in counts:
                key(Qt.Key.Key_Tab)  # a spin box takes focus with its number selected
                type_text(str(count))
        else:
            type_text("a")  # agreed without a vote
        key(Qt.Key.Key_Return, CTRL)

    return press


def grid_keys(exceptions: list[tuple[str, str]]) -> Callable[[QDialog], None]:
    """In the named vote grid: every member For (Ctrl+Shift+F), then each exception found by
    name (Ctrl+F, part of the name, Enter) and marked by its letter; Ctrl+Enter."""

    def press(dialog: QDialog) -> None:
        assert isinstance(dialog, NamedVoteDialog)
        key(Qt.Key.Key_F, CTRL | SHIFT)
        for name, letter in exceptions:
            key(Qt.Key.Key_F, CTRL)
            type_text(name)
            key(Qt.Key.Key_Return)
            type_text(letter)
        key(Qt.Key.Key_Return, CTRL)

    return press


def record_motion(
    window: MainWindow,
    press: Callable[[QDialog], None],
    grid: Callable[[QDialog], None] | None = None,
) -> None:
    """Ctrl+Shift+O at the item where the caret is."""
    presses = {"MotionDialog": press}
    if grid is not None:
        presses["NamedVoteDialog"] = grid
    window.run_dialog = dialogs_by_keys(**presses)
    key(Qt.Key.Key_O, CTRL | SHIFT)


def named_vote(window: MainWindow, grid: Callable[[QDialog], None]) -> None:
    """Ctrl+Shift+V: the named vote on the item's latest motion."""
    window.run_dialog = by_keys(grid)
    key(Qt.Key.Key_V, CTRL | SHIFT)


FIRST = ["Ann", "Bob", "Cat", "Dev", "Eve", "Fin", "Gus", "Hal", "Ivy", "Jo", "Kit", "Lou", "Max"]
SURNAMES = [
    "Patel", "Okafor", "Jones", "Abbott", "Brennan", "Ó Briain", "Dunn", "Evans", "Fairley",
    "Gough", "Hughes", "Iqbal", "Jarvis", "Kowalski", "Lindqvist", "Mahon", "Nolan", "Oduya",
    "Pryce", "Quirke", "Rahman", "Sutcliffe", "Tanaka", "Underwood", "Vance", "Whitlock",
    "Yardley", "Zielinski", "Ashworth", "Baptiste", "Carver", "Delaney", "Ellery", "Fitzroy",
    "Garside", "Holloway", "Ingram", "Jessop", "Kearney", "Lockhart", "Marsh", "Newbold",
    "Orme", "Pennock", "Redfern", "Shawcross", "Thorne", "Upton", "Varley", "Wragg", "Youngman",
]  # fmt: skip


def fifty_one_members() -> list[str]:
    """A budget meeting's council: 51 members, each surname once (one with accents)."""
    assert len(SURNAMES) == 51 and len(set(SURNAMES)) == 51
    return [f"Councillor {FIRST[n % len(FIRST)]} {surname}" for n, surname in enumerate(SURNAMES)]
