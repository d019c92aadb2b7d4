"""A drop-down a clerk can type into predictably: the letters typed so far pick the first
choice, in list order, that starts with them ("c" Chair, "co" Co-opted, "ab" Absent).

Qt's own search starts after the current choice, so "c" on "member" gave "co-opted", never
"chair": what a key does depended on what was chosen before.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QWidget

# Letters typed within this many seconds of each other make one prefix ("c", "co").
PAUSE = 1.0
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


class ChoiceCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed = ""
        self._last = 0.0

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        text = event.text()
        chord = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if not (text and (text.isalpha() or text == "-")) or chord != NO_MODIFIER:
            super().keyPressEvent(event)  # arrows, F4, Space (the list) and shortcuts as ever
            return
        now = time.monotonic()
        prefix = (self._typed if now - self._last < PAUSE else "") + text.lower()
        self._last = now
        found = self._first_starting(prefix)
        if found < 0 and len(prefix) > 1:
            prefix = text.lower()  # a fresh start: the clerk meant a new choice
            found = self._first_starting(prefix)
        self._typed = prefix if found >= 0 else ""
        if found >= 0:
            self.setCurrentIndex(found)
        event.accept()

    def _first_starting(self, prefix: str) -> int:
        for index in range(self.count()):
            if self.itemText(index).lower().startswith(prefix):
                return index
        return -1
