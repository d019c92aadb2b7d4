"""Deterministic, realistic meetings of any size for benchmarks and export tests.

Text is reported speech in the register of published UK minutes, with names from the
councils' real mix (Polish, Irish, South Asian, West African...) so that accents and
non-ASCII letters are exercised on every run.  The same arguments always give the same
meeting: a benchmark figure or a failing test can be reproduced exactly.
"""

from __future__ import annotations

import datetime as dt
import random

from clerk_app.core.model import (
    AgendaItem,
    Attendee,
    Decision,
    DecisionKind,
    LabelStyle,
    Meeting,
    Point,
    Presence,
    Role,
    Status,
)

COUNCILLORS = (
    "Emma Russell",
    "Zbigniew Wójcik",
    "Siobhán Ó Briain",
    "Barbara Blake",
    "Kwame Mensah",
    "Aoife Ní Bhriain",
    "Małgorzata Kowalczyk",
    "Lester Buxton",
    "Priya Chandran",
    "Seán Mac Giolla Phádraig",
    "Dawn Barnes",
    "Tomasz Łukasiewicz",
)
OFFICERS = (
    ("Charlotte Pomery", "AD Commissioning"),
    ("Dominic O'Brien", "Principal Scrutiny Officer"),
    ("Nnenna Okafor", "Director of Place, Housing"),
    ("Fiona Rae", "Committee Clerk"),
)
TOPICS = (
    "damp and mould in council homes",
    "the Borough Plan performance framework",
    "temporary accommodation costs",
    "the capital programme for schools",
    "air quality around Łódź Road primary school",
    "youth justice and early help",
    "the libraries consultation",
    "fly-tipping enforcement",
    "the medium term financial strategy",
    "adult social care waiting lists",
)
OPENINGS = (
    "In response to a query about {topic}, officers advised that",
    "The Committee sought clarification on {topic}; the {title} explained that",
    "Councillor {name} asked about {topic}. It was noted that",
    "In response to a question from {name} around {topic}, officers acknowledged that",
    "The Chair noted that the report on {topic} showed that",
    "Members welcomed the update on {topic} and it was confirmed that",
)
FINDINGS = (
    "performance had improved against the previous quarter but remained below target",
    "a further update would be brought to the Committee in the autumn",
    "data quality was critical and relied upon staff capturing information correctly",
    "the service would be reviewed with partners, including the NHS and the police",
    "the budget gap of £4.2m would be closed through the savings set out at pages 53-114",
    "residents' feedback had been broadly positive, with 68% satisfied or very satisfied",
    "a member learning and development session would be arranged for September",
    "the waiting list had fallen from 212 to 147 households since March",
)
OWNERS = ("Chair", "Clerk", "Charlotte Pomery", "AD Commissioning", "Dominic O'Brien")


def _point(rng: random.Random, *, sentences: int) -> str:
    parts = []
    for _ in range(sentences):
        opening = rng.choice(OPENINGS).format(
            topic=rng.choice(TOPICS),
            title=rng.choice(OFFICERS)[1],
            name=rng.choice(COUNCILLORS).split(" ", 1)[1],
        )
        parts.append(f"{opening} {rng.choice(FINDINGS)}.")
    return " ".join(parts)


def _tag(rng: random.Random, meeting_date: dt.date) -> str:
    owners = rng.sample(OWNERS, rng.choice((1, 1, 2)))
    keyword = "Actions" if len(owners) > 1 else "Action"
    due = ""
    if rng.random() < 0.4:
        day = meeting_date + dt.timedelta(days=rng.choice((14, 28, 56)))
        due = f" by {day.day} {day:%B %Y}"
    return f" ({keyword}: {'/'.join(owners)}{due})."


def make_attendees() -> list[Attendee]:
    people = [Attendee(COUNCILLORS[0], Role.CHAIR), Attendee(COUNCILLORS[1], Role.VICE_CHAIR)]
    people += [Attendee(name) for name in COUNCILLORS[2:8]]
    people[4].note = "joined at 6.55 pm"
    people.append(Attendee(COUNCILLORS[8], presence=Presence.APOLOGIES))
    people.append(
        Attendee(COUNCILLORS[9], presence=Presence.SUBSTITUTE, substitute_for=COUNCILLORS[8])
    )
    people.append(Attendee("Yvonne Denny", Role.COOPTED))
    people.append(Attendee(COUNCILLORS[10], Role.ALSO_PRESENT))
    people += [Attendee(name, Role.OFFICER, job_title=title) for name, title in OFFICERS]
    return people


def make_meeting(
    items: int = 100,
    points_per_item: int = 10,
    *,
    seed: int = 2024,
    subpoints: bool = True,
    exempt_every: int = 0,
    label_style: LabelStyle = LabelStyle.DOT,
    status: Status = Status.DRAFT,
) -> Meeting:
    """A meeting of ``items`` items with ``points_per_item`` points each, sub-points included.

    With ``subpoints`` every fourth point is a sub-point of the point before it; every
    ``exempt_every``-th item is exempt under paragraph 3 (0: none).
    """
    rng = random.Random(seed)
    date = dt.date(2024, 5, 21)
    meeting = Meeting(
        committee="Overview and Scrutiny Committee",
        date=date,
        council="London Borough of Haringey",
        start_time=dt.time(18, 30),
        end_time=dt.time(20, 45),
        venue="Civic Centre, High Road, Wood Green, London N22 8LE",
        status=status,
        label_style=label_style,
        attendees=make_attendees(),
    )
    for n in range(items):
        topic = TOPICS[n % len(TOPICS)]
        item = AgendaItem(
            title=f"{topic[0].upper()}{topic[1:]}",
            number=str(77 + n),
            pages=f"{53 + 4 * n}-{56 + 4 * n}",
            intro=(
                f"{rng.choice(OFFICERS)[0]} introduced the report on {topic}, as set out in "
                f"the agenda pack at pages {53 + 4 * n}-{56 + 4 * n}. "
                "The following arose from the discussion of the report:"
            ),
            documents=[f"Report on {topic}, item {n + 5} (PDF)"],
        )
        for p in range(points_per_item):
            text = _point(rng, sentences=rng.choice((1, 2, 2, 3)))
            if rng.random() < 0.3:
                text = text.rstrip(".") + _tag(rng, date)
            if subpoints and p % 4 == 3 and item.points:
                item.points[-1].children.append(Point(text))  # roman sub-point
            else:
                item.points.append(Point(text))
        item.decisions.append(
            Decision(
                DecisionKind.RESOLVED,
                "That the Committee:",
                ["noted the report; and", f"agreed to receive a further update on {topic}."],
            )
        )
        if exempt_every and (n + 1) % exempt_every == 0:
            item.exempt = True
            item.exempt_paragraph = "3"
        meeting.items.append(item)
    return meeting
