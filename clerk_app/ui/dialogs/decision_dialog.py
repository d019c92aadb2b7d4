"""A decision block: RESOLVED / NOTED / AGREED / RECOMMEND, its preamble and numbered resolutions.

Ctrl+R opens it on a new RESOLVED block ("That the Committee:"); double-clicking a decision
edits it.  Resolutions are typed one per line; their numbering (i., 1., (a)) is drawn, never
typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from clerk_app.core.model import Decision, DecisionKind, Numbering
from clerk_app.ui.dialogs.ctrl_enter import accept_on_ctrl_enter


class DecisionDialog(QDialog):
    def __init__(self, decision: Decision, *, new: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        accept_on_ctrl_enter(self)
        self.setWindowTitle("Add decision" if new else "Decision")
        self.removed = False
        self.kind = QComboBox()
        for kind in DecisionKind:
            self.kind.addItem(kind.value, kind)
        self.kind.setCurrentIndex(list(DecisionKind).index(decision.kind))
        self.preamble = QLineEdit(decision.preamble)
        self.resolutions = QPlainTextEdit("\n".join(decision.resolutions))
        self.resolutions.setTabChangesFocus(True)
        self.resolutions.setPlaceholderText("One resolution per line: noted the report")
        self.numbering = QComboBox()
        for numbering in Numbering:
            self.numbering.addItem(numbering.value, numbering)
        self.numbering.setCurrentIndex(list(Numbering).index(decision.numbering))
        form = QFormLayout(self)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Preamble:", self.preamble)
        form.addRow("&Resolutions:", self.resolutions)
        form.addRow("&Numbering:", self.numbering)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        if not new:
            remove = buttons.addButton(
                "Remove decision", QDialogButtonBox.ButtonRole.DestructiveRole
            )
            remove.clicked.connect(self._remove)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resolutions.setFocus()
        self.resize(560, self.sizeHint().height())

    def _remove(self) -> None:
        self.removed = True
        self.accept()

    def decision(self) -> Decision:
        lines = self.resolutions.toPlainText().split("\n")
        return Decision(
            # By index: PySide hands a StrEnum back from currentData() as a plain str.
            kind=list(DecisionKind)[self.kind.currentIndex()],
            preamble=self.preamble.text().strip(),
            resolutions=[line.strip() for line in lines if line.strip()],
            numbering=list(Numbering)[self.numbering.currentIndex()],
        )
