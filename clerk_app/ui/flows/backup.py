"""File > Restore from backup: choose an automatic backup, put it in place, close."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from clerk_app.services import safety
from clerk_app.services.database import DatabaseError
from clerk_app.ui.dialogs.backup_dialog import BackupDialog
from clerk_app.ui.shell.port import Shell


class BackupFlow:
    def __init__(self, shell: Shell) -> None:
        self.shell = shell

    def restore(self) -> bool:
        """Restore over the open database; True when done (the window must then close)."""
        shell = self.shell
        dialog = BackupDialog(safety.list_backups(shell.db.path), shell.widget)
        if not shell.run_dialog(dialog) or dialog.chosen is None:
            return False
        if shell.loaded is not None:
            shell.loaded.model.flush()
        shell.checkpoints.suspend()  # closing removes the log: not to be taken for a vanished one
        shell.db.close()  # the pool reopens on demand, so a failed restore leaves it usable
        try:
            kept = safety.restore(shell.db.path, dialog.chosen.path, held=shell.instance_lock)
        except DatabaseError as exc:
            shell.checkpoints.resume()
            QMessageBox.critical(shell.widget, "Clerk cannot restore the backup", str(exc))
            return False
        QMessageBox.information(
            shell.widget,
            "Backup restored",
            f"The minutes are as they were on {dialog.chosen.taken_at:%d %B %Y at %H:%M}. "
            f"The database as it was is kept as {kept.name}.\n\nClerk closes now; open it "
            "again to go on.",
        )
        return True
