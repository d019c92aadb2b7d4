"""Ctrl+T: tag the point's action, completing owners from the attendance and past owners.

Owners are separated by "/" as in printed minutes ("Chair/Clerk"); the completer completes
the owner being typed after the last "/", so several owners are as quick as one.  A due
date may follow: "Clerk by 12 June 2026".  An empty line removes the tag.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_app.core.actions import parse_tag
from clerk_app.ui.dialogs.ctrl_enter import accept_on_ctrl_enter


class OwnerCompleter(QCompleter):
    """Completes the last "/"-separated owner in the line."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(QStringListModel(names, self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802  (Qt's name)
        return [path.rsplit("/", 1)[-1].lstrip()]

    def pathFromIndex(self, index: object) -> str:  # noqa: N802  (Qt's name)
        chosen = str(super().pathFromIndex(index))  # type: ignore[arg-type]  # a QModelIndex
        line = self.widget()
        typed = line.text() if isinstance(line, QLineEdit) else ""
        head = typed.rsplit("/", 1)[0] + "/" if "/" in typed else ""
        return head + chosen


def parse_owners(text: str) -> tuple[list[str], dt.date | None]:
    """ "Chair/Clerk by 12 June 2026" -> (["Chair", "Clerk"], 2026-06-12)."""
    if not text.strip():
        return [], None
    tag = parse_tag(f"(Action: {text.strip()})")
    return ([], None) if tag is None else (list(tag.owners), tag.due)


class OwnerDialog(QDialog):
    def __init__(
        self, names: list[str], current: str, point_label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        accept_on_ctrl_enter(self)
        self.setWindowTitle("Tag action")
        self.line = QLineEdit(current)
        self.line.setPlaceholderText("Owner, or owners A/B; optionally 'by 12 June 2026'")
        self.line.setCompleter(OwnerCompleter(names, self.line))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Action on point {point_label}: who owns it?"))
        layout.addWidget(self.line)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())
        self.line.setFocus()

    def owners(self) -> tuple[list[str], dt.date | None]:
        return parse_owners(self.line.text())
