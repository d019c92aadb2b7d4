"""A body's template path as the database keeps it: beside the database, relative to it.

A council that keeps its database and a ``templates`` folder together (a shared drive, a
folder copied to a new laptop) must keep its house style when the folder moves, so a template
that lies in the database's folder, or below it, is kept relative to that folder; any other is
kept absolute (a template in the clerk's home folder stays where it is).  Values written before
this rule were all absolute and still read as they are.

Plain path arithmetic, no SQL: the services and the quick reader (``quick_read``) both turn the
stored text into a path here, so the two readers can never resolve a template differently.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath


def _folder(database: Path) -> Path:
    # Resolved (links followed) on both sides, so a template chosen through a link to the
    # shared drive is still seen to lie beside the database.
    return Path(database).expanduser().resolve().parent


def stored_text(template: Path, database: Path) -> str:
    """What the database keeps for ``template``: its path relative to ``database``'s folder,
    with "/" between parts (so a Windows and a Linux laptop read it alike), when it lies there
    or below; its absolute path otherwise."""
    absolute = Path(template).expanduser().resolve()
    folder = _folder(database)
    if absolute.is_relative_to(folder):
        return absolute.relative_to(folder).as_posix()
    return str(absolute)


def resolved(text: str, database: Path) -> Path | None:
    """The template the stored ``text`` names, for the database at ``database`` (None: ""
    means Clerk's own template).  A relative text is read from the database's folder as it is
    now, wherever it has been moved to."""
    if not text:
        return None
    path = Path(text)
    if path.is_absolute():
        return path
    return _folder(database).joinpath(*PurePosixPath(text).parts)
