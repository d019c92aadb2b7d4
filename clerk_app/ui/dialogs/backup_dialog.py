"""File > Restore from backup: choose one of the automatic backups to put back in place.

Restoring replaces the database the window has open, so the window saves what was typed,
closes the database, restores (the replaced file is kept beside it, renamed) and then closes
itself: the clerk opens Clerk again on the restored minutes.  Nothing is deleted on the way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.services.safety import Backup
from clerk_app.ui.dialogs.ctrl_enter import accept_on_ctrl_enter

COLUMNS = ("Taken", "Size", "File")


class BackupDialog(QDialog):
    """Lists the backups, newest first; ``chosen`` is the one the clerk picked."""

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        accept_on_ctrl_enter(self)
        self.setWindowTitle("Restore from backup")
        self.backups = backups
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Restoring puts the chosen backup in place of the database. The database as "
                "it is now is kept beside it, renamed, so nothing is lost. Clerk closes "
                "afterwards; open it again to see the restored minutes."
            )
        )
        self.table = QTreeWidget()
        self.table.setHeaderLabels(COLUMNS)
        self.table.setRootIsDecorated(False)
        for backup in backups:
            row = QTreeWidgetItem(
                [
                    f"{backup.taken_at:%d %B %Y, %H:%M}",
                    f"{backup.size / 1024:,.0f} KB",
                    backup.path.name,
                ]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, str(backup.path))
            self.table.addTopLevelItem(row)
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)
        for column in range(len(COLUMNS)):
            self.table.resizeColumnToContents(column)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Restore")
        ok.setEnabled(bool(backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 360)

    @property
    def chosen(self) -> Backup | None:
        item = self.table.currentItem()
        if item is None:
            return None
        path = item.data(0, Qt.ItemDataRole.UserRole)
        return next((b for b in self.backups if str(b.path) == path), None)
