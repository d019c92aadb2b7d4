"""The named vote grid's keys on their own, for a full council: a letter marks the row and
steps on, capitals too; Delete unmarks; Enter records nothing; unmarked rows are members who
did not vote; a vote already recorded comes back in its order with new members after it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from clerk_app.core.procedure.motions import NamedVote, Vote
from clerk_app.ui.dialogs.named_vote_grid import NamedVoteDialog
from tests.ui.helpers import key, present, type_text
from tests.ui.procedure_steps import CTRL, SHIFT, fifty_one_members


def test_fifty_one_members_marked_from_the_keyboard(qtbot: QtBot) -> None:
    members = fifty_one_members()
    dialog = NamedVoteDialog(members, [], lambda name: "had left" if "Okafor" in name else "")
    qtbot.addWidget(dialog)
    present(dialog)
    assert dialog.table.rowCount() == 51 and dialog.table.currentRow() == 0
    assert dialog.table.item(1, 2).text() == "⚠ had left"  # type: ignore[union-attr]
    type_text("FaBsN")  # rows 1-5: capitals as well as small letters
    assert dialog.table.currentRow() == 5
    key(Qt.Key.Key_Up)
    key(Qt.Key.Key_Delete)  # row 5 unmarked again; the caret stays on it
    assert dialog.table.currentRow() == 4
    key(Qt.Key.Key_Return)  # Enter records nothing: the grid is still open
    assert dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.totals_text() == (
        "For 1, Against 1, Abstain 2, Did not vote 0; 47 not yet marked (did not vote)"
    )
    key(Qt.Key.Key_F, CTRL | SHIFT)
    assert dialog.totals_text() == "For 48, Against 1, Abstain 2, Did not vote 0"
    key(Qt.Key.Key_End, CTRL)
    type_text("aa")  # the last row marked twice: the caret cannot go past it
    assert dialog.table.currentRow() == 50
    key(Qt.Key.Key_Return, CTRL)
    assert dialog.result() == QDialog.DialogCode.Accepted
    votes = dialog.votes()
    assert [v.vote for v in votes[:5]] == [Vote.FOR, Vote.AGAINST, Vote.ABSTAIN, Vote.ABSTAIN,
                                           Vote.FOR]  # fmt: skip
    assert votes[-1] == NamedVote(members[-1], Vote.AGAINST)


def test_a_recorded_vote_comes_back_with_new_members_after_it(qtbot: QtBot) -> None:
    earlier = [NamedVote("Councillor Ann Patel", Vote.AGAINST)]
    dialog = NamedVoteDialog(["Councillor Bob Okafor", "Cllr Ann Patel"], earlier)
    qtbot.addWidget(dialog)
    present(dialog)
    assert dialog.members == ["Councillor Ann Patel", "Councillor Bob Okafor"]
    key(Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.votes() == [
        NamedVote("Councillor Ann Patel", Vote.AGAINST),
        NamedVote("Councillor Bob Okafor", Vote.DID_NOT_VOTE),  # unmarked
    ]
