"""Start-up milestones printed on stdout for ``benchmarks/startup_speed.py``.

Only with CLERK_REPORT_READY=1.  "clerk: ready" means the main window is on screen (its
native window exposed, which paints it) and the event loop has then run dry: the clerk sees
the window and keys are handled.  "clerk: listed N" follows when the meeting list holds its
rows (it is filled from a background query, see ``meetings_page``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QWidget


class _FirstExposure(QObject):
    """Prints "ready" on the first idle turn of the event loop after the window is exposed.

    Watched on the application, because the native window exists only once shown; the
    widget itself is no help: a main window covered by its children may get no paint event.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  (Qt's name)
        if (
            event.type() == QEvent.Type.Expose
            and isinstance(watched, QWindow)
            and watched is self.window.windowHandle()
            and watched.isExposed()
        ):
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            # Queued behind this exposure, which paints the window before the timer can fire.
            QTimer.singleShot(0, lambda: print("clerk: ready", flush=True))
        return False


def report_ready(window: QWidget) -> None:
    """Print the start-up milestones of ``window`` (call before showing it)."""
    app = QCoreApplication.instance()
    if app is not None:
        app.installEventFilter(_FirstExposure(window))
    page = getattr(window, "meetings_page", None)
    filled = getattr(page, "filled", None)
    if filled is not None:
        filled.connect(lambda count: print(f"clerk: listed {count}", flush=True))
