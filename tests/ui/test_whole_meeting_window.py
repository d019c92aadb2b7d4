"""A whole council meeting typed through the real window, as issue 12 asks: declarations of
interest, a motion with counts, an amendment lost, a 51-member named vote, members leaving
(quorum lost) and one returning (regained), the press and public excluded; then the file,
the .txt, the .docx and the public .pdf say each in the council's wording, in order.

The steps are the ones the two narrower journeys use (procedure_steps, attendance_steps):
this test is about their working together in one meeting, on one undo stack, one clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk_app.cli import main
from clerk_app.core.procedure.motions import Outcome, Vote, outcome
from clerk_app.core.procedure.movements import MovementKind
from clerk_app.services import bodies, meetings
from clerk_app.store.database import Database, open_database
from clerk_app.ui.capture.rows import RowKind
from tests.export.readers import pdftotext
from tests.ui import attendance_steps as live
from tests.ui.helpers import answering, key, reload, type_text, wait_exported
from tests.ui.procedure_steps import (
    CTRL,
    council_with_members,
    declare_interest,
    fifty_one_members,
    grid_keys,
    meeting_of,
    motion_keys,
    open_window,
    record_motion,
)

BODY = "Wealdmoor Borough Council"
DAY = dt.date(2027, 2, 23)
ITEMS = [
    "Apologies for absence",
    "Declarations of interest",
    "Allotment rents",
    "Budget 2027/28",
    "Community grants",
    "Exclusion of the press and public",
    "Sale of the Mill Lane depot",
]
LEAVERS = ["Whitlock", "Yardley", "Zielinski", "Ashworth", "Baptiste"]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _in_order(text: str, parts: list[str]) -> None:
    missing = [part for part in parts if part not in text]
    assert not missing, (missing, text[:3000])
    places = [text.index(part) for part in parts]
    assert places == sorted(places), [p for _place, p in sorted(zip(places, parts, strict=True))]


@pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)
def test_a_whole_meeting_of_procedure_typed_in_the_window(
    db: Database, db_path: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    council_with_members(db, BODY, fifty_one_members())
    # Standing orders that need nearly everyone: five leaving for a ward count loses quorum.
    bodies.set_up_body(db, BODY, quorum="47")
    meeting_id = meeting_of(db, BODY, DAY, ITEMS)
    window = open_window(qtbot, db, tmp_path, meeting_id)
    out = tmp_path / "out"
    out.mkdir()
    try:
        assert window.model is not None
        meeting = window.model.meeting
        live.set_clock(window, DAY, 19, 0)
        type_text("No apologies were received.")
        qtbot.waitUntil(lambda: meeting.items[0].taken_at is not None, timeout=3000)
        assert meeting.start_time == dt.time(19, 0)
        assert live.quorum_text(window) == "Quorum: 51 present, 47 needed"

        # Declarations: made at their item, proposed for the next (Allotment rents).
        live.set_clock(window, DAY, 19, 4)
        live.next_item(window, qtbot)
        declare_interest(window, "oka", "oth", "Allotment holder", "r")
        live.set_clock(window, DAY, 19, 6)
        live.next_item(window, qtbot)
        type_text("The Clerk reported on the rents of the 40 plots.")
        declare_interest(window, "patel", "dis", "Rents plot 4", "w")
        record_motion(
            window,
            motion_keys("That allotment rents rise by 3 per cent from October", "jones", "Ó Br",
                        (30, 15, 2)),
        )  # fmt: skip

        # The budget: a named vote of all 51 (all For, then exceptions), an amendment lost.
        live.set_clock(window, DAY, 19, 20)
        live.next_item(window, qtbot)
        type_text("The Treasurer presented the budget and the precept.")
        record_motion(
            window,
            motion_keys("That the budget for 2027/28 be approved", "patel", "jones", named=True),
            grid_keys([("Abbott", "a"), ("Brennan", "a"), ("Dunn", "b"), ("Evans", "n")]),
        )
        record_motion(
            window,
            motion_keys("That the precept rise by 2 per cent only", "evans", "dunn", (10, 38, 2),
                        amends=1),
        )  # fmt: skip

        # Community grants: five members leave for the by-election count; quorum is lost at
        # the fifth, and regained when Councillor Zielinski comes back.
        live.set_clock(window, DAY, 21, 35)
        live.next_item(window, qtbot)
        type_text("Members considered the twelve applications.")
        for minute, surname in enumerate(LEAVERS, start=40):
            live.set_clock(window, DAY, 21, minute)
            live.member_moves(window, qtbot, surname, expect="left the meeting")
        assert live.quorum_text(window) == "Quorum lost: 46 present, 47 needed"
        assert window.statusBar().currentMessage() == (
            "Quorum lost at item 5: 46 present, 47 needed"
        )
        # The red warning is shown whole in the status bar, not cut off at "47".
        indicator = window.proceedings.indicator
        qtbot.waitUntil(lambda: indicator.width() >= indicator.sizeHint().width(), timeout=2000)
        type_text(" The Mayor adjourned the meeting for ten minutes.")
        live.set_clock(window, DAY, 21, 58)
        live.member_moves(window, qtbot, "Zielinski", expect="arrived")
        assert live.quorum_text(window) == "Quorum: 47 present, 47 needed"
        assert window.statusBar().currentMessage().startswith("Quorum regained at item 5")
        assert len(live.rows_of(window, RowKind.MOVEMENT)) == 6

        # The press and public are excluded for the depot sale (paragraph 3).
        live.set_clock(window, DAY, 22, 5)
        live.next_item(window, qtbot)
        wording = live.exclude_public(window, qtbot, "3")
        live.next_item(window, qtbot)
        type_text("The Council agreed the sale to the preferred bidder.")
        assert [i.exempt for i in meeting.items] == [False] * 6 + [True]

        # Back to an early point and on again: the caret returns to the end.
        key(Qt.Key.Key_Home, CTRL)
        key(Qt.Key.Key_End)
        type_text(" The Mayor welcomed members.")
        key(Qt.Key.Key_End, CTRL)
        type_text(" Terms are in the exempt report.")
        live.set_clock(window, DAY, 22, 20)
        live.close_meeting(window, qtbot)

        for suffix, letter in (("docx", Qt.Key.Key_E), ("pdf", Qt.Key.Key_P)):
            window.run_dialog = answering(lambda _dialog: None)  # the public version
            window.choose_path = lambda *_args, s=suffix: str(out / f"minutes.{s}")
            key(letter, CTRL)
            wait_exported(window)
    finally:
        window.close()

    # The file, through a fresh connection.
    saved = reload(db_path, meeting_id)
    assert saved.items[0].points[0].text.endswith("The Mayor welcomed members.")
    assert [d.member for d in saved.items[2].declarations] == [
        "Councillor Bob Okafor",
        "Councillor Ann Patel",
    ]
    [rents] = saved.items[2].motions
    assert outcome(rents) is Outcome.CARRIED
    budget, amendment = saved.items[3].motions
    assert len(budget.named) == 51 and outcome(budget) is Outcome.CARRIED
    assert sum(v.vote is Vote.FOR for v in budget.named) == 47
    assert amendment.amends == 0 and outcome(amendment) is Outcome.LOST
    moves = [(m.member.split()[-1], m.kind) for m in saved.items[4].movements]
    assert moves == [(s, MovementKind.LEFT) for s in LEAVERS] + [
        ("Zielinski", MovementKind.ARRIVED)
    ]
    assert saved.items[5].exclusion == wording and saved.items[6].exempt
    assert saved.start_time == dt.time(19, 0) and saved.end_time == dt.time(22, 20)
    assert saved.items[4].taken_at == dt.time(21, 35)

    # The words the minutes print, in order, in Word and in the public PDF.
    wanted = [
        "No apologies were received. The Mayor welcomed members.",
        "Councillor Bob Okafor declared an other registrable interest",
        "Councillor Ann Patel declared a disclosable pecuniary interest (Rents plot 4) and "
        "left the room during consideration of this item.",
        "It was moved by Councillor Cat Jones, seconded by Councillor Fin Ó Briain, and "
        "RESOLVED that allotment rents rise by 3 per cent from October.",
        "It was moved by Councillor Ann Patel, seconded by Councillor Cat Jones, and RESOLVED "
        "that the budget for 2027/28 be approved.",
        "An amendment was moved by Councillor Hal Evans, seconded by Councillor Gus Dunn",
        "was LOST",
        "Councillor Max Whitlock left the meeting at 9.40 pm during item 5 and took no part "
        "in the vote.",
        "Councillor Bob Zielinski arrived at 9.58 pm during item 5.",
        "paragraph 3 of Part 1 of Schedule 12A",
        "Sale of the Mill Lane depot",
    ]
    word = _flat("\n".join(p.text for p in docx.Document(str(out / "minutes.docx")).paragraphs))
    _in_order(word, wanted)
    pdf = _flat(pdftotext(out / "minutes.pdf"))
    _in_order(pdf, wanted)
    for text in (word, pdf):
        assert "preferred bidder" not in text and "exempt report" not in text
    # The plain-text minutes (the command line's export) print them too, and bring every
    # record back into a fresh database.
    assert main(["--db", str(db_path), "export", str(meeting_id), "--to", str(out / "m.txt")]) == 0
    plain = _flat((out / "m.txt").read_text(encoding="utf-8"))
    # Its own lines, one a record, so that import reads back exactly what was typed.
    _in_order(
        plain,
        [
            "DECLARED: Councillor Bob Okafor; other registrable; remained; Allotment holder",
            "MOTION: Councillor Cat Jones; Councillor Fin Ó Briain; That allotment rents rise",
            "VOTES: for 30; against 15; abstain 2",
            "MOTION: Councillor Ann Patel; Councillor Cat Jones; That the budget",
            "VOTE: Councillor Dev Abbott; against",
            "AMENDMENT OF 1: Councillor Hal Evans; Councillor Gus Dunn;",
            "LEFT: Councillor Max Whitlock; 9.40 pm",
            "ARRIVED: Councillor Bob Zielinski; 9.58 pm",
            "EXCLUDED: That under section 100A(4)",
        ],
    )
    fresh = tmp_path / "fresh.db"
    assert main(["--db", str(fresh), "import", str(out / "m.txt")]) == 0
    imported = open_database(fresh)
    try:
        [again] = meetings.list_meetings(imported)
    finally:
        imported.close()
    assert again.id is not None
    back = reload(fresh, again.id)
    assert [d.member for d in back.items[2].declarations] == [
        d.member for d in saved.items[2].declarations
    ]
    assert back.items[3].motions == saved.items[3].motions
    assert back.items[4].movements == saved.items[4].movements

    # The named vote is a table in the Word file: a header and one row per member.
    tables = docx.Document(str(out / "minutes.docx")).tables
    vote_table = next(t for t in tables if len(t.rows) == 52)
    assert "Councillor Dev Abbott" in {cell.text for row in vote_table.rows for cell in row.cells}
