"""Help > Keyboard shortcuts (F1): every key of the window, grouped, printable on one page, and
the same list as docs/keyboard.md."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.ui.capture.point_editor import JUMP_KEYS
from clerk_app.ui.shell.command_registry import SPECS
from clerk_app.ui.shell.keyboard_help import KeyboardDialog, keyboard_reference, reference_markdown
from clerk_app.ui.shell.main_window import MainWindow
from tests.export.readers import pdftotext
from tests.ui.helpers import key, type_text

ROOT = Path(__file__).resolve().parents[2]
CTRL = Qt.KeyboardModifier.ControlModifier


def test_f1_lists_every_key_and_ctrl_p_prints_it_on_one_page(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    shown: list[KeyboardDialog] = []
    pdf = tmp_path / "keys.pdf"

    def to_pdf(_parent: QWidget) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return printer

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, KeyboardDialog)
        shown.append(dialog)
        dialog.choose_printer = to_pdf
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        QTest.keyClick(dialog, Qt.Key.Key_P, CTRL)  # Ctrl+P in the dialog prints the list
        dialog.close()
        return False

    window.run_dialog = run
    exported: list[str] = []

    def no_export(*args: object) -> str:
        exported.append("asked")  # Ctrl+P here must not be the window's Export PDF
        return ""

    window.choose_path = no_export
    key(Qt.Key.Key_F1)
    assert len(shown) == 1
    listed = shown[0].text.toPlainText()
    for spec in SPECS.values():
        for keys in (spec.hint, *spec.shortcuts):
            if keys:
                assert keys in listed, keys
    for words in ("Go to agenda item", "Join with the point above", "First point"):
        assert words in listed
    pages = PdfReader(str(pdf)).pages
    assert exported == []
    assert len(pages) == 1  # one sheet to pin beside the keyboard
    text = pdftotext(pdf)
    assert "Ctrl+G" in text and "Ctrl+End" in text and "Typing in a point" in text
    # Closing it gives the keys back to the point being typed.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    type_text(" Closed.")
    assert window.view is not None and window.view.active is not None
    assert window.view.active.text.endswith(" Closed.")


def test_the_editors_own_keys_are_listed() -> None:
    """The editor's long jumps are in the registry's Navigate menu, so the list has them."""
    hints = {spec.hint for spec in SPECS.values()}
    for (qt_key, modifiers), _name in JUMP_KEYS.items():
        prefix = "Ctrl+" if modifiers == CTRL else ""
        name = {
            Qt.Key.Key_Home: "Home",
            Qt.Key.Key_End: "End",
            Qt.Key.Key_Up: "Up",
            Qt.Key.Key_Down: "Down",
            Qt.Key.Key_PageUp: "PageUp",
            Qt.Key.Key_PageDown: "PageDown",
        }[Qt.Key(qt_key)]
        assert prefix + name in hints
    groups = [group for group, _rows in keyboard_reference()]
    assert groups[-1] == "Typing in a point" and "Navigate" in groups


def test_docs_keyboard_md_is_the_generated_list_and_the_readme_links_it() -> None:
    written = (ROOT / "docs" / "keyboard.md").read_text(encoding="utf-8")
    assert written == reference_markdown(), (
        "docs/keyboard.md is out of date: run "
        "`.venv/bin/python -m clerk_app.ui.shell.keyboard_help > docs/keyboard.md`"
    )
    assert "docs/keyboard.md" in (ROOT / "README.md").read_text(encoding="utf-8")
