"""A clerk designing a house style watches the print preview: an edit to the body's Typst
template, or a new template chosen for the body, is laid out at the next keystroke."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import typst
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.export.pdf import FONTS, TEMPLATE, render, render_pages, typst_inputs
from clerk_app.services import bodies
from clerk_app.services.meetings import create_meeting
from clerk_app.store.database import Database
from clerk_app.ui.capture.preview import PreviewDock
from clerk_app.ui.shell.main_window import MainWindow
from tests.cli.test_cli_house_style import HOUSE_LINE, house_template
from tests.export.readers import flowing, pdftotext
from tests.ui.helpers import key, present, sample_meeting, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
COMMITTEE = "Overview and Scrutiny Committee"  # the sample meeting's, so its body
MARKER = "Revised letterhead, second draft"


def first_page(preview: PreviewDock) -> QImage:
    assert preview.laid is not None and preview.laid.images[0] is not None
    return QImage(preview.laid.images[0])  # a copy: the pane's own may be replaced


def fresh_pages(template: Path, preview: PreviewDock) -> list[bytes]:
    """The preview's document laid out by a compiler of its own: the template as it is now."""
    assert preview.laid is not None
    pages = typst.compile(
        template,
        root=template.parent,
        font_paths=[FONTS],
        ignore_system_fonts=True,
        sys_inputs=typst_inputs(preview.laid.document, template),
        format="svg",
    )
    return pages if isinstance(pages, list) else [pages]


def open_preview(window: MainWindow, qtbot: QtBot) -> PreviewDock:
    preview = window.preview
    with qtbot.waitSignal(preview.updated, timeout=20000):
        key(Qt.Key.Key_P, CTRL | SHIFT)
    return preview


def house_window(
    qtbot: QtBot, db: Database, settings: QSettings, tmp_path: Path
) -> tuple[Path, MainWindow, PreviewDock]:
    """The sample meeting's body printing with a house template, its window and preview
    open; the template's path first."""
    house = house_template(tmp_path / "house")
    bodies.set_up_body(db, COMMITTEE, pdf_template=house)
    window = build_window(db, settings, create_meeting(db, sample_meeting()))
    qtbot.addWidget(window)
    present(window)
    return house, window, open_preview(window, qtbot)


def test_an_edited_template_is_laid_out_at_the_next_keystroke(
    qtbot: QtBot, db: Database, settings: QSettings, tmp_path: Path
) -> None:
    house, window, preview = house_window(qtbot, db, settings, tmp_path)
    before, image = preview.laid.pages if preview.laid else [], first_page(preview)
    assert before == fresh_pages(house, preview)

    # The clerk changes the letterhead line in the template, then goes on typing.
    house.write_text(house.read_text(encoding="utf-8").replace(HOUSE_LINE, MARKER), "utf-8")
    with qtbot.waitSignal(preview.updated, timeout=10000):
        type_text(" More.")
    assert preview.laid is not None and preview.status.text() == "1 page"
    assert preview.laid.pages == fresh_pages(house, preview) != before
    assert first_page(preview) != image  # what the clerk sees changed
    # The template as it now stands prints the marker where the house line was.
    text = flowing(pdftotext(_pdf(tmp_path, preview, house)))
    assert MARKER in text and HOUSE_LINE not in text
    first_page(preview).save(str(tmp_path / "edited.png"))  # for a person to look at
    window.close()


def _pdf(tmp_path: Path, preview: PreviewDock, template: Path) -> Path:
    assert preview.laid is not None
    path = tmp_path / "laid.pdf"
    path.write_bytes(render(preview.laid.document, template))
    return path


def test_a_template_chosen_while_the_meeting_is_open_is_followed(
    window: MainWindow, qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    preview = open_preview(window, qtbot)
    assert preview.laid is not None
    assert preview.laid.pages == render_pages(preview.laid.document)  # Clerk's own
    image = first_page(preview)

    house = house_template(tmp_path / "house")
    bodies.set_up_body(db, COMMITTEE, pdf_template=house)  # e.g. from the command line
    with qtbot.waitSignal(preview.updated, timeout=10000):
        type_text(" More.")
    assert preview.laid is not None and preview.status.text() == "1 page"
    assert preview.laid.pages == render_pages(preview.laid.document, house)
    assert first_page(preview) != image

    bodies.set_up_body(db, COMMITTEE, pdf_template="default")  # and back again
    with qtbot.waitSignal(preview.updated, timeout=10000):
        type_text("!")
    assert preview.laid is not None
    assert preview.laid.pages == render_pages(preview.laid.document, TEMPLATE)


def test_a_file_that_cannot_be_read_for_a_moment_keeps_the_house_style_shown(
    qtbot: QtBot,
    db: Database,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another process holds the file past the busy timeout (or the network drive drops)
    while the clerk types: the preview goes on in the house style it last read, says nothing
    alarming, and follows the body again once the file can be read."""
    house, window, preview = house_window(qtbot, db, settings, tmp_path)
    before = preview.laid.pages if preview.laid else []
    real = bodies.house_style
    asked: list[str] = []

    def locked(*args: object) -> tuple[Path | None, Path | None]:
        asked.append("locked")
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(bodies, "house_style", locked)
    with qtbot.waitSignal(preview.updated, timeout=10000):
        type_text(" More.")
    assert asked == ["locked"]
    assert preview.laid is not None and preview.status.text() == "1 page"
    assert preview.laid.pages == render_pages(preview.laid.document, house)
    assert preview.laid.pages != before  # the edit is laid out, in the house style
    assert HOUSE_LINE in flowing(pdftotext(_pdf(tmp_path, preview, house)))

    monkeypatch.setattr(bodies, "house_style", real)
    bodies.set_up_body(db, COMMITTEE, pdf_template="default")  # readable again, and changed
    with qtbot.waitSignal(preview.updated, timeout=10000):
        type_text("!")
    assert preview.laid is not None
    assert preview.laid.pages == render_pages(preview.laid.document, TEMPLATE)
    window.close()
