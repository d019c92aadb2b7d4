"""The About box."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QMessageBox, QWidget

from clerk_app import __version__


def about_text(database: Path | None = None) -> str:
    where = f"<p>Database: {escape(str(database))}</p>" if database is not None else ""
    return (
        f"<h3>Clerk {__version__}</h3>"
        "<p>Live minute-taking for UK council committee clerks: type the minutes as the "
        "meeting happens, with every keystroke saved, then export them as Word or PDF.</p>"
        f"{where}<p>MIT licence. Qt for Python {pyside_version}. Fonts: Liberation Sans "
        "(SIL OFL 1.1), DejaVu Sans.</p>"
    )


def show_about(parent: QWidget) -> None:
    database = getattr(getattr(parent, "db", None), "path", None)  # the main window's database
    QMessageBox.about(parent, "About Clerk", about_text(database))
