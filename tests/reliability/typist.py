"""A typist for the power-cut test: the real window, typing points until it is killed.

Run as ``python -m tests.reliability.typist DB MEETING SEED``.  Each time the window reports a
save, this prints ``SAVED`` and the meeting's points as JSON on one line, ``[id, parent id,
text]`` in reading order: everything in that line is, by the window's own account, on disk.
Between runs of typing it makes structural edits (Enter, Tab on a point with sub-points,
Shift+Tab, Alt+Up/Down, Backspace in an empty point, joining points with Backspace at a
point's start and Delete at its end) and prints ``DID`` and the gesture.  The
parent kills this process with SIGKILL at a moment of its choosing and checks the database
against the last such line.  Typing only ever appends (the caret goes to the end of the point
after every move), so a saved text may grow, never shrink; only an empty point can vanish.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent, QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget  # noqa: E402

from clerk_app.app import build_window, make_application  # noqa: E402
from clerk_app.store.database import open_database  # noqa: E402

NONE = Qt.KeyboardModifier.NoModifier
Gesture = tuple[str, Qt.Key, Qt.KeyboardModifier]
# Cumulative chances per keystroke of each structural gesture; the rest is typing.
GESTURES: list[tuple[float, Gesture]] = [
    (0.040, ("new-point", Qt.Key.Key_Return, NONE)),
    (0.055, ("tab", Qt.Key.Key_Tab, NONE)),
    (0.065, ("shift-tab", Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)),
    (0.075, ("alt-up", Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)),
    (0.085, ("alt-down", Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)),
    (0.100, ("up", Qt.Key.Key_Up, NONE)),  # to reach points that have sub-points
]
WORDS = "the Committee noted Zoë Ó Briain Łukasz damp mould budget officers advised 🎉".split()


def main() -> None:
    db_path, meeting_id, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    app = make_application()
    db = open_database(db_path)
    settings = QSettings(str(db_path.with_suffix(".ini")), QSettings.Format.IniFormat)
    window = build_window(db, settings, meeting_id)
    window.show()
    model = window.model
    assert model is not None

    def report(_when: object) -> None:
        points = [
            [p.id, None if parent is None else parent.id, p.text]
            for _item, p, parent in model.meeting.all_points()
        ]
        print("SAVED " + json.dumps(points, ensure_ascii=False), flush=True)

    model.saved.connect(report)

    def structural(target: QWidget) -> bool:
        """Sometimes a structural key instead of a character; True if one was pressed."""
        view = window.view
        active = view.active if view is not None else None
        roll = rng.random()
        gesture: Gesture | None = next((g for limit, g in GESTURES if roll < limit), None)
        if active is not None and not active.text and not active.children and roll < 0.3:
            gesture = ("backspace-empty", Qt.Key.Key_Backspace, NONE)
        elif active is not None and active.children and roll < 0.25:
            gesture = GESTURES[1][1]  # Tab on a point with sub-points: the case that hid text
        elif active is not None and view is not None and roll < 0.05:
            if view.model.place_of(active).parent is not None:
                gesture = GESTURES[-1][1]  # up, towards the point that holds this one
        elif active is not None and active.text and 0.100 <= roll < 0.108:
            # Backspace at the start of a point joins it to the one above.
            gesture = ("join-above", Qt.Key.Key_Backspace, NONE)
            if isinstance(target, QPlainTextEdit):
                target.moveCursor(QTextCursor.MoveOperation.Start)
        elif active is not None and active.text and 0.108 <= roll < 0.114:
            # Delete at the end of a point joins the next one in (the caret is at the end).
            gesture = ("join-below", Qt.Key.Key_Delete, NONE)
        if gesture is None:
            return False
        name, key, modifiers = gesture
        if name == "tab" and active is not None and active.children:
            name = "tab-with-sub-points"
        QTest.keyClick(target, key, modifiers)
        after = QApplication.focusWidget()
        if isinstance(after, QPlainTextEdit):
            # Typing goes on at the end of the point (End alone stops at a wrapped line's end,
            # and Ctrl+End means "last point").
            after.moveCursor(QTextCursor.MoveOperation.End)
        print(f"DID {name}", flush=True)
        return True

    def keystroke() -> None:
        target = QApplication.focusWidget()
        if target is None:
            return
        if structural(target):
            return
        char = " " if rng.random() < 0.2 else rng.choice(rng.choice(WORDS))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))

    timer = QTimer()
    timer.setInterval(8)  # a fast typist, faster than any clerk
    timer.timeout.connect(keystroke)
    timer.start()
    print("READY", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
