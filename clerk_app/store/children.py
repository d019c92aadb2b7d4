"""Replacing one of a row's child collections whole: decisions, attendees, declarations..."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy.orm import Session


class _Saved(Protocol):
    id: int | None


def fill_ids(objects: Sequence[_Saved], rows: Sequence[Any]) -> None:
    """Give the core objects the ids the store gave their rows, in order."""
    for obj, row in zip(objects, rows, strict=True):
        obj.id = row.id


def replace_children(
    session: Session,
    owner: Any,
    collection: str,
    rows: list[Any],
    objects: Sequence[_Saved] = (),
) -> None:
    """Delete ``owner``'s rows in ``collection`` and put ``rows`` in their place.

    The old rows are flushed away first, so the new ones never meet them on a unique
    (owner, position) key; then ``objects`` (the core values the rows were made from, if
    they carry ids) get their new ids.
    """
    for old in list(getattr(owner, collection)):
        session.delete(old)
    session.flush()
    setattr(owner, collection, rows)
    session.flush()
    if objects:
        fill_ids(objects, rows)
