"""Ctrl+Shift+R: the records at the current item (declarations, motions, arrivals and
departures, the exclusion...), each named and worded as the minutes print it, to pick one
from the keyboard: Enter edits it, Delete removes it (after asking), V opens a motion's named
vote."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

EDIT, REMOVE, VOTE = "edit", "remove", "vote"


class RecordsDialog(QDialog):
    """``entries``: one line a record, saying what it is; ``votable``: which of them are
    motions (or their votes)."""

    def __init__(
        self, where: str, entries: list[str], votable: list[bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Records at this item")
        self.votable = votable
        self.action = EDIT
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.addItems(entries)
        self.list.setCurrentRow(len(entries) - 1)  # the latest: usually the one to fix
        self.list.itemActivated.connect(lambda _item: self._choose(EDIT))
        self.list.installEventFilter(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        for text, action in (("&Edit", EDIT), ("&Remove…", REMOVE), ("&Named vote…", VOTE)):
            button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, a=action: self._choose(a))
        # Only a motion has a named vote: the button is greyed out on any other record, so a
        # click never silently does nothing.
        self.vote_button = button
        self.list.currentRowChanged.connect(self._offer_vote)
        self._offer_vote(self.list.currentRow())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        keys = "Enter edits, Delete removes, V opens a motion's named vote"
        layout.addWidget(QLabel(f"Item {where}\n{keys}"))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.list.setFocus()
        self.resize(640, 360)

    def _offer_vote(self, row: int) -> None:
        self.vote_button.setEnabled(0 <= row < len(self.votable) and self.votable[row])

    @property
    def index(self) -> int:
        return self.list.currentRow()

    def _choose(self, action: str) -> None:
        if self.index < 0 or (action == VOTE and not self.votable[self.index]):
            return
        self.action = action
        self.accept()

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802  (Qt's name)
        if isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
            if event.key() == Qt.Key.Key_Delete and plain:
                self._choose(REMOVE)
                return True
            if event.key() == Qt.Key.Key_V and plain:
                self._choose(VOTE)
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]
