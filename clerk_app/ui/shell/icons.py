"""Icons from ``resources/icons``: SVG, so they stay sharp at any screen scale."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

ICON_DIR = Path(__file__).resolve().parents[3] / "resources" / "icons"


@cache
def icon(name: str) -> QIcon:
    """The named icon, or an empty one (a missing file must never stop the window)."""
    path = ICON_DIR / f"{name}.svg"
    return QIcon(str(path)) if name and path.is_file() else QIcon()


def app_icon() -> QIcon:
    return icon("clerk")
