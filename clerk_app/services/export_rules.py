"""What every export keeps to, whichever path writes it: the files it may never replace, and
the error that says why it could not write (``ExportError``, one sentence for the clerk).

Its own module, light enough for the PDF export that never loads SQLAlchemy (pdf_ahead.py)."""

from __future__ import annotations

from pathlib import Path

from clerk_app.export.files import ExportError
from clerk_app.export.targets import Protected
from clerk_app.store.backups import database_files

__all__ = ["ExportError", "protected_files"]


def protected_files(database: Path) -> Protected:
    """The files and folders of ``database`` that an export must refuse as its target: the
    database, its side files, its backups and kept copies."""
    files, backups = database_files(database)
    return Protected(files=tuple(files), folders=(backups,))
