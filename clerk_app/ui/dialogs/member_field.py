"""A member's name picked from a list or typed: an editable drop-down completing over the
present members, with a warning beside it when the name picked should not take part.

The warning never refuses: the clerk records what happened, and the flag tells them it
was irregular (a member with a pecuniary interest seconding, one who had left voting)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLabel, QWidget

WARNING_STYLE = "color: #a11d1d; font-weight: bold;"


def name_completer(names: list[str], parent: QWidget) -> QCompleter:
    """Completes on any part of a name, whatever the case: "oka" finds "Councillor Okafor"."""
    completer = QCompleter(parent)
    completer.setModel(QStringListModel(names, completer))
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return completer


class MemberField(QWidget):
    """``flag(name)`` says why that member should not take part here ("" if nothing)."""

    def __init__(
        self,
        names: list[str],
        current: str = "",
        flag: Callable[[str], str] = lambda _name: "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._flag = flag
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.addItems(names)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setCompleter(name_completer(names, self.combo))
        self.combo.setCurrentText(current)
        self.warning = QLabel()
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 3)
        layout.addWidget(self.warning, 2)
        self.setFocusProxy(self.combo)
        self.combo.currentTextChanged.connect(self._update)
        self._update()

    def text(self) -> str:
        return " ".join(self.combo.currentText().split())

    def set_text(self, text: str) -> None:
        self.combo.setCurrentText(text)

    def _update(self, _text: str = "") -> None:
        reason = self._flag(self.text())
        self.warning.setText(f"⚠ {reason}" if reason else "")
