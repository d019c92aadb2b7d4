"""The meeting list: every meeting, newest first, with committee, date and status.

Enter or a double-click opens the selected meeting; the last meeting opened is selected when
the list is shown, so reopening it after a restart is one key.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from clerk_app.core.wording import long_date
from clerk_app.services.meetings import MeetingSummary

COLUMNS = ("Date", "Committee", "Council", "Status", "Items", "Points")


class MeetingList(QTreeWidget):
    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels(COLUMNS)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(self._open)

    def fill(self, summaries: list[MeetingSummary], select: int | None) -> None:
        self.clear()
        chosen: QTreeWidgetItem | None = None
        for summary in summaries:
            row = QTreeWidgetItem(
                [
                    long_date(summary.date),
                    summary.committee,
                    summary.council,
                    summary.status.value,
                    str(summary.items),
                    "" if summary.points is None else str(summary.points),
                ]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, summary.id)
            self.addTopLevelItem(row)
            if summary.id == select:
                chosen = row
        for column in range(len(COLUMNS)):
            self.resizeColumnToContents(column)
        if chosen is None and self.topLevelItemCount():
            chosen = self.topLevelItem(0)
        if chosen is not None:
            self.setCurrentItem(chosen)

    def selected_id(self) -> int | None:
        row = self.currentItem()
        return None if row is None else int(row.data(0, Qt.ItemDataRole.UserRole))

    def _open(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        self.open_requested.emit(int(row.data(0, Qt.ItemDataRole.UserRole)))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        # itemActivated on Enter depends on the platform style; make it certain.
        current = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current is not None:
            self._open(current)
            return
        super().keyPressEvent(event)
