"""The action tracker's table: one row per action, answered cell by cell from ``ActionEntry``.

A model rather than a widget per row: "all actions" of ten years is ~120,000 rows, and a
table model costs only the rows on screen.  Overdue actions are drawn in red, done ones grey.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from clerk_app.core.wording import short_date
from clerk_app.services.action_tracker import ActionEntry

COLUMNS = ("Meeting", "Committee", "Minute", "Point", "Owners", "Due", "Status", "Action")
TEXT = COLUMNS.index("Action")
_OVERDUE = QBrush(QColor("#b3261e"))
_DONE = QBrush(QColor("#6b6b6b"))

Index = QModelIndex | QPersistentModelIndex


def status_text(entry: ActionEntry, today: dt.date) -> str:
    if entry.done:
        return f"done {short_date(entry.done_on)}" if entry.done_on else "done"
    return "OVERDUE" if entry.overdue(today) else "open"


class ActionTableModel(QAbstractTableModel):
    def __init__(self, today: Callable[[], dt.date]) -> None:
        super().__init__()
        self._today = today
        self.entries: list[ActionEntry] = []

    def set_entries(self, entries: list[ActionEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def entry_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def row_of(self, point_id: int) -> int | None:
        for row, entry in enumerate(self.entries):
            if entry.point_id == point_id:
                return row
        return None

    # --- QAbstractTableModel ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008  (Qt's API)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008  (Qt's API)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802  (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, TEXT):
            return f"{entry.item_number} {entry.item_title}".strip() if column == 2 else entry.text
        if role == Qt.ItemDataRole.ForegroundRole:
            if entry.done:
                return _DONE
            if entry.overdue(self._today()):
                return _OVERDUE
        return None

    def _cell(self, entry: ActionEntry, column: int) -> str:
        if column == 0:
            return short_date(entry.meeting_date)
        if column == 1:
            return entry.committee
        if column == 2:
            return entry.item_number or entry.item_title
        if column == 3:
            return entry.label
        if column == 4:
            return " / ".join(entry.owners)
        if column == 5:
            return short_date(entry.due) if entry.due else ""
        if column == 6:
            return status_text(entry, self._today()) + (" · exempt" if entry.exempt else "")
        return entry.text
