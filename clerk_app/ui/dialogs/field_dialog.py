"""A dialog of several fields where Enter moves to the next field and only Ctrl+Enter (or OK)
records it.  Enter also takes a name the completer offers; were Enter to accept the dialog
as well, picking the member would record a declaration or motion half filled in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QWidget

from clerk_app.ui.dialogs.ctrl_enter import accept_on_ctrl_enter


class FieldDialog(QDialog):
    enter_moves_on = True  # False: Enter does nothing here (a grid that moves by itself)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        accept_on_ctrl_enter(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            if self.enter_moves_on:
                self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)
