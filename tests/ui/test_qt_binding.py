"""The installed Qt binding must not leak references to None (PySide6 6.12.0 on Python 3.11).

A leaking binding aborts the interpreter after a few thousand calls ("none_dealloc"), which for
a clerk means the window dying mid-meeting; pyproject.toml excludes the known bad release, and
this test catches any other.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_calls_do_not_drop_references_to_none() -> None:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        probe.setObjectName("probe")
    # Unrelated code may take or drop a reference or two meanwhile; a leak drops ~2,000.
    assert before - sys.getrefcount(None) < 100
