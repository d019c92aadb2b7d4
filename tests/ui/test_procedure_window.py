"""A clerk records declarations of interest, a motion with counts, an amendment lost and a
51-member named vote from the keyboard in the real window; the file has them, and the Word
and PDF minutes read back (python-docx, pdftotext) print them in the council's words, in order.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from clerk_app.core.procedure.declarations import OTHER_REGISTRABLE, PECUNIARY, Conduct
from clerk_app.core.procedure.motions import Counts, Outcome, Vote, outcome
from clerk_app.store.database import Database
from clerk_app.ui.capture.rows import RowKind
from clerk_app.ui.dialogs.named_vote_grid import NamedVoteDialog
from clerk_app.ui.shell.main_window import MainWindow
from tests.export.readers import pdftotext
from tests.ui.helpers import by_keys, key, reload, type_text, wait_exported
from tests.ui.procedure_steps import (
    CTRL,
    SHIFT,
    council_with_members,
    declare_interest,
    fifty_one_members,
    grid_keys,
    meeting_of,
    motion_keys,
    open_window,
    record_motion,
    rows_of,
)

BODY = "Ashford Town Council"
ITEMS = ["Apologies for absence", "Declarations of interest", "Allotment rents", "Budget 2027/28"]
BUDGET_EXCEPTIONS = [
    ("Abbott", "a"), ("Brennan", "a"), ("Ó Briain", "a"), ("Dunn", "b"), ("Evans", "n")
]  # fmt: skip
AGAINST = "Against (3): Councillor Dev Abbott, Councillor Eve Brennan, Councillor Fin Ó Briain."


def _texts(window: MainWindow, kind: RowKind) -> list[str]:
    return [row.text for row in rows_of(window, kind)]


def _budget_meeting(db: Database) -> int:
    council_with_members(db, BODY, fifty_one_members())
    return meeting_of(db, BODY, dt.date(2027, 2, 16), ITEMS)


def test_declarations_motions_and_a_named_vote_typed_in_the_window(
    db: Database, db_path: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    meeting_id = _budget_meeting(db)
    window = open_window(qtbot, db, tmp_path, meeting_id)
    try:
        assert window.view is not None
        # The caret opens in the first item; the clerk types as the meeting goes.
        type_text("No apologies were received.")
        key(Qt.Key.Key_Down, CTRL)

        # At the Declarations item: Councillor Okafor, picked from the completer, declares
        # an interest in item 3; it is listed here and shown at item 3.
        declare_interest(window, "oka", "oth", "Allotment holder", "r")
        okafor = "Councillor Bob Okafor declared an other registrable interest"
        assert _texts(window, RowKind.DECLARATION) == [
            f"{okafor} in minute 3 (Allotment rents) (Allotment holder) and remained in the room.",
            f"{okafor} (Allotment holder) and remained in the room.",
        ]
        listed, at_item = rows_of(window, RowKind.DECLARATION)
        assert window.view is not None
        rows = window.view.rows
        assert rows[rows.index(listed) - 1].item is window.model.meeting.items[1]
        assert rows[rows.index(at_item) - 1].text == "Allotment rents"
        assert window.stack.undoText() == "Declare interest"
        key(Qt.Key.Key_Down, CTRL)

        # At Allotment rents: a pecuniary interest declared at the item itself; one undo step.
        type_text("The Clerk reported on the rents of the 40 plots.")
        before = window.stack.count()
        declare_interest(window, "patel", "dis", "Rents plot 4", "w")
        assert window.stack.count() == before + 1
        patel = (
            "Councillor Ann Patel declared a disclosable pecuniary interest (Rents plot 4) "
            "and left the room during consideration of this item."
        )
        assert patel in _texts(window, RowKind.DECLARATION)
        key(Qt.Key.Key_Z, CTRL)
        assert patel not in _texts(window, RowKind.DECLARATION)
        key(Qt.Key.Key_Z, CTRL | SHIFT)
        assert patel in _texts(window, RowKind.DECLARATION)

        # A motion with counts: carried, worked out by core as the counts were typed.
        record_motion(
            window,
            motion_keys("That allotment rents rise by 3 per cent from October", "jones", "Ó Br",
                        (30, 15, 2)),
        )  # fmt: skip
        assert _texts(window, RowKind.MOTION) == [
            "It was moved by Councillor Cat Jones, seconded by Councillor Fin Ó Briain, and "
            "RESOLVED that allotment rents rise by 3 per cent from October. "
            "(For 30, Against 15, Abstentions 2)"
        ]
        key(Qt.Key.Key_Down, CTRL)

        # The budget: the motion's named vote from its dialog, all For then 5 exceptions.
        type_text("The Treasurer presented the budget and the precept.")
        record_motion(
            window,
            motion_keys("That the budget for 2027/28 be approved", "patel", "jones", named=True),
            grid_keys(BUDGET_EXCEPTIONS),
        )
        # An amendment to it, lost on a show of hands.
        record_motion(
            window,
            motion_keys("That the precept rise by 2 per cent only", "evans", "dunn", (10, 38, 2),
                        amends=1),
        )  # fmt: skip
        # Councillor Evans's vote was missed: Ctrl+Shift+R lists the item's records (the
        # latest chosen); Up to the motion, V for its named vote; Evans found, F.
        grids: list[str] = []

        def evans_for(dialog: QDialog) -> None:
            assert isinstance(dialog, NamedVoteDialog)
            key(Qt.Key.Key_F, CTRL)
            type_text("Evans")
            key(Qt.Key.Key_Return)
            type_text("f")
            grids.append(dialog.totals_text())
            key(Qt.Key.Key_Return, CTRL)

        def up_to_the_motion_then_v(_dialog: QDialog) -> None:
            key(Qt.Key.Key_Up)
            key(Qt.Key.Key_V)

        runs = iter([by_keys(up_to_the_motion_then_v), by_keys(evans_for)])
        window.run_dialog = lambda dialog: next(runs)(dialog)
        key(Qt.Key.Key_R, CTRL | SHIFT)
        assert grids == ["For 47, Against 3, Abstain 1, Did not vote 0"]
        motions = _texts(window, RowKind.MOTION)
        assert motions[1:] == [
            "It was moved by Councillor Ann Patel, seconded by Councillor Cat Jones, and RESOLVED "
            "that the budget for 2027/28 be approved. (For 47, Against 3, Abstentions 1)",
            "An amendment was moved by Councillor Hal Evans, seconded by Councillor Gus Dunn, "
            "that the precept rise by 2 per cent only. On being put to the vote the amendment "
            "was LOST. (For 10, Against 38, Abstentions 2)",
        ]
        vote_rows = _texts(window, RowKind.NAMED_VOTE)
        assert len(vote_rows) == 1 and AGAINST in vote_rows[0]

        # Back to fix an early point, then Ctrl+End to carry on where the clerk was.
        key(Qt.Key.Key_Home, CTRL)
        key(Qt.Key.Key_End)
        type_text(" The Mayor welcomed members.")
        key(Qt.Key.Key_End, CTRL)
        type_text(" Members thanked the Treasurer.")

        # The minutes, exported from the window: Word (Ctrl+E) and PDF (Ctrl+P).
        for suffix, keys in (("docx", Qt.Key.Key_E), ("pdf", Qt.Key.Key_P)):
            window.choose_path = lambda *_args, s=suffix: str(tmp_path / f"budget.{s}")
            key(keys, CTRL)
            wait_exported(window)
    finally:
        window.close()

    saved = reload(db_path, meeting_id)
    declarations, allotments, budget = saved.items[1], saved.items[2], saved.items[3]
    assert (
        saved.items[0].points[0].text == "No apologies were received. The Mayor welcomed members."
    )
    assert budget.points[0].text.endswith("precept. Members thanked the Treasurer.")
    assert declarations.declarations == []  # made there, in item 3
    okafor_saved, patel_saved = allotments.declarations
    assert (okafor_saved.member, okafor_saved.kind, okafor_saved.nature, okafor_saved.conduct) == (
        "Councillor Bob Okafor",
        OTHER_REGISTRABLE,
        "Allotment holder",
        Conduct.REMAINED,
    )
    assert (patel_saved.kind, patel_saved.conduct, patel_saved.sensitive) == (
        PECUNIARY,
        Conduct.WITHDREW,
        False,
    )
    [rents] = allotments.motions
    assert (rents.mover, rents.seconder, rents.counts) == (
        "Councillor Cat Jones",
        "Councillor Fin Ó Briain",
        Counts(30, 15, 2),
    )
    motion, amendment = budget.motions
    assert amendment.amends == 0 and amendment.counts == Counts(10, 38, 2)
    assert outcome(amendment) is Outcome.LOST and outcome(motion) is Outcome.CARRIED
    assert len(motion.named) == 51
    votes = {row.member.split()[-1]: row.vote for row in motion.named}
    assert [n for n, v in votes.items() if v is Vote.AGAINST] == ["Abbott", "Brennan", "Briain"]
    assert [n for n, v in votes.items() if v is Vote.ABSTAIN] == ["Dunn"]
    assert sum(v is Vote.FOR for v in votes.values()) == 47

    # Read back by independent readers: the wording in order, and the vote table.
    sentences = [
        "Councillor Bob Okafor declared an other registrable interest in minute 3 (Allotment "
        "rents)",
        "Councillor Ann Patel declared a disclosable pecuniary interest (Rents plot 4) and left "
        "the room during consideration of this item.",
        "RESOLVED that allotment rents rise by 3 per cent from October. (For 30, Against 15, "
        "Abstentions 2)",
        "RESOLVED that the budget for 2027/28 be approved. (For 47, Against 3, Abstentions 1)",
        "On being put to the vote the amendment was LOST. (For 10, Against 38, Abstentions 2)",
    ]
    document = docx.Document(str(tmp_path / "budget.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    places = [text.find(sentence) for sentence in sentences]
    assert -1 not in places and places == sorted(places), places
    [vote_table] = [t for t in document.tables if t.rows[0].cells[0].text == "Member"]
    in_word = [(r.cells[0].text, r.cells[1].text) for r in vote_table.rows[1:]]
    assert len(in_word) == 51
    assert in_word[3:8] == [
        ("Councillor Dev Abbott", "Against"), ("Councillor Eve Brennan", "Against"),
        ("Councillor Fin Ó Briain", "Against"), ("Councillor Gus Dunn", "Abstain"),
        ("Councillor Hal Evans", "For"),
    ]  # fmt: skip
    pdf = " ".join(pdftotext(tmp_path / "budget.pdf", layout=False).split())
    places = [pdf.find(" ".join(sentence.split())) for sentence in sentences]
    assert -1 not in places and places == sorted(places), places
    # The table, row by row as laid out on the page: each member beside their vote.
    lines = [" ".join(line.split()) for line in pdftotext(tmp_path / "budget.pdf").splitlines()]
    in_pdf = [line for line in lines if re.fullmatch(r"Councillor .+ (For|Against|Abstain)", line)]
    assert len(in_pdf) == 51
    assert in_pdf[3:8] == [f"{name} {vote}" for name, vote in in_word[3:8]]
