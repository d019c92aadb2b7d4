"""An agenda item's own fields: number, title, pages, intro, exemption, supporting documents.

Used for Ctrl+Enter (a new item, its number proposed as the next one) and F2 / double-click
(retitle, renumber, mark exempt with its Schedule 12A paragraph).  Enter in a one-line field
accepts, so adding an item during a meeting is: Ctrl+Enter, type the title, Enter.

The paragraph field is printed in the public minutes, so it takes Schedule 12A paragraph
numbers only: anything else is refused under the field, which keeps the focus and the text.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from clerk_app.core.exempt import ExemptParagraphError, check_paragraphs
from clerk_app.core.model import AgendaItem
from clerk_app.ui.dialogs.ctrl_enter import accept_on_ctrl_enter
from clerk_app.ui.dialogs.typed_fields import TimeField


class ItemDialog(QDialog):
    def __init__(self, item: AgendaItem, *, new: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        accept_on_ctrl_enter(self)
        self.setWindowTitle("New agenda item" if new else "Agenda item")
        self.number = QLineEdit(item.number)
        self.number.setPlaceholderText('"77", "77/24", "OSC 12/24", or empty')
        self.title = QLineEdit(item.title)
        self.pages = QLineEdit(item.pages)
        self.pages.setPlaceholderText("agenda pack pages, e.g. 53-114")
        self.intro = QPlainTextEdit(item.intro)
        self.intro.setTabChangesFocus(True)
        self.intro.setFixedHeight(90)
        self.exempt = QCheckBox("Exempt: press and public excluded")
        self.exempt.setChecked(item.exempt)
        self.paragraph = QLineEdit(item.exempt_paragraph)
        self.paragraph.setPlaceholderText("Schedule 12A paragraph(s), e.g. 3 or 1, 3")
        self.paragraph.setEnabled(item.exempt)
        self.exempt.toggled.connect(self.paragraph.setEnabled)
        self.problem = QLabel()
        self.problem.setObjectName("ParagraphProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        # When the meeting came to the item (stamped as the caret first entered it); empty
        # for none.
        self.taken_at = TimeField(item.taken_at or dt.time(19, 0))
        self.taken_at.setObjectName("TakenAt")
        if item.taken_at is None:
            self.taken_at.setText("")
        self.taken_at.setPlaceholderText("7.42 pm, or empty")
        self.documents = QPlainTextEdit("\n".join(item.documents))
        self.documents.setTabChangesFocus(True)
        self.documents.setPlaceholderText("One paper per line")
        self.documents.setFixedHeight(70)
        form = QFormLayout(self)
        form.addRow("&Number:", self.number)
        form.addRow("&Title:", self.title)
        form.addRow("&Pages:", self.pages)
        form.addRow("&Introduction:", self.intro)
        form.addRow("", self.exempt)
        form.addRow("Para&graph:", self.paragraph)
        form.addRow("", self.problem)
        form.addRow("Supporting &documents:", self.documents)
        form.addRow("Taken &at:", self.taken_at)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.title.setFocus()
        self.resize(560, self.sizeHint().height())

    def accept(self) -> None:
        try:
            self._taken_at()
        except ValueError as exc:
            self.problem.setText(f"Not saved: taken at: {exc}.")
            self.problem.show()
            self.taken_at.setFocus()
            return
        if self.exempt.isChecked():
            try:
                self.paragraph.setText(check_paragraphs(self.paragraph.text()))
            except ExemptParagraphError as exc:
                self.problem.setText(f"Not saved: {exc}.")
                self.problem.show()
                self.paragraph.setFocus()
                return
        super().accept()

    def fields(self) -> dict[str, object]:
        return {
            "number": self.number.text().strip(),
            "title": self.title.text().strip(),
            "pages": self.pages.text().strip(),
            "intro": self.intro.toPlainText().strip(),
            "exempt": self.exempt.isChecked(),
            "exempt_paragraph": self.paragraph.text().strip() if self.exempt.isChecked() else "",
            "taken_at": self._taken_at(),
        }

    def _taken_at(self) -> dt.time | None:
        return self.taken_at.value() if self.taken_at.text().strip() else None

    def document_list(self) -> list[str]:
        lines = self.documents.toPlainText().split("\n")
        return [line.strip() for line in lines if line.strip()]
