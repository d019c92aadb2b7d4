"""A guard against slow exports: 1,000 points must stay far from "go and make a tea".

benchmarks/export_speed.py measures properly (target: under a second per format); this only
fails when an export becomes several times slower than that, whatever machine runs the tests.
"""

from __future__ import annotations

import time

import pytest

from clerk_app.export.files import export_meeting
from tests.export.minutes_factory import big_meeting


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html"])
def test_thousand_points_export_quickly(tmp_path, suffix):
    meeting = big_meeting(100, 10)
    assert sum(1 for _ in meeting.all_points()) == 1000
    started = time.perf_counter()
    export_meeting(meeting, tmp_path / f"big{suffix}")
    assert time.perf_counter() - started < 4.0
