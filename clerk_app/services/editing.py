"""Edits the clerk makes to an open meeting, one function per intent, each one committed.

The window's undo commands call these (redo and undo alike); the CLI could too.  Each call is
one transaction, so whatever returned has reached the disk (WAL, synchronous=FULL).
"""

from __future__ import annotations

import datetime as dt

from clerk_app.core.exempt import check_paragraphs
from clerk_app.core.model import AgendaItem, Attendee, Decision, Meeting, Point
from clerk_app.core.text import clean_line, clean_text
from clerk_app.store import edits
from clerk_app.store.database import Database


def add_point(
    db: Database, *, item_id: int, index: int, point: Point, parent_id: int | None = None
) -> int:
    """Insert ``point`` (and its sub-points) at ``index``; its ``id`` fields are filled in."""
    with db.unit_of_work() as uow:
        point_id = edits.insert_point(
            uow.session, item_id=item_id, parent_id=parent_id, index=index, point=point
        )
        uow.commit()
    return point_id


def set_point_text(db: Database, *, point_id: int, text: str) -> str:
    """Store the point's text (cleaned); returns what was stored."""
    cleaned = clean_text(text)
    with db.unit_of_work() as uow:
        edits.set_point_text(uow.session, point_id=point_id, text=cleaned)
        uow.commit()
    return cleaned


def delete_point(db: Database, *, point_id: int) -> None:
    with db.unit_of_work() as uow:
        edits.delete_point(uow.session, point_id=point_id)
        uow.commit()


def move_point(db: Database, *, point_id: int, parent_id: int | None, index: int) -> None:
    """Move, indent (new parent) or outdent (parent None) a point; letters follow."""
    with db.unit_of_work() as uow:
        edits.move_point(uow.session, point_id=point_id, parent_id=parent_id, index=index)
        uow.commit()


def mark_action(db: Database, *, point_id: int, done: bool, on: dt.date | None = None) -> None:
    """Mark a point's action done (recording when) or open again."""
    with db.unit_of_work() as uow:
        edits.set_action_done(
            uow.session, point_id=point_id, done=done, on=(on or dt.date.today()) if done else None
        )
        uow.commit()


def add_item(db: Database, *, meeting_id: int, index: int, item: AgendaItem) -> int:
    with db.unit_of_work() as uow:
        item_id = edits.insert_item(uow.session, meeting_id=meeting_id, index=index, item=item)
        uow.commit()
    return item_id


def update_item(
    db: Database,
    *,
    item_id: int,
    number: str | None = None,
    title: str | None = None,
    pages: str | None = None,
    intro: str | None = None,
    exempt: bool | None = None,
    exempt_paragraph: str | None = None,
) -> None:
    """Change an item's own fields; those left None stay as they are.

    ``exempt_paragraph`` holds Schedule 12A paragraph numbers only (ExemptParagraphError
    otherwise): it is printed in the public minutes, so no reason may be typed into it.
    """
    if exempt_paragraph is not None:
        exempt_paragraph = check_paragraphs(exempt_paragraph)
    fields: dict[str, object] = {}
    for name, value in (
        ("number", number),
        ("title", title),
        ("pages", pages),
        ("exempt_paragraph", exempt_paragraph),
    ):
        if value is not None:
            fields[name] = clean_line(value)
    if intro is not None:
        fields["intro"] = clean_text(intro)
    if exempt is not None:
        fields["exempt"] = exempt
    with db.unit_of_work() as uow:
        edits.update_item(uow.session, item_id=item_id, **fields)
        uow.commit()


def delete_item(db: Database, *, item_id: int) -> None:
    with db.unit_of_work() as uow:
        edits.delete_item(uow.session, item_id=item_id)
        uow.commit()


def move_item(db: Database, *, item_id: int, index: int) -> None:
    with db.unit_of_work() as uow:
        edits.move_item(uow.session, item_id=item_id, index=index)
        uow.commit()


def set_decisions(db: Database, *, item_id: int, decisions: list[Decision]) -> None:
    for decision in decisions:
        decision.preamble = clean_text(decision.preamble)
        decision.resolutions = [r for r in (clean_line(r) for r in decision.resolutions) if r]
    with db.unit_of_work() as uow:
        edits.set_decisions(uow.session, item_id=item_id, decisions=decisions)
        uow.commit()


def set_documents(db: Database, *, item_id: int, documents: list[str]) -> None:
    cleaned = [d for d in (clean_line(d) for d in documents) if d]
    with db.unit_of_work() as uow:
        edits.set_documents(uow.session, item_id=item_id, documents=cleaned)
        uow.commit()


def set_attendees(db: Database, *, meeting_id: int, attendees: list[Attendee]) -> None:
    for a in attendees:
        a.name, a.job_title = clean_line(a.name), clean_line(a.job_title)
        a.substitute_for, a.note = clean_line(a.substitute_for), clean_line(a.note)
    with db.unit_of_work() as uow:
        edits.set_attendees(
            uow.session, meeting_id=meeting_id, attendees=[a for a in attendees if a.name]
        )
        uow.commit()


def update_meeting(db: Database, *, meeting: Meeting) -> None:
    """Write the meeting's header fields, status and label style."""
    for name in ("council", "committee", "venue"):
        setattr(meeting, name, clean_line(getattr(meeting, name)))
    with db.unit_of_work() as uow:
        edits.update_meeting(uow.session, meeting=meeting)
        uow.commit()


def owner_suggestions(db: Database, *, meeting: Meeting) -> list[str]:
    """Owners for the Ctrl+T completer: this meeting's attendance, then past owners."""
    names: list[str] = ["Chair", "Clerk"]
    names += [a.job_title or a.name for a in meeting.attendees if a.role.value == "officer"]
    names += [a.name for a in meeting.attendees]
    with db.session() as session:
        names += edits.known_owners(session)
    unique: dict[str, str] = {}
    for name in names:
        if name:
            unique.setdefault(name.casefold(), name)
    return list(unique.values())
