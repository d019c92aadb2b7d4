"""Writing plain-text minutes: what the text looks like, and that it reads back."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_app.core.model import (
    AgendaItem,
    Attendee,
    Decision,
    DecisionKind,
    LabelStyle,
    Meeting,
    Numbering,
    Point,
    Role,
    Status,
)
from clerk_app.core.procedure.motions import Outcome, outcome
from clerk_app.minutes_text.importer import read_minutes
from clerk_app.minutes_text.writer import write_minutes

DAY = dt.date(2024, 5, 21)


def minutes(*items: AgendaItem, **fields: object) -> Meeting:
    return Meeting(committee="Housing Panel", date=DAY, items=list(items), **fields)  # type: ignore[arg-type]


def written(meeting: Meeting) -> list[str]:
    """The lines written, after checking that they read back as the same meeting."""
    text = write_minutes(meeting)
    assert text.endswith("\n")
    assert read_minutes(text).meeting == meeting
    return text.split("\n")


def item_lines(item: AgendaItem, style: LabelStyle = LabelStyle.DOT) -> list[str]:
    """The item's lines without the header and blank lines."""
    lines = written(minutes(item, label_style=style))
    return [line for line in lines[3:] if line]


def test_header_lines() -> None:
    meeting = Meeting(
        committee="Overview and Scrutiny Committee",
        date=DAY,
        council="Riverside Borough Council",
        start_time=dt.time(18, 30),
        end_time=dt.time(20, 45),
        venue="Civic Centre",
        status=Status.APPROVED,
        approved_on=dt.date(2024, 6, 18),
        attendees=[
            Attendee("Ó Briain", Role.CHAIR),
            Attendee("Wójcik"),
            Attendee("Jane Doe", Role.OFFICER, job_title="Head of Housing"),
        ],
        notes="Recording unavailable.\nRoom changed.",
    )
    assert written(meeting) == [
        "Council: Riverside Borough Council",
        "Committee: Overview and Scrutiny Committee",
        "Date: Tuesday 21 May 2024",
        "Time: 6.30 pm to 8.45 pm",
        "Venue: Civic Centre",
        "Status: approved",
        "Approved on: Tuesday 18 June 2024",
        "Present: Councillors Ó Briain (Chair), Wójcik",
        "In attendance: Jane Doe (Head of Housing)",
        "",
        "Notes:",
        "Recording unavailable.",
        "Room changed.",
        "",
    ]


def test_only_start_or_only_end_time() -> None:
    assert "Time: 6.30 pm" in written(minutes(start_time=dt.time(18, 30)))
    assert "Time: until 9.00 pm" in written(minutes(end_time=dt.time(21)))


def test_label_style_is_written_only_when_no_point_shows_it() -> None:
    assert "Label style: (a)" in written(
        minutes(AgendaItem("Apologies"), label_style=LabelStyle.PAREN)
    )
    with_points = minutes(AgendaItem("Budget", points=[Point("x")]), label_style=LabelStyle.PAREN)
    assert not any(line.startswith("Label style") for line in written(with_points))


def test_the_reference_shape() -> None:
    item = AgendaItem(
        title="Performance update",
        intro="Jo Bloggs introduced the report at pages 53-114.",
        pages="53-114",
        points=[Point("Officers advised."), Point("The Chair noted it. (Actions: Chair/Clerk).")],
    )
    assert item_lines(item) == [
        "Agenda item",
        "Performance update",
        "Jo Bloggs introduced the report at pages 53-114.",
        "a.\tOfficers advised.",
        "b.\tThe Chair noted it. (Actions: Chair/Clerk).",
    ]


POINTS = [
    Point("First.\nIts second paragraph.", children=[Point("Sub one."), Point("Sub two.\nMore.")]),
    Point("Second."),
]


