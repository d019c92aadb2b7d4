"""Running a search against the FTS5 index and describing each hit in the clerk's terms."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import null, select, text
from sqlalchemy.orm import Session, aliased

from clerk_app.core.folding import fold
from clerk_app.core.lettering import reference_label
from clerk_app.core.model import LabelStyle
from clerk_app.core.search_query import SearchFilters, Term, fts_match, snippet
from clerk_app.store.references import derived_references
from clerk_app.store.tables import (
    AttendeeRow,
    DecisionRow,
    DeclarationRow,
    DocumentRow,
    ItemRow,
    MeetingRow,
    MotionRow,
    PointRow,
)

# The kind codes of migrations r0002_search.py and r0008_search_procedure.py:
# FTS rowid = id * 8 + kind.
POINT, ITEM, DECISION, ATTENDEE, DOCUMENT, DECLARATION, MOTION = 1, 2, 3, 4, 5, 6, 7
KIND_NAMES = {
    POINT: "point",
    ITEM: "item",
    DECISION: "decision",
    ATTENDEE: "attendance",
    DOCUMENT: "document",
    DECLARATION: "declaration",
    MOTION: "motion",
}


@dataclass(frozen=True)
class SearchHit:
    kind: str  # point, item, decision, attendance, document
    meeting_id: int
    meeting_date: dt.date
    committee: str
    item_id: int | None
    item_number: str
    item_title: str
    label: str  # the point's label, "" for other kinds
    point_id: int | None
    snippet: str
    score: float
    exempt: bool


@dataclass(frozen=True)
class _Place:
    """Where a hit lies: its meeting and item, read in bulk for all candidates at once."""

    meeting_id: int
    meeting_date: dt.date
    committee: str
    trashed: bool
    item_id: int | None = None
    item_number: str = ""
    item_title: str = ""
    exempt: bool = False


_MEETING_COLUMNS = (MeetingRow.id, MeetingRow.date, MeetingRow.committee, MeetingRow.deleted_at)
_ITEM_COLUMNS = (ItemRow.id, ItemRow.number, ItemRow.title, ItemRow.exempt)


def _place(row: Any) -> _Place:
    meeting_id, date, committee, deleted_at, item_id, number, title, exempt = row[-8:]
    # An attendance hit has no item: its number and title are "", never None.
    return _Place(
        meeting_id,
        date,
        committee,
        deleted_at is not None,
        item_id,
        number or "",
        title or "",
        bool(exempt),
    )


_Sources = dict[int, tuple[str, str, _Place]]  # key -> (text shown, point label, place)


def _point_sources(session: Session, keys: list[int]) -> _Sources:
    parent = aliased(PointRow)
    query = (
        select(
            PointRow.id,
            PointRow.text,
            PointRow.position,
            parent.position,
            MeetingRow.label_style,
            *_MEETING_COLUMNS,
            *_ITEM_COLUMNS,
        )
        .join(ItemRow, PointRow.item_id == ItemRow.id)
        .join(MeetingRow, ItemRow.meeting_id == MeetingRow.id)
        .outerjoin(parent, PointRow.parent_id == parent.id)
        .where(PointRow.id.in_(keys))
    )
    rows = session.execute(query).all()
    derived = _derived(session, [_place(row) for row in rows])
    out: _Sources = {}
    for row in rows:
        key, body, position, parent_position, style = row[:5]
        place = _place(row)
        # A body's derived reference: the point's "69.1" stands on the minute's own counter.
        place, base = derived.get(place.item_id or 0, (place, place.item_number))
        if parent_position is None:
            label = reference_label(LabelStyle(style), position, None, base)
        else:
            label = reference_label(LabelStyle(style), parent_position, position, base)
        out[key] = (body, label, place)
    return out


def _derived(session: Session, places: list[_Place]) -> dict[int, tuple[_Place, str]]:
    """item id -> (its place with the reference the body derives, paragraph base), for the
    items among ``places`` that have no number typed."""
    unnumbered = [p for p in places if p.item_id is not None and not p.item_number]
    if not unnumbered:
        return {}
    references = derived_references(session, (p.meeting_id for p in unnumbered))
    out: dict[int, tuple[_Place, str]] = {}
    for place in unnumbered:
        if place.item_id is not None and place.item_id in references:
            reference, base = references[place.item_id]
            out[place.item_id] = (replace(place, item_number=reference), base)
    return out


def _with_derived(session: Session, sources: _Sources) -> _Sources:
    derived = _derived(session, [place for _shown, _label, place in sources.values()])
    if not derived:
        return sources
    return {
        key: (shown, label, derived.get(place.item_id or 0, (place, ""))[0])
        for key, (shown, label, place) in sources.items()
    }


def _attendee_sources(session: Session, keys: list[int]) -> _Sources:
    query = (
        select(
            AttendeeRow.id,
            AttendeeRow.name,
            AttendeeRow.job_title,
            AttendeeRow.substitute_for,
            *_MEETING_COLUMNS,
            *(null(),) * 4,  # no item: the place's item columns stay empty
        )
        .join(MeetingRow, AttendeeRow.meeting_id == MeetingRow.id)
        .where(AttendeeRow.id.in_(keys))
    )
    out: _Sources = {}
    for row in session.execute(query):
        key, name, job, substitute = row[:4]
        substitute_note = f"substitute for {substitute}" if substitute else ""
        out[key] = (", ".join(filter(None, [name, job, substitute_note])), "", _place(row))
    return out


def _under_items(key_column: Any, item_column: Any, own: tuple[Any, ...], keys: list[int]) -> Any:
    """The rows ``keys`` of a table hanging off items (decisions, documents, declarations,
    motions): their key, ``own`` columns, then their meeting's and item's (``_place``)."""
    return (
        select(key_column, *own, *_MEETING_COLUMNS, *_ITEM_COLUMNS)
        .join(ItemRow, item_column == ItemRow.id)
        .join(MeetingRow, ItemRow.meeting_id == MeetingRow.id)
        .where(key_column.in_(keys))
    )


def _item_part_sources(session: Session, kind: int, keys: list[int]) -> _Sources:
    """Items (title and intro), decisions and supporting documents."""
    own: tuple[Any, ...]
    query: Any  # the three kinds select columns of different types
    if kind == ITEM:
        own = (ItemRow.title, ItemRow.intro)
        query = (
            select(ItemRow.id, *own, *_MEETING_COLUMNS, *_ITEM_COLUMNS)
            .join(MeetingRow, ItemRow.meeting_id == MeetingRow.id)
            .where(ItemRow.id.in_(keys))
        )
    elif kind == DECISION:
        own = (DecisionRow.kind, DecisionRow.preamble, DecisionRow.resolutions)
        query = _under_items(DecisionRow.id, DecisionRow.item_id, own, keys)
    else:
        own = (DocumentRow.title,)
        query = _under_items(DocumentRow.id, DocumentRow.item_id, own, keys)
    out: _Sources = {}
    for row in session.execute(query):
        parts = [str(part) for part in row[1 : 1 + len(own)] if part]
        separator = " — " if kind == ITEM else " "
        out[row[0]] = (separator.join(parts).replace("\n", " "), "", _place(row))
    return out


def _procedure_sources(session: Session, kind: int, keys: list[int]) -> _Sources:
    """Declarations of interest and motions, each shown as a short line of what it says."""
    out: _Sources = {}
    own: tuple[Any, ...]
    if kind == DECLARATION:
        own = (
            DeclarationRow.member,
            DeclarationRow.kind,
            DeclarationRow.nature,
            DeclarationRow.sensitive,
        )
        for row in session.execute(
            _under_items(DeclarationRow.id, DeclarationRow.item_id, own, keys)
        ):
            key, member, what, nature, sensitive = row[:5]
            # A sensitive interest's nature is not published: not shown in a hit either.
            told = "sensitive" if sensitive else nature
            shown = f"{member}: {what} interest" + (f", {told}" if told else "")
            out[key] = (shown, "", _place(row))
        return out
    own = (MotionRow.text, MotionRow.mover, MotionRow.seconder)
    for row in session.execute(_under_items(MotionRow.id, MotionRow.item_id, own, keys)):
        key, wording, mover, seconder = row[:4]
        roles = (("moved by", mover), ("seconded by", seconder))
        by = ", ".join(f"{role} {name}" for role, name in roles if name)
        out[key] = (wording + (f" ({by})" if by else ""), "", _place(row))
    return out


def _sources(session: Session, kind: int, keys: list[int]) -> _Sources:
    if kind == POINT:
        return _point_sources(session, keys)
    if kind == ATTENDEE:
        return _attendee_sources(session, keys)
    if kind in (DECLARATION, MOTION):
        return _with_derived(session, _procedure_sources(session, kind, keys))
    return _with_derived(session, _item_part_sources(session, kind, keys))


# A word found in more places than this is ranked among its most recent places only: ranking
# every one of 90,000 matches costs ~130 ms, ranking the newest thousand ~2 ms, and a clerk
# searching for a common word wants recent minutes first anyway.
RANKED_CANDIDATES = 1000


# Each kind's rows within the chosen meetings (:ids, a JSON list), for the filters.
_IN_MEETINGS = {
    POINT: "SELECT points.id FROM points JOIN items ON points.item_id = items.id "
    "WHERE items.meeting_id IN (SELECT value FROM json_each(:ids))",
    ITEM: "SELECT id FROM items WHERE meeting_id IN (SELECT value FROM json_each(:ids))",
    DECISION: "SELECT decisions.id FROM decisions JOIN items ON decisions.item_id = items.id "
    "WHERE items.meeting_id IN (SELECT value FROM json_each(:ids))",
    ATTENDEE: "SELECT id FROM attendees WHERE meeting_id IN (SELECT value FROM json_each(:ids))",
    DOCUMENT: "SELECT documents.id FROM documents JOIN items ON documents.item_id = items.id "
    "WHERE items.meeting_id IN (SELECT value FROM json_each(:ids))",
    DECLARATION: "SELECT declarations.id FROM declarations "
    "JOIN items ON declarations.item_id = items.id "
    "WHERE items.meeting_id IN (SELECT value FROM json_each(:ids))",
    MOTION: "SELECT motions.id FROM motions JOIN items ON motions.item_id = items.id "
    "WHERE items.meeting_id IN (SELECT value FROM json_each(:ids))",
}
_OPEN_ACTIONS = "SELECT id FROM points WHERE action_owners != '' AND NOT action_done"


def _chosen_meetings(session: Session, filters: SearchFilters) -> list[int] | None:
    """The meetings a committee or date filter leaves; None when neither is set."""
    if not filters.committee and filters.date_from is None and filters.date_to is None:
        return None
    query = select(MeetingRow.id, MeetingRow.committee)
    if filters.date_from is not None:
        query = query.where(MeetingRow.date >= filters.date_from)
    if filters.date_to is not None:
        query = query.where(MeetingRow.date <= filters.date_to)
    wanted = filters.committee.split()
    return [
        meeting_id
        for meeting_id, committee in session.execute(query)
        if all(word in fold(committee) for word in wanted)
    ]


def _filter_sql(session: Session, filters: SearchFilters) -> tuple[str, dict[str, Any]]:
    """An SQL condition on the index's rowid for ``filters``, and its parameters."""
    kinds = [POINT, ITEM, DECISION, ATTENDEE, DOCUMENT, DECLARATION, MOTION]
    if filters.decisions_only or filters.open_actions_only:
        kinds = [POINT] * filters.open_actions_only + [DECISION] * filters.decisions_only
    meetings = _chosen_meetings(session, filters)
    if meetings is None and len(kinds) == len(_IN_MEETINGS):
        return "", {}
    parts = []
    for kind in kinds:
        part = f"(rowid % 8 = {kind}"
        if meetings is not None:
            part += f" AND rowid / 8 IN ({_IN_MEETINGS[kind]})"
        if kind == POINT and filters.open_actions_only:
            part += f" AND rowid / 8 IN ({_OPEN_ACTIONS})"
        parts.append(part + ")")
    params: dict[str, Any] = {"ids": json.dumps(meetings)} if meetings is not None else {}
    return " AND (" + " OR ".join(parts) + ")", params


