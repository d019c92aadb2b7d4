"""The live print preview in the real window: opened on its key, following typing and undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.core.blocks import LabelledParagraph
from clerk_app.core.document import DRAFT_MARK, compose
from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.export.pdf import render_pages
from clerk_app.services.meetings import create_meeting
from clerk_app.store.database import Database
from clerk_app.ui.capture import preview as preview_module
from clerk_app.ui.capture.preview import PreviewDock
from clerk_app.ui.capture.preview_pages import A4_RATIO, GAP, InView, rasterise
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import focused, key, present, reload, sample_meeting, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NEW_TEXT = "Members asked about damp in Zoë Court."


def points(preview: PreviewDock) -> list[tuple[str, str]]:
    """The labelled points of the document the preview's pages were laid out from."""
    assert preview.laid is not None
    return [
        (b.label, b.text) for b in preview.laid.document.blocks if isinstance(b, LabelledParagraph)
    ]


def open_preview(window: MainWindow, qtbot: QtBot) -> PreviewDock:
    preview = window.preview
    with qtbot.waitSignal(preview.updated, timeout=10000):
        key(Qt.Key.Key_P, CTRL | SHIFT)
    assert preview.isVisible()
    return preview


def test_the_preview_follows_typing_and_undo(
    window: MainWindow, qtbot: QtBot, db_path: Path, meeting_id: int
) -> None:
    assert not window.preview.isVisible()
    preview = open_preview(window, qtbot)
    assert points(preview) == [("a.", "The AD advised that a session was planned.")]
    assert preview.laid is not None and DRAFT_MARK in preview.laid.document.marks
    assert preview.status.text() == "1 page"
    before = preview.pages.images[0].copy()
    assert before.width() > 0 and not before.isNull()
    first_page = preview.laid.pages[0]
    assert window.view is not None and focused() is window.view.editor  # typing goes on

    # The clerk adds a point; the preview catches up within a second, without being asked,
    # and only a few times however many keys were typed.
    updates: list[None] = []
    preview.updated.connect(lambda: updates.append(None))
    key(Qt.Key.Key_Return)
    for char in NEW_TEXT:
        type_text(char)  # one character at a time (non-ASCII too), at typing pace
        QTest.qWait(15)
    with qtbot.waitSignal(preview.updated, timeout=1000):
        pass
    assert points(preview)[-1] == ("b.", NEW_TEXT)
    assert 1 <= len(updates) <= 4
    after = preview.pages.images[0]
    assert after != before  # the page as drawn changed

    # What the preview shows is what the PDF prints: same template, same data, same pages.
    window.model.flush()  # type: ignore[union-attr]
    saved = compose(reload(db_path, meeting_id))
    assert preview.laid is not None and preview.laid.pages == render_pages(saved)

    # Undo takes the typing back, then the new point: the preview follows both.
    with qtbot.waitSignal(preview.updated, timeout=1500):
        key(Qt.Key.Key_Z, CTRL)
    assert points(preview)[-1] == ("b.", "")
    with qtbot.waitSignal(preview.updated, timeout=1500):
        key(Qt.Key.Key_Z, CTRL)
    assert points(preview) == [("a.", "The AD advised that a session was planned.")]
    # The very page it first showed (drawn again at the pane's width, should a scroll bar
    # have narrowed the pane since).
    assert preview.laid.pages[0] == first_page
    assert preview.pages.images[0] == rasterise(first_page, preview.pages.raster_width())

    # Redo brings the text back.
    with qtbot.waitSignal(preview.updated, timeout=1500):
        key(Qt.Key.Key_Z, CTRL | SHIFT)
        key(Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: points(preview)[-1] == ("b.", NEW_TEXT), timeout=1500)


def test_a_hidden_preview_does_no_work_and_catches_up_when_shown(
    window: MainWindow, qtbot: QtBot
) -> None:
    preview = open_preview(window, qtbot)
    key(Qt.Key.Key_P, CTRL | SHIFT)  # closed again
    assert not preview.isVisible()
    updates: list[None] = []
    preview.updated.connect(lambda: updates.append(None))
    type_text(" Agreed.")
    QTest.qWait(900)
    assert updates == []
    with qtbot.waitSignal(preview.updated, timeout=5000):
        key(Qt.Key.Key_P, CTRL | SHIFT)
    assert points(preview) == [("a.", "The AD advised that a session was planned. Agreed.")]


def test_the_preview_shows_page_breaks(window: MainWindow, qtbot: QtBot) -> None:
    """A long meeting runs onto more pages, and the preview shows each, one under another."""
    preview = open_preview(window, qtbot)
    intents = window.intents
    assert intents is not None and window.view is not None
    sentence = "The committee noted the update and asked officers to report back in June. "
    for _ in range(40):
        key(Qt.Key.Key_Return)
        type_text(sentence * 2)
    with qtbot.waitSignal(preview.updated, timeout=3000):
        pass
    qtbot.waitUntil(lambda: len(points(preview)) == 41, timeout=3000)
    assert len(preview.pages.images) >= 2
    assert preview.status.text() == f"{len(preview.pages.images)} pages"
    rects = preview.pages.page_rects()
    assert all(a.bottom() < b.top() for a, b in zip(rects, rects[1:], strict=False))


