"""Small dialogs of the archive: a date to approve or to hold the next meeting, an amendment,
and a confirmation that names what it is about to do.

They only collect values; the window's flows (``archive_wiring``) call the services.  Each
is a plain QDialog accepted by OK, so tests answer them through ``window.run_dialog``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_app.ui.dialogs.ctrl_enter import accept_on_ctrl_enter
from clerk_app.ui.dialogs.typed_fields import DateField, date_problem, problem_label


def _buttons(dialog: QDialog, ok: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok_button = box.button(QDialogButtonBox.StandardButton.Ok)
    ok_button.setText(ok)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class DateDialog(QDialog):
    """One date, with a sentence saying what it is for (approval, next meeting)."""

    def __init__(
        self, title: str, prompt: str, label: str, value: dt.date, ok: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        accept_on_ctrl_enter(self)
        self.setWindowTitle(title)
        explanation = QLabel(prompt)
        explanation.setWordWrap(True)
        self.date = DateField(value)
        self.label = label
        self.problem = problem_label()
        form = QFormLayout()
        form.addRow(label, self.date)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, ok))
        self.setMinimumWidth(420)

    def accept(self) -> None:
        if not date_problem(self.date, self.label.rstrip(":"), self.problem):
            super().accept()

    def value(self) -> dt.date:
        return self.date.value()


class AmendDialog(QDialog):
    """The point's new wording as agreed, and the date of the meeting that agreed it."""

    def __init__(self, where: str, text: str, agreed_on: dt.date, parent: QWidget | None) -> None:
        super().__init__(parent)
        accept_on_ctrl_enter(self)
        self.setWindowTitle("Record amendment")
        explanation = QLabel(
            f"<b>{where}</b><br>Approved minutes change only as agreed at a later meeting. "
            "The old and new wording are both kept in the minutes' history."
        )
        explanation.setWordWrap(True)
        self.before = text
        self.text = QPlainTextEdit(text)
        self.text.setTabChangesFocus(True)
        self.agreed_on = DateField(agreed_on)
        self.problem = problem_label()
        form = QFormLayout()
        form.addRow("New wording:", self.text)
        form.addRow("Agreed at the meeting of:", self.agreed_on)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, "Record amendment"))
        self.resize(620, 320)

    def new_text(self) -> str:
        return self.text.toPlainText().strip()

    def accept(self) -> None:
        if not date_problem(self.agreed_on, "Agreed at the meeting of", self.problem):
            super().accept()

    def agreed(self) -> dt.date:
        return self.agreed_on.value()


class ConfirmDialog(QDialog):
    """Asks before a consequential step, naming exactly what it applies to."""

    def __init__(self, title: str, message: str, ok: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        box = _buttons(self, ok)
        # Cancel is the default: Enter pressed by habit must not delete anything.
        box.button(QDialogButtonBox.StandardButton.Ok).setAutoDefault(False)
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        cancel.setFocus()
        layout.addWidget(box)
        self.setMinimumWidth(440)
