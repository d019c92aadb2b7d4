"""The store never writes a third level: a sub-point's parent is always a lettered point."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence

import pytest

from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.core.structure import StructureError
from clerk_app.services import meetings
from clerk_app.store import edits
from clerk_app.store.database import Database


def _insert(
    db: Database, item_id: int, index: int, point: Point, parent: int | None = None
) -> None:
    _write(db, edits.insert_point, item_id=item_id, index=index, point=point, parent_id=parent)


def _write(db: Database, edit: Callable[..., object], **arguments: object) -> None:
    """One store edit in its own transaction: the store's own refusal, with no core check
    in front of it (the core checks too, in ``changes.check``)."""
    with db.unit_of_work() as uow:
        edit(uow.session, **arguments)
        uow.commit()


def _moves(db: Database, moves: Sequence[tuple[int, int | None, int]]) -> None:
    with db.unit_of_work() as uow:
        for point_id, parent_id, index in moves:
            edits.move_point(uow.session, point_id=point_id, parent_id=parent_id, index=index)
        uow.commit()


def _meeting(db: Database) -> Meeting:
    meeting = Meeting(
        committee="Scrutiny Panel",
        date=dt.date(2025, 9, 4),
        items=[
            AgendaItem(
                "Housing repairs",
                number="21",
                points=[Point("first", children=[Point("first.i")]), Point("second")],
            ),
            AgendaItem("Budget", number="22", points=[Point("other item")]),
        ],
    )
    meetings.create_meeting(db, meeting)
    return meeting


def _shape(db: Database, meeting: Meeting) -> list[list[str]]:
    assert meeting.id is not None
    loaded = meetings.load_meeting(db, meeting.id)
    return [[p.text] + [c.text for c in p.children] for p in loaded.items[0].points]


def _third_level_rows(db: Database) -> int:
    conn = sqlite3.connect(db.path)
    try:
        return int(
            conn.execute(
                "SELECT count(*) FROM points p JOIN points q ON p.parent_id = q.id "
                "WHERE q.parent_id IS NOT NULL"
            ).fetchone()[0]
        )
    finally:
        conn.close()


def test_moving_a_point_under_a_sub_point_is_refused(db: Database) -> None:
    meeting = _meeting(db)
    first, second = meeting.items[0].points
    assert second.id and first.children[0].id
    with pytest.raises(StructureError, match="two levels"):
        _write(db, edits.move_point, point_id=second.id, parent_id=first.children[0].id, index=0)
    assert _shape(db, meeting) == [["first", "first.i"], ["second"]]
    assert _third_level_rows(db) == 0


def test_a_point_with_sub_points_cannot_become_a_sub_point_itself(db: Database) -> None:
    meeting = _meeting(db)
    first, second = meeting.items[0].points
    assert first.id and second.id
    with pytest.raises(StructureError, match="sub-points must move first"):
        _write(db, edits.move_point, point_id=first.id, parent_id=second.id, index=0)
    assert _shape(db, meeting) == [["first", "first.i"], ["second"]]


def test_inserting_under_a_sub_point_or_with_a_third_level_is_refused(db: Database) -> None:
    meeting = _meeting(db)
    item = meeting.items[0]
    assert item.id and item.points[0].children[0].id
    sub_id = item.points[0].children[0].id
    with pytest.raises(StructureError):
        _write(
            db, edits.insert_point, item_id=item.id, index=0, point=Point("deep"), parent_id=sub_id
        )
    deep = Point("top", children=[Point("sub", children=[Point("third")])])
    with pytest.raises(StructureError):
        _insert(db, item.id, 0, deep)
    with_children = Point("sub", children=[Point("would be third")])
    assert item.points[1].id
    with pytest.raises(StructureError):
        _write(
            db,
            edits.insert_point,
            item_id=item.id,
            index=0,
            point=with_children,
            parent_id=item.points[1].id,
        )
    assert _shape(db, meeting) == [["first", "first.i"], ["second"]]
    assert _third_level_rows(db) == 0


def test_a_parent_in_another_item_is_refused(db: Database) -> None:
    meeting = _meeting(db)
    second = meeting.items[0].points[1]
    other = meeting.items[1].points[0]
    assert second.id and other.id
    with pytest.raises(StructureError, match="another agenda item"):
        _write(db, edits.move_point, point_id=second.id, parent_id=other.id, index=0)


def test_a_whole_meeting_with_three_levels_is_refused_not_silently_cut(db: Database) -> None:
    meeting = Meeting(
        committee="Scrutiny Panel",
        date=dt.date(2025, 9, 4),
        items=[AgendaItem("x", points=[Point("a", children=[Point("i", [Point("deep")])])])],
    )
    with pytest.raises(StructureError):
        meetings.create_meeting(db, meeting)
    assert meetings.list_meetings(db) == []


def test_indent_with_sub_points_is_one_transaction(db: Database) -> None:
    meeting = _meeting(db)
    first, second = meeting.items[0].points
    assert first.id and second.id and first.children[0].id
    sub = Point("second.i")
    _write(
        db,
        edits.insert_point,
        item_id=meeting.items[0].id or 0,
        index=0,
        point=sub,
        parent_id=second.id,
    )
    assert sub.id
    # the sub-point first, then the point: the order core/structure.py plans
    _moves(db, [(sub.id, first.id, 1), (second.id, first.id, 1)])
    assert _shape(db, meeting) == [["first", "first.i", "second", "second.i"]]
    # the wrong order fails at its first step and writes nothing at all
    third = Point("third")
    _insert(db, meeting.items[0].id or 0, 1, third)
    tsub = Point("third.i")
    assert third.id
    _write(
        db,
        edits.insert_point,
        item_id=meeting.items[0].id or 0,
        index=0,
        point=tsub,
        parent_id=third.id,
    )
    assert tsub.id
    before = _shape(db, meeting)
    with pytest.raises(StructureError):
        _moves(db, [(tsub.id, first.id, 9), (third.id, first.id, 9)][::-1])
    assert _shape(db, meeting) == before
    with pytest.raises(StructureError):
        # a valid first step, then an invalid one: the first is rolled back too
        _moves(db, [(tsub.id, None, 0), (third.id, first.children[0].id, 0)])
    assert _shape(db, meeting) == before
    assert _third_level_rows(db) == 0


def test_a_point_moved_to_another_item_lands_at_the_index_asked(db: Database) -> None:
    """Moved to the end of another item at the same level, it was counted among its new
    siblings twice and stored one place short of the end (Alt+Up at an item's first point)."""
    meeting = _meeting(db)
    budget = meeting.items[1]
    moving = meeting.items[0].points[0]  # "first", with its sub-point
    assert budget.id is not None and moving.id is not None
    with db.unit_of_work() as uow:
        edits.move_point(
            uow.session, point_id=moving.id, parent_id=None, index=1, item_id=budget.id
        )
        uow.commit()
    assert meeting.id is not None
    loaded = meetings.load_meeting(db, meeting.id)
    assert [p.text for p in loaded.items[1].points] == ["other item", "first"]
    assert [c.text for c in loaded.items[1].points[1].children] == ["first.i"]
    assert [p.text for p in loaded.items[0].points] == ["second"]
