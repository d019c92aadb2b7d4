"""Plain-text minutes round-trip: what the writer writes, the reader reads back unchanged.

Two properties (see the limitation in ``clerk_app.minutes_text.writer``'s docstring):
- for meetings whose later paragraphs do not start like structure, reading what was written
  gives the same meeting back;
- for *every* meeting, one write-read cycle reaches a fixpoint: the text written from what
  was read is read back, and written, unchanged.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

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
from clerk_app.core.text import clean_line, clean_text
from clerk_app.minutes_text.attendance import classify_annotation
from clerk_app.minutes_text.importer import read_minutes
from clerk_app.minutes_text.lines import looks_structural
from clerk_app.minutes_text.writer import write_minutes

# Characters people really type or paste, which st.characters() reaches only rarely.
_SPECIAL = [
    "\u00a0",
    "\u00a0\u00a0 ",
    "😀",
    "👩‍👩‍👧",
    "🇬🇧",
    "👩🏽‍💼",
    "مرحبا بالعالم",
    "שלום עולם",
    "e\u0301",
    "Ó Briain",
    "Łukasz Wójcik",
    "\u200f",
    "\u202e",
    "\u2028",
    "\ufeff",
    "\t",
    "  ",
    "\x00",
    "(",
    ")",
    ":",
    ".",
]
_RAW = st.lists(st.one_of(st.characters(), st.sampled_from(_SPECIAL)), min_size=1, max_size=24).map(
    "".join
)
LINE = _RAW.map(clean_line).filter(bool)
PROSE = LINE.filter(lambda line: not looks_structural(line))
# Lines that look like structure, to make sure the fixpoint property meets them.
STRUCTURAL = st.sampled_from(
    [
        "a. starts like a point",
        "b. out of sequence",
        "i. starts like a sub-point",
        "(a) paren",
        "1) numbered",
        "8.1 decimal",
        "RESOLVED",
        "NOTED: x",
        "Resolved to RECOMMEND (to Council):",
        "Cllr A MOVED and it was RESOLVED",
        "42. TITLE",
        "77/24 Title",
        "Agenda item",
        "Agenda item 5: Other",
        "Supporting documents:",
        "EXEMPT",
        "EXEMPT: paragraph 3",
        "Pages: 5",
        "ACTION DONE",
        "ACTION: Jo Bloggs",
        "ACTION:",
        "DRAFT",
        "Page 3 of 7",
        "The meeting ended at 8.45 pm",
        "Date ..........",
        "etc. more",
        "(Action Jo",
        "Present: Councillors Ó Briain (Chair), Wójcik and Hartley",
        "Substitutes: Councillor Rice for Councillor Cannon (joined late)",
        "In attendance: Jane Doe (Head of Legal (Monitoring Officer)), ()",
        "Apologies: Councillor (unbalanced",
        "Time: 6.30 pm",
        "Date: Monday 21 May 2024",
        "Minutes of the meeting of the Planning Committee held on 3/6/2024",
        "Notes:",
        "Committee: Audit",
        "Label style: (a)",
        "Status: approved",
    ]
)
NAMES = [
    "Siobhán Ó Briain",
    "Łukasz Wójcik",
    "Zoë Hartley",
    "Tunde Adeyemi",
    "Grzegorz Brzęczyszczykiewicz",
    "محمد الأحمد",
    "יעל כהן",
    "Mac Giolla",
    "O'Neill-Smith",
    "Dr J. R. Patel",
]
_NAME_CHARS = st.characters(categories=["L", "M"]) | st.sampled_from([" ", "-", "'", "."])
GENERATED_NAME = (
    st.text(_NAME_CHARS, min_size=1, max_size=16)
    .map(clean_line)
    .filter(lambda s: s and s[0].isalpha())
    .filter(lambda s: not s.lower().startswith(("councillor", "cllr", "none")))
    .filter(lambda s: " and " not in f" {s} " and " for " not in f" {s} ")
)
NAME = st.one_of(st.sampled_from(NAMES), GENERATED_NAME)
# Notes and job titles go in brackets: no brackets inside, and not words that mean a role.
BRACKETED = (
    LINE.map(lambda s: clean_line(s.replace("(", " ").replace(")", " ")))
    .filter(bool)
    .filter(lambda s: classify_annotation(s) is None)
)
NUMBER = st.one_of(
    st.just(""),
    st.integers(1, 999).map(str),
    st.builds("{}/{}".format, st.integers(1, 999), st.integers(20, 30)),
    st.builds("OSC {}/{}".format, st.integers(1, 99), st.integers(20, 30)),
    st.builds("P{}/{}".format, st.integers(1, 199), st.integers(20, 30)),
    st.builds("{}{}".format, st.integers(1, 99), st.sampled_from("abc")),
)
PAGES = st.one_of(
    st.just(""),
    st.integers(1, 400).map(str),
    st.builds("{}-{}".format, st.integers(1, 200), st.integers(201, 400)),
)
DATES = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
TIMES = st.none() | st.times() | st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))


def paragraphs(
    first: st.SearchStrategy[str], later: st.SearchStrategy[str]
) -> st.SearchStrategy[str]:
    """A first line, then up to two more paragraphs: text as clean_text leaves it."""
    return st.builds(
        lambda head, tail: clean_text("\n".join([head, *tail])),
        first,
        st.lists(later, max_size=2),
    )


@st.composite
def attendees(draw: st.DrawFn) -> Attendee:
    role = draw(st.sampled_from(Role))
    presence = draw(st.sampled_from(Presence))
    return Attendee(
        name=draw(NAME),
        role=role,
        presence=presence,
        job_title=draw(st.just("") | BRACKETED) if role is Role.OFFICER else "",
        substitute_for=draw(st.just("") | NAME) if presence is Presence.SUBSTITUTE else "",
        note=draw(st.just("") | BRACKETED),
    )


def points(later: st.SearchStrategy[str], depth: int = 0) -> st.SearchStrategy[Point]:
    tagged = st.builds(
        lambda text, owners: f"{text} (Action{'s' if len(owners) > 1 else ''}: {'/'.join(owners)})",
        LINE,
        st.lists(st.sampled_from(NAMES[:5] + ["Chair", "Clerk"]), min_size=1, max_size=2),
    )
    text = paragraphs(st.one_of(st.just(""), LINE, tagged), later)
    children = st.just([]) if depth else st.lists(points(later, 1), max_size=3)

    @st.composite
    def build(draw: st.DrawFn) -> Point:
        done = draw(st.booleans())
        return Point(
            text=draw(text),
            children=draw(children),
            action_done=done,
            action_done_on=draw(st.none() | DATES) if done else None,
        )

    return build()


@st.composite
def decisions(draw: st.DrawFn, later: st.SearchStrategy[str]) -> Decision:
    # A resolution is one paragraph: the store keeps them one a line.
    resolutions = draw(st.lists(st.just("") | LINE, max_size=3))
    return Decision(
        kind=draw(st.sampled_from(DecisionKind)),
        preamble=draw(st.just("") | paragraphs(LINE, later)),
        resolutions=resolutions,
        numbering=draw(st.sampled_from(Numbering)) if resolutions else Numbering.ROMAN,
    )


@st.composite
def items(draw: st.DrawFn, later: st.SearchStrategy[str]) -> AgendaItem:
    exempt = draw(st.booleans())
    many = draw(st.integers(0, 3)) == 0  # now and then enough points to reach "i." and beyond
    return AgendaItem(
        title=draw(st.just("") | LINE),
        number=draw(NUMBER),
        pages=draw(PAGES),
        intro=draw(st.just("") | paragraphs(later, later)),
        points=draw(st.lists(points(later), min_size=9 if many else 0, max_size=12 if many else 4)),
        decisions=draw(st.lists(decisions(later), max_size=2)),
        documents=draw(st.lists(LINE, max_size=2)),
        exempt=exempt,
        exempt_paragraph=draw(st.sampled_from(["", "3", "1, 3", "1, 2 and 5"])) if exempt else "",
    )


@st.composite
def meetings(draw: st.DrawFn, later: st.SearchStrategy[str] = PROSE) -> Meeting:
    status = draw(st.sampled_from(Status))
    return Meeting(
        committee=draw(st.just("") | LINE),
        date=draw(DATES),
        council=draw(st.just("") | LINE),
        start_time=draw(TIMES),
        end_time=draw(TIMES),
        venue=draw(st.just("") | LINE),
        status=status,
        label_style=draw(st.sampled_from(LabelStyle)),
        attendees=draw(st.lists(attendees(), max_size=6)),
        items=draw(st.lists(items(later), max_size=3)),
        notes=draw(st.just("") | paragraphs(later, later)),
        approved_on=draw(st.none() | DATES),
    )


@given(meetings())
def test_what_is_written_is_read_back_unchanged(meeting: Meeting) -> None:
    text = write_minutes(meeting)
    assert read_minutes(text).meeting == meeting


@given(meetings(later=st.one_of(PROSE, STRUCTURAL)))
def test_one_write_read_cycle_reaches_a_fixpoint(meeting: Meeting) -> None:
    normalised = read_minutes(write_minutes(meeting)).meeting
    text = write_minutes(normalised)
    again = read_minutes(text).meeting
    assert again == normalised
    assert write_minutes(again) == text


@given(st.lists(st.one_of(LINE, STRUCTURAL, st.just("")), max_size=30).map("\n".join))
def test_any_text_is_read_into_a_meeting_that_round_trips(text: str) -> None:
    meeting = read_minutes(text, committee="Any", date=dt.date(2024, 5, 21)).meeting
    normalised = read_minutes(write_minutes(meeting)).meeting
    assert read_minutes(write_minutes(normalised)).meeting == normalised
