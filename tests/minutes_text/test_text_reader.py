"""Reading whole minutes files: the published reference item and our own fixtures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from clerk_app.core.model import (
    DecisionKind,
    LabelStyle,
    Numbering,
    Presence,
    Role,
    Status,
)
from clerk_app.minutes_text.importer import ImportResult, read_minutes, read_minutes_file
from clerk_app.minutes_text.writer import write_minutes

FIXTURES = Path(__file__).parent.parent / "fixtures" / "text"


def read(name: str, **overrides: object) -> ImportResult:
    return read_minutes_file(FIXTURES / name, **overrides)  # type: ignore[arg-type]


# --- the published reference item -----------------------------------------------------------
@pytest.fixture(scope="module")
def reference() -> ImportResult:
    return read(
        "haringey-osc-reference.txt",
        committee="Overview and Scrutiny Committee",
        date=dt.date(2019, 6, 24),
    )


def test_reference_is_one_unnumbered_item_with_nine_lettered_points(
    reference: ImportResult,
) -> None:
    meeting = reference.meeting
    assert len(meeting.items) == 1
    item = meeting.items[0]
    assert (item.number, item.title) == ("", "Performance update")
    assert len(item.points) == 9
    assert all(not point.children for point in item.points)  # "i." after "h." is a letter
    assert item.points[0].text.startswith("The AD Commissioning advised")
    assert item.points[8].text.startswith("The Chair noted that individual scrutiny panels")
    assert meeting.label_style is LabelStyle.DOT


def test_reference_intro_keeps_its_text_and_gives_the_pack_pages(reference: ImportResult) -> None:
    item = reference.meeting.items[0]
    assert item.intro.startswith("Charlotte Pomery, AD Commissioning\u00a0 introduced")
    assert item.intro.endswith("The following arose from the discussion of the presentation:")
    assert "\n" not in item.intro
    assert item.pages == "53-114"


def test_reference_actions_have_their_owners(reference: ImportResult) -> None:
    points = reference.meeting.items[0].points
    owners = [point.action.owners if point.action else None for point in points]
    assert owners == [None] * 7 + [("Charlotte Pomery",), ("Chair", "Clerk")]
    assert points[7].text.endswith("(Action: Charlotte Pomery).")


def test_reference_reads_without_warnings_and_with_no_documents(reference: ImportResult) -> None:
    # Non-breaking spaces after the labels are separators, not something to complain about.
    assert reference.warnings == []
    assert reference.meeting.items[0].documents == []
    assert reference.meeting.committee == "Overview and Scrutiny Committee"
    assert reference.meeting.date == dt.date(2019, 6, 24)


def test_reference_without_overrides_warns_only_about_committee_and_date() -> None:
    result = read("haringey-osc-reference.txt")
    assert [w.line for w in result.warnings] == [0, 0]
    messages = " ".join(w.message for w in result.warnings)
    assert "no committee" in messages and "--committee" in messages
    assert "no meeting date in the file; used today's date (give --date YYYY-MM-DD)" in messages
    assert result.meeting.date == dt.date.today()
    assert result.meeting.committee == ""


def test_reference_survives_a_write_and_read() -> None:
    meeting = read("haringey-osc-reference.txt", date=dt.date(2019, 6, 24)).meeting
    assert read_minutes(write_minutes(meeting)).meeting == meeting


# --- Riverside: numbered minutes, "a." points, RESOLVED blocks, ACTION lines ---------------
@pytest.fixture(scope="module")
def riverside() -> ImportResult:
    return read("riverside-housing-scrutiny.txt")


def test_riverside_header(riverside: ImportResult) -> None:
    m = riverside.meeting
    assert (m.council, m.committee) == ("Riverside Borough Council", "Housing Scrutiny Panel")
    assert m.date == dt.date(2024, 5, 21)
    assert (m.start_time, m.end_time) == (dt.time(18, 30), dt.time(20, 45))
    assert m.venue == "Committee Room 2, Riverside Town Hall"
    assert m.status is Status.DRAFT
    assert riverside.warnings == []


def test_riverside_attendance(riverside: ImportResult) -> None:
    people = {(a.name, a.role, a.presence) for a in riverside.meeting.attendees}
    assert ("Ó Briain", Role.CHAIR, Presence.PRESENT) in people
    assert ("Wójcik", Role.VICE_CHAIR, Presence.PRESENT) in people
    assert ("Mac Giolla", Role.MEMBER, Presence.PRESENT) in people  # after the final "and"
    assert ("Ms Aoife Ní Bhriain", Role.COOPTED, Presence.PRESENT) in people
    assert ("Zielińska", Role.MEMBER, Presence.APOLOGIES) in people
    officers = [a for a in riverside.meeting.attendees if a.role is Role.OFFICER]
    assert [(a.name, a.job_title) for a in officers] == [
        ("Priya Chaudhary", "Director of Place, Housing"),
        ("Tom Reyes", "Democratic Services Officer"),
    ]
    (substitute,) = [a for a in riverside.meeting.attendees if a.presence is Presence.SUBSTITUTE]
    assert (substitute.name, substitute.substitute_for) == ("Brzęczyszczykiewicz", "Zielińska")


def test_riverside_items_and_numbers(riverside: ImportResult) -> None:
    items = riverside.meeting.items
    assert [(i.number, i.title) for i in items] == [
        ("41", "APOLOGIES FOR ABSENCE"),
        ("42", "MINUTES OF THE PREVIOUS MEETING"),
        ("43", "DAMP AND MOULD IN COUNCIL HOMES"),
        ("44", "WORK PROGRAMME"),
    ]


def test_riverside_resolved_with_colon_is_a_whole_decision(riverside: ImportResult) -> None:
    (decision,) = riverside.meeting.items[1].decisions
    assert decision.kind is DecisionKind.RESOLVED
    assert decision.preamble.startswith("That, subject to the amendments above, the minutes")
    assert decision.resolutions == []
    assert len(riverside.meeting.items[1].points) == 2


def test_riverside_damp_and_mould_item(riverside: ImportResult) -> None:
    item = riverside.meeting.items[2]
    assert item.intro.split("\n")[0].startswith("Clerk's note - this item was taken after")
    assert item.pages == "17-42"
    assert [len(p.children) for p in item.points] == [0, 3, 0, 0]
    assert item.points[1].children[2].text.startswith("tenants were offered hygrometers")
    # "ACTION: Name" on its own line joins the point above it.
    assert item.points[2].text.endswith("by estate.\nACTION: Priya Chaudhary")
    assert item.points[2].action is not None
    assert item.points[2].action.owners == ("Priya Chaudhary",)
    # An unlabelled line continues the point; its inline tag has a due date.
    assert item.points[3].text.count("\n") == 1
    action = item.points[3].action
    assert action is not None
    assert (action.owners, action.due) == (("Tom Reyes",), dt.date(2024, 9, 30))
    (decision,) = item.decisions
    assert decision.preamble == "That the Panel:"
    assert decision.resolutions == [
        "noted the report; and",
        "agreed to receive a further update at its meeting in November.",
    ]
    assert decision.numbering is Numbering.ROMAN
    assert item.documents == [
        "Damp and Mould Report, item 43 (PDF)",
        "Appendix A - Repeat reports by ward (PDF)",
    ]


def test_riverside_close_and_signature_are_not_read_into_the_last_item(
    riverside: ImportResult,
) -> None:
    last = riverside.meeting.items[-1]
    assert [d.kind for d in last.decisions] == [DecisionKind.NOTED]
    assert last.decisions[0].preamble == ""
    assert last.intro == "The Panel considered its work programme for 2024/25."


# --- Kelbrook: "P56/24" numbers, (a) labels, motions, RECOMMEND, exempt --------------------
@pytest.fixture(scope="module")
def kelbrook() -> ImportResult:
    return read("kelbrook-planning.txt")


def test_kelbrook_header_from_unkeyed_lines(kelbrook: ImportResult) -> None:
    m = kelbrook.meeting
    assert m.council == "KELBROOK COUNTY COUNCIL"
    assert m.committee == "Planning and Regulatory Committee"
    assert (m.date, m.start_time) == (dt.date(2024, 6, 5), dt.time(10, 0))
    assert m.status is Status.DRAFT
    assert m.label_style is LabelStyle.PAREN
    assert kelbrook.warnings == []


def test_kelbrook_attendance_with_cllr_and_semicolons(kelbrook: ImportResult) -> None:
    people = [(a.name, a.role, a.job_title) for a in kelbrook.meeting.attendees]
    assert people[:2] == [
        ("Łukasz Wójcik", Role.CHAIR, ""),
        ("Siobhán Ó Briain", Role.VICE_CHAIR, ""),
    ]
    assert ("Mehmet Yilmaz", Role.ALSO_PRESENT, "") in people
    assert ("Ravi Mistry", Role.OFFICER, "Senior Solicitor, Legal Services") in people
    assert kelbrook.meeting.attendees[-1].presence is Presence.APOLOGIES


def test_kelbrook_paren_points_and_roman_sub_points(kelbrook: ImportResult) -> None:
    item = kelbrook.meeting.items[1]
    assert item.number == "P57/24"
    assert item.pages == "9-36"  # written with an en dash in the intro
    assert [len(p.children) for p in item.points] == [0, 2, 0]
    assert item.points[2].action is not None
    assert item.points[2].action.owners == ("Fiona Drummond",)


def test_kelbrook_motion_with_numbered_resolutions_and_vote(kelbrook: ImportResult) -> None:
    (decision,) = kelbrook.meeting.items[1].decisions
    assert decision.kind is DecisionKind.RESOLVED
    assert decision.preamble.startswith("Cllr Okafor MOVED, Cllr Ó Briain SECONDED")
    assert decision.numbering is Numbering.NUMBER
    assert len(decision.resolutions) == 2
    # The vote continues the last resolution, which is one paragraph.
    assert decision.resolutions[1].endswith("Planning. (For 5, Against 1, Abstentions 0)")


def test_kelbrook_resolved_dash_and_recommend(kelbrook: ImportResult) -> None:
    items = kelbrook.meeting.items
    assert items[2].decisions[0].preamble.startswith("That the scheme be deferred")
    recommend = items[3].decisions[0]
    assert recommend.kind is DecisionKind.RECOMMEND
    assert recommend.preamble == "(to Council):"
    assert recommend.numbering is Numbering.PAREN_LETTER
    assert len(recommend.resolutions) == 2


def test_kelbrook_exempt_line_marks_the_item_it_heads(kelbrook: ImportResult) -> None:
    items = kelbrook.meeting.items
    assert [i.exempt for i in items] == [False, False, False, False, True]
    assert items[-1].exempt_paragraph == "3"
    assert items[-1].decisions[0].kind is DecisionKind.AGREED
    assert items[-1].intro.startswith("The Committee considered")  # footer dropped


# --- Harbourside: "OSC 12/24", "1)" points, "i)" sub-points, approved -----------------------
def test_harbourside() -> None:
    result = read("harbourside-osc.txt")
    m = result.meeting
    assert result.warnings == []
    assert (m.date, m.start_time, m.end_time) == (dt.date(2024, 5, 21), dt.time(18, 30), None)
    assert (m.status, m.approved_on) == (Status.APPROVED, dt.date(2024, 6, 18))
    assert m.label_style is LabelStyle.NUMBER
    coopted = m.attendees[-1]
    assert (coopted.name, coopted.role, coopted.note) == (
        "Mrs Małgorzata Zielińska",
        Role.COOPTED,
        "joined at 6.55pm",
    )
    first, second, third = m.items
    assert (first.number, second.number, third.number) == ("OSC 12/24", "OSC 13/24", "3")
    assert [len(p.children) for p in first.points] == [0, 2, 0]
    assert first.points[2].action is not None
    assert first.points[2].action.owners == ("Head of Finance", "Clerk")
    assert first.decisions[0].kind is DecisionKind.AGREED
    # Unindented "1." and "2." continue the decision; "3.<tab>CAPITALS" is the next minute.
    assert second.decisions[0].numbering is Numbering.NUMBER
    assert len(second.decisions[0].resolutions) == 2
    assert (third.title, third.intro) == ("ANY OTHER BUSINESS", "There was none.")


# --- North Fenwick: decimal paragraph numbers and "Agenda item 9" ---------------------------
def test_north_fenwick_decimal_numbering() -> None:
    result = read("north-fenwick-licensing.txt")
    m = result.meeting
    assert result.warnings == []
    assert m.label_style is LabelStyle.DECIMAL
    assert (m.start_time, m.end_time) == (dt.time(14, 0), dt.time(15, 20))
    first, second = m.items
    assert [len(p.children) for p in first.points] == [2, 0]
    assert (second.number, second.title) == ("9", "Any other business")
    assert [p.text for p in second.points] == ["There was none."]


# --- an untidy file: everything kept, every oddity reported by line -------------------------
def test_untidy_file_keeps_everything_and_names_the_lines() -> None:
    result = read("fenwick-audit-untidy.txt")
    m = result.meeting
    by_line = {w.line: w.message for w in result.warnings}
    assert sorted(by_line) == [3, 11, 12, 13, 14, 16]
    assert all(message.startswith(f"line {line}: ") for line, message in by_line.items())
    assert m.notes == "This line is not a header line at all."
    assert "kept in the meeting's notes" in by_line[3]
    item = m.items[0]
    assert item.intro.endswith("\ni) An orphan sub-point with no point before it.")
    assert "kept as a paragraph of the item's introduction" in by_line[11]
    assert "'(Action Jo'" in by_line[12] and "'(Action: )'" in by_line[13]
    assert [p.action for p in item.points] == [None, None, None]
    assert item.points[0].text.endswith("(Action Jo")
    assert "d)" in by_line[14] and "labelled c)" in by_line[14]
    assert item.points[2].text.endswith("\nACTION:")
    assert "names nobody" in by_line[16]
    assert m.label_style is LabelStyle.BRACKET
