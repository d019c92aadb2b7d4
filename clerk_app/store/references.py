"""Minute references the store does not hold: those a body derives from its counter.

A body that numbers its minutes ("24/69", "C069/24") leaves an item's number empty and works
the reference out from the item's place and the minutes its earlier meetings used.  Views that
list hits or actions across meetings (search, the tracker) read rows, not whole meetings;
this gives them the same references the open meeting and the exports show, by handing a
skeleton of each meeting to core's own numbering.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.core.model import AgendaItem, Meeting
from clerk_app.core.procedure.numbering import NumberingMode
from clerk_app.core.procedure.references import minute_references, paragraph_bases
from clerk_app.store.bodies import numbering_of, numbering_start
from clerk_app.store.tables import ItemRow, MeetingRow


def derived_references(session: Session, meeting_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """item id -> (minute reference, paragraph base), for every item of ``meeting_ids`` whose
    body derives its references; items numbered as typed are left out (their number is in
    their row)."""
    out: dict[int, tuple[str, str]] = {}
    for meeting_id in sorted(set(meeting_ids)):
        head = session.execute(
            select(MeetingRow.date, MeetingRow.body_id).where(MeetingRow.id == meeting_id)
        ).first()
        if head is None or head.body_id is None:
            continue
        numbering = numbering_of(session, head.body_id)
        if numbering.mode is NumberingMode.AS_TYPED:
            continue
        rows = session.execute(
            select(ItemRow.id, ItemRow.number)
            .where(ItemRow.meeting_id == meeting_id)
            .order_by(ItemRow.position)
        ).all()
        skeleton = Meeting(
            committee="",
            date=head.date,
            items=[AgendaItem(number=row.number or "", title="") for row in rows],
            numbering=numbering,
        )
        skeleton.numbering_start = numbering_start(session, head.body_id, meeting_id, skeleton)
        references = minute_references(skeleton)
        bases = paragraph_bases(skeleton)
        for row, reference, base in zip(rows, references, bases, strict=True):
            out[row.id] = (reference, base)
    return out
