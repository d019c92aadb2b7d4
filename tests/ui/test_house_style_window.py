"""The window's export uses the meeting's body's house style, and says so when it cannot."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtWidgets import QMessageBox

from clerk_app.services import bodies
from clerk_app.store.database import Database
from clerk_app.ui.shell.command_registry import Cmd
from clerk_app.ui.shell.main_window import MainWindow
from tests.export.readers import flowing, pdftotext
from tests.export.test_docx_template import council_template
from tests.ui.helpers import type_text, wait_exported

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
