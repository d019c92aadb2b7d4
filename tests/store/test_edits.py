"""Point-at-a-time edits: positions stay dense, letters follow, action columns follow the text."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from clerk_app.core.model import AgendaItem, Decision, Meeting, Point
from clerk_app.services import editing, meetings
from clerk_app.store.database import Database
from clerk_app.store.tables import PointRow


def _meeting(db: Database) -> Meeting:
    meeting = Meeting(
        committee="Scrutiny Panel",
        date=dt.date(2025, 9, 4),
        items=[
            AgendaItem("Housing repairs", number="21", points=[Point("first"), Point("second")])
        ],
    )
    meetings.create_meeting(db, meeting)
    return meeting


def _texts(db: Database, meeting: Meeting) -> list[list[str]]:
    assert meeting.id is not None
    loaded = meetings.load_meeting(db, meeting.id)
    return [[p.text] + [c.text for c in p.children] for p in loaded.items[0].points]


def test_insert_between_points_shifts_the_later_ones(db: Database) -> None:
    meeting = _meeting(db)
    item_id = meeting.items[0].id
    assert item_id is not None
    new = Point("inserted")
    editing.add_point(db, item_id=item_id, index=1, point=new)
    assert new.id is not None
    assert _texts(db, meeting) == [["first"], ["inserted"], ["second"]]


def test_indent_outdent_and_move(db: Database) -> None:
    meeting = _meeting(db)
    first, second = meeting.items[0].points
    assert first.id and second.id
    # Tab on "second": it becomes sub-point i. of "first"
    editing.move_point(db, point_id=second.id, parent_id=first.id, index=0)
    assert _texts(db, meeting) == [["first", "second"]]
    # Shift+Tab lifts it back after its old parent
    editing.move_point(db, point_id=second.id, parent_id=None, index=1)
    assert _texts(db, meeting) == [["first"], ["second"]]
    # Alt+Up moves it above
    editing.move_point(db, point_id=second.id, parent_id=None, index=0)
    assert _texts(db, meeting) == [["second"], ["first"]]


def test_delete_closes_the_gap(db: Database) -> None:
    meeting = _meeting(db)
    item_id = meeting.items[0].id
    assert item_id is not None
    third = Point("third")
    editing.add_point(db, item_id=item_id, index=2, point=third)
    first = meeting.items[0].points[0]
    assert first.id is not None
    editing.delete_point(db, point_id=first.id)
    assert _texts(db, meeting) == [["second"], ["third"]]
    with db.session() as session:
        positions = session.scalars(select(PointRow.position).order_by(PointRow.position)).all()
    assert list(positions) == [0, 1]


def test_action_columns_follow_the_text(db: Database) -> None:
    meeting = _meeting(db)
    point = meeting.items[0].points[0]
    assert point.id is not None
    editing.set_point_text(db, point_id=point.id, text="Report back. (Actions: Chair/Clerk)")
    with db.session() as session:
        row = session.get(PointRow, point.id)
        assert row is not None and row.action_owners == "Chair/Clerk"
    editing.set_point_text(db, point_id=point.id, text="Report back.")
    with db.session() as session:
        row = session.get(PointRow, point.id)
        assert row is not None and row.action_owners == ""


def test_text_is_cleaned_on_the_way_in(db: Database) -> None:
    meeting = _meeting(db)
    point = meeting.items[0].points[0]
    assert point.id is not None
    stored = editing.set_point_text(db, point_id=point.id, text="Pasted\x07 from\r\nemail\ud800 🎉")
    assert stored == "Pasted from\nemail 🎉"
    assert _texts(db, meeting)[0] == ["Pasted from\nemail 🎉"]


def test_decisions_documents_and_item_fields(db: Database) -> None:
    meeting = _meeting(db)
    item_id = meeting.items[0].id
    assert item_id is not None and meeting.id is not None
    editing.set_decisions(
        db, item_id=item_id, decisions=[Decision(preamble="That the Panel:", resolutions=["a", ""])]
    )
    editing.set_documents(db, item_id=item_id, documents=["Report (PDF)", "  "])
    editing.update_item(db, item_id=item_id, title="Housing repairs backlog", exempt=True)
    loaded = meetings.load_meeting(db, meeting.id).items[0]
    assert loaded.decisions == [Decision(preamble="That the Panel:", resolutions=["a"])]
    assert loaded.documents == ["Report (PDF)"]
    assert (loaded.title, loaded.exempt) == ("Housing repairs backlog", True)


def test_new_meeting_carries_the_committees_attendance(db: Database) -> None:
    from tests.samples import planning_meeting

    meetings.create_meeting(db, planning_meeting())
    nxt = meetings.new_meeting(db, committee="Planning Sub-Committee", date=dt.date(2025, 4, 8))
    assert [a.name for a in nxt.attendees][:2] == ["Siobhán Ó Briain", "Łukasz Wójcik"]
    owners = editing.owner_suggestions(db, meeting=nxt)
    assert owners[:2] == ["Chair", "Clerk"]
    assert "Priya Raman" in owners and "Head of Development Management" in owners
