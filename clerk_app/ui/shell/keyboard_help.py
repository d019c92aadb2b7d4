"""Help > Keyboard shortcuts: every key, grouped, from the command registry and the editor.

The list is generated, never written out by hand: the window's commands come from ``SPECS``
(a shortcut, or the hint of a key the editor handles) and the keys the editor handles with
no command of their own from ``EDITOR_KEYS`` below.  The same list is docs/keyboard.md
(``python -m clerk_app.ui.shell.keyboard_help`` writes it; a test keeps the two equal), so
the Help window, the menus and the documentation cannot disagree.
"""

from __future__ import annotations

import html
import sys
from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from clerk_app.ui.shell.command_registry import MENUS, SPECS

Group = tuple[str, list[tuple[str, str]]]

# Keys the point editor handles that are not a menu command (capture/point_editor.py).
EDITOR_KEYS: tuple[tuple[str, str], ...] = (
    (
        "Up / Down",
        "The line above or below; past a point's edge, the point above or below, or an agenda "
        "item with no points (type there to start its first point)",
    ),
    ("Left / Right", "At a point's start or end: into the point before or after"),
    ("Backspace in an empty point", "Delete the point"),
    ("Enter in an empty sub-point", "Lift it to a lettered point"),
    (
        "Enter / Delete on a clicked record",
        "Edit / remove (asks) a declaration, motion, arrival, exclusion",
    ),
)


# Keys inside dialogs (ui/dialogs/, ui/archive/search_dialog.py): no menu command either.
DIALOG_KEYS: tuple[tuple[str, str], ...] = (
    ("Ctrl+Enter", "Accept the dialog, from any box in it (a multi-line box, a table cell)"),
    ("Letters in a Role or Presence cell", "The choice they start: ch Chair, ap Apologies"),
    (
        "Alt+C, Alt+Y, Alt+D, Alt+O, Alt+M (search)",
        "Committee, year, decisions only, open actions only, fifty more hits",
    ),
    (
        "Up/Down, then Enter or Delete (Member arrives or leaves)",
        "Pick an arrival or departure already recorded at the item; edit it, or remove it",
    ),
    ("Enter (declaration, motion)", "Next field; a name the list offers is taken first"),
    ("F, A, B or S, N (named vote)", "For, against, abstain, did not vote; then the next row"),
    ("Ctrl+Shift+F, Ctrl+F (named vote)", "All not yet marked For; find a member by name"),
    ("Enter, Delete, V (records at this item)", "Edit; remove, after asking; a motion's vote"),
)


def _clean(text: str) -> str:
    return text.replace("&", "").rstrip("…").strip()


def keyboard_reference() -> list[Group]:
    """(group, [(keys, what they do)]), in menu order, then the editor's own keys."""
    groups: list[Group] = []
    for menu in MENUS:
        rows = [
            (spec.hint or ", ".join(spec.shortcuts), _clean(spec.text))
            for spec in SPECS.values()
            if spec.menu == menu and (spec.hint or spec.shortcuts)
        ]
        if rows:
            groups.append((_clean(menu), rows))
    groups.append(("In dialogs", list(DIALOG_KEYS)))
    groups.append(("Typing in a point", list(EDITOR_KEYS)))
    return groups


def reference_markdown() -> str:
    """docs/keyboard.md, exactly."""
    lines = [
        "# Keyboard shortcuts",
        "",
        "Generated from the window's commands (`python -m clerk_app.ui.shell.keyboard_help`);",
        "Help > Keyboard shortcuts (F1) shows the same list and prints it on one page.",
    ]
    for group, rows in keyboard_reference():
        lines += ["", f"## {group}", "", "| Keys | What they do |", "| --- | --- |"]
        lines += [f"| {keys} | {what} |" for keys, what in rows]
    return "\n".join(lines) + "\n"


def reference_html() -> str:
    """The list as two columns of small tables: it fits one printed A4 page."""
    groups = keyboard_reference()
    half = (sum(len(rows) + 2 for _g, rows in groups) + 1) // 2
    columns: list[list[str]] = [[], []]
    used = 0
    for group, rows in groups:
        column = columns[0 if used < half else 1]
        used += len(rows) + 2
        column.append(f"<h3>{html.escape(group)}</h3><table cellspacing='0' cellpadding='1'>")
        column += [
            f"<tr><td width='46%'><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>"
            for keys, what in rows
        ]
        column.append("</table>")
    cells = "".join(f"<td valign='top' width='50%'>{''.join(c)}</td>" for c in columns)
    return (
        "<html><body style='font-size:9pt'><h2>Clerk: keyboard shortcuts</h2>"
        f"<table width='100%' cellspacing='6'><tr>{cells}</tr></table></body></html>"
    )


def ask_printer(parent: QWidget) -> QPrinter | None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


class KeyboardDialog(QDialog):
    """The list, with Print (Ctrl+P) and Close."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        choose_printer: Callable[[QWidget], QPrinter | None] = ask_printer,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts – Clerk")
        self.choose_printer = choose_printer
        self.text = QTextBrowser()
        self.text.setHtml(reference_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton("&Print… (Ctrl+P)")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_list)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_list)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(820, 640)

    def print_list(self) -> None:
        printer = self.choose_printer(self)
        if printer is not None:
            print_reference(printer)


def print_reference(printer: QPrinter) -> None:
    document = QTextDocument()
    document.setHtml(reference_html())
    document.print_(printer)


if __name__ == "__main__":  # regenerates docs/keyboard.md
    sys.stdout.write(reference_markdown())