@pytest.mark.parametrize(
    ("style", "labels"),
    [
        (LabelStyle.DOT, ["a.", "\ti.", "\tii.", "b."]),
        (LabelStyle.PAREN, ["(a)", "\t(i)", "\t(ii)", "(b)"]),
        (LabelStyle.BRACKET, ["a)", "\ti)", "\tii)", "b)"]),
        (LabelStyle.NUMBER, ["1)", "\ti)", "\tii)", "2)"]),
        (LabelStyle.DECIMAL, ["8.1", "\t8.1.1", "\t8.1.2", "8.2"]),
    ],
)
def test_points_in_each_label_style(style: LabelStyle, labels: list[str]) -> None:
    lines = item_lines(AgendaItem("BUDGET", number="8", points=POINTS), style)
    assert lines == [
        "8.\tBUDGET",
        f"{labels[0]}\tFirst.",
        "\tIts second paragraph.",
        f"{labels[1]}\tSub one.",
        f"{labels[2]}\tSub two.",
        "\t\tMore.",
        f"{labels[3]}\tSecond.",
    ]


def test_many_points_letter_on_past_z_and_i_stays_a_letter() -> None:
    points = [Point(f"Point {n}.") for n in range(28)]
    points[7].children = []  # "h." with no sub-points: the next "i." is still a letter
    lines = item_lines(AgendaItem("LONG ITEM", number="3", points=points))
    assert [line.split("\t")[0] for line in lines[1:]][7:10] == ["h.", "i.", "j."]
    assert lines[-2:] == ["aa.\tPoint 26.", "ab.\tPoint 27."]


def test_done_actions() -> None:
    point = Point(
        "Write to residents. (Action: Clerk)", action_done=True, action_done_on=dt.date(2024, 6, 3)
    )
    child = Point("Check the list. (Action: Jo)", action_done=True)
    point.children = [child]
    assert item_lines(AgendaItem("ITEM", number="4", points=[point]))[1:] == [
        "a.\tWrite to residents. (Action: Clerk)",
        "\tACTION DONE: Monday 3 June 2024",
        "\ti.\tCheck the list. (Action: Jo)",
        "\t\tACTION DONE",
    ]


@pytest.mark.parametrize(
    ("decision", "lines"),
    [
        (Decision(preamble="That it be approved."), ["RESOLVED: That it be approved."]),
        (Decision(DecisionKind.NOTED), ["NOTED"]),
        (Decision(DecisionKind.AGREED, "That officers reply."), ["AGREED: That officers reply."]),
        (
            Decision(preamble="That the Committee:", resolutions=["noted it; and", "agreed it."]),
            ["RESOLVED: That the Committee:", "\ti.\tnoted it; and", "\tii.\tagreed it."],
        ),
        (
            Decision(resolutions=["noted it (For 5, Against 0)"], numbering=Numbering.NUMBER),
            ["RESOLVED", "\t1.\tnoted it (For 5, Against 0)"],
        ),
        (
            Decision(DecisionKind.RECOMMEND, "(to Council):", ["adopt it"], Numbering.PAREN_LETTER),
            ["Resolved to RECOMMEND (to Council):", "\t(a)\tadopt it"],
        ),
        (
            Decision(DecisionKind.RECOMMEND, "That Council adopts it."),
            ["Resolved to RECOMMEND: That Council adopts it."],
        ),
        (
            Decision(preamble="That the report be noted.\n(For 4, Against 2, Abstentions 0)"),
            ["RESOLVED: That the report be noted.", "(For 4, Against 2, Abstentions 0)"],
        ),
    ],
)  # fmt: skip
def test_decisions(decision: Decision, lines: list[str]) -> None:
    assert item_lines(AgendaItem("ITEM", number="4", decisions=[decision]))[1:] == lines


def test_a_motion_told_in_a_decision_reads_back_as_a_motion_too_and_then_settles() -> None:
    # Prose that states a motion (prose_motions.py) gains the motion as data when read; the
    # decision is kept as written.  One write-read cycle settles: the MOTION line written
    # next time says the same thing exactly, and the prose is not read twice.
    said = "Cllr Ó Briain MOVED, Cllr Wójcik SECONDED and it was RESOLVED to:"
    decision = Decision(preamble=said, resolutions=["buy a bench"])
    meeting = minutes(AgendaItem("ITEM", number="4", decisions=[decision]))
    text = write_minutes(meeting)
    assert f"\n{said}\n\ti.\tbuy a bench\n" in text
    back = read_minutes(text).meeting
    assert back.items[0].decisions == [decision]
    assert [(m.mover, m.seconder, outcome(m)) for m in back.items[0].motions] == [
        ("Cllr Ó Briain", "Cllr Wójcik", Outcome.CARRIED)
    ]
    assert read_minutes(write_minutes(back)).meeting == back