def test_the_preview_shows_the_public_version_unless_asked_for_exempt_items(
    qtbot: QtBot, db: Database, settings: QSettings
) -> None:
    meeting = sample_meeting()
    meeting.items.append(
        AgendaItem(
            title="Land at Wood Green",
            number="78",
            exempt=True,
            exempt_paragraph="3",
            points=[Point("The offer of £2.1m was accepted.")],
        )
    )
    window = build_window(db, settings, create_meeting(db, meeting))
    qtbot.addWidget(window)
    present(window)
    preview = open_preview(window, qtbot)
    texts = [text for _label, text in points(preview)]
    assert "The offer of £2.1m was accepted." not in texts  # the published minutes
    with qtbot.waitSignal(preview.updated, timeout=5000):
        preview.confidential.setChecked(True)
    assert [text for _label, text in points(preview)][-1] == "The offer of £2.1m was accepted."
    assert preview.laid is not None
    assert any("CONFIDENTIAL" in mark for mark in preview.laid.document.marks)
    window.close()


def long_meeting() -> Meeting:
    meeting = sample_meeting()
    sentence = "Officers set out the options for the depot site and the costs of each. "
    meeting.items = [
        AgendaItem(
            title=f"Item {n}",
            number=str(80 + n),
            points=[Point(f"{sentence * 2}Point {n}.{k}.") for k in range(8)],
        )
        for n in range(30)
    ]
    return meeting


def test_pages_in_view_are_redrawn_first_and_the_rest_follow(
    qtbot: QtBot, db: Database, db_path: Path, settings: QSettings
) -> None:
    """A long meeting: the clerk lengthens the first point, which moves every page after it.
    The pages in view are drawn at the size shown; the others are filled in just after."""
    meeting_id = create_meeting(db, long_meeting())
    window = build_window(db, settings, meeting_id)
    qtbot.addWidget(window)
    present(window)
    preview = window.preview
    with qtbot.waitSignal(preview.filled, timeout=20000):
        key(Qt.Key.Key_P, CTRL | SHIFT)
    laid = preview.laid
    assert laid is not None and len(laid.pages) >= 6
    width = preview.pages.raster_width()
    assert width == preview.pages.width() - 2 * GAP  # the displayed size (device ratio 1)
    assert all(image is not None and image.width() == width for image in laid.images)
    first = laid.images[0]

    at_update: list[list[QImage | None]] = []
    preview.updated.connect(lambda: at_update.append(list(preview.laid.images)))  # type: ignore[union-attr]
    key(Qt.Key.Key_Home, CTRL)  # the first point of item 80, on the first page
    with qtbot.waitSignal(preview.filled, timeout=5000):
        type_text(" Members asked for a breakdown by ward." * 3)
    shown = at_update[-1]
    in_view = preview.pages.view().pages(len(shown))
    assert 0 in in_view and len(in_view) < len(shown)
    assert shown[0] is not None and shown[0] != first  # the edited page, drawn anew at once
    assert any(image is None for n, image in enumerate(shown) if n not in in_view)

    laid = preview.laid
    assert laid is not None and all(image is not None for image in laid.images)
    assert preview.pages.images == laid.images
    last = len(laid.pages) - 1
    assert laid.images[last] == rasterise(laid.pages[last], width)  # filled in, at that size
    window.model.flush()  # type: ignore[union-attr]
    assert laid.pages == render_pages(compose(reload(db_path, meeting_id)))
    typed = window.model.meeting.items[0].points[0].text  # type: ignore[union-attr]
    assert typed.count("Members asked for a breakdown by ward.") == 3
    window.close()


def test_in_view_takes_the_pages_a_stretch_of_the_pane_shows() -> None:
    view = InView(top=0, bottom=600, page_width=300, ratio=A4_RATIO)  # a page is 424 + 10 px
    assert view.pages(10) == {0, 1, 2}  # pages 0 and 1 shown, one more below
    assert InView(900, 1300, 300, A4_RATIO).pages(10) == {1, 2, 3}  # inside page 2
    assert InView(800, 1400, 300, A4_RATIO).pages(10) == {0, 1, 2, 3, 4}  # foot of 1, top of 3
    assert InView(900, 1300, 300, A4_RATIO).pages(3) == {1, 2}  # no page beyond the last


def test_a_wider_pane_draws_its_pages_at_the_new_size(window: MainWindow, qtbot: QtBot) -> None:
    preview = open_preview(window, qtbot)
    # The pane settles its width as it opens; the pages follow it to whatever it settles on.
    qtbot.waitUntil(
        lambda: preview.laid is not None and preview.laid.width == preview.pages.raster_width(),
        timeout=5000,
    )
    assert preview.laid is not None
    before = preview.laid.width
    with qtbot.waitSignal(preview.updated, timeout=5000):
        window.resizeDocks([preview], [preview.width() + 200], Qt.Orientation.Horizontal)
    assert preview.laid is not None
    assert preview.laid.width == preview.pages.raster_width() > before
    image = preview.pages.images[0]
    assert image is not None and image.width() == preview.laid.width  # sharp at the new size


def test_the_worker_makes_no_qt_object(monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker's part (Typst's layout) makes no image: a Qt object made on a worker thread
    while Python's lock is held deadlocked with the GUI thread (QSvgRenderer's constructor
    waiting on a connection lock that the GUI thread held while it waited for Python's)."""
    made: list[str] = []
    monkeypatch.setattr(preview_module, "rasterise", lambda *_args: made.append("image"))
    document = compose(long_meeting())
    laid = preview_module.lay_out(document)
    assert len(laid.pages) >= 2 and laid.images == [None] * len(laid.pages)
    assert made == []
    assert all(page.startswith(b"<svg") for page in laid.pages)
