"""The worker that runs the window's queries, exports and preview layouts: answers reach
their handlers on the GUI thread, only the newest of a channel is answered, and the worker
itself makes no Qt call (a Qt call there can deadlock with the GUI thread: see
``shell/background.py``), so the GUI thread polls only while an answer is awaited."""

from __future__ import annotations

import threading

from PySide6.QtCore import Signal
from pytestqt.qtbot import QtBot

from clerk_app.ui.flows.export import ExportRunner
from clerk_app.ui.shell.background import Background


def test_answers_arrive_on_the_gui_thread_newest_only_and_polling_stops(qtbot: QtBot) -> None:
    background = Background()
    answered: list[tuple[str, bool]] = []
    started = threading.Event()
    release = threading.Event()

    def slow() -> str:
        started.set()
        release.wait(5)
        return "first"

    def on_result(value: str) -> None:
        answered.append((value, threading.current_thread() is threading.main_thread()))

    background.run("search", slow, on_result)
    assert started.wait(5)
    # Two more on the same channel while the first runs: only the newest is answered.
    background.run("search", lambda: "second", on_result)
    background.run("search", lambda: "third", on_result)
    assert background.busy("search")
    release.set()
    qtbot.waitUntil(lambda: not background.busy("search"), timeout=5000)
    assert answered == [("third", True)]
    qtbot.waitUntil(lambda: not background._poll.isActive(), timeout=1000)

    # An error is handed to the GUI thread's handler, as a value.
    errors: list[Exception] = []

    def broken() -> str:
        return str(1 / 0)

    background.run("export", broken, on_result, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)


def test_no_qt_signal_is_emitted_from_a_worker() -> None:
    """The worker's side hands answers and export progress over as Python values: neither
    the Background nor the export runner declares a signal a worker could emit."""
    for owner in (Background, ExportRunner):
        declared = [name for name, value in vars(owner).items() if isinstance(value, Signal)]
        assert declared == [], (owner.__name__, declared)