def search(
    session: Session,
    terms: list[Term],
    *,
    limit: int = 50,
    include_exempt: bool = True,
    filters: SearchFilters | None = None,
) -> list[SearchHit]:
    """Best hits first (bm25), newest meeting first among equals; only those ``filters`` let
    through (they narrow the candidates in SQL, before the newest are ranked)."""
    condition, params = _filter_sql(session, filters or SearchFilters())
    found_rows = session.execute(
        text(
            "SELECT rowid, bm25(search_index) FROM search_index "
            f"WHERE search_index MATCH :match{condition} ORDER BY rowid DESC LIMIT :n"
        ),
        {"match": fts_match(terms), "n": RANKED_CANDIDATES, **params},
    ).all()
    rows = sorted(found_rows, key=lambda r: (round(r[1], 6), -r[0]))
    hits: list[SearchHit] = []
    # Describe candidates a batch at a time: trashed or exempt ones are skipped, so the first
    # ``limit`` candidates may not be enough, but most searches need one batch only.
    for start in range(0, len(rows), limit):
        batch = rows[start : start + limit]
        by_kind: dict[int, list[int]] = {}
        for rowid, _score in batch:
            by_kind.setdefault(rowid % 8, []).append(rowid // 8)
        found = {kind: _sources(session, kind, keys) for kind, keys in by_kind.items()}
        for rowid, score in batch:
            source = found[rowid % 8].get(rowid // 8)
            if source is None:
                continue
            shown, label, place = source
            if place.trashed or (place.exempt and not include_exempt):
                continue
            hits.append(
                SearchHit(
                    kind=KIND_NAMES[rowid % 8],
                    meeting_id=place.meeting_id,
                    meeting_date=place.meeting_date,
                    committee=place.committee,
                    item_id=place.item_id,
                    item_number=place.item_number,
                    item_title=place.item_title,
                    label=label,
                    point_id=rowid // 8 if rowid % 8 == POINT else None,
                    snippet=snippet(shown, terms),
                    score=float(score),
                    exempt=place.exempt,
                )
            )
        if len(hits) >= limit:
            break
    hits.sort(key=lambda h: (round(h.score, 6), -h.meeting_date.toordinal(), -h.meeting_id))
    return hits[:limit]
