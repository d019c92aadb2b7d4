"""Exporting a meeting with exempt items: the public minutes (the default) or confidential."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.ui.dialogs.ctrl_enter import accept_on_ctrl_enter

QUESTION = "Include exempt items? Only for members and officers entitled to see them."


class VersionDialog(QDialog):
    """Public is chosen and focused first, so Enter alone never leaks an exempt minute."""

    def __init__(self, exempt_titles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        accept_on_ctrl_enter(self)
        self.setWindowTitle("Which version?")
        layout = QVBoxLayout(self)
        named = ", ".join(exempt_titles)
        layout.addWidget(QLabel(f"This meeting has exempt items: {named}.\n\n{QUESTION}"))
        self.public = QRadioButton("&Public: exempt items replaced by their notice")
        self.confidential = QRadioButton("&Confidential: include the exempt items")
        self.public.setChecked(True)
        layout.addWidget(self.public)
        layout.addWidget(self.confidential)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.public.setFocus()

    @property
    def chose_confidential(self) -> bool:
        return self.confidential.isChecked()
