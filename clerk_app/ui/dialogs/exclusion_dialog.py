"""Exclude the press and public at an item: the Schedule 12A paragraphs, and the resolution
the minutes will print in the body's law, shown as it is typed.

A principal council in England cites paragraphs of Part 1 of Schedule 12A, so the field
is required and takes paragraph numbers only; a parish or town council excludes under the
1960 Act, which cites none, so there is nothing to type and OK records it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from clerk_app.core.exempt import check_paragraphs
from clerk_app.core.procedure.bodies import Body, ExclusionLaw
from clerk_app.core.procedure.exclusion import exclusion_wording
from clerk_app.ui.dialogs.ctrl_enter import accept_on_ctrl_enter
from clerk_app.ui.dialogs.typed_fields import problem_label


class ExclusionDialog(QDialog):
    def __init__(
        self,
        body: Body,
        where: str,
        parent: QWidget | None = None,
        *,
        paragraphs: str = "",
        recorded: str = "",
    ) -> None:
        """``paragraphs`` and ``recorded``: an exclusion already passed, being edited; its
        wording is shown as recorded (imported minutes may word it their own way) until
        the paragraphs are changed."""
        super().__init__(parent)
        accept_on_ctrl_enter(self)
        self.body = body
        self.recorded, self.recorded_paragraphs = recorded.strip(), paragraphs
        self.setWindowTitle(
            "Edit the exclusion of the press and public"
            if recorded
            else "Exclude the press and public"
        )
        self.paragraphs = QLineEdit(paragraphs)
        self.paragraphs.setPlaceholderText("Schedule 12A paragraph(s), e.g. 3 or 1, 3")
        self.needs_paragraphs = body.exclusion_law is ExclusionLaw.ENGLAND
        self.wording = QLabel()
        self.wording.setObjectName("ExclusionWording")
        self.wording.setWordWrap(True)
        self.problem = problem_label()
        form = QFormLayout(self)
        form.addRow(QLabel(f"At {where}; the items after it are exempt until readmission."))
        if body.exclusion_law is not ExclusionLaw.PARISH:
            form.addRow("&Paragraphs:", self.paragraphs)
        form.addRow("RESOLVED:", self.wording)
        form.addRow("", self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.paragraphs.textChanged.connect(lambda _text: self._show_wording())
        self._show_wording()
        self.paragraphs.setFocus()
        self.paragraphs.selectAll()  # editing: typing replaces the paragraphs
        self.resize(600, self.sizeHint().height())

    def _show_wording(self) -> None:
        if self.recorded and self.paragraphs.text() == self.recorded_paragraphs:
            self.wording.setText(self.recorded)
            return
        typed = self.paragraphs.text().strip() or "…"
        self.wording.setText(exclusion_wording(self.body, typed))

    def paragraph_list(self) -> str:
        """The paragraphs as stored ("1, 3"); "" under the 1960 Act."""
        if self.body.exclusion_law is ExclusionLaw.PARISH:
            return ""
        return check_paragraphs(self.paragraphs.text())

    def accept(self) -> None:
        try:
            paragraphs = self.paragraph_list()
        except ValueError as exc:
            self._refuse(f"Not recorded: {exc}.")
            return
        if self.needs_paragraphs and not paragraphs:
            self._refuse(
                "Not recorded: give the Schedule 12A paragraph(s) the exempt business falls "
                "under, for example 3 (financial or business affairs)."
            )
            return
        super().accept()

    def _refuse(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
        self.paragraphs.setFocus()
        self.paragraphs.selectAll()
