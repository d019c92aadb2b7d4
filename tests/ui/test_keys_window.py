"""A clerk's day without the mouse (issue 15): opening, long jumps, empty items, joining points,
points crossing items, items keeping their numbers in order; typed into the real window over a
real file, and read back from the screen and from the file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.services.meetings import create_meeting
from clerk_app.store.database import Database
from clerk_app.ui.capture.capture_view import CaptureView
from clerk_app.ui.capture.rows import RowKind
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import answering, focused, key, present, reload, type_text

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
INTRO = "The Parks Officer introduced the review of the allotments."
WAITING = "Waiting lists had doubled since 2023."
WATER = "Members asked about the water supply at Northfield."
TAP = "The Northfield tap had been broken since March."
TREES = "The Committee received an update on street tree planting."
WATERING = "Councillor Adeyemi asked who would water the new trees in summer."
LINK = (
    "The list is at https://www.example.gov.uk/parks/allotments/waiting-list-2026-northfield"
    "-and-southfield-sites-full-report-with-appendices for Members."
)


def parks_meeting() -> Meeting:
    return Meeting(
        committee="Parks and Open Spaces Committee",
        date=dt.date(2026, 3, 4),
        items=[
            AgendaItem("Apologies for absence", "40"),
            AgendaItem("Declarations of interest", "41"),
            AgendaItem(
                "Allotments review",
                "42",
                points=[
                    Point(INTRO, children=[Point(WAITING)]),
                    Point(WATER, children=[Point(TAP)]),
                ],
            ),
            AgendaItem("Tree planting", "43", points=[Point(TREES), Point(WATERING)]),
        ],
    )


@pytest.fixture
def parks_id(db: Database) -> int:
    return create_meeting(db, parks_meeting())


@pytest.fixture
def parks(qtbot: QtBot, db: Database, settings: QSettings, parks_id: int) -> Iterator[MainWindow]:
    window = build_window(db, settings, parks_id)
    qtbot.addWidget(window)
    present(window)
    yield window
    window.close()


def view_of(window: MainWindow) -> CaptureView:
    assert window.view is not None
    return window.view


def active_text(window: MainWindow) -> str:
    active = view_of(window).active
    assert active is not None, "no point has the caret"
    return active.text


def stored(db_path: Path, meeting_id: int) -> dict[str, list[tuple[str, list[str]]]]:
    """Each item's points as a fresh connection reads them, by item number."""
    window_free = reload(db_path, meeting_id)
    return {
        item.number: [(p.text, [c.text for c in p.children]) for p in item.points]
        for item in window_free.items
    }


def saved(window: MainWindow) -> None:
    assert window.model is not None
    window.model.flush()


# --- 1. opening a meeting any way puts the caret at the end of its last point ---------------
def test_opening_from_the_list_with_enter_then_typing_goes_into_the_last_point(
    qtbot: QtBot, db: Database, db_path: Path, settings: QSettings, parks_id: int
) -> None:
    window = build_window(db, settings)
    qtbot.addWidget(window)
    present(window)
    window.meeting_list.setFocus()
    key(Qt.Key.Key_Down)  # the clerk picks the meeting in the list...
    key(Qt.Key.Key_Return)  # ...and opens it
    view = view_of(window)
    assert focused() is view.editor and active_text(window) == WATERING
    assert view.editor.textCursor().atEnd()
    type_text(" Officers would reply.")
    key(Qt.Key.Key_O, CTRL)  # back to the list, and in again: the caret is there again
    assert window.current is None
    key(Qt.Key.Key_Return)
    assert focused() is view_of(window).editor
    type_text(" Noted.")
    saved(window)
    assert stored(db_path, parks_id)["43"][1][0] == f"{WATERING} Officers would reply. Noted."
    window.close()