def test_a_line_break_in_a_resolution_is_written_and_read_back_as_a_space() -> None:
    decision = Decision(resolutions=["noted it", "agreed it\n(For 5, Against 0)"])
    meeting = minutes(AgendaItem("ITEM", number="4", decisions=[decision]))
    text = write_minutes(meeting)
    assert "\tii.\tagreed it\n\t\t(For 5, Against 0)\n" in text
    (read_back,) = read_minutes(text).meeting.items[0].decisions
    assert read_back.resolutions == ["noted it", "agreed it (For 5, Against 0)"]


def test_documents_are_indented_under_their_heading() -> None:
    item = AgendaItem("ITEM", number="4", documents=["Report (PDF)", "a. Appendix"])
    assert item_lines(item)[1:] == ["Supporting documents:", "\tReport (PDF)", "\ta. Appendix"]


@pytest.mark.parametrize(
    ("number", "title", "lines"),
    [
        ("42", "TREASURY", ["42.\tTREASURY"]),
        ("77/24", "Treasury", ["77/24\tTreasury"]),
        ("OSC 12/24", "Treasury", ["OSC 12/24\tTreasury"]),
        ("P108/24", "Treasury", ["P108/24\tTreasury"]),
        ("12a", "Treasury", ["Agenda item 12a", "Treasury"]),
        ("", "Treasury", ["Agenda item", "Treasury"]),
        ("5", "", ["Agenda item 5:"]),
        ("", "", ["Agenda item:"]),
    ],
)
def test_headings(number: str, title: str, lines: list[str]) -> None:
    assert item_lines(AgendaItem(title, number=number)) == lines


def test_exempt_marker_goes_before_the_heading() -> None:
    item = AgendaItem("CONTRACT AWARD", number="9", exempt=True, exempt_paragraph="3")
    assert item_lines(item) == ["EXEMPT: paragraph 3", "9.\tCONTRACT AWARD"]
    several = AgendaItem("STAFFING", number="10", exempt=True, exempt_paragraph="1, 2")
    assert item_lines(several)[0] == "EXEMPT: paragraphs 1, 2"
    unstated = AgendaItem("LEGAL ADVICE", number="11", exempt=True)
    assert item_lines(unstated)[0] == "EXEMPT"


def test_pages_line_only_when_the_intro_does_not_cite_them() -> None:
    cited = AgendaItem("ITEM", number="4", pages="5-9", intro="See pages 5-9.")
    assert item_lines(cited) == ["4.\tITEM", "See pages 5-9."]
    uncited = AgendaItem("ITEM", number="4", pages="5-9", intro="See the report.")
    assert item_lines(uncited) == ["4.\tITEM", "Pages: 5-9", "See the report."]
    cleared = AgendaItem("ITEM", number="4", pages="", intro="See pages 5-9.")
    assert item_lines(cleared) == ["4.\tITEM", "Pages: none", "See pages 5-9."]


def test_heading_after_numbered_resolutions_cannot_be_taken_for_one() -> None:
    first = AgendaItem(
        "APOLOGIES",
        number="2",
        decisions=[Decision(resolutions=["noted them"], numbering=Numbering.NUMBER)],
    )
    second = AgendaItem("Urgent business", number="2")  # "2." would read as resolution 2
    lines = written(minutes(first, second))
    assert "Agenda item 2" in lines
    assert "2.\tUrgent business" not in lines


def test_everything_at_once_reads_back() -> None:
    meeting = minutes(
        AgendaItem(
            "DAMP AND MOULD",
            number="43",
            intro="Clerk's note - taken early.\nThe Director introduced pages 17-42.",
            pages="17-42",
            points=POINTS,
            decisions=[Decision(preamble="That the Panel:", resolutions=["noted it."])],
            documents=["Report (PDF)"],
        ),
        AgendaItem("CONTRACT", number="44", exempt=True, exempt_paragraph="3"),
        label_style=LabelStyle.PAREN,
        attendees=[Attendee("Łukasz Wójcik", note="left at 8 pm")],
    )
    assert len(written(meeting)) > 20
