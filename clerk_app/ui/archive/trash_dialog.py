"""File > Trash: the meetings deleted from the list, latest first, each restorable.

Deleting a meeting only moves it here (``archive.move_to_trash``); Restore puts it back in
the meeting list exactly as it was.  The dialog is handed the two things it may do, so it
holds no database and tests can drive it through ``window.run_dialog``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.core.wording import long_date

TrashEntry = tuple[int, str, dt.date, dt.datetime]  # id, committee, date, deleted at
COLUMNS = ("Meeting", "Committee", "Deleted")


class TrashDialog(QDialog):
    def __init__(
        self,
        list_trash: Callable[[], list[TrashEntry]],
        restore: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._list, self._restore = list_trash, restore
        self.restored: list[int] = []
        self.setWindowTitle("Trash")
        self.note = QLabel("Deleted meetings stay here until you restore them.")
        self.entries = QTreeWidget()
        self.entries.setColumnCount(len(COLUMNS))
        self.entries.setHeaderLabels(COLUMNS)
        self.entries.setRootIsDecorated(False)
        self.entries.setAlternatingRowColors(True)
        self.entries.itemActivated.connect(lambda *_: self.restore_current())
        self.restore_button = QPushButton("&Restore")
        self.restore_button.clicked.connect(self.restore_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.entries)
        layout.addWidget(buttons)
        self.resize(640, 380)
        self.refill()

    def refill(self) -> None:
        self.entries.clear()
        for meeting_id, committee, date, deleted_at in self._list():
            row = QTreeWidgetItem([long_date(date), committee, f"{deleted_at:%d/%m/%Y %H:%M}"])
            row.setData(0, Qt.ItemDataRole.UserRole, meeting_id)
            self.entries.addTopLevelItem(row)
        for column in range(len(COLUMNS)):
            self.entries.resizeColumnToContents(column)
        first = self.entries.topLevelItem(0)
        if first is not None:
            self.entries.setCurrentItem(first)
        empty = first is None
        self.restore_button.setEnabled(not empty)
        if empty:
            self.note.setText("The trash is empty.")

    def restore_current(self) -> None:
        row = self.entries.currentItem()
        if row is None:
            return
        meeting_id = int(row.data(0, Qt.ItemDataRole.UserRole))
        self._restore(meeting_id)
        self.restored.append(meeting_id)
        name = f"{row.text(1)}, {row.text(0)}"
        self.refill()
        self.note.setText(f"Restored {name} to the meeting list.")
