"""Ten years of a busy council, made deterministically: 2,000 meetings, 400,000 points.

Meetings come from meeting_factory (20 items x 10 points) with committees, dates and names
varied per meeting, and a few rare words planted so searches have hits of every frequency.
The file is cached beside the benchmark so a second run starts at once.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from meeting_factory import make_meeting  # noqa: E402

from clerk_app.services import meetings  # noqa: E402
from clerk_app.store.database import open_database  # noqa: E402

COMMITTEES = (
    "Cabinet",
    "Overview and Scrutiny Committee",
    "Planning Sub-Committee",
    "Licensing Committee",
    "Housing Scrutiny Panel",
    "Adults and Health Scrutiny Panel",
    "Audit Committee",
    "Corporate Committee",
)
RARE = ("Łódź twinning", "Zoë Ní Bhriain", "damp and mould", "tenancy fraud", "Siobhán's petition")


def build(path: Path, *, meetings_count: int = 2000, items: int = 20, points: int = 10) -> Path:
    """Create the archive at ``path`` unless a complete one is already there."""
    if path.exists():
        db = open_database(path)
        try:
            if len(meetings.list_meetings(db)) == meetings_count:
                return path
        finally:
            db.close()
        path.unlink()
    started = time.perf_counter()
    db = open_database(path)
    try:
        first = dt.date(2015, 1, 6)
        for n in range(meetings_count):
            meeting = make_meeting(items, points, seed=n, exempt_every=9)
            meeting.committee = COMMITTEES[n % len(COMMITTEES)]
            meeting.date = first + dt.timedelta(days=(n * 3653) // meetings_count)
            point = meeting.items[n % items].points[0]
            point.text += f" Members discussed {RARE[n % len(RARE)]}."
            # As in a real archive, old actions are done; a few stragglers stay open for years.
            if n < meetings_count - 8:
                for index, (_, p, _) in enumerate(meeting.all_points()):
                    if p.action is not None and (n + index) % 37:
                        p.action_done = True
                        p.action_done_on = meeting.date + dt.timedelta(days=30)
            meetings.create_meeting(db, meeting)
            if n % 200 == 199:
                print(f"  {n + 1} meetings, {time.perf_counter() - started:.0f} s", flush=True)
    finally:
        db.close()
    return path
