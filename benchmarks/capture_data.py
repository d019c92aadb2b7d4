"""A large, realistic meeting for the capture benchmarks: 40 items, 400 points, actions, decisions.

Deterministic (seeded) so that two runs measure the same text.  The sentences are in the
reported speech of published minutes, with the lengths real points have (one to four lines).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from clerk_app.core.model import (
    AgendaItem,
    Attendee,
    Decision,
    Meeting,
    Point,
    Presence,
    Role,
)

_OPENINGS = (
    "In response to a query about",
    "The Chair noted that",
    "Members asked about",
    "Officers advised that",
    "The Committee requested further information on",
    "In response to a question around",
    "The AD Commissioning advised that",
    "Councillor Ó Briain asked whether",
)
_SUBJECTS = (
    "the performance of the temporary accommodation service",
    "damp and mould in council homes",
    "the carers' strategy and the needs of young carers",
    "the budget gap for the next financial year",
    "waiting lists for CAMHS and the early help offer",
    "the state of the borough profile and its wider publicity",
    "the youth justice plan and children at risk of exploitation",
    "the capital programme and slippage on school repairs",
)
_ENDINGS = (
    "officers advised that a briefing would be circulated to members before the next meeting.",
    "it was confirmed that the format would include RAG status and updates from Heads of Service.",
    "the Committee was advised that work was under way with community organisations.",
    "officers acknowledged a gap in knowledge and agreed to report back with further details.",
    "members noted the update and asked that it come back to the Committee in the autumn.",
)
_OWNERS = ("Charlotte Pomery", "Chair", "Clerk", "Director of Housing", "Łukasz Nowak")


def _sentence(rng: random.Random) -> str:
    text = f"{rng.choice(_OPENINGS)} {rng.choice(_SUBJECTS)}, {rng.choice(_ENDINGS)}"
    if rng.random() < 0.4:
        text += f" {rng.choice(_OPENINGS)} {rng.choice(_SUBJECTS)}."
    return text


def big_meeting(items: int = 40, points_per_item: int = 10, seed: int = 7) -> Meeting:
    """A meeting with ``items * points_per_item`` points in all (sub-points included)."""
    rng = random.Random(seed)
    meeting = Meeting(
        committee="Overview and Scrutiny Committee",
        date=dt.date(2026, 5, 12),
        council="London Borough of Haringey",
        start_time=dt.time(18, 30),
        venue="Committee Room 1, Civic Centre, High Road, Wood Green",
        attendees=[
            Attendee("Councillor Russell", Role.CHAIR),
            Attendee("Councillor Zoë Cannon", Role.VICE_CHAIR),
            Attendee("Councillor Siobhán Ó Briain"),
            Attendee("Councillor Łukasz Nowak"),
            Attendee("Councillor Rice", presence=Presence.APOLOGIES),
            Attendee("Charlotte Pomery", Role.OFFICER, job_title="AD Commissioning"),
        ],
    )
    for number in range(items):
        points: list[Point] = []
        made = 0
        while made < points_per_item:
            text = _sentence(rng)
            if rng.random() < 0.15:
                text += " (Action: " + rng.choice(_OWNERS) + ")."
            point = Point(text)
            made += 1
            if made < points_per_item and rng.random() < 0.2:
                point.children.append(Point(_sentence(rng)))
                made += 1
            points.append(point)
        meeting.items.append(
            AgendaItem(
                title=f"Performance update {number + 1}",
                number=str(70 + number),
                intro=(
                    "The AD Commissioning introduced the report, set out in the agenda pack at "
                    "pages 53-114. The following arose from the discussion:"
                ),
                points=points,
                decisions=[
                    Decision(preamble="That the Committee:", resolutions=["noted the report."])
                ]
                if number % 3 == 0
                else [],
                documents=[f"Performance report, item {number + 1} (PDF)"],
            )
        )
    return meeting


def create_big_meeting(db_path: Path, items: int = 40, points_per_item: int = 10) -> int:
    """Write the meeting into a new database file and return its id."""
    from clerk_app.services.meetings import create_meeting
    from clerk_app.store.database import open_database

    db = open_database(db_path)
    try:
        return create_meeting(db, big_meeting(items, points_per_item))
    finally:
        db.close()
