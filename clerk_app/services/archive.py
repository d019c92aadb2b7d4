"""A meeting's life after the room empties: trash, approval, amendments, history, next meeting."""

from __future__ import annotations

import copy
import datetime as dt

from clerk_app.core.action_entries import meeting_actions
from clerk_app.core.actions import parse_tag
from clerk_app.core.attendance import role_words
from clerk_app.core.compare import Change, compare
from clerk_app.core.model import AgendaItem, Meeting, Point, Presence, Status
from clerk_app.core.text import clean_text
from clerk_app.store import archive
from clerk_app.store import meetings as store
from clerk_app.store.archive import Amendment, Revision
from clerk_app.store.database import Database
from clerk_app.store.guards import LockedMeetingError

__all__ = ["Amendment", "Change", "LockedMeetingError", "Revision"]


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def move_to_trash(db: Database, meeting_id: int) -> None:
    with db.unit_of_work() as uow:
        archive.move_to_trash(uow.session, meeting_id, now=_now())
        uow.commit()


def restore(db: Database, meeting_id: int) -> None:
    with db.unit_of_work() as uow:
        archive.restore(uow.session, meeting_id)
        uow.commit()


def trash(db: Database) -> list[tuple[int, str, dt.date, dt.datetime]]:
    with db.session() as session:
        return archive.trash(session)


def empty_trash(db: Database, *, older_than_days: int | None = None) -> int:
    cutoff = _now() - dt.timedelta(days=older_than_days) if older_than_days is not None else None
    with db.unit_of_work() as uow:
        count = archive.purge_trash(uow.session, older_than=cutoff)
        uow.commit()
    return count


def mark_circulated(db: Database, meeting_id: int, *, meeting: Meeting | None = None) -> int:
    """Keep the draft as it was sent out (done on every draft export; unchanged: no new copy).

    ``meeting`` is the meeting as just exported, saving a second read of it.  (A PDF exported
    by the command line is noted by ``store/circulation``, the same rule without the ORM.)"""
    with db.unit_of_work() as uow:
        revision_id = archive.take_revision(
            uow.session, meeting_id, reason="circulated", now=_now(), meeting=meeting
        )
        uow.commit()
    return revision_id


def approve(db: Database, meeting_id: int, *, approved_on: dt.date) -> None:
    """Approved at the meeting of ``approved_on``: locked from now on, DRAFT no more."""
    with db.unit_of_work() as uow:
        archive.approve(uow.session, meeting_id, approved_on=approved_on, now=_now())
        uow.commit()


def amend_point(db: Database, *, point_id: int, text: str, agreed_on: dt.date) -> None:
    """Change approved minutes as agreed at a later meeting, recording what changed and when."""
    with db.unit_of_work() as uow:
        archive.amend_point(
            uow.session, point_id, text=clean_text(text), agreed_on=agreed_on, now=_now()
        )
        uow.commit()


def amendments(db: Database, meeting_id: int) -> list[Amendment]:
    with db.session() as session:
        return archive.amendments(session, meeting_id)


def revisions(db: Database, meeting_id: int) -> list[Revision]:
    with db.session() as session:
        return archive.revisions(session, meeting_id)


def compare_revisions(db: Database, before_id: int, after_id: int | None = None) -> list[Change]:
    """What changed between two revisions (``after_id`` None: the minutes as they are now)."""
    with db.session() as session:
        before = archive.revision_meeting(session, before_id)
        if after_id is None:
            assert before.id is not None
            after = store.load_meeting(session, before.id)
        else:
            after = archive.revision_meeting(session, after_id)
    return compare(before, after)


STANDING_ITEMS = (
    "Apologies for absence",
    "Urgent business",
    "Declarations of interest",
    "Minutes of the previous meeting",
)


# The note on last time's apologies and substitutes in a new meeting: a bracket in the
# draft's attendance until the clerk confirms or changes them (Ctrl+Shift+A).
TO_CHECK = "to check: as last time"


def to_check(meeting: Meeting) -> list[str]:
    """The names still noted TO_CHECK in ``meeting``'s attendance."""
    return [a.name for a in meeting.attendees if a.note == TO_CHECK]


def next_meeting(db: Database, meeting_id: int, *, date: dt.date) -> Meeting:
    """A new draft for the committee's next meeting, made from ``meeting_id`` as a template.

    It keeps committee, council, venue, times, label style and attendance: last time's
    apologies and substitutes are copied as they were, noted TO_CHECK (so the clerk confirms
    them at the start, and a draft never shows them as present members unasked); everyone
    else is present.  It opens with the standing items, and carries every open action into a
    "Matters arising" item whose points follow up the originals: closing one there closes the
    original.
    """
    with db.session() as session:
        source = store.load_meeting(session, meeting_id)
    attendees = copy.deepcopy(source.attendees)
    for attendee in attendees:
        attendee.id = None
        # Last time's notes go; the words the body calls its chair by ("Chairman") stay.
        attendee.note = role_words(attendee)[0]
        if attendee.presence in (Presence.APOLOGIES, Presence.SUBSTITUTE):
            attendee.note = TO_CHECK
        elif attendee.presence is Presence.ABSENT:
            attendee.presence = Presence.PRESENT
    items = [AgendaItem(title) for title in STANDING_ITEMS]
    arising: list[Point] = []
    for entry in meeting_actions(source):
        if entry.done:
            continue
        tag = parse_tag(entry.text)
        assert tag is not None  # meeting_actions only lists tagged points
        # The tag goes back inside the closing full stop, with no space left where it was:
        # "... by estate (Action: Charlotte Pomery)."
        summary = (entry.text[: tag.start] + entry.text[tag.end :]).strip().rstrip(". ")
        minute = entry.item_number or entry.item_title
        arising.append(
            Point(
                f"Minute {minute} ({entry.label.rstrip('.')}): {summary} "
                + entry.text[tag.start : tag.end]
                + ".",
                follows_up=entry.point_id,
            )
        )
    if arising:
        items.append(AgendaItem("Matters arising", points=arising))
    meeting = Meeting(
        committee=source.committee,
        date=date,
        council=source.council,
        start_time=source.start_time,
        venue=source.venue,
        status=Status.DRAFT,
        label_style=source.label_style,
        attendees=attendees,
        items=items,
    )
    with db.unit_of_work() as uow:
        store.add_meeting(uow.session, meeting)
        uow.commit()
    return meeting
