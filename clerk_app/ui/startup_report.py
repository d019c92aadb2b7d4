"""Start-up milestones printed on stdout for ``benchmarks/startup_speed.py`` (CLERK_REPORT_READY=1).

"clerk: ready" means the main window has painted once and the event loop has then run dry:
the clerk sees the window and keys are handled.  "clerk: listed N" follows when the meeting
list holds its rows (it is filled from a background query, see ``meetings_page``).  Nothing
here runs unless the environment variable asks for it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    """Prints "ready" on the first idle turn of the event loop after the window's first paint."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  (Qt's name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # A zero timer fires once the events queued behind this paint have been handled.
            QTimer.singleShot(0, lambda: print("clerk: ready", flush=True))
        return False


def report_ready(window: QWidget) -> None:
    """Print the start-up milestones of ``window`` (call before showing it)."""
    reporter = _FirstPaint(window)
    window.installEventFilter(reporter)
    page = getattr(window, "meetings_page", None)
    filled = getattr(page, "filled", None)
    if filled is not None:
        filled.connect(lambda count: print(f"clerk: listed {count}", flush=True))
