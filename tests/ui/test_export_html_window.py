"""File > Export HTML in the real window, and the clerk's name setting as the Word author."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

from clerk_app.ui.shell.command_registry import Cmd
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import type_text, wait_exported


def _file_menu_entries(window: MainWindow) -> list[str]:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text() == "&File":
            return [entry.text() for entry in menu.actions()]
    raise AssertionError("no File menu")


def test_export_html_from_the_file_menu(window: MainWindow, tmp_path: Path) -> None:
    assert "Export &HTML…" in _file_menu_entries(window)
    asked: list[str] = []

    def choose(_parent, title, suggested, file_filter):
        asked.append(f"{title}|{Path(suggested).suffix}|{file_filter}")
        return str(tmp_path / "for the website")

    window.choose_path = choose
    type_text(" Typed just now.")
    window.registry[Cmd.EXPORT_HTML].trigger()
    wait_exported(window)
    assert asked == ["Export HTML|.html|Web page (*.html)"]
    page = (tmp_path / "for the website.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in page and "Typed just now.</li>" in page
    assert "Exported" in window.statusBar().currentMessage()


def test_word_author_is_the_clerk_name_setting(
    window: MainWindow, settings: QSettings, tmp_path: Path
) -> None:
    import docx

    settings.setValue("clerk/name", "Priya Raman")
    window.choose_path = lambda *_args: str(tmp_path / "minutes.docx")
    window.registry[Cmd.EXPORT_WORD].trigger()
    wait_exported(window)
    assert docx.Document(str(tmp_path / "minutes.docx")).core_properties.author == "Priya Raman"


def test_the_clerk_sets_their_name_from_the_file_menu(
    window: MainWindow, settings: QSettings, monkeypatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    offered: list[str] = []

    def answer(_parent, _title, _label, text=""):
        offered.append(text)
        return "  Jo Bloggs ", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    assert "Your na&me on documents…" in _file_menu_entries(window)
    window.registry[Cmd.CLERK_NAME].trigger()
    assert offered and offered[0]  # the OS account's name is offered first
    assert settings.value("clerk/name") == "Jo Bloggs"
    window.registry[Cmd.CLERK_NAME].trigger()
    assert offered[1] == "Jo Bloggs"
