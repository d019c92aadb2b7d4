"""Shared fixtures: offscreen Qt for every test, and a real database file through migrations."""

from __future__ import annotations

import os

# Set before anything imports Qt: tests never need (or have) a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("CLERK_DB", None)  # a developer's own database must never be touched by tests

from hypothesis import settings

# CI runs hypothesis with a fixed seed and a bounded number of examples, so a run is repeatable.
settings.register_profile("ci", derandomize=True, max_examples=100, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
