"""Move the readmission of the press and public: "Readmitted before which item?", chosen from
the items the exclusion it ended can reach; the exempt run follows the choice (the flow asks
the core for that), and the dialog says which items that makes exempt or public before OK:
moving it earlier can publish an item, and that must never happen unseen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from clerk_app.ui.dialogs.ctrl_enter import accept_on_ctrl_enter


class ReadmissionDialog(QDialog):
    def __init__(
        self,
        places: list[str],
        current: int,
        cited: str,
        effect: Callable[[int], str],
        parent: QWidget | None = None,
    ) -> None:
        """``places``: the items it can come before, as the clerk knows them ("item 4: Taxi
        fares"), in order; ``current`` the one it is at; ``cited`` how the exclusion's
        paragraphs read ("paragraph 3"; "" for a parish council's); ``effect``: what moving
        it before ``places[i]`` does, in a sentence ("item 4 becomes public")."""
        super().__init__(parent)
        accept_on_ctrl_enter(self)
        self.setWindowTitle("Move the readmission of the press and public")
        self.places = QComboBox()
        self.places.addItems(places)
        self.places.setCurrentIndex(current)
        under = f" under {cited}" if cited else ""
        note = QLabel(
            f"The items before it are exempt{under}; it and the items after it are public."
        )
        note.setWordWrap(True)
        self.effect = QLabel()
        self.effect.setObjectName("ReadmissionEffect")
        self.effect.setWordWrap(True)
        self.effect.setStyleSheet("font-weight: bold")  # the consequence, not more help text
        self.places.currentIndexChanged.connect(lambda i: self.effect.setText(effect(i)))
        self.effect.setText(effect(current))
        form = QFormLayout(self)
        form.addRow("Readmitted before &which item?", self.places)
        form.addRow(note)
        form.addRow(self.effect)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.places.setFocus()
        self.resize(520, self.sizeHint().height())

    def chosen(self) -> int:
        """The index in ``places`` of the item chosen."""
        return self.places.currentIndex()
