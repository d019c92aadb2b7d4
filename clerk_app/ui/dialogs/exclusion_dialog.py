"""Exclude the press and public at an item: the Schedule 12A paragraphs, and the resolution
the minutes will print in the body's law, shown as it is typed.

A principal council in England cites paragraphs of Part 1 of Schedule 12A, so the field
is required and takes paragraph numbers only; a parish or town council excludes under the
1960 Act, which cites none but wants the special reasons stated in the resolution (s.1(2)),
so it has a Reason field instead: optional, as the wording long used here went without.
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
from clerk_app.core.procedure.exclusion import exclusion_reason, exclusion_wording
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
        reason: str = "",
    ) -> None:
        """``paragraphs``, ``reason`` and ``recorded``: an exclusion already passed, being
        edited; its wording is shown as recorded (imported minutes may word it their own
        way) until the paragraphs or the reason are changed."""
        super().__init__(parent)
        accept_on_ctrl_enter(self)
        self.body = body
        self.recorded, self.recorded_paragraphs = recorded.strip(), paragraphs
        self.recorded_reason = reason
        self.setWindowTitle(
            "Edit the exclusion of the press and public"
            if recorded
            else "Exclude the press and public"
        )
        self.paragraphs = QLineEdit(paragraphs)
        self.paragraphs.setPlaceholderText("Schedule 12A paragraph(s), e.g. 3 or 1, 3")
        self.needs_paragraphs = body.exclusion_law is ExclusionLaw.ENGLAND
        self.parish = body.exclusion_law is ExclusionLaw.PARISH
        self.reason_field = QLineEdit(reason)
        self.reason_field.setPlaceholderText(
            "Optional, e.g. staffing matters, or legal advice on the lease"
        )
        self.wording = QLabel()
        self.wording.setObjectName("ExclusionWording")
        self.wording.setWordWrap(True)
        self.problem = problem_label()
        form = QFormLayout(self)
        form.addRow(QLabel(f"At {where}; the items after it are exempt until readmission."))
        if self.parish:
            form.addRow("&Reason:", self.reason_field)
        else:
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
        self.reason_field.textChanged.connect(lambda _text: self._show_wording())
        self._show_wording()
        self._typing_field().setFocus()
        self._typing_field().selectAll()  # editing: typing replaces the paragraphs or reason
        self.resize(600, self.sizeHint().height())

    def _typing_field(self) -> QLineEdit:
        return self.reason_field if self.parish else self.paragraphs

    def _show_wording(self) -> None:
        unchanged = (
            self.reason_field.text() == self.recorded_reason
            if self.parish
            else self.paragraphs.text() == self.recorded_paragraphs
        )
        if self.recorded and unchanged:
            self.wording.setText(self.recorded)
            return
        typed = self.paragraphs.text().strip() or "…"
        self.wording.setText(exclusion_wording(self.body, typed, self.reason()))

    def reason(self) -> str:
        """The reason as the resolution words it, cleaned; "" if none, or not a parish's."""
        return exclusion_reason(self.reason_field.text()) if self.parish else ""

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
        self._typing_field().setFocus()
        self._typing_field().selectAll()
