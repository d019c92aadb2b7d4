"""Ctrl+Shift+I: a declaration of interest at the current item: who, what kind, its nature
(or that it is sensitive), and what the member did.  The sentence the minutes will print is
shown as it is filled in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from clerk_app.core.procedure.declarations import (
    KNOWN_KINDS,
    Conduct,
    Declaration,
    at_item_sentence,
    check_declarations,
)
from clerk_app.ui.dialogs.choice_combo import ChoiceCombo
from clerk_app.ui.dialogs.field_dialog import FieldDialog
from clerk_app.ui.dialogs.member_field import WARNING_STYLE, MemberField

# What the clerk reads in the list; the first letters pick one (w, r, s, h).
CONDUCT_TEXT = {
    Conduct.WITHDREW: "withdrew (left the room for the item)",
    Conduct.REMAINED: "remained in the room",
    Conduct.SPOKE_THEN_WITHDREW: "spoke, then withdrew",
    Conduct.DISPENSATION: "held a dispensation and took part",
}


class DeclarationDialog(FieldDialog):
    def __init__(
        self,
        declaration: Declaration,
        names: list[str],
        *,
        items: list[str],
        at: int,
        new: bool,
        parent: QWidget | None = None,
    ) -> None:
        """``items``: the meeting's items as listed; ``at``: the one the interest is in (made
        under "Declarations of interest", it is in a later item, which the clerk picks;
        editing one, picking another item moves it)."""
        super().__init__(parent)
        self.setWindowTitle("Declare an interest" if new else "Declaration of interest")
        self.removed = False
        self.item = QComboBox()
        self.item.addItems(items)
        self.item.setCurrentIndex(at)
        # Editing one, a different item moves it there (recorded at the wrong item, say).
        self.item.setToolTip("The item the interest is in; another moves the declaration there")
        self.member = MemberField(names, declaration.member)
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(list(KNOWN_KINDS))
        self.kind.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.kind.setCurrentText(declaration.kind)
        self.kind.setToolTip("England's three kinds, or type the kind another code uses")
        self.nature = QLineEdit(declaration.nature)
        self.nature.setPlaceholderText("e.g. owns land next to the site")
        self.sensitive = QCheckBox("&Sensitive interest (its nature is not recorded)")
        self.sensitive.setChecked(declaration.sensitive)
        self.conduct = ChoiceCombo()
        for conduct, text in CONDUCT_TEXT.items():
            self.conduct.addItem(text, conduct)
        self.conduct.setCurrentIndex(list(Conduct).index(declaration.conduct))
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet(WARNING_STYLE)
        form = QFormLayout(self)
        form.addRow("&Member:", self.member)
        form.addRow("In &item:", self.item)
        form.addRow("&Kind of interest:", self.kind)
        form.addRow("N&ature:", self.nature)
        form.addRow("", self.sensitive)
        form.addRow("&What they did:", self.conduct)
        form.addRow("Minutes:", self.sentence)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        if not new:
            remove = buttons.addButton(
                "&Remove declaration", QDialogButtonBox.ButtonRole.DestructiveRole
            )
            remove.clicked.connect(self._remove)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.member.combo.currentTextChanged.connect(self._update)
        self.kind.currentTextChanged.connect(self._update)
        self.nature.textChanged.connect(self._update)
        self.sensitive.toggled.connect(self._update)
        self.conduct.currentIndexChanged.connect(self._update)
        self._update()
        self.member.setFocus()
        self.resize(620, self.sizeHint().height())

    def _remove(self) -> None:
        self.removed = True
        super().accept()

    def _update(self, *_args: object) -> None:
        self.nature.setEnabled(not self.sensitive.isChecked())
        declaration = self.declaration()
        self.sentence.setText(at_item_sentence(declaration) if declaration.member else "")

    def declaration(self) -> Declaration:
        sensitive = self.sensitive.isChecked()
        return Declaration(
            member=self.member.text(),
            kind=" ".join(self.kind.currentText().split()),
            nature="" if sensitive else " ".join(self.nature.text().split()),
            sensitive=sensitive,
            # By index: PySide hands a StrEnum back from currentData() as a plain str.
            conduct=list(Conduct)[self.conduct.currentIndex()],
        )

    def accept(self) -> None:
        """OK or Ctrl+Enter: refused with a reason (and nothing typed lost) if it cannot print."""
        try:
            check_declarations([self.declaration()])
        except ValueError as exc:
            self.error.setText(str(exc)[:1].upper() + str(exc)[1:] + ".")
            self.member.setFocus()
            return
        super().accept()
