"""Meetings built in code for the export tests: a realistic one, a hostile one, a big one."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from clerk_app.core.model import (
    AgendaItem,
    Attendee,
    Decision,
    DecisionKind,
    LabelStyle,
    Meeting,
    Numbering,
    Point,
    Presence,
    Role,
    Status,
)

# Words that appear only inside the exempt item: none may reach a public file.
SECRETS = ("Zanzibar-intro", "Quixotic-point", "Vortigern-sub", "Xylophone-owner", "Jubilee-doc")
LONG_WORDS = " ".join(f"word{n}" for n in range(7000))  # about 60,000 characters
HOSTILE_TEXTS = (
    "Control\x00chars\x07and\x1bescapes\x7f gone",
    "Typed <b>tags</b> and &amp; and 5 < 6 & 7 > 3 print as typed",
    "Polish: Łódź, Wójcik, Żółć, Kraków; Irish: Siobhán Ó Briain, Seán Ní Bhriain",
    "Arabic: مرحبا بالعالم and Greek: Αθήνα and Cyrillic: Київ",
    "Symbols DejaVu draws: → ≤ ∑ ✓ ☺ and an emoji neither font has: 👍🏽 🦀",
    "CJK 中文 and a lone surrogate \ud800 and a noncharacter \ufffe here",
    "Line one\r\nline two\rline three\u2028and a tab\there",
)


def _load_benchmark_factory() -> ModuleType:
    """benchmarks/meeting_factory.py, imported by path (benchmarks/ is not a package)."""
    name = "clerk_benchmark_meeting_factory"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "meeting_factory.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def big_meeting(items: int = 100, points: int = 10) -> Meeting:
    meeting: Meeting = _load_benchmark_factory().make_meeting(items, points, exempt_every=7)
    return meeting


def sample_meeting(
    *, status: Status = Status.DRAFT, label_style: LabelStyle = LabelStyle.DOT
) -> Meeting:
    """An Overview and Scrutiny meeting in the shape of FORMAT.md, with one exempt item."""
    performance = AgendaItem(
        title="Performance update",
        number="14",
        pages="53-114",
        intro=(
            "Charlotte Pomery, AD Commissioning, introduced the presentation set out in the "
            "agenda pack at pages 53-114. The following arose from the discussion:\n"
            "Clerk's note - this item was taken after item 15."
        ),
        points=[
            Point("The AD Commissioning advised that a member learning session was planned."),
            Point(
                "In response to a query about carers, officers acknowledged a gap in knowledge.",
                children=[
                    Point("the carers' survey would be repeated in the spring; and"),
                    Point("results would come back to the Committee (Action: Clerk)."),
                ],
            ),
            Point(
                "The Committee requested further information on the borough profile, "
                "including its wider publicity and the feedback received so far, so that "
                "members could judge whether the format met residents' needs "
                "(Action: Charlotte Pomery)."
            ),
            Point(
                "The Chair noted that the panels would review the profile (Actions: Chair/Clerk)."
            ),
        ],
        decisions=[
            Decision(
                DecisionKind.RESOLVED,
                "That the Committee:",
                ["noted the report; and", "agreed to receive a further update in September."],
            )
        ],
        documents=["Performance Report, item 8 (PDF)"],
    )
    exempt = AgendaItem(
        title="Leisure contract",
        number="16",
        exempt=True,
        exempt_paragraph="3",
        intro=f"The {SECRETS[0]} report was introduced.",
        points=[
            Point(
                f"Members discussed the {SECRETS[1]} bid (Action: {SECRETS[3]}).",
                children=[Point(f"the {SECRETS[2]} clause was noted.")],
            )
        ],
        decisions=[Decision(DecisionKind.AGREED, "That the contract be awarded.")],
        documents=[f"{SECRETS[4]} appendix"],
    )
    return Meeting(
        committee="Overview and Scrutiny Committee",
        date=dt.date(2024, 5, 21),
        council="Royal Borough of Kingsmere",
        start_time=dt.time(18, 30),
        end_time=dt.time(20, 45),
        venue="Civic Centre, High Road",
        status=status,
        label_style=label_style,
        attendees=[
            Attendee("Cllr Emma Russell", Role.CHAIR),
            Attendee("Siobhán Ó Briain"),
            Attendee("Zbigniew Wójcik"),
            Attendee("Barbara Blake", note="joined at 6.55 pm"),
            Attendee("Yvonne Denny", Role.COOPTED),
            Attendee("Dawn Barnes", Role.ALSO_PRESENT),
            Attendee("Charlotte Pomery", Role.OFFICER, job_title="AD Commissioning"),
            Attendee("Priya Chandran", presence=Presence.APOLOGIES),
            Attendee("Tom Pike", presence=Presence.SUBSTITUTE, substitute_for="Priya Chandran"),
        ],
        items=[
            AgendaItem(
                title="Apologies for absence", number="12", intro="Apologies were received."
            ),
            AgendaItem(
                title="Minutes",
                number="13",
                decisions=[
                    Decision(
                        DecisionKind.RESOLVED,
                        "That the minutes of the meeting held on 12 March 2024 be approved as a "
                        "correct record and signed.",
                    )
                ],
            ),
            performance,
            AgendaItem(
                title="Exclusion of the press and public",
                number="15",
                decisions=[
                    Decision(
                        DecisionKind.RESOLVED,
                        "That the press and public be excluded for item 16 (paragraph 3).",
                        numbering=Numbering.NUMBER,
                    )
                ],
            ),
            exempt,
        ],
    )


def hostile_meeting() -> Meeting:
    """Every kind of text that has broken a document library, plus a 60,000-character point."""
    points = [Point(text) for text in HOSTILE_TEXTS]
    points.append(Point(LONG_WORDS + " THE-END-OF-THE-LONG-POINT"))
    points.append(Point("x" * 5000 + " after-the-long-word"))
    points.append(Point("", children=[Point("a sub-point under an empty point")]))
    return Meeting(
        committee="Licensing <Sub> & Committee",
        date=dt.date(2025, 1, 7),
        council="Łódź & <District> Council",
        status=Status.APPROVED,
        attendees=[Attendee("Siobhán Ó Briain", Role.CHAIR), Attendee("Żaneta Wójcik")],
        items=[
            AgendaItem(
                title="Objections <script>alert(1)</script> & more",
                number="OSC 12/24",
                intro="Intro with \x0b vertical tab and ‘curly’ quotes.",
                points=points,
            )
        ],
    )


def giant_meeting() -> Meeting:
    """Every field far longer than any clerk would type: nothing may fail to fit a page."""
    huge = " ".join(f"giant{n}" for n in range(3000))  # about 25,000 characters
    item = AgendaItem(
        title=huge,
        number="N" * 400,
        pages=huge[:2000],
        intro=huge,
        points=[Point(f"{huge} (Action: {'Owner ' * 800}by 12 May 2026)")],
        decisions=[Decision(DecisionKind.RESOLVED, huge, [huge, huge])],
        documents=[huge],
    )
    return Meeting(
        committee=huge,
        date=dt.date(2025, 6, 30),
        council=huge,
        venue=huge,
        start_time=dt.time(9, 0),
        attendees=[Attendee(huge, Role.CHAIR), Attendee(huge, Role.OFFICER, job_title=huge)],
        items=[item],
    )


def many_points_meeting(count: int = 30) -> Meeting:
    """One item with more points than the alphabet: labels run on to aa., ab."""
    item = AgendaItem(
        title="Long debate",
        number="40",
        points=[Point(f"Point number {n + 1} was made.") for n in range(count)],
    )
    item.points[-1].children = [Point("a sub-point of the last point")]
    return Meeting(committee="Council", date=dt.date(2024, 2, 1), items=[item])
