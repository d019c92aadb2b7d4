"""A typist for the power-cut test: the real window, typing points until it is killed.

Run as ``python -m tests.reliability.typist DB MEETING SEED``.  Each time the window reports a
save, this prints ``SAVED`` and the meeting's point texts as JSON on one line: everything in
that line is, by the window's own account, on disk.  The parent kills this process with
SIGKILL at a moment of its choosing and checks the database against the last such line.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from clerk_app.app import build_window, make_application  # noqa: E402
from clerk_app.store.database import open_database  # noqa: E402

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
        texts = [p.text for p in model.flat_points()]
        print("SAVED " + json.dumps(texts, ensure_ascii=False), flush=True)

    model.saved.connect(report)

    def keystroke() -> None:
        target = QApplication.focusWidget()
        if target is None:
            return
        if rng.random() < 0.04:
            QTest.keyClick(target, Qt.Key.Key_Return)  # a new point
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
