"""Ctrl+E / Ctrl+P / Export HTML on a meeting with exempt items: public by default, or the
confidential version when the clerk says so, named CONFIDENTIAL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.core.model import AgendaItem, Point
from clerk_app.services.meetings import create_meeting
from clerk_app.store.database import Database
from clerk_app.ui.dialogs.version_dialog import QUESTION, VersionDialog
from clerk_app.ui.shell.command_registry import Cmd
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import by_keys, key, present, sample_meeting, wait_exported

SECRET = "The tenant's solicitor offered to settle for the sum in the exempt report."


@pytest.fixture
def exempt_window(qtbot: QtBot, db: Database, settings: QSettings) -> Iterator[MainWindow]:
    meeting = sample_meeting()
    meeting.items.append(
        AgendaItem(
            "Disrepair claim", "78", exempt=True, exempt_paragraph="5", points=[Point(SECRET)]
        )
    )
    win = build_window(db, settings, create_meeting(db, meeting))
    qtbot.addWidget(win)
    present(win)
    yield win
    win.close()


def _docx_text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_enter_alone_exports_the_public_minutes(exempt_window: MainWindow, tmp_path: Path) -> None:
    asked: list[str] = []
    suggested: list[str] = []

    def press_enter(dialog: QDialog) -> None:
        assert isinstance(dialog, VersionDialog)
        asked.append(dialog.windowTitle())
        assert dialog.public.hasFocus()  # Enter alone keeps the exempt minute out
        key(Qt.Key.Key_Return)

    exempt_window.run_dialog = by_keys(press_enter)

    def choose(_parent, _title, path, _filter):
        suggested.append(Path(path).name)
        return str(tmp_path / Path(path).name)

    exempt_window.choose_path = choose
    key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    wait_exported(exempt_window)
    assert asked == ["Which version?"], "the clerk was not asked which version"
    assert suggested == ["Overview and Scrutiny Committee 2026-05-12.docx"]
    text = _docx_text(tmp_path / suggested[0])
    assert "Disrepair claim" in text and SECRET not in text


def test_the_confidential_version_is_asked_for_and_named(
    exempt_window: MainWindow, tmp_path: Path
) -> None:
    def choose_confidential(dialog: QDialog) -> None:
        assert isinstance(dialog, VersionDialog)
        key(Qt.Key.Key_Down)  # from Public to Confidential
        key(Qt.Key.Key_Return)

    exempt_window.run_dialog = by_keys(choose_confidential)
    names: list[str] = []

    def choose(_parent, _title, path, _filter):
        names.append(Path(path).name)
        return str(tmp_path / Path(path).name)

    exempt_window.choose_path = choose
    key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    wait_exported(exempt_window)
    assert names == ["Overview and Scrutiny Committee 2026-05-12 CONFIDENTIAL.docx"]
    assert SECRET in _docx_text(tmp_path / names[0])

    # Export HTML asks the same question; Escape exports nothing.
    exempt_window.run_dialog = by_keys(lambda _d: key(Qt.Key.Key_Escape))
    names.clear()
    exempt_window.registry[Cmd.EXPORT_HTML].trigger()
    assert names == []


def test_pdf_asks_too_and_a_meeting_without_exempt_items_is_not_asked(
    exempt_window: MainWindow, window: MainWindow, tmp_path: Path
) -> None:
    questions: list[bool] = []

    def record(dialog: QDialog) -> bool:
        questions.append(isinstance(dialog, VersionDialog))
        return False  # cancelled: nothing is exported

    exempt_window.run_dialog = record
    exempt_window.choose_path = lambda *_a: pytest.fail("no file is asked for when cancelled")
    exempt_window.registry[Cmd.EXPORT_PDF].trigger()
    assert questions == [True]

    window.run_dialog = record
    window.choose_path = lambda *_a: str(tmp_path / "plain.html")
    window.registry[Cmd.EXPORT_HTML].trigger()
    wait_exported(window)
    assert questions == [True] and (tmp_path / "plain.html").exists()


def test_the_question_says_who_may_see_it() -> None:
    dialog = VersionDialog(["78 Disrepair claim"])
    assert "Include exempt items?" in QUESTION
    assert dialog.public.isChecked() and not dialog.chose_confidential
