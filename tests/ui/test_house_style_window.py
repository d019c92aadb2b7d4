"""The window's export uses the meeting's body's house style, and says so when it cannot."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.export.pdf import render_pages
from clerk_app.services import bodies
from clerk_app.services.meetings import create_meeting
from clerk_app.store.database import Database
from clerk_app.ui.shell.command_registry import Cmd
from clerk_app.ui.shell.main_window import MainWindow
from tests.export.readers import flowing, pdftotext
from tests.export.test_docx_template import council_template
from tests.ui.helpers import key, present, sample_meeting, type_text, wait_exported

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

COMMITTEE = "Overview and Scrutiny Committee"  # the sample meeting's, so its body


def test_word_and_pdf_take_the_bodys_templates_and_a_broken_one_is_said(
    window: MainWindow, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    house = tmp_path / "house.typ"
    house.write_text("#set document(title: [x])\nHouse\n", encoding="utf-8")
    bodies.set_up_body(
        db, COMMITTEE, word_template=council_template(tmp_path / "council.docx"), pdf_template=house
    )
    house.write_text("#let data = (\n", encoding="utf-8")  # broken since it was chosen

    type_text(" Typed in the window.")
    window.choose_path = lambda *_args: str(tmp_path / "minutes.docx")
    window.registry[Cmd.EXPORT_WORD].trigger()
    wait_exported(window)
    assert docx.Document(str(tmp_path / "minutes.docx")).styles["Normal"].font.name == "Georgia"
    assert shown == []

    window.choose_path = lambda *_args: str(tmp_path / "minutes.pdf")
    window.registry[Cmd.EXPORT_PDF].trigger()
    wait_exported(window)
    assert "Typed in the window." in flowing(pdftotext(tmp_path / "minutes.pdf"))  # the default
    assert len(shown) == 1 and shown[0].startswith("PDF template house.typ could not be used")
    assert window.statusBar().currentMessage() == shown[0]  # said in the status bar too


def test_the_preview_shows_the_bodys_house_style_or_says_why_not(
    qtbot: QtBot, db: Database, settings: QSettings, tmp_path: Path
) -> None:
    from tests.cli.test_cli_house_style import house_template

    house = house_template(tmp_path / "house")
    meeting_id = create_meeting(db, sample_meeting())
    bodies.set_up_body(db, COMMITTEE, pdf_template=house)
    window = build_window(db, settings, meeting_id)
    qtbot.addWidget(window)
    present(window)
    preview = window.preview
    with qtbot.waitSignal(preview.updated, timeout=20000):
        key(Qt.Key.Key_P, CTRL | SHIFT)
    assert preview.laid is not None and preview.status.text() == "1 page"
    document = preview.laid.document
    assert preview.laid.pages == render_pages(document, house)  # the house style, as printed
    assert preview.laid.pages != render_pages(document)

    house.write_text("#let data = (\n", encoding="utf-8")  # broken while the meeting is open
    with qtbot.waitSignal(preview.updated, timeout=5000):
        type_text(" More.")
    assert preview.laid is not None
    assert preview.laid.pages == render_pages(preview.laid.document)  # Clerk's default
    assert preview.status.text().startswith("1 page. PDF template house.typ could not be used")
    window.close()
