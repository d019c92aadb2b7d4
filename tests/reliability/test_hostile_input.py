"""Whatever people paste, the minutes survive it: import -> store -> export, and a fuzzed importer.

Text goes in through ``clean_text`` (documented in core/text.py: control characters, lone
surrogates and carriage returns go; everything else, zero-width and bidi controls included,
stays exactly).  These tests hold the pipeline to that, with hypothesis on a fixed seed in CI.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_app.core.model import AgendaItem, Decision, Meeting, Point
from clerk_app.core.text import clean_line, clean_text
from clerk_app.export.files import export_meeting
from clerk_app.minutes_text.importer import read_minutes
from clerk_app.minutes_text.writer import write_minutes
from clerk_app.services import meetings
from clerk_app.services.exporting import export_minutes
from clerk_app.store.database import open_database

NASTY = [
    "\x00",
    "\x07",
    "\x1b[31m",
    "\ud83d",  # a lone surrogate, as broken clipboards produce
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\ufeff",
    "<b>",
    "</p>",
    "&amp;",
    "&",
    "{{ }}",
    "%s",
    "%(name)s",
    "\\n",
    "👩🏽‍💼",
    "🏴󠁧󠁢󠁷󠁬󠁳󠁿",
    "🇬🇧",
    "العربية",
    "שלום",
    "e\u0301",
    "Łódź",
    "Siobhán Ó Briain",
    "\u00a0",
    "\t",
    "\r\n",
]

hostile = st.lists(
    st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=12)), min_size=1, max_size=12
).map("".join)


def _line(text: str) -> str:
    return clean_line(text) or "x"


@st.composite
def meetings_of_hostile_text(draw: st.DrawFn) -> Meeting:
    def line() -> str:
        return _line(draw(hostile))

    return Meeting(
        committee=line(),
        date=dt.date(2025, 1, 1),
        council=line(),
        venue=line(),
        items=[
            AgendaItem(
                title=line(),
                number=str(n + 1),
                intro=clean_text(draw(hostile)),
                points=[
                    Point(clean_text(draw(hostile)) or "x", children=[Point(line())])
                    for _ in range(draw(st.integers(1, 3)))
                ],
                decisions=[Decision(preamble=line(), resolutions=[line(), line()])],
                documents=[line()],
            )
            for n in range(draw(st.integers(1, 2)))
        ],
    )


def _later_paragraph_looks_structural(meeting: Meeting) -> bool:
    from clerk_app.minutes_text.lines import looks_structural

    paragraphs = [line for item in meeting.items for line in item.intro.split("\n")]
    for item in meeting.items:
        for point in item.points:
            paragraphs += point.text.split("\n")[1:]
    return any(looks_structural(line) for line in paragraphs if line)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(meeting=meetings_of_hostile_text())
def test_hostile_text_is_stored_and_exported_exactly(meeting: Meeting, tmp_path: Path) -> None:
    db = open_database(tmp_path / f"h{abs(hash(meeting.committee))}.db")
    try:
        meeting_id = meetings.create_meeting(db, meeting)
        stored = meetings.load_meeting(db, meeting_id)
    finally:
        db.close()
    assert stored == meeting
    text = write_minutes(stored)
    again = read_minutes(text).meeting
    # Plain text has no escapes: a later paragraph that starts like structure ("b. ...", a
    # "•" bullet) is read back as that structure, as minutes_text/writer.py documents. For
    # all other text, reading what was written and writing it again gives the same file.
    if not _later_paragraph_looks_structural(stored):
        assert write_minutes(again) == text
    target = export_meeting(stored, tmp_path / "hostile.docx", confidential=True)
    body = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    page = _page_text(export_meeting(stored, tmp_path / "hostile.html", confidential=True))
    for item in stored.items:
        for point in item.points:
            assert point.text.split("\n")[0] in body
            assert point.text.split("\n")[0] in page  # escaped on the way out, so kept as text


def _page_text(path: Path) -> str:
    """What a browser shows of an HTML page (no script can run: the test fails on one)."""
    from html.parser import HTMLParser

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []

        def handle_starttag(self, tag: str, attrs: object) -> None:
            assert tag != "script", "typed text became a script"

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    reader = Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return "".join(reader.parts)


def _fragments() -> st.SearchStrategy[str]:
    structure = [
        "a.",
        "(b)",
        "c)",
        "1)",
        "8.1",
        "i.",
        "(ii)",
        "77.",
        "77/24",
        "OSC 12/24",
        "Agenda item",
        "RESOLVED",
        "RESOLVED:",
        "RESOLVED -",
        "That the Committee:",
        "NOTED",
        "Resolved to RECOMMEND (to Council):",
        "(Action: Zoë)",
        "(Actions: A/B",
        "ACTION:",
        "Supporting documents:",
        "EXEMPT: paragraph 3",
        "Present:",
        "Apologies:",
        "Date:",
        "Council:",
        "\t",
        "\u00a0",
        " ",
        "\n",
        "\n\n",
    ]
    return st.lists(
        st.one_of(st.sampled_from(structure), st.sampled_from(NASTY), st.text(max_size=8)),
        max_size=60,
    ).map("".join)


@settings(max_examples=300)
@given(text=_fragments())
def test_the_importer_survives_anything_and_settles(text: str) -> None:
    """Fuzz: any text imports without an exception, and what it makes of it is stable."""
    first = read_minutes(text, committee="Fuzz", date=dt.date(2025, 1, 1)).meeting
    written = write_minutes(first)
    second = read_minutes(written, committee="Fuzz", date=dt.date(2025, 1, 1)).meeting
    assert write_minutes(second) == written


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf", ".html"])
def test_huge_points_and_huge_items(tmp_path: Path, suffix: str) -> None:
    """A 100,000-character point and an item of 10,000 points: stored and exported whole."""
    long_point = " ".join(f"word{n}" for n in range(14_000))[:100_000].strip()
    meeting = Meeting(
        committee="Marathon Committee",
        date=dt.date(2025, 1, 1),
        items=[
            AgendaItem("Long", number="1", points=[Point(long_point)]),
            AgendaItem(
                "Many", number="2", points=[Point(f"Point number {n}.") for n in range(10_000)]
            ),
        ],
    )
    db = open_database(tmp_path / "big.db")
    try:
        meeting_id = meetings.create_meeting(db, meeting)
        stored = meetings.load_meeting(db, meeting_id)
        assert stored == meeting
        target = export_minutes(db, meeting_id, tmp_path / f"big{suffix}").path
    finally:
        db.close()
    if suffix == ".txt":
        text = target.read_text(encoding="utf-8")
        assert long_point in text and "Point number 9999." in text
        assert read_minutes(text).meeting.items[1].points[-1].text == "Point number 9999."
    elif suffix == ".html":
        text = _page_text(target)
        assert long_point in text and "Point number 9999." in text
        # HTML's own lower-alpha counts as the minutes do (z, aa, ab...): the label agrees
        assert 'value="10000" data-label="ntp.">Point number 9999.' in target.read_text()
    elif suffix == ".docx":
        paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
        assert long_point in paragraphs
        # past "z" Word's own numbering cannot follow (it counts aa, bb...): the label is text
        assert [p for p in paragraphs if p.endswith("Point number 9999.")] == [
            "ntp.\tPoint number 9999."
        ]
    else:
        import pypdf

        reader = pypdf.PdfReader(str(target))
        assert len(reader.pages) > 100
        assert (
            "Point number 9999."
            in reader.pages[-1].extract_text() + reader.pages[-2].extract_text()
        )


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.one_of(hostile, st.text(max_size=30)))
def test_any_search_text_gives_hits_or_a_sentence(query: str, tmp_path: Path) -> None:
    """Whatever is typed into the search box: results, or QuerySyntaxError, never a crash."""
    from clerk_app.core.search_query import QuerySyntaxError
    from clerk_app.services.searching import search

    path = tmp_path / "search.db"
    db = open_database(path)
    try:
        if not meetings.list_meetings(db):
            meetings.create_meeting(
                db,
                Meeting(
                    committee="Scrutiny",
                    date=dt.date(2025, 1, 1),
                    items=[AgendaItem("Damp", points=[Point("Zoë asked about damp & mould <b>")])],
                ),
            )
        try:
            hits = search(db, query)
        except QuerySyntaxError as exc:
            assert str(exc)  # a sentence for the clerk
        else:
            assert all(h.meeting_id for h in hits)
    finally:
        db.close()


def test_hostile_attendance_is_cleaned_and_kept(tmp_path: Path) -> None:
    from clerk_app.core.changes import SetAttendance
    from clerk_app.core.model import Attendee, Role
    from clerk_app.services import editing

    db = open_database(tmp_path / "people.db")
    try:
        meeting = Meeting(committee="Cabinet", date=dt.date(2025, 1, 1))
        meeting_id = meetings.create_meeting(db, meeting)
        change = SetAttendance(
            [
                Attendee("Siobhán\x07 Ó\u00a0Briain\ud800", Role.CHAIR),
                Attendee("<b>Łukasz</b> 👩🏽‍💼 \u202eWójcik", job_title="Head of\r\nPlanning"),
                Attendee("\x00\x1b  "),  # nothing left once cleaned: not an attendee
            ]
        )
        editing.apply_changes(db, meeting, [change])
        people = meetings.load_meeting(db, meeting_id).attendees
    finally:
        db.close()
    assert [(a.name, a.job_title) for a in people] == [
        ("Siobhán Ó\u00a0Briain", ""),
        ("<b>Łukasz</b> 👩🏽‍💼 \u202eWójcik", "Head of Planning"),
    ]
