"""How fast the capture window opens a big meeting and answers a keystroke, against a bare editor.

    .venv/bin/python benchmarks/capture_speed.py [--keys 600] [--interval-ms 25] [--preview]

Generates a meeting of 40 items and 400 points (``capture_data``) in a temporary database,
opens it in the real main window (offscreen), and types into it with key events at a steady
pace, autosave running as it would in a meeting.  A bare ``QPlainTextEdit`` holding the same
text is typed into in the same run, in alternating blocks so that both see the same machine.

A keystroke's latency runs from the moment the key is due to the end of the repaint it caused
(``processEvents`` after the key).  If the window is busy saving when a key is due, the wait
counts against that key: that is how autosave shows up in the figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from capture_data import big_meeting, create_big_meeting  # noqa: E402
from PySide6.QtCore import QEvent, QSettings, Qt  # noqa: E402  (after the platform is chosen)
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget  # noqa: E402

from clerk_app.app import build_window, make_application  # noqa: E402
from clerk_app.store.database import open_database  # noqa: E402
from clerk_app.ui.shell.main_window import MainWindow  # noqa: E402

TEXT = "the committee noted the update and asked officers to report back in june "


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def press(target: QWidget, key: int, text: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        QApplication.sendEvent(target, event)


def type_block(
    target: Callable[[], QWidget], keys: int, interval: float, offset: int
) -> list[float]:
    """Type ``keys`` characters at a steady pace; each key's latency in milliseconds."""
    latencies: list[float] = []
    due = time.perf_counter()
    for n in range(keys):
        due += interval
        # Idle time: timers (autosave) run here.  The last 2 ms spin without sleeping, so a
        # key is late only if the window was busy when it was due.
        while (now := time.perf_counter()) < due:
            QApplication.processEvents()
            if due - now > 0.002:
                time.sleep(0.001)
        char = TEXT[(offset + n) % len(TEXT)]
        press(target(), 0, char)
        QApplication.processEvents()  # the repaint the key caused
        latencies.append((time.perf_counter() - due) * 1000)
    return latencies


def time_open(window: MainWindow, meeting_id: int, runs: int) -> list[float]:
    """Open the meeting from the list (load, build rows, measure, first paint), ``runs`` times."""
    times: list[float] = []
    for _ in range(runs):
        window.show_meeting_list()
        QApplication.processEvents()
        start = time.perf_counter()
        window.open_meeting(meeting_id)
        assert window.view is not None
        window.view.focus_last_point()
        window.view.viewport().repaint()
        QApplication.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(name: str, values: list[float]) -> str:
    return (
        f"{name:<28} p50 {statistics.median(values):6.2f} ms   "
        f"p99 {percentile(values, 0.99):6.2f} ms   max {max(values):6.2f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keys", type=int, default=600, help="keys per editor (default 600)")
    parser.add_argument("--interval-ms", type=float, default=25.0, help="pace (default 25 ms)")
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--points", type=int, default=10, help="points per item")
    parser.add_argument(
        "--preview", action="store_true", help="with the print preview open, following typing"
    )
    args = parser.parse_args()

    app = make_application()
    folder = Path(tempfile.mkdtemp(prefix="clerk-bench-"))
    meeting_id = create_big_meeting(folder / "bench.db", args.items, args.points)
    db = open_database(folder / "bench.db")
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)

    start = time.perf_counter()
    window = build_window(db, settings, meeting_id)
    window.resize(1280, 820)
    window.show()
    QApplication.processEvents()
    cold = (time.perf_counter() - start) * 1000
    opens = time_open(window, meeting_id, 7)
    assert window.view is not None and window.model is not None
    if args.preview:
        window.preview.show()
    window.activateWindow()
    window.view.focus_last_point()
    points = len(window.model.flat_points())
    previews = 0

    def count_preview() -> None:
        nonlocal previews
        previews += 1

    window.preview.updated.connect(count_preview)

    bare = QPlainTextEdit()
    bare.setPlainText("\n".join(p.text for _i, p, _pa in big_meeting(args.items).all_points()))
    bare.resize(1280, 820)
    bare.moveCursor(bare.textCursor().MoveOperation.End)

    saves = 0

    def count_save(_when: object) -> None:
        nonlocal saves
        saves += 1

    window.model.saved.connect(count_save)
    view = window.view
    clerk_keys: list[float] = []
    bare_keys: list[float] = []
    block = 100
    interval = args.interval_ms / 1000
    for offset in range(0, args.keys, block):
        window.show()
        window.activateWindow()
        view.focus_last_point()
        clerk_keys += type_block(lambda: view.editor, block, interval, offset)
        window.model.flush()
        bare.show()
        bare.activateWindow()
        bare_keys += type_block(lambda: bare, block, interval, offset)
        bare.hide()

    enter: list[float] = []
    window.show()
    for _ in range(20):
        view.focus_last_point()
        start = time.perf_counter()
        press(view.editor, int(Qt.Key.Key_Return), "\r")
        QApplication.processEvents()
        enter.append((time.perf_counter() - start) * 1000)
        press(view.editor, 0, "x")
        QApplication.processEvents()

    ratio50 = statistics.median(clerk_keys) / statistics.median(bare_keys)
    ratio99 = percentile(clerk_keys, 0.99) / percentile(bare_keys, 0.99)
    print(f"meeting: {args.items} items, {points} points (sub-points included)")
    print(f"open (cold: database read, window built, first paint): {cold:6.1f} ms")
    print(summary("open from the meeting list", opens))
    print(summary("keystroke, Clerk window", clerk_keys))
    print(summary("keystroke, bare QPlainTextEdit", bare_keys))
    print(f"ratio Clerk / bare: p50 {ratio50:.2f}x   p99 {ratio99:.2f}x")
    print(f"autosaves during typing: {saves} ({args.keys} keys, one every {args.interval_ms} ms)")
    print(f"print preview: {'open' if args.preview else 'closed'}, {previews} page updates")
    print(summary("Enter (new point, saved)", enter))
    window.close()
    db.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
