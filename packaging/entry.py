"""The bundled program's entry point: the ``clerk-app`` command line, as the console script has it.

What only a bundle needs happens here, around ``clerk_app.cli.main``:

- A desktop's "open this file" launch (``clerk-app minutes.clerkdb``) becomes ``--db PATH``.
- The window names its desktop entry by the application id (``org.clerkapp.Clerk.desktop``,
  as installed from the bundle), so a Wayland desktop shows the right icon and groups the
  window with its launcher.
- ``CLERK_QUIT_AFTER_MS``, for the packaging smoke test: the window quits by itself that many
  milliseconds after its event loop starts, and first prints one JSON line on stderr saying
  what was on screen and where the bundle found its resources.

Nothing in ``clerk_app`` knows about these; they wrap ``clerk_app.app.make_application``.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import recipe

SMOKE_ENV = "CLERK_QUIT_AFTER_MS"
SMOKE_PREFIX = "clerk-app smoke: "


def smoke_report() -> dict[str, Any]:
    """What the running window shows, and which files the app would read its resources from."""
    from PySide6.QtGui import QFontDatabase, QGuiApplication
    from PySide6.QtWidgets import QApplication

    from clerk_app import app as app_module
    from clerk_app.export import pdf
    from clerk_app.ui.shell import icons

    icon = QGuiApplication.windowIcon().pixmap(64, 64).toImage()
    return {
        "platform": QGuiApplication.platformName(),
        "desktop_file": QGuiApplication.desktopFileName(),
        "windows": [
            {"class": type(w).__name__, "title": w.windowTitle()}
            for w in QApplication.topLevelWidgets()
            if w.isVisible()
        ],
        # A null or fully transparent icon means the SVG icon engine plugin was left out.
        "icon_drawn": not icon.isNull() and icon.pixelColor(32, 32).alpha() > 0,
        "icon_dir": str(icons.ICON_DIR),
        "window_fonts_dir": str(app_module.FONTS),
        "liberation_in_qt": "Liberation Sans" in QFontDatabase.families(),
        "pdf_font": str(pdf.FONTS / "LiberationSans-Regular.ttf"),
        "pdf_fallback_font": str(pdf.FONTS / "DejaVuSans.ttf"),
        "pdf_template": str(pdf.TEMPLATE),
        "bundle": getattr(sys, "_MEIPASS", None),
    }


def wrap_make_application(quit_after_ms: int | None) -> None:
    from clerk_app import app as app_module

    make_application = app_module.make_application

    def make_for_bundle(*args: Any, **kwargs: Any) -> Any:
        from PySide6.QtCore import QTimer

        application = make_application(*args, **kwargs)
        application.setDesktopFileName(recipe.APP_ID)
        if quit_after_ms is not None:

            def report_and_quit() -> None:
                sys.stderr.write(SMOKE_PREFIX + json.dumps(smoke_report()) + "\n")
                sys.stderr.flush()
                application.quit()

            QTimer.singleShot(quit_after_ms, report_and_quit)
        return application

    app_module.make_application = make_for_bundle


def run(argv: list[str]) -> int:
    from clerk_app.cli import main

    quit_after = os.environ.get(SMOKE_ENV)
    wrap_make_application(int(quit_after) if quit_after else None)
    return main(recipe.document_arguments(argv))


if __name__ == "__main__":
    from clerk_app.cli import quick_exit

    # As the console script does (``cli.run``): after a command, no teardown of every module.
    quick_exit(run(sys.argv[1:]))
