"""What an empty database shows instead of an empty table: how to make the first meeting."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

WELCOME = "No meetings yet"
# Only what exists: the window makes a new meeting; minutes typed elsewhere come in through
# the command line's import, which reads the plain-text minutes format.
STEPS = (
    "<p><b>Ctrl+N</b> starts a new meeting: its committee, date and times, then the "
    "attendance (Ctrl+Shift+A) and agenda items (Ctrl+Enter) as the meeting goes.</p>"
    "<p><b>Past minutes</b>, from Word or plain text in any house style, come in with "
    "<b>File &gt; Import minutes…</b> (or <code>clerk-app import minutes.txt</code>); a "
    "meeting can start from its published agenda with <b>File &gt; New meeting from "
    "agenda…</b>.</p>"
    "<p>Later meetings of a committee start from the last one: select it and press "
    "<b>Ctrl+Shift+N</b> (New meeting from this one). Ctrl+F searches every meeting.</p>"
)


class FirstRun(QWidget):
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FirstRun")
        title = QLabel(f"<h2>{WELCOME}</h2>")
        self.steps = QLabel(STEPS)
        self.steps.setWordWrap(True)
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new = QPushButton("&New meeting (Ctrl+N)")
        self.new.setDefault(True)
        self.new.clicked.connect(self.new_requested)
        # A fixed width: a centred word-wrapped label otherwise takes a narrow width and a
        # height too small for its last paragraph.
        self.steps.setFixedWidth(540)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, self.steps, self.new):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.setFocusProxy(self.new)
