"""One meeting read straight through sqlite3, for an export that cannot wait for SQLAlchemy.

``clerk-app export ... --to minutes.pdf`` would otherwise spend a quarter of a second of a
core importing SQLAlchemy before Typst could start laying the pages out.  Reading the meeting
here, with the standard library alone, lets Typst start at once, and the export never loads
SQLAlchemy at all (services/pdf_ahead.py; the draft's circulation is noted by
``store/circulation``).

This is a reader, never a writer, and only a fast path: whenever it is not certain it reads
what ``store/meetings.load_meeting`` would (a file at another schema revision, a missing
meeting, any SQLite error), it answers None and the caller takes the usual path.  Rows become
the core model through ``store/row_mapping``, the mapping ``load_meeting`` uses too; columns
are converted by their declared SQL type, as SQLAlchemy's SQLite dialect stores them.  A test
compares both readers on every stored schema fixture and on generated meetings.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from clerk_app.core.model import Meeting
from clerk_app.core.procedure.numbering import NumberingMode, council_year_start
from clerk_app.store.paths import read_only_uri
from clerk_app.store.row_mapping import meeting_of, numbering_of_body
from clerk_app.store.schema_version import HEAD
from clerk_app.store.template_paths import resolved


@dataclass(frozen=True)
class QuickRead:
    """The meeting as ``load_meeting`` gives it, and its body's house-style templates."""

    meeting: Meeting
    word_template: Path | None
    pdf_template: Path | None


# How SQLAlchemy's SQLite dialect stores these types (ISO text, and 0/1), by declared type.
_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "DATE": dt.date.fromisoformat,
    "DATETIME": dt.datetime.fromisoformat,
    "TIME": dt.time.fromisoformat,
    "BOOLEAN": bool,
}

# Children of an item, each in its relationship's order (tables.py: order_by position).
_ITEM_CHILDREN = ("points", "decisions", "documents", "declarations", "motions", "movements")


class _Reader:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.converters: dict[str, list[Callable[[Any], Any] | None]] = {}

    def _converters(self, table: str) -> list[Callable[[Any], Any] | None]:
        known = self.converters.get(table)
        if known is None:
            columns = self.connection.execute(f'PRAGMA table_info("{table}")').fetchall()
            known = [_CONVERTERS.get(str(c[2]).upper()) for c in columns]
            self.converters[table] = known
        return known

    def rows(self, table: str, where: str, *params: object) -> list[SimpleNamespace]:
        """``SELECT *`` rows of ``table`` as objects, by position then id (tables.py's
        relationship order; id only settles ties)."""
        cursor = self.connection.execute(
            f'SELECT * FROM "{table}" WHERE {where} ORDER BY position, id', params
        )
        names = [d[0] for d in cursor.description]
        converters = self._converters(table)
        if len(converters) != len(names):
            raise ValueError(f"{table}: columns changed while reading")
        out = []
        for values in cursor:
            row = {
                name: value if value is None or convert is None else convert(value)
                for name, convert, value in zip(names, converters, values, strict=True)
            }
            out.append(SimpleNamespace(**row))
        return out

    def one(self, table: str, row_id: int) -> SimpleNamespace | None:
        cursor = self.connection.execute(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,))
        values = cursor.fetchone()
        if values is None:
            return None
        names = [d[0] for d in cursor.description]
        converters = self._converters(table)
        return SimpleNamespace(
            **{
                name: value if value is None or convert is None else convert(value)
                for name, convert, value in zip(names, converters, values, strict=True)
            }
        )


def _grouped(rows: list[SimpleNamespace], key: str) -> dict[int, list[SimpleNamespace]]:
    groups: dict[int, list[SimpleNamespace]] = {}
    for row in rows:
        groups.setdefault(getattr(row, key), []).append(row)
    return groups


def _numbering_start(reader: _Reader, body: SimpleNamespace, meeting: SimpleNamespace) -> int:
    """store/bodies.numbering_start in plain SQL: the body's earlier minutes this council year."""
    if body.numbering_mode != NumberingMode.CONTINUOUS.value:
        return 0
    year_start = council_year_start(meeting.date, body.year_start_month)
    day = meeting.date.isoformat()
    (count,) = reader.connection.execute(
        "SELECT count(items.id) FROM items JOIN meetings ON items.meeting_id = meetings.id"
        " WHERE meetings.body_id = ? AND meetings.deleted_at IS NULL AND meetings.date >= ?"
        " AND (meetings.date < ? OR (meetings.date = ? AND meetings.id < ?))",
        (body.id, year_start.isoformat(), day, day, meeting.id),
    ).fetchone()
    return int(count or 0)


def _read(reader: _Reader, meeting_id: int, database: Path) -> QuickRead | None:
    (revision,) = reader.connection.execute("SELECT version_num FROM alembic_version").fetchone()
    if revision != HEAD:
        return None  # an older or newer file: the usual path upgrades or refuses it
    row = reader.one("meetings", meeting_id)
    if row is None:
        return None  # the usual path says so in its own words
    row.attendees = reader.rows("attendees", "meeting_id = ?", meeting_id)
    row.items = reader.rows("items", "meeting_id = ?", meeting_id)
    in_meeting = "item_id IN (SELECT id FROM items WHERE meeting_id = ?)"
    children = {name: _grouped(reader.rows(name, in_meeting, meeting_id), "item_id")
                for name in _ITEM_CHILDREN}  # fmt: skip
    named = _grouped(
        reader.rows(
            "named_votes",
            f"motion_id IN (SELECT id FROM motions WHERE {in_meeting})",
            meeting_id,
        ),
        "motion_id",
    )
    for item in row.items:
        for name in _ITEM_CHILDREN:
            setattr(item, name, children[name].get(item.id, []))
        for motion in item.motions:
            motion.named = named.get(motion.id, [])
    body = None if row.body_id is None else reader.one("bodies", row.body_id)
    meeting = meeting_of(row, numbering_of_body(body))
    if body is not None:
        meeting.numbering_start = _numbering_start(reader, body, row)
    word = body.word_template if body is not None else ""
    pdf = body.pdf_template if body is not None else ""
    return QuickRead(meeting, resolved(word, database), resolved(pdf, database))


def read_meeting(path: Path, meeting_id: int) -> QuickRead | None:
    """Meeting ``meeting_id`` of the database at ``path``, or None whenever the usual reader
    should be asked instead (see the module's docstring).  Never writes to the file."""
    try:
        uri = read_only_uri(Path(path))
        connection = sqlite3.connect(uri, uri=True, timeout=1.0, isolation_level=None)
    except (sqlite3.Error, ValueError, OSError):
        return None
    try:
        # One read transaction: a window saving meanwhile is seen wholly or not at all.
        connection.execute("BEGIN")
        return _read(_Reader(connection), meeting_id, path)
    except (sqlite3.Error, ValueError, TypeError, KeyError, AttributeError):
        return None
    finally:
        connection.close()
