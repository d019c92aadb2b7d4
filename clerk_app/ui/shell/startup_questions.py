"""The questions Clerk asks before its window exists: restore a backup of a database that
cannot be opened, or open read-only a database another window is editing."""

from __future__ import annotations

import pathlib

from PySide6.QtWidgets import QMessageBox

from clerk_app.services import meetings, safety
from clerk_app.services.database import Database, DatabaseError


def offer_backup(
    db_path: pathlib.Path, error: Exception, *, held: safety.InstanceLock | None = None
) -> Database | None:
    """Say why the database cannot be opened; offer its newest backup if it has one.

    The damaged file is never touched: restoring keeps it beside the database under a new
    name.  ``held``: this process's lock on the database, which the restore may then use.
    Returns the reopened database, or None if the clerk declined or nothing helped.
    """
    backups = safety.list_backups(db_path)
    box = QMessageBox(QMessageBox.Icon.Critical, "Clerk cannot open its database", str(error))
    restore = None
    if backups:
        newest = backups[0]
        box.setInformativeText(
            f"The newest backup was taken {newest.taken_at:%d %B %Y at %H:%M}. Restore it? "
            "The file that cannot be opened is kept, renamed, beside it."
        )
        restore = box.addButton("Restore backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return None
    try:
        safety.restore(db_path, backups[0].path, held=held)
        return meetings.open_db(db_path)
    except DatabaseError as exc:
        QMessageBox.critical(None, "Clerk cannot restore the backup", str(exc))
        return None


def ask_read_only(error: Exception) -> bool:
    """Another window is editing this database: offer to open it read-only instead."""
    box = QMessageBox(QMessageBox.Icon.Warning, "The database is in use", str(error))
    box.setInformativeText(
        "Two windows editing one database would overwrite each other's work. You can open "
        "it read-only here, to look things up, while the other window goes on editing."
    )
    read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is read_only
