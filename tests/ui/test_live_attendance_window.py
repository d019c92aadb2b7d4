"""A clerk minutes a committee live in the real window: members leave and come back, the
quorum indicator follows, item times are noted and one corrected, the press and public are
excluded and readmitted, the meeting is closed; the file, the .docx and the public .pdf say
so in the council's wording, in order."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.core.model import AgendaItem, Attendee, Meeting, Presence, Role
from clerk_app.core.procedure.movements import MovementKind
from clerk_app.services import bodies, meetings
from clerk_app.store.database import Database
from clerk_app.ui.capture.quorum_indicator import LOST_STYLE
from clerk_app.ui.capture.rows import RowKind
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui import attendance_steps as steps
from tests.ui.helpers import answering, key, present, reload, type_text, wait_exported

DAY = dt.date(2026, 6, 9)
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
TITLES = [
    "Apologies for absence",
    "Budget monitoring",
    "Parking review",
    "Exclusion of the press and public",
    "Disposal of the Mill Lane depot",
    "Staffing restructure",
    "Any other business",
]


def _committee(db: Database) -> int:
    bodies.set_up_body(db, "Resources Committee", quorum="3")
    for name, role in (
        ("Councillor Adaeze Nwosu", "chair"),
        ("Councillor Bernard Quayle", "member"),
        ("Councillor Chiara Russo", "member"),
        ("Councillor Dafydd Evans", "member"),
    ):
        bodies.add_member(db, "Resources Committee", name, role=role)
    meeting = Meeting(
        "Resources Committee",
        DAY,
        council="Wealdmoor District Council",
        attendees=[
            Attendee("Councillor Adaeze Nwosu", Role.CHAIR),
            Attendee("Councillor Bernard Quayle"),
            Attendee("Councillor Chiara Russo"),
            Attendee("Councillor Dafydd Evans", presence=Presence.APOLOGIES),
            Attendee("Ngozi Hart", Role.OFFICER, job_title="Head of Finance"),
        ],
        items=[AgendaItem(title, number=str(n)) for n, title in enumerate(TITLES, start=1)],
    )
    return meetings.create_meeting(db, meeting)


@pytest.fixture
def clerk_window(qtbot: QtBot, db: Database, tmp_path: Path) -> tuple[MainWindow, int]:
    meeting_id = _committee(db)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_window(db, settings, meeting_id)
    qtbot.addWidget(window)
    present(window)
    return window, meeting_id


# The member completer's popup asks the window system to raise it and grab the keyboard,
# which the offscreen platform cannot do; it says so, and that says nothing about Clerk.
@pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)
def test_a_member_leaves_and_returns_quorum_times_exclusion_then_file_and_exports(
    clerk_window: tuple[MainWindow, int], qtbot: QtBot, db_path: Path, tmp_path: Path
) -> None:
    window, meeting_id = clerk_window
    assert window.model is not None and window.view is not None
    meeting = window.model.meeting
    first = meeting.items[0]
    # Opened at 6.50 pm: the caret waits in item 1, but opening is not taking it.
    steps.set_clock(window, DAY, 18, 50)
    steps.settle()
    assert first.taken_at is None and meeting.start_time is None
    assert steps.quorum_text(window) == "Quorum: 3 present, 3 needed"

    # 7.02 pm: the chair opens the meeting; the clerk types the apologies.
    steps.set_clock(window, DAY, 19, 2)
    type_text("Apologies were received from Councillor Evans.")
    qtbot.waitUntil(lambda: first.taken_at is not None, timeout=3000)
    assert first.taken_at == dt.time(19, 2) and meeting.start_time == dt.time(19, 2)
    item_rows = steps.rows_of(window, RowKind.ITEM)
    assert item_rows[0].aside == "7.02 pm" and item_rows[1].aside == ""

    steps.set_clock(window, DAY, 19, 10)
    budget = steps.next_item(window, qtbot)
    assert budget.taken_at == dt.time(19, 10)
    type_text("The Head of Finance presented the month 2 forecast.")

    # 7.31 pm, item 3: Councillor Russo leaves; quorum is lost, said in the status bar.
    steps.set_clock(window, DAY, 19, 25)
    parking = steps.next_item(window, qtbot)
    type_text("Members discussed the consultation responses.")
    steps.set_clock(window, DAY, 19, 31)
    sentence = steps.member_moves(window, qtbot, "Chiara Russo", expect="left the meeting")
    assert sentence == (
        "Councillor Chiara Russo left the meeting at 7.31 pm during item 3 and took no part "
        "in the vote."
    )
    assert parking.movements[0].kind is MovementKind.LEFT
    assert parking.movements[0].at == dt.time(19, 31)
    assert [r.text for r in steps.rows_of(window, RowKind.MOVEMENT)] == [sentence]
    assert steps.quorum_text(window) == "Quorum lost: 2 present, 3 needed"
    assert window.proceedings.indicator.styleSheet() == LOST_STYLE
    assert window.statusBar().currentMessage() == "Quorum lost at item 3: 2 present, 3 needed"
    # The caret is back in the point: typing goes on where it was.
    type_text(" The chair adjourned for five minutes.")
    assert parking.points[0].text.endswith("adjourned for five minutes.")

    # Back in the previous item the count is the quorate one of that item.
    key(Qt.Key.Key_Up, CTRL)
    assert steps.quorum_text(window) == "Quorum: 3 present, 3 needed"
    assert window.proceedings.indicator.styleSheet() == ""
    key(Qt.Key.Key_Down, CTRL)
    assert steps.quorum_text(window) == "Quorum lost: 2 present, 3 needed"

    # She comes back at 7.38 pm (typed), during the same item: regained.
    sentence = steps.member_moves(window, qtbot, "Russo", expect="arrived", time="7.38")
    assert sentence == "Councillor Chiara Russo arrived at 7.38 pm during item 3."
    assert steps.quorum_text(window) == "Quorum: 3 present, 3 needed"
    assert window.statusBar().currentMessage() == "Quorum regained at item 3: 3 present, 3 needed"

    # The item's time was noted at 7.25 pm; the chair says it was taken at 7.20 pm.
    assert parking.taken_at == dt.time(19, 25)
    steps.set_item_time(window, qtbot, "7.20 pm")
    assert parking.taken_at == dt.time(19, 20)
    assert steps.rows_of(window, RowKind.ITEM)[2].aside == "7.20 pm"

    # Item 4: the press and public are excluded under paragraph 3; items 5 to 7 exempt.
    steps.set_clock(window, DAY, 19, 50)
    exclusion_item = steps.next_item(window, qtbot)
    wording = steps.exclude_public(window, qtbot, "3")
    assert "section 100A(4) of the Local Government Act 1972" in wording
    assert "paragraph 3 of Part 1 of Schedule 12A" in wording
    assert [i.exempt for i in meeting.items] == [False] * 4 + [True] * 3
    assert [r.text for r in steps.rows_of(window, RowKind.EXCLUSION)] == [f"RESOLVED: {wording}"]
    assert exclusion_item.exclusion == wording

    steps.set_clock(window, DAY, 19, 55)
    steps.next_item(window, qtbot)
    type_text("The committee agreed the disposal terms.")
    steps.set_clock(window, DAY, 20, 20)
    steps.next_item(window, qtbot)
    type_text("The restructure was approved.")
    # Item 7: the press and public come back in; it is public again, 5 and 6 stay exempt.
    steps.set_clock(window, DAY, 20, 40)
    steps.next_item(window, qtbot)
    steps.readmit_public(window, qtbot)
    assert [i.exempt for i in meeting.items] == [False] * 4 + [True] * 2 + [False]
    assert [r.text for r in steps.rows_of(window, RowKind.READMITTED)] == [
        "The press and public were readmitted to the meeting."
    ]
    type_text("There was no other business.")

    # One undo step each: Ctrl+Z on the readmission takes it back whole, Ctrl+Shift+Z redoes.
    key(Qt.Key.Key_Z, CTRL)  # the typing
    key(Qt.Key.Key_Z, CTRL)  # the point its first character made
    assert window.stack.undoText() == "Readmit press and public"
    key(Qt.Key.Key_Z, CTRL)
    assert [i.exempt for i in meeting.items] == [False] * 4 + [True] * 3
    assert not meeting.items[6].readmitted
    assert window.stack.undoText() == "Typing"  # item 6's; item 7's time stamp is no step
    for _step in range(3):
        key(Qt.Key.Key_Z, CTRL_SHIFT)
    assert meeting.items[6].readmitted and not meeting.items[6].exempt
    assert meeting.items[6].points[0].text == "There was no other business."

    steps.set_clock(window, DAY, 20, 45)
    steps.close_meeting(window, qtbot)
    assert meeting.end_time == dt.time(20, 45)
    assert window.statusBar().currentMessage().startswith("The meeting ended at 8.45 pm")

    # Exports from the window: Word (the public version), then the public PDF.
    out = tmp_path / "out"
    out.mkdir()
    for suffix, keyname in (("docx", Qt.Key.Key_E), ("pdf", Qt.Key.Key_P)):
        window.run_dialog = answering(lambda dialog: None)  # the version: public, the default
        window.choose_path = lambda *_args, s=suffix: str(out / f"minutes.{s}")
        key(keyname, CTRL)
        wait_exported(window)
    window.close()

    # The file, through a fresh connection.
    saved = reload(db_path, meeting_id)
    assert saved.start_time == dt.time(19, 2) and saved.end_time == dt.time(20, 45)
    times = [i.taken_at for i in saved.items]
    assert times == [
        dt.time(19, 2), dt.time(19, 10), dt.time(19, 20), dt.time(19, 50),
        dt.time(19, 55), dt.time(20, 20), dt.time(20, 40),
    ]  # fmt: skip
    moves = [(m.member, m.kind, m.at) for m in saved.items[2].movements]
    assert moves == [
        ("Councillor Chiara Russo", MovementKind.LEFT, dt.time(19, 31)),
        ("Councillor Chiara Russo", MovementKind.ARRIVED, dt.time(19, 38)),
    ]
    assert saved.items[3].exclusion == wording
    assert [(i.exempt, i.exempt_paragraph) for i in saved.items[4:]] == [
        (True, "3"), (True, "3"), (False, ""),
    ]  # fmt: skip
    assert saved.items[6].readmitted

    # Word: the sentences, the resolution and readmission, in order.
    text = "\n".join(p.text for p in docx.Document(str(out / "minutes.docx")).paragraphs)
    left = text.index("Councillor Chiara Russo left the meeting at 7.31 pm during item 3")
    back = text.index("Councillor Chiara Russo arrived at 7.38 pm during item 3.")
    resolution = text.index("paragraph 3 of Part 1 of Schedule 12A")
    readmitted = text.index("The press and public were readmitted to the meeting.")
    assert left < back < resolution < readmitted
    assert "took no part in the vote" in text
    assert "The committee agreed the disposal terms." not in text  # public: exempt emptied

    # The public PDF: the same, in order, and the exempt minutes' text absent.
    pdf = subprocess.run(
        ["pdftotext", "-layout", str(out / "minutes.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    flat = " ".join(pdf.split())
    order = [
        flat.index("Apologies were received from Councillor Evans."),
        flat.index("Councillor Chiara Russo left the meeting at 7.31 pm during item 3"),
        flat.index("Councillor Chiara Russo arrived at 7.38 pm during item 3."),
        flat.index("section 100A(4) of the Local Government Act 1972"),
        flat.index("Disposal of the Mill Lane depot"),
        flat.index("The press and public were readmitted to the meeting."),
        flat.index("There was no other business."),
    ]
    assert order == sorted(order)
    assert "agreed the disposal terms" not in flat
    assert "restructure was approved" not in flat
