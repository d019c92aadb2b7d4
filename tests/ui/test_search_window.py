"""Ctrl+F in the real window: search as you type, open a hit at its point, explain bad queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.services import searching
from clerk_app.services.meetings import create_meeting
from clerk_app.store.database import Database
from clerk_app.ui.archive.search_dialog import SearchDialog
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import focused, key, present, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
DAMP = "The Panel noted that damp and mould had been found in 40 homes on the estate."


def housing_meeting() -> Meeting:
    """A long meeting whose only mention of damp is near the end, far below the first screen."""
    filler = [Point(f"Members asked about item {n} of the rent report.") for n in range(45)]
    return Meeting(
        committee="Housing Scrutiny Panel",
        date=dt.date(2024, 3, 14),
        council="London Borough of Haringey",
        items=[
            AgendaItem(title="Apologies for absence", number="40", intro="None."),
            AgendaItem(
                title="Housing repairs performance",
                number="41",
                points=[*filler, Point(DAMP), Point("Zoë Ní Bhriain presented the petition.")],
            ),
        ],
    )


@pytest.fixture
def housing_id(db: Database) -> int:
    create_meeting(db, Meeting(committee="Cabinet", date=dt.date(2025, 6, 3)))
    return create_meeting(db, housing_meeting())


@pytest.fixture
def listing(
    qtbot: QtBot, db: Database, settings: QSettings, housing_id: int
) -> Iterator[MainWindow]:
    """The window on the meeting list, as the clerk finds it after start-up."""
    window = build_window(db, settings)
    qtbot.addWidget(window)
    present(window)
    yield window
    window.close()


def open_search(qtbot: QtBot, window: MainWindow) -> SearchDialog:
    window.meeting_list.setFocus()
    key(Qt.Key.Key_F, CTRL)
    dialog = window.search.dialog
    assert dialog is not None and dialog.isVisible()
    # The window manager activates the dialog a moment later, as on a desktop.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.query)
    return dialog


def wait_answered(qtbot: QtBot, dialog: SearchDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.pending(), timeout=5000)


def test_results_follow_typing_without_a_query_per_key(
    qtbot: QtBot, listing: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries: list[str] = []
    real = searching.search

    def counting(db: Database, query: str, **kwargs: object) -> list[searching.SearchHit]:
        queries.append(query)
        return real(db, query, **kwargs)  # type: ignore[arg-type]  # the service's own keywords

    monkeypatch.setattr(searching, "search", counting)
    dialog = open_search(qtbot, listing)
    type_text("damp mou")
    # Typing never waits for the archive: no query has run inside the keystrokes.
    assert queries == []
    assert dialog.pending()
    wait_answered(qtbot, dialog)
    # One query after the pause, not one per key; the word being typed is a beginning.
    assert queries == ["damp mou*"]
    assert dialog.message.text() == "1 hit, best first"
    row = dialog.results.topLevelItem(0)
    assert row is not None
    assert row.text(0) == "Thursday 14 March 2024, Housing Scrutiny Panel"
    assert row.text(1) == "41 Housing repairs performance"
    assert row.text(2) == "at."  # the 46th point of item 41 (a. ... z., aa. ...)
    assert '<b style="background-color:#ffe27a">damp</b>' in row.text(3)
    assert '<b style="background-color:#ffe27a">mould</b>' in row.text(3)

    # More typing narrows the same list; Backspace widens it again.
    type_text("ldy")
    wait_answered(qtbot, dialog)
    assert dialog.message.text() == "Nothing found for damp mouldy"
    assert dialog.results.topLevelItemCount() == 0


def test_enter_opens_the_meeting_with_the_caret_at_the_hit(
    qtbot: QtBot, listing: MainWindow, housing_id: int
) -> None:
    dialog = open_search(qtbot, listing)
    type_text("mould")
    wait_answered(qtbot, dialog)
    key(Qt.Key.Key_Return)
    assert not dialog.isVisible()
    view, model = listing.view, listing.model
    assert view is not None and model is not None
    assert model.meeting.id == housing_id
    assert view.active is not None and view.active.text == DAMP
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.editor)  # window reactivated
    assert view.editor.caret() == DAMP.index("mould")
    # Scrolled into view: the point is far below the first screen of the meeting.
    row = view.row_of(view.active)
    top = row.y - view.verticalScrollBar().value()
    assert view.verticalScrollBar().value() > 0
    assert 0 <= top and top + row.height <= view.viewport().height()
    # The clerk can type straight away, at the word found.
    type_text("black ")
    assert view.active.text == DAMP.replace("mould", "black mould")


def test_enter_typed_before_the_answer_opens_the_first_hit(
    qtbot: QtBot, listing: MainWindow
) -> None:
    dialog = open_search(qtbot, listing)
    type_text("zoe")  # accents ignored: finds Zoë
    key(Qt.Key.Key_Return)  # within the debounce: the answer is not there yet
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    view = listing.view
    assert view is not None and view.active is not None
    assert view.active.text.startswith("Zoë Ní Bhriain")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.editor)
    assert view.editor.caret() == 0


def test_arrows_choose_a_hit_without_leaving_the_field(
    qtbot: QtBot, listing: MainWindow, db: Database
) -> None:
    create_meeting(
        db,
        Meeting(
            committee="Cabinet",
            date=dt.date(2025, 9, 1),
            items=[AgendaItem("Damp in schools", "7", points=[Point("Damp survey agreed.")])],
        ),
    )
    dialog = open_search(qtbot, listing)
    type_text("damp")
    wait_answered(qtbot, dialog)
    assert dialog.results.topLevelItemCount() >= 2
    first = dialog.current_hit()
    key(Qt.Key.Key_Down)
    assert focused() is dialog.query
    second = dialog.current_hit()
    assert first is not None and second is not None and second != first
    key(Qt.Key.Key_Up)
    assert dialog.current_hit() == first


def test_a_malformed_query_is_explained_in_the_dialog(qtbot: QtBot, listing: MainWindow) -> None:
    dialog = open_search(qtbot, listing)
    type_text('"damp')
    wait_answered(qtbot, dialog)
    assert dialog.message.text() == (
        'Cannot search for that: the search has an opening " without a closing one'
    )
    assert dialog.results.topLevelItemCount() == 0
    key(Qt.Key.Key_Return)  # nothing to open: the dialog stays, nothing is raised
    assert dialog.isVisible()
    type_text('"')
    wait_answered(qtbot, dialog)
    assert dialog.message.text() == "1 hit, best first"


def test_ctrl_f_again_keeps_the_last_query_selected(qtbot: QtBot, listing: MainWindow) -> None:
    dialog = open_search(qtbot, listing)
    type_text("petition")
    wait_answered(qtbot, dialog)
    key(Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is listing.meeting_list)
    again = open_search(qtbot, listing)
    assert again is dialog
    assert dialog.query.selectedText() == "petition"


def test_a_hit_in_the_open_meeting_keeps_its_undo_history(qtbot: QtBot, window: MainWindow) -> None:
    view = window.view
    assert view is not None
    type_text(" Members asked for dates.")
    dialog = open_search(qtbot, window)
    type_text("introduced")  # the item's introduction: the caret goes to its first point
    wait_answered(qtbot, dialog)
    key(Qt.Key.Key_Return)
    assert window.view is view  # the same meeting on screen, not read again
    assert window.stack.canUndo()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.editor)
    key(Qt.Key.Key_Z, CTRL)
    assert view.active is not None
    assert view.active.text == "The AD advised that a session was planned."


def test_an_item_without_points_found_by_its_title(qtbot: QtBot, listing: MainWindow) -> None:
    dialog = open_search(qtbot, listing)
    type_text("apologies")
    wait_answered(qtbot, dialog)
    hit = dialog.current_hit()
    assert hit is not None and (hit.kind, hit.label) == ("item", "")
    assert dialog.results.topLevelItem(0).text(2) == "title"  # type: ignore[union-attr]
    key(Qt.Key.Key_Return)
    view = listing.view
    assert view is not None and view.current_item is not None
    assert view.current_item.title == "Apologies for absence"
    # The caret stands in the empty item, ready: the first character typed makes its point.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.editor)
    assert view.pending is view.current_item and view.active is None
    assert not view.current_item.points  # nothing stored before a character is typed
    type_text("None.")
    assert view.active is not None and view.active.text == "None."
    assert view.current_item.points == [view.active]


def test_search_is_public_unless_exempt_items_are_included(
    qtbot: QtBot, db: Database, listing: MainWindow
) -> None:
    secret = "Mrs Kwiatkowska's repossession was discussed in private."
    create_meeting(
        db,
        Meeting(
            committee="Housing Scrutiny Panel",
            date=dt.date(2024, 5, 2),
            items=[AgendaItem("Legal case", "12", exempt=True, points=[Point(secret)])],
        ),
    )
    dialog = open_search(qtbot, listing)
    assert dialog.scope.isVisible() and dialog.scope.text() == "Public: exempt items left out"
    assert not dialog.confidential.isChecked()
    type_text("kwiatkowska")
    wait_answered(qtbot, dialog)
    assert dialog.hits == [] and dialog.message.text() == "Nothing found for kwiatkowska"
    dialog.confidential.setChecked(True)
    assert dialog.scope.text() == "Confidential: exempt items included"
    wait_answered(qtbot, dialog)
    assert [h.item_number for h in dialog.hits] == ["12"]
    dialog.confidential.setChecked(False)
    wait_answered(qtbot, dialog)
    assert dialog.hits == []
