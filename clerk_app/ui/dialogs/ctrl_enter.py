"""Ctrl+Enter accepts a dialog from anywhere in it, inside a multi-line box or a table cell
too, where Enter alone starts a new line or finishes the cell."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog

KEYS = ("Ctrl+Return", "Ctrl+Enter")  # the main keyboard's and the keypad's


def accept_on_ctrl_enter(dialog: QDialog) -> None:
    def accept() -> None:
        # Focus to the dialog first: a cell being edited commits its text, a date field
        # tidies, as when OK is clicked.
        dialog.setFocus()
        dialog.accept()

    for keys in KEYS:
        QShortcut(QKeySequence(keys), dialog, accept)
