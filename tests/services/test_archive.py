"""A meeting's life after the room empties, over a real file."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from clerk_app.core.attendance import role_mark
from clerk_app.core.changes import UpdateItem
from clerk_app.core.model import Presence, Role, Status
from clerk_app.services import archive, editing, meetings
from clerk_app.services.action_tracker import action_log, to_csv
from clerk_app.services.archive import LockedMeetingError
from clerk_app.services.searching import search
from clerk_app.store.database import Database
from tests.samples import planning_meeting


@pytest.fixture
def meeting_id(db: Database) -> int:
    return meetings.create_meeting(db, planning_meeting())


def test_trash_hides_everywhere_and_restore_brings_back(db: Database, meeting_id: int) -> None:
    archive.move_to_trash(db, meeting_id)
    assert meetings.list_meetings(db) == []
    assert search(db, "visibility") == []
    assert action_log(db) == []
    assert [t[0] for t in archive.trash(db)] == [meeting_id]
    archive.restore(db, meeting_id)
    assert [m.id for m in meetings.list_meetings(db)] == [meeting_id]
    assert [h.label for h in search(db, "visibility")] == ["b.i."]
    assert len(action_log(db)) == 2
    archive.move_to_trash(db, meeting_id)
    assert archive.empty_trash(db, older_than_days=30) == 0  # too recent to purge
    assert archive.empty_trash(db) == 1
    assert archive.trash(db) == []


def test_approval_locks_and_amendments_are_recorded(db: Database, meeting_id: int) -> None:
    loaded = meetings.load_meeting(db, meeting_id)
    point = loaded.items[1].points[0]
    assert point.id is not None
    archive.mark_circulated(db, meeting_id)
    archive.approve(db, meeting_id, approved_on=dt.date(2025, 4, 8))
    approved = meetings.load_meeting(db, meeting_id)
    assert approved.status is Status.APPROVED and approved.approved_on == dt.date(2025, 4, 8)
    with pytest.raises(LockedMeetingError, match="approved and locked"):
        editing.set_point_text(db, point_id=point.id, text="quietly changed")
    with pytest.raises(LockedMeetingError):
        editing.apply_changes(db, loaded, [UpdateItem(loaded.items[1], {"title": "renamed"})])
    assert loaded.items[1].title != "renamed"  # refused in memory too
    archive.amend_point(
        db,
        point_id=point.id,
        text="Members asked about parking on Mill Lane.",
        agreed_on=dt.date(2025, 4, 8),
    )
    [amendment] = archive.amendments(db, meeting_id)
    assert amendment.before == "Members asked about parking on the estate road."
    assert amendment.after == "Members asked about parking on Mill Lane."
    assert amendment.agreed_on == dt.date(2025, 4, 8)
    reasons = [r.reason for r in archive.revisions(db, meeting_id)]
    assert reasons == ["circulated", "approved", "amended"]
    # doing an action is not an edit of the record: allowed on approved minutes
    action_point = loaded.items[1].points[2]
    assert action_point.id is not None
    editing.mark_action(db, point_id=action_point.id, done=True, on=dt.date(2025, 4, 9))
    assert meetings.load_meeting(db, meeting_id).items[1].points[2].action_done


def test_history_compares_circulated_with_now(db: Database, meeting_id: int) -> None:
    circulated = archive.mark_circulated(db, meeting_id)
    assert archive.mark_circulated(db, meeting_id) == circulated  # unchanged: no new copy
    loaded = meetings.load_meeting(db, meeting_id)
    point = loaded.items[1].points[1].children[0]
    assert point.id is not None
    editing.set_point_text(db, point_id=point.id, text="the visibility splays were improved; and")
    changes = archive.compare_revisions(db, circulated)
    assert [(c.where, c.before, c.after) for c in changes] == [
        (
            "13/25 Land at Mill Lane, b.i.",
            "the visibility splays met the standard; and",
            "the visibility splays were improved; and",
        )
    ]


def test_next_meeting_carries_open_actions_and_closing_one_closes_both(
    db: Database, meeting_id: int
) -> None:
    nxt = archive.next_meeting(db, meeting_id, date=dt.date(2025, 4, 8))
    assert nxt.committee == "Planning Sub-Committee" and nxt.venue.startswith("Committee Room 2")
    # Last time's apologies and substitutes stay as they were, to check; no one else is away.
    assert all(a.presence is Presence.PRESENT or a.note == archive.TO_CHECK for a in nxt.attendees)
    arising = nxt.items[-1]
    assert arising.title == "Matters arising"
    texts = [p.text for p in arising.points]
    assert texts == [
        "Minute 13/25 (b.ii): a travel plan would be secured (Action: Priya Raman).",
        "Minute 13/25 (c): The Chair asked for a site visit"
        " (Actions: Chair/Clerk by 1 April 2025).",
    ]
    follow_up = arising.points[0]
    assert follow_up.id is not None
    editing.mark_action(db, point_id=follow_up.id, done=True, on=dt.date(2025, 4, 8))
    original = meetings.load_meeting(db, meeting_id).items[1].points[1].children[1]
    assert original.action_done and original.action_done_on == dt.date(2025, 4, 8)
    open_owners = [e.owners for e in action_log(db, open_only=True)]
    assert ("Priya Raman",) not in open_owners
    assert open_owners.count(("Chair", "Clerk")) == 2  # the original and its follow-up


def test_action_tracker_filters(db: Database, meeting_id: int) -> None:
    assert [e.label for e in action_log(db)] == ["b.ii.", "c."]
    assert [e.label for e in action_log(db, owner="priya")] == ["b.ii."]
    assert [e.label for e in action_log(db, owner="CLERK")] == ["c."]
    assert action_log(db, committee="licensing") == []
    assert len(action_log(db, committee="planning")) == 2
    assert [e.label for e in action_log(db, overdue_on=dt.date(2025, 4, 2))] == ["c."]
    assert action_log(db, overdue_on=dt.date(2025, 3, 31)) == []
    entry = action_log(db)[0]
    assert entry.point_id is not None
    editing.mark_action(db, point_id=entry.point_id, done=True, on=dt.date(2025, 3, 20))
    assert [e.label for e in action_log(db, done_only=True)] == ["b.ii."]
    assert [e.label for e in action_log(db, open_only=True)] == ["c."]


def test_action_log_as_csv(db: Database, meeting_id: int) -> None:
    rows = list(csv.reader(io.StringIO(to_csv(action_log(db)))))
    assert rows[0][:3] == ["Meeting date", "Committee", "Minute"]
    assert rows[2][5:8] == ["Chair/Clerk", "2025-04-01", "open"]
    assert rows[1][9] == "a travel plan would be secured. (Action: Priya Raman)"


def test_next_meeting_keeps_the_words_for_the_chair_and_drops_last_times_notes(
    db: Database,
) -> None:
    """Minutes imported with "(Chairman)" keep the body's word in the next meeting's
    attendance; last time's other notes ("left at 8.10 pm") do not carry over."""
    meeting = planning_meeting()
    chair = next(a for a in meeting.attendees if a.role is Role.CHAIR)
    chair.note = "Chairman; left at 8.10 pm"
    meeting_id = meetings.create_meeting(db, meeting)
    nxt = archive.next_meeting(db, meeting_id, date=dt.date(2025, 4, 8))
    again = next(a for a in nxt.attendees if a.role is Role.CHAIR)
    assert again.note == "Chairman"
    assert role_mark(again) == "Chairman"
    assert all("8.10" not in a.note for a in nxt.attendees)
