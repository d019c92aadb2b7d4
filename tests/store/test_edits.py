"""Point-at-a-time edits: positions stay dense, letters follow, action columns follow the text."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from clerk_app.core.changes import (
    DeletePoint,
    InsertPoint,
    MovePoint,
    SetDecisions,
    SetDocuments,
    StructureError,
    UpdateItem,
)
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


def _in_memory(meeting: Meeting) -> list[list[str]]:
    return [[p.text] + [c.text for c in p.children] for p in meeting.items[0].points]


def test_insert_between_points_shifts_the_later_ones(db: Database) -> None:
    meeting = _meeting(db)
    new = Point("inserted")
    editing.apply_changes(db, meeting, [InsertPoint(meeting.items[0], None, 1, new)])
    assert new.id is not None
    assert _texts(db, meeting) == [["first"], ["inserted"], ["second"]]


def test_indent_outdent_and_move(db: Database) -> None:
    meeting = _meeting(db)
    first, second = meeting.items[0].points
    # Tab on "second": it becomes sub-point i. of "first"
    editing.apply_changes(db, meeting, [MovePoint(second, first, 0)])
    assert _texts(db, meeting) == [["first", "second"]] == _in_memory(meeting)
    # Shift+Tab lifts it back after its old parent
    editing.apply_changes(db, meeting, [MovePoint(second, None, 1)])
    assert _texts(db, meeting) == [["first"], ["second"]] == _in_memory(meeting)
    # Alt+Up moves it above
    applied = editing.apply_changes(db, meeting, [MovePoint(second, None, 0)])
    assert _texts(db, meeting) == [["second"], ["first"]] == _in_memory(meeting)
    # and the changes returned undo it, in the file and in memory alike
    editing.apply_changes(db, meeting, applied.undo)
    assert _texts(db, meeting) == [["first"], ["second"]] == _in_memory(meeting)


def test_delete_closes_the_gap(db: Database) -> None:
    meeting = _meeting(db)
    third = Point("third")
    editing.apply_changes(db, meeting, [InsertPoint(meeting.items[0], None, 2, third)])
    first = meeting.items[0].points[0]
    editing.apply_changes(db, meeting, [DeletePoint(first)])
    assert _texts(db, meeting) == [["second"], ["third"]] == _in_memory(meeting)
    assert first.id is None  # its row is gone: undo gives it a new one
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
    item = meeting.items[0]
    assert meeting.id is not None
    decisions = [Decision(preamble="That the Panel:", resolutions=["a", ""])]
    editing.apply_changes(
        db,
        meeting,
        [
            SetDecisions(item, decisions),
            SetDocuments(item, ["Report (PDF)", "  "]),
            UpdateItem(item, {"title": "Housing repairs backlog", "exempt": True}),
        ],
    )
    loaded = meetings.load_meeting(db, meeting.id).items[0]
    assert (item.decisions, item.documents) == (loaded.decisions, loaded.documents)
    assert loaded.decisions == [Decision(preamble="That the Panel:", resolutions=["a"])]
    assert loaded.documents == ["Report (PDF)"]
    assert (loaded.title, loaded.exempt) == ("Housing repairs backlog", True)


def test_a_failed_change_leaves_file_and_memory_as_they_were(db: Database) -> None:
    meeting = _meeting(db)
    first, second = meeting.items[0].points
    editing.apply_changes(db, meeting, [DeletePoint(second)])
    editing.apply_changes(db, meeting, [InsertPoint(meeting.items[0], first, 0, Point("i"))])
    before = _texts(db, meeting)
    # The second change is refused (a point with sub-points cannot become a sub-point): the
    # first, already written in the same transaction, is rolled back with it.
    lone = Point("lone")
    with pytest.raises(StructureError):
        editing.apply_changes(
            db,
            meeting,
            [InsertPoint(meeting.items[0], None, 1, lone), MovePoint(first, lone, 0)],
        )
    assert _texts(db, meeting) == before == _in_memory(meeting)


def test_new_meeting_carries_the_committees_attendance(db: Database) -> None:
    from tests.samples import planning_meeting

    meetings.create_meeting(db, planning_meeting())
    nxt = meetings.new_meeting(db, committee="Planning Sub-Committee", date=dt.date(2025, 4, 8))
    assert [a.name for a in nxt.attendees][:2] == ["Siobhán Ó Briain", "Łukasz Wójcik"]
    owners = editing.owner_suggestions(db, meeting=nxt)
    assert owners[:2] == ["Chair", "Clerk"]
    assert "Priya Raman" in owners and "Head of Development Management" in owners
