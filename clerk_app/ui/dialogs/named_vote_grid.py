"""A named (recorded) vote: one row a present voting member, filled from the keyboard.

Quick for a budget meeting of fifty members: F (for), A (against), B or S (abstain) and N
(did not vote) mark the focused row and step to the next; Ctrl+Shift+F marks every row not
yet marked For, so the clerk types only the exceptions; Ctrl+F finds a member by name.
Totals follow each key.  A member flagged at the item (a pecuniary interest, left the
meeting) is marked in the grid, never refused."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.core.procedure.motion_wording import VOTE_WORDS
from clerk_app.core.procedure.motions import NamedVote, Vote
from clerk_app.core.procedure.movements import member_key
from clerk_app.ui.dialogs.field_dialog import FieldDialog

# By the character typed (either case), as a keyboard layout gives it.
VOTE_KEYS = {"f": Vote.FOR, "a": Vote.AGAINST, "b": Vote.ABSTAIN, "s": Vote.ABSTAIN,
             "n": Vote.DID_NOT_VOTE}  # fmt: skip
FLAGGED = QColor("#a11d1d")


class VoteTable(QTableWidget):
    """The grid's keys: a vote letter marks the row and moves on; Delete unmarks it."""

    def __init__(self, mark: Callable[[int, Vote | None], None]) -> None:
        super().__init__(0, 3)
        self._mark = mark

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        )
        row = self.currentRow()
        key, letter = event.key(), event.text().lower()
        if plain and row >= 0 and letter in VOTE_KEYS:
            self._mark(row, VOTE_KEYS[letter])
            self.setCurrentCell(min(row + 1, self.rowCount() - 1), 1)
        elif plain and row >= 0 and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._mark(row, None)
        else:
            super().keyPressEvent(event)


class NamedVoteDialog(FieldDialog):
    enter_moves_on = False  # the letters move down the grid; Enter records nothing

    def __init__(
        self,
        members: list[str],
        current: list[NamedVote],
        flag: Callable[[str], str] = lambda _name: "",
        *,
        title: str = "Named vote",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        # The votes already recorded, in their order; then present members not yet in them.
        known = {member_key(row.member) for row in current}
        self.members = [row.member for row in current]
        self.members += [name for name in members if member_key(name) not in known]
        self.marks: list[Vote | None] = [row.vote for row in current]
        self.marks += [None] * (len(self.members) - len(current))
        self.finder = QLineEdit()
        self.finder.setPlaceholderText("Find a member (Ctrl+F), then Enter")
        self.finder.textChanged.connect(self._find)
        self.table = VoteTable(self._mark)
        self.finder.returnPressed.connect(self.table.setFocus)
        self.table.setHorizontalHeaderLabels(["Member", "Vote", "Note"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setRowCount(len(self.members))
        self.vote_cells: list[QTableWidgetItem] = []
        for row, name in enumerate(self.members):
            reason = flag(name)
            cells = [QTableWidgetItem(name), QTableWidgetItem(""), QTableWidgetItem("")]
            if reason:
                cells[2].setText(f"⚠ {reason}")
                for cell in cells:
                    cell.setForeground(QBrush(FLAGGED))
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
            self.vote_cells.append(cells[1])
            self._show(row)
        self.totals = QLabel()
        all_for = QPushButton("All remaining &For (Ctrl+Shift+F)")
        all_for.setAutoDefault(False)
        all_for.clicked.connect(self.all_remaining_for)
        QShortcut(QKeySequence("Ctrl+Shift+F"), self, self.all_remaining_for)
        QShortcut(QKeySequence("Ctrl+F"), self, self._focus_find)
        help_line = QLabel("Keys: F for, A against, B or S abstain, N did not vote, Del unmark")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter in the grid must not close it
        top = QHBoxLayout()
        top.addWidget(self.finder, 2)
        top.addWidget(all_for, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(help_line)
        layout.addWidget(self.table)
        layout.addWidget(self.totals)
        layout.addWidget(buttons)
        self._update_totals()
        if self.members:
            self.table.setCurrentCell(0, 1)
        self.table.setFocus()
        self.resize(640, 620)

    def _show(self, row: int) -> None:
        mark = self.marks[row]
        self.vote_cells[row].setText(VOTE_WORDS[mark] if mark is not None else "")

    def _mark(self, row: int, vote: Vote | None) -> None:
        self.marks[row] = vote
        self._show(row)
        self._update_totals()

    def all_remaining_for(self) -> None:
        for row, mark in enumerate(self.marks):
            if mark is None:
                self.marks[row] = Vote.FOR
                self._show(row)
        self._update_totals()
        self.table.setFocus()

    def _focus_find(self) -> None:
        self.finder.setFocus()
        self.finder.selectAll()

    def _find(self, text: str) -> None:
        wanted = text.strip().casefold()
        if not wanted:
            return
        for row, name in enumerate(self.members):
            if wanted in name.casefold():
                self.table.setCurrentCell(row, 1)
                self.table.scrollToItem(self.vote_cells[row])
                return

    def totals_text(self) -> str:
        count = {vote: self.marks.count(vote) for vote in Vote}
        unmarked = self.marks.count(None)
        text = (
            f"For {count[Vote.FOR]}, Against {count[Vote.AGAINST]}, "
            f"Abstain {count[Vote.ABSTAIN]}, Did not vote {count[Vote.DID_NOT_VOTE]}"
        )
        return text + (f"; {unmarked} not yet marked (did not vote)" if unmarked else "")

    def _update_totals(self) -> None:
        self.totals.setText(self.totals_text())

    def votes(self) -> list[NamedVote]:
        """The grid as recorded; a row left unmarked is a member who did not vote."""
        return [
            NamedVote(name, mark if mark is not None else Vote.DID_NOT_VOTE)
            for name, mark in zip(self.members, self.marks, strict=True)
        ]