# --- 2 and 3. long jumps, and empty agenda items as places to type --------------------------
def test_long_jumps_and_empty_items_in_one_sitting(
    parks: MainWindow, db_path: Path, parks_id: int
) -> None:
    view = view_of(parks)
    key(Qt.Key.Key_Home, CTRL)  # the first place: item 40, which has no points yet
    assert view.pending is not None and view.pending.number == "40"
    assert focused() is view.editor and view.editor.isVisible()
    assert stored(db_path, parks_id)["40"] == []  # nothing stored just for arriving
    type_text("None.")
    assert active_text(parks) == "None."
    key(Qt.Key.Key_Down)  # item 41: empty, reachable by Down
    assert view.pending is not None and view.pending.number == "41"
    key(Qt.Key.Key_Down)
    assert active_text(parks) == INTRO
    key(Qt.Key.Key_Up)  # and by Up
    assert view.pending is not None and view.pending.number == "41"
    type_text("Councillor Adeyemi declared an interest as an allotment holder.")
    key(Qt.Key.Key_End, CTRL)  # back to where the clerk was typing: the end of the minutes
    assert active_text(parks) == WATERING and view.editor.textCursor().atEnd()
    type_text(" Officers would reply.")
    key(Qt.Key.Key_Up, CTRL)  # the item above, at its first point
    assert active_text(parks) == INTRO
    key(Qt.Key.Key_Up, CTRL)
    assert active_text(parks).startswith("Councillor Adeyemi declared")
    key(Qt.Key.Key_Down, CTRL)
    key(Qt.Key.Key_Down, CTRL)
    assert active_text(parks) == TREES

    asked: list[str] = []

    def number(wanted: str) -> object:
        def fill(dialog: QDialog) -> None:
            assert isinstance(dialog, QInputDialog)
            asked.append(dialog.labelText())
            dialog.setTextValue(wanted)

        return answering(fill)

    parks.run_dialog = number("42")  # type: ignore[assignment]
    key(Qt.Key.Key_G, CTRL)
    assert asked == ["Agenda item number:"] and active_text(parks) == INTRO
    assert focused() is view.editor
    parks.run_dialog = number("99")  # type: ignore[assignment]
    key(Qt.Key.Key_G, CTRL)
    assert active_text(parks) == INTRO  # nowhere to go: the caret stays, and the bar says why
    assert "No agenda item numbered '99'" in parks.statusBar().currentMessage()
    type_text("!")  # keys still go to the point
    saved(parks)
    points = stored(db_path, parks_id)
    assert points["40"] == [("None.", [])]
    assert points["41"] == [("Councillor Adeyemi declared an interest as an allotment holder.", [])]
    assert points["42"][0][0] == INTRO + "!"
    assert points["43"][1][0] == f"{WATERING} Officers would reply."


def test_undoing_the_first_character_in_an_empty_item_leaves_the_caret_there(
    parks: MainWindow, db_path: Path, parks_id: int
) -> None:
    view = view_of(parks)
    key(Qt.Key.Key_Home, CTRL)
    type_text("N")
    assert stored(db_path, parks_id)["40"] == [("N", [])]
    key(Qt.Key.Key_Z, CTRL)
    assert stored(db_path, parks_id)["40"] == []
    assert view.pending is not None and view.pending.number == "40"
    assert focused() is view.editor
    type_text("None.")
    saved(parks)
    assert stored(db_path, parks_id)["40"] == [("None.", [])]


def test_page_down_and_up_move_a_screen(
    qtbot: QtBot, db: Database, settings: QSettings, db_path: Path
) -> None:
    long = [Point(f"Members asked about bed {n} of the rose garden.") for n in range(60)]
    meeting_id = create_meeting(
        db,
        Meeting(
            committee="Parks and Open Spaces Committee",
            date=dt.date(2026, 4, 1),
            items=[AgendaItem("Rose garden", "50", points=long)],
        ),
    )
    window = build_window(db, settings, meeting_id)
    qtbot.addWidget(window)
    window.resize(900, 500)
    present(window)
    view = view_of(window)
    key(Qt.Key.Key_Home, CTRL)
    assert active_text(window) == long[0].text
    top = view.verticalScrollBar().value()
    key(Qt.Key.Key_PageDown)
    first_page = long.index(view.active)  # type: ignore[arg-type]
    assert first_page >= 5  # a screen's worth of points, not one
    assert view.verticalScrollBar().value() > top
    key(Qt.Key.Key_PageDown)
    second_page = long.index(view.active)  # type: ignore[arg-type]
    assert second_page > first_page + 4
    key(Qt.Key.Key_PageUp)
    assert long.index(view.active) < second_page  # type: ignore[arg-type]
    type_text(" Paged.")
    saved(window)
    texts = [p[0] for p in stored(db_path, meeting_id)["50"]]
    assert sum(text.endswith(" Paged.") for text in texts) == 1
    window.close()


