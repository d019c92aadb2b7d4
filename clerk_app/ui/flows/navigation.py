"""Moving about the open meeting by asking first: Go to agenda item (Ctrl+G), by its number."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from clerk_app.ui.shell.port import Shell


class NavigationFlow:
    def __init__(self, shell: Shell) -> None:
        self.shell = shell

    def go_to_item(self) -> None:
        current = self.shell.current
        if current is None:
            return
        dialog = QInputDialog(self.shell.widget)
        dialog.setWindowTitle("Go to agenda item")
        dialog.setLabelText("Agenda item number:")
        numbers = [item.number for item in current.meeting.items if item.number]
        if numbers:
            dialog.setToolTip("This meeting's items: " + ", ".join(numbers))
        if not self.shell.run_dialog(dialog):
            self.shell.refocus()
            return
        typed = dialog.textValue().strip()
        item = current.view.item_numbered(typed)
        if item is None:
            self.shell.say(f"No agenda item numbered {typed!r} in this meeting")
            self.shell.refocus()
            return
        current.view.go_to_item(item)
