"""The bundled program's entry point: the ``clerk-app`` command line, as the console script has it.

Two things only a bundle needs happen here, before ``clerk_app.cli.main``:

- A desktop's "open this file" launch (``clerk-app minutes.clerkdb``) becomes ``--db PATH``.
- ``CLERK_QUIT_AFTER_MS``, for the packaging smoke test: the window quits by itself that many
  milliseconds after its event loop starts, and first prints one JSON line on stderr saying
  what was on screen and where the bundle found its resources.  Nothing in ``clerk_app``
  knows about it; it wraps ``clerk_app.app.make_application``.
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
    from clerk_app.export import fonts
    from clerk_app.ui import icons

    icon = QGuiApplication.windowIcon().pixmap(64, 64).toImage()
    return {
        "platform": QGuiApplication.platformName(),
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
        "pdf_font": str(fonts.font_file(fonts.REGULAR)),
        "pdf_fallback_font": str(fonts.font_file(fonts.FALLBACK)),
        "bundle": getattr(sys, "_MEIPASS", None),
    }


def install_smoke_hook(milliseconds: int) -> None:
    from clerk_app import app as app_module

    make_application = app_module.make_application

    def make_and_arm(*args: Any, **kwargs: Any) -> Any:
        from PySide6.QtCore import QTimer

        application = make_application(*args, **kwargs)

        def report_and_quit() -> None:
            sys.stderr.write(SMOKE_PREFIX + json.dumps(smoke_report()) + "\n")
            sys.stderr.flush()
            application.quit()

        QTimer.singleShot(milliseconds, report_and_quit)
        return application

    app_module.make_application = make_and_arm


def run(argv: list[str]) -> int:
    from clerk_app.cli import main

    quit_after = os.environ.get(SMOKE_ENV)
    if quit_after:
        install_smoke_hook(int(quit_after))
    return main(recipe.document_arguments(argv))


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
