"""Running a search against the FTS5 index and describing each hit in the clerk's terms."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from clerk_app.core.lettering import point_label, subpoint_label
from clerk_app.core.model import LabelStyle
from clerk_app.core.search_query import Term, fts_match, snippet
from clerk_app.store.tables import (
    AttendeeRow,
    DecisionRow,
    DocumentRow,
    ItemRow,
    MeetingRow,
    PointRow,
)

# The kind codes of migrations/versions/r0002_search.py: FTS rowid = id * 8 + kind.
POINT, ITEM, DECISION, ATTENDEE, DOCUMENT = 1, 2, 3, 4, 5
KIND_NAMES = {
    POINT: "point",
    ITEM: "item",
    DECISION: "decision",
    ATTENDEE: "attendance",
    DOCUMENT: "document",
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


def _point_label(session: Session, row: PointRow, style: LabelStyle, number: str) -> str:
    if row.parent_id is None:
        return point_label(style, row.position, number)
    parent = session.get(PointRow, row.parent_id)
    parent_label = point_label(style, parent.position if parent else 0, number)
    return parent_label + subpoint_label(style, row.position, parent_label)


def _describe(
    session: Session, kind: int, key: int, terms: list[Term], score: float
) -> SearchHit | None:
    item: ItemRow | None = None
    label = ""
    point_id: int | None = None
    meeting: MeetingRow | None
    if kind == POINT:
        point = session.get(PointRow, key)
        if point is None:
            return None
        item = point.item
        meeting = item.meeting
        source = point.text
        label = _point_label(session, point, LabelStyle(meeting.label_style), item.number)
        point_id = point.id
    elif kind == ITEM:
        item = session.get(ItemRow, key)
        if item is None:
            return None
        meeting = item.meeting
        source = f"{item.title} — {item.intro}" if item.intro else item.title
    elif kind == DECISION:
        decision = session.get(DecisionRow, key)
        if decision is None:
            return None
        item = decision.item
        meeting = item.meeting
        parts = [decision.kind, decision.preamble, *decision.resolutions.split("\n")]
        source = " ".join(filter(None, parts))
    elif kind == DOCUMENT:
        document = session.get(DocumentRow, key)
        if document is None:
            return None
        item = document.item
        meeting = item.meeting
        source = document.title
    else:
        attendee = session.get(AttendeeRow, key)
        if attendee is None:
            return None
        meeting = attendee.meeting
        substitute = f"substitute for {attendee.substitute_for}" if attendee.substitute_for else ""
        source = ", ".join(filter(None, [attendee.name, attendee.job_title, substitute]))
    return SearchHit(
        kind=KIND_NAMES[kind],
        meeting_id=meeting.id,
        meeting_date=meeting.date,
        committee=meeting.committee,
        item_id=item.id if item else None,
        item_number=item.number if item else "",
        item_title=item.title if item else "",
        label=label,
        point_id=point_id,
        snippet=snippet(source, terms),
        score=score,
        exempt=bool(item and item.exempt),
    )


def search(
    session: Session, terms: list[Term], *, limit: int = 50, include_exempt: bool = True
) -> list[SearchHit]:
    """Best hits first (bm25), newest meeting first among equals."""
    # Over-fetch a little: exempt hits may be dropped, and ties are re-ordered by date below.
    rows = session.execute(
        text(
            "SELECT rowid, bm25(search_index) AS score FROM search_index "
            "WHERE search_index MATCH :match ORDER BY score LIMIT :n"
        ),
        {"match": fts_match(terms), "n": limit * 2 + 20},
    ).all()
    trashed = set(session.scalars(select(MeetingRow.id).where(MeetingRow.deleted_at.is_not(None))))
    hits = []
    for rowid, score in rows:
        hit = _describe(session, rowid % 8, rowid // 8, terms, float(score))
        if hit is not None and (include_exempt or not hit.exempt) and hit.meeting_id not in trashed:
            hits.append(hit)
    hits.sort(key=lambda h: (round(h.score, 6), -h.meeting_date.toordinal(), -h.meeting_id))
    return hits[:limit]


def index_size(session: Session) -> int:
    """Rows in the search index (tests compare it with the rows it should cover)."""
    return int(session.scalar(select(text("count(*)")).select_from(text("search_index"))) or 0)