# --- 7. Backspace at the start / Delete at the end join points ------------------------------
def test_backspace_and_delete_join_points_with_their_sub_points_in_one_undo_step(
    parks: MainWindow, db_path: Path, parks_id: int
) -> None:
    view = view_of(parks)
    start = stored(db_path, parks_id)
    key(Qt.Key.Key_Up)  # 43 a.: the caret at its end
    key(Qt.Key.Key_Delete)  # Delete at the end pulls 43 b. in
    assert [r.text for r in view.rows if r.point is not None][-1] == f"{TREES} {WATERING}"
    assert view.editor.caret() == len(TREES) + 1  # the caret at the join
    assert stored(db_path, parks_id)["43"] == [(f"{TREES} {WATERING}", [])]
    key(Qt.Key.Key_Z, CTRL)
    assert stored(db_path, parks_id) == start

    key(Qt.Key.Key_Up, CTRL)  # item 42, a.
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Down)  # 42 b. "Members asked about the water supply"
    assert active_text(parks) == WATER
    key(Qt.Key.Key_Home)
    key(Qt.Key.Key_Backspace)  # joins b. to the point above (a.i.); b.'s sub-point follows
    assert active_text(parks) == f"{WAITING} {WATER}"
    type_text("X")  # typed at the join
    assert active_text(parks) == f"{WAITING} X{WATER}"
    key(Qt.Key.Key_Z, CTRL)  # the typing...
    key(Qt.Key.Key_Z, CTRL)  # ...and the join, in one step
    saved(parks)
    assert stored(db_path, parks_id) == start
    key(Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert stored(db_path, parks_id)["42"] == [(INTRO, [f"{WAITING} {WATER}", TAP])]
    labels = [(r.label, r.text) for r in view.rows if r.point is not None and r.item is not None]
    assert ("ii.", TAP) in labels  # the sub-point is re-lettered under a.


def test_backspace_at_an_items_first_point_does_not_join_across_items(
    parks: MainWindow, db_path: Path, parks_id: int
) -> None:
    start = stored(db_path, parks_id)
    key(Qt.Key.Key_Up)
    key(Qt.Key.Key_Home)
    key(Qt.Key.Key_Backspace)
    assert stored(db_path, parks_id) == start
    assert "No point above" in parks.statusBar().currentMessage()
    assert active_text(parks) == TREES


# --- 8. Alt+Up / Alt+Down carry a point into the next item ----------------------------------
def test_alt_arrows_at_an_items_edge_move_the_point_into_the_next_item(
    parks: MainWindow, db_path: Path, parks_id: int
) -> None:
    start = stored(db_path, parks_id)
    key(Qt.Key.Key_Up)  # 43 a., the first point of its item
    key(Qt.Key.Key_Up, ALT)  # into the end of item 42
    points = stored(db_path, parks_id)
    assert points["42"][-1] == (TREES, []) and points["43"] == [(WATERING, [])]
    assert active_text(parks) == TREES  # the caret went with it
    key(Qt.Key.Key_Down, ALT)  # and back, to the start of 43
    assert stored(db_path, parks_id) == start
    key(Qt.Key.Key_Up, CTRL)  # 42 a., with its sub-point, into the empty item 41
    key(Qt.Key.Key_Up, ALT)
    points = stored(db_path, parks_id)
    assert points["41"] == [(INTRO, [WAITING])]
    assert points["42"] == [(WATER, [TAP])]
    key(Qt.Key.Key_Z, CTRL)
    assert stored(db_path, parks_id) == start
    key(Qt.Key.Key_Home, CTRL)  # an empty item: nothing to move, nothing changes
    key(Qt.Key.Key_Down, ALT)
    assert stored(db_path, parks_id) == start


# --- 11. moving an agenda item keeps the minutes numbered in order --------------------------
def test_moving_an_item_swaps_plain_numbers_in_sequence(
    parks: MainWindow, db_path: Path, parks_id: int
) -> None:
    view = view_of(parks)
    key(Qt.Key.Key_Up, CTRL)  # in item 42
    key(Qt.Key.Key_Down, CTRL | ALT)  # move it below 43
    items = [(r.label, r.text) for r in view.rows if r.kind is RowKind.ITEM]
    assert items == [
        ("40.", "Apologies for absence"),
        ("41.", "Declarations of interest"),
        ("42.", "Tree planting"),
        ("43.", "Allotments review"),
    ]
    fresh = reload(db_path, parks_id)
    assert [(i.number, i.title) for i in fresh.items][2:] == [
        ("42", "Tree planting"),
        ("43", "Allotments review"),
    ]
    key(Qt.Key.Key_Z, CTRL)  # one step back: numbers and order
    fresh = reload(db_path, parks_id)
    assert [(i.number, i.title) for i in fresh.items][2:] == [
        ("42", "Allotments review"),
        ("43", "Tree planting"),
    ]


def test_moving_an_item_keeps_numbers_that_are_not_in_sequence(
    parks: MainWindow, db_path: Path, parks_id: int
) -> None:
    parks.run_dialog = answering(lambda dialog: None)  # no dialog expected
    assert parks.intents is not None and parks.model is not None
    items = parks.model.meeting.items
    parks.intents.edit_item(items[3], {"number": "45"}, None)  # a clerk's own numbering
    key(
        Qt.Key.Key_Up,
        CTRL,
    )  # from 43 a. to item 42
    key(Qt.Key.Key_Down, CTRL | ALT)
    fresh = reload(db_path, parks_id)
    assert [(i.number, i.title) for i in fresh.items][2:] == [
        ("45", "Tree planting"),
        ("42", "Allotments review"),
    ]


# --- 16. the active point is drawn whole --------------------------------------------------
def test_a_view_given_its_caret_before_its_size_is_not_scrolled_sideways(
    parks: MainWindow,
) -> None:
    """Under a real X server the page can be placed before it has its size; offscreen, a view
    not yet in the window shows the same thing: the editor scrolled to the caret sideways."""
    assert parks.model is not None and parks.intents is not None
    key(Qt.Key.Key_Return)
    type_text(LINK)
    fresh = CaptureView(parks.model, parks.intents)  # not laid out: Qt's default size
    fresh.focus_last_point()
    assert fresh.active is not None and fresh.active.text == LINK
    assert fresh.editor.horizontalScrollBar().value() == 0
    fresh.resize(1000, 600)
    fresh.show()
    QApplication.processEvents()
    assert fresh.editor.horizontalScrollBar().value() == 0
    assert fresh.editor.verticalScrollBar().value() == 0
    fresh.close()
    fresh.deleteLater()


def test_a_point_opened_from_a_search_hit_is_not_drawn_shifted_left(
    qtbot: QtBot, db: Database, settings: QSettings, db_path: Path
) -> None:
    meeting = parks_meeting()
    meeting.items[3].points.append(Point(LINK))
    meeting_id = create_meeting(db, meeting)
    window = build_window(db, settings)
    qtbot.addWidget(window)
    present(window)
    point_id = reload(db_path, meeting_id).items[3].points[2].id
    # What opening a search hit does: a new page, laid out after the caret is placed in it.
    window.show_meeting_at(meeting_id, point_id, reuse=False)
    view = view_of(window)
    assert active_text(window) == LINK
    # Placed before the page had its size, the editor once scrolled sideways to the caret:
    # every line then lost its first letters.
    assert view.editor.horizontalScrollBar().value() == 0
    QApplication.processEvents()
    assert view.editor.horizontalScrollBar().value() == 0
    assert view.editor.verticalScrollBar().value() == 0
    type_text(" Thanks.")  # and typing carries on at the end
    assert active_text(window) == LINK + " Thanks."
    window.close()


def test_the_active_point_is_never_scrolled_inside_its_editor(
    qtbot: QtBot, db: Database, settings: QSettings, parks_id: int
) -> None:
    window = build_window(db, settings)
    qtbot.addWidget(window)
    present(window)
    window.meeting_list.setFocus()
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Return)
    view = view_of(window)
    editor = view.editor
    QApplication.processEvents()
    # Laid out whole: nothing scrolled sideways or up inside the point's own editor.
    assert editor.horizontalScrollBar().value() == 0
    assert editor.verticalScrollBar().value() == 0
    assert editor.width() > editor.fontMetrics().horizontalAdvance("Councillor") * 3
    # The wheel over the active point scrolls the meeting, never the point's own text.
    window.resize(900, 300)
    QApplication.processEvents()
    before = view.verticalScrollBar().value()
    centre = editor.rect().center()
    qtbot.wait(10)
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    wheel = QWheelEvent(
        QPointF(centre),
        QPointF(editor.mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(editor.viewport(), wheel)
    assert editor.verticalScrollBar().value() == 0
    assert view.verticalScrollBar().value() < before  # the meeting scrolled up
    window.close()
