"""Minutes in other councils' house styles: each shape read into the right items, points,
decisions, attendance and actions, and stored (real migrations) and read back."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerk_app.core.lettering import point_label
from clerk_app.core.model import DecisionKind, LabelStyle, Meeting, Presence, Role
from clerk_app.core.procedure.motions import check_motions
from clerk_app.core.text import clean_line
from clerk_app.minutes_text.attendance import read_attendance
from clerk_app.minutes_text.importer import ImportResult, read_minutes, read_minutes_file
from clerk_app.services import meetings
from clerk_app.services.database import Database
from clerk_app.services.importing import import_minutes

HOUSE = Path(__file__).parent.parent / "fixtures" / "text" / "house"


def read(name: str) -> ImportResult:
    return read_minutes_file(HOUSE / name)


def stored(db: Database, name: str) -> Meeting:
    """Imported through the service into the real database file, then loaded back."""
    imported = import_minutes(db, HOUSE / name)
    return meetings.load_meeting(db, imported.meeting_id)


def test_parish_minutes_with_bare_minute_numbers(db: Database) -> None:
    m = stored(db, "parish-bare-numbers.txt")
    assert [(i.number, i.title) for i in m.items] == [
        ("1358", "APOLOGIES"),
        ("1359", "Declarations of Interest"),
        ("1360", "Minutes"),
        ("1361", "Highways"),
        ("1362", "Finance"),
        ("1363", "Exclusion of the Press and Public"),
        ("1364", "Staffing"),
    ]
    # The header: the council from its title line, the date in words with a comma and "5th";
    # the clerk's postal address is never the council's name, and is kept in the notes.
    assert m.council == "ASHCOMBE PARISH COUNCIL"
    assert m.date == dt.date(2023, 4, 5)
    assert "3 Council Cottages" in m.notes


def test_parish_attendance_never_makes_officers_or_the_public_councillors(
    db: Database,
) -> None:
    m = stored(db, "parish-bare-numbers.txt")
    by_name = {a.name: a for a in m.attendees}
    assert by_name["T Marsh"].role is Role.CHAIR
    clerk = by_name["Mrs P Lane"]
    assert (clerk.role, clerk.job_title) == (Role.OFFICER, "Locum Clerk")
    assert "Locum Clerk" not in by_name  # a job title is never a person
    assert not any("public" in name for name in by_name)
    assert "2 members of the public" in m.notes.split("\n")
    frost, yates = by_name["D Frost"], by_name["H Yates"]
    assert frost.presence is Presence.APOLOGIES
    assert (yates.presence, yates.substitute_for) == (Presence.SUBSTITUTE, "D Frost")


def test_parish_prose_decisions_keep_who_moved_and_the_votes(db: Database) -> None:
    m = stored(db, "parish-bare-numbers.txt")
    minutes, finance = m.items[2].decisions[0], m.items[4].decisions[0]
    assert minutes.kind is DecisionKind.RESOLVED
    assert minutes.preamble.startswith("It was moved by Cllr Okafor, seconded by Cllr Lind")
    assert finance.preamble == (
        "Proposed Cllr Lind, Seconded Cllr Okafor. Carried 4 for and 1 against."
    )


def test_parish_bullets_and_actions(db: Database) -> None:
    m = stored(db, "parish-bare-numbers.txt")
    points = m.items[3].points
    assert points[0].text == "The footpath by the church is still blocked."
    assert points[0].action is None
    # "TM/PL" at the end of the line: the initials of people in the attendance.
    assert points[1].action is not None
    assert points[1].action.owners == ("T Marsh", "Mrs P Lane")
    # The tag goes before the closing full stop, as Ctrl+T places it.
    assert (
        points[1].text == "The bus shelter glass has been replaced (Actions: T Marsh/Mrs P Lane)."
    )
    assert points[2].action is not None and points[2].action.owners == ("Cllr Okafor",)
    assert points[2].text.startswith("Action: Cllr Okafor to chase the county")
    assert points[3].action is not None and points[3].action.owners == ("Clerk",)
    assert points[3].text.startswith("Action from last meeting: Clerk to order")
    # "ACTION:" alone, then the task: the task is the action's text, not its owners.
    assert points[4].text.startswith("Clerk to write to the landowner about the hedge")
    assert points[4].action is not None and points[4].action.owners == ("Clerk",)
    assert len(points) == 5


def test_schedule_12a_exclusion_marks_the_items_after_it_exempt(db: Database) -> None:
    m = stored(db, "parish-bare-numbers.txt")
    assert [(i.number, i.exempt, i.exempt_paragraph) for i in m.items[-3:]] == [
        ("1362", False, ""),
        ("1363", False, ""),
        ("1364", True, "3"),
    ]


def test_district_prefixed_references_kept_as_written(db: Database) -> None:
    result = read("district-prefixed.txt")
    m = stored(db, "district-prefixed.txt")
    assert [(i.number, i.title) for i in m.items] == [
        ("PLA146/14", "LAND AT MILL LANE, UPTON"),  # the title in capitals is above it
        ("41a/19", "Budget Monitoring"),
        ("F01:04/24", "Fees and Charges"),
        ("GBP/2122/214", "Community Grants"),
        ("2307.01", "Tree Works"),
        ("44.23", "Enforcement Update"),
        ("01/25/01", "Planning Appeals"),
        ("42", "Urgent Business"),
    ]
    assert m.notes == ""  # the title line is no longer in the notes, nor warned about
    assert result.warnings == []
    assert (m.council, m.committee) == ("Ridgeway District Council", "Planning Committee")
    assert (m.date, m.start_time) == (dt.date(2022, 1, 13), dt.time(9, 30))


def test_modern_gov_leftovers_are_dropped_and_the_minute_kept(db: Database) -> None:
    m = stored(db, "district-prefixed.txt")
    first = m.items[0]
    assert first.intro == "The committee considered the report of the Head of Planning."
    assert first.decisions[0].preamble == "That permission be granted subject to conditions."
    everything = repr(m)
    assert "pdf icon" not in everything and "Minutes:" not in everything


def test_district_points_and_decisions(db: Database) -> None:
    m = stored(db, "district-prefixed.txt")
    items = {i.number: i for i in m.items}
    assert [p.text for p in items["F01:04/24"].points] == [
        "Car parking fees to rise by 10p.",
        "Garden waste fees unchanged.",
    ]
    assert [p.text for p in items["2307.01"].points] == ["The oak at the library is to be felled."]
    grants = items["GBP/2122/214"].decisions[0]
    assert grants.preamble == "That the grants be awarded as set out."
    assert items["44.23"].decisions[0].preamble == "that the update be noted."


def test_district_attendance_officers_and_other_members(db: Database) -> None:
    m = stored(db, "district-prefixed.txt")
    assert [(a.name, a.role, a.job_title) for a in m.attendees] == [
        ("A Quinn", Role.CHAIR, ""),
        ("B Rowe", Role.MEMBER, ""),
        ("C Shah", Role.MEMBER, ""),  # wrapped onto the next line
        ("Dana Voss", Role.OFFICER, "Head of Planning"),
        ("Eli Ward", Role.OFFICER, "Democratic Services Officer"),
        ("F Young", Role.ALSO_PRESENT, ""),
    ]


def test_fire_authority_reference_on_its_own_line(db: Database) -> None:
    m = stored(db, "fire-authority.txt")
    assert [(i.number, i.title) for i in m.items] == [
        ("WMFRA/33", "APOLOGIES"),
        ("WMFRA/34", "MINUTES"),
    ]
    assert m.council == "WESTMOOR FIRE AND RESCUE AUTHORITY"
    assert m.committee == "Audit and Performance Committee"
    assert m.date == dt.date(2023, 4, 5)
    # "Apologies were received from Councillor Ned Price." inside the item: he is in the
    # attendance, sending apologies; the sentence stays in the item.
    assert [(a.name, a.presence) for a in m.attendees] == [
        ("Kay Moss", Presence.PRESENT),
        ("Lee Noble", Presence.PRESENT),
        ("Mia Ortiz", Presence.PRESENT),
        ("Ned Price", Presence.APOLOGIES),
    ]
    assert m.items[0].intro == "Apologies were received from Councillor Ned Price."
    assert m.items[1].decisions[0].kind is DecisionKind.RESOLVED


def test_nhs_board_initials_and_paragraph_numbers(db: Database) -> None:
    m = stored(db, "nhs-board.txt")
    assert (m.council, m.committee) == ("Northvale Community Health Trust", "Board of Directors")
    assert [(a.name, a.role, a.job_title, a.note) for a in m.attendees] == [
        ("Pat Adams", Role.CHAIR, "", ""),
        ("Val Brown", Role.OFFICER, "Director of Finance", ""),
        ("Sam Cole", Role.MEMBER, "", "Non-Executive Director"),
    ]
    annual = m.items[0]
    assert (annual.number, annual.title) == ("69", "Annual Report")
    assert m.label_style is LabelStyle.DECIMAL
    # 69.1-69.3 stay 69.1-69.3: never renumbered into 1.1-1.3.
    labels = [point_label(m.label_style, i, annual.number) for i in range(len(annual.points))]
    assert labels == ["69.1", "69.2", "69.3"]
    action = annual.points[1].action
    assert action is not None and action.owners == ("Pat Adams", "Val Brown")


def test_town_council_shapes_stored_and_read_back(db: Database) -> None:
    imported = import_minutes(db, HOUSE / "town-council.txt")
    assert imported.warnings == []
    m = meetings.load_meeting(db, imported.meeting_id)
    assert (m.council, m.committee, m.date) == (
        "KELMOOR TOWN COUNCIL",
        "Full Council",
        dt.date(2023, 4, 5),
    )
    # "41." with a dot, "43 Declarations" with none, "46.  Title" with two spaces.
    assert [(i.number, i.title) for i in m.items] == [
        ("41", "Apologies for absence"),
        ("42", "Minutes"),
        ("43", "Declarations"),
        ("44", "Town centre"),
        ("45", "Bowls club lease"),
        ("46", "Public participation"),
    ]
    assert m.label_style is LabelStyle.DOT
    assert [p.text for p in m.items[3].points] == [
        "The Christmas lights had been taken down and stored.",
        "New planters are to be bought for the market square.",
    ]
    # "2. RESOLVED – That ..." inside the minute: its decision, not minute 2 or a point.
    lease = m.items[4]
    assert lease.intro == "The club had asked for a ten-year lease."
    assert [(d.kind, d.preamble) for d in lease.decisions] == [
        (DecisionKind.RESOLVED, "That the lease be granted for ten years.")
    ]
    people = [
        (a.name, a.role, a.presence, a.job_title, a.substitute_for, a.note) for a in m.attendees
    ]
    assert people == [
        ("Una Vale", Role.CHAIR, Presence.PRESENT, "", "", "Chairman"),
        ("Wyn Webb", Role.MEMBER, Presence.PRESENT, "", "", ""),
        ("Xan Yeo", Role.MEMBER, Presence.SUBSTITUTE, "", "Zak Zeal", ""),
        ("Mrs Amy Brook", Role.OFFICER, Presence.PRESENT, "Town Clerk", "", ""),
        ("Zak Zeal", Role.MEMBER, Presence.APOLOGIES, "", "", ""),  # listed once
    ]  # fmt: skip
    assert m.notes == "4 members of the public"


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("42. Budget", "42", "Budget"),
        ("42 Budget", "42", "Budget"),
        ("86  Village Green", "86", "Village Green"),
        ("1358 TITLE", "1358", "TITLE"),
        ("3 Declarations", "3", "Declarations"),
        ("Minute 42 - Budget", "42", "Budget"),
        ("Minute 42: Budget", "42", "Budget"),
        ("204 Skate park", "204", "Skate park"),  # "park" in lower case: not an address
        ("1361 Car Park", "1361", "Car Park"),  # no house number has four digits
    ],
)
def test_minute_reference_shapes(line: str, number: str, title: str) -> None:
    m = read_minutes(f"Committee: Council\nDate: 5 April 2023\n\n{line}\nText.\n").meeting
    assert [(i.number, i.title, i.intro) for i in m.items] == [(number, title, "Text.")]


@pytest.mark.parametrize(
    "line",
    [
        "12 May 2024",
        "05/04/2023",
        "12 High Street",
        "104 STATION ROAD",
        "2 members of the public",
        "2 Members of the Public",
        "3 councillors voted against.",
        "7:30 pm",
    ],
)
def test_lines_that_are_not_minute_references(line: str) -> None:
    m = read_minutes(f"Committee: Council\nDate: 5 April 2023\n\n1. First\n{line}\n").meeting
    assert len(m.items) == 1


@pytest.mark.parametrize(
    ("text", "day", "start"),
    [
        ("Tuesday, 4th April 2023", dt.date(2023, 4, 4), None),
        ("5 April 2023", dt.date(2023, 4, 5), None),
        ("05/04/2023", dt.date(2023, 4, 5), None),
        ("13 January 2022 at 9.30am", dt.date(2022, 1, 13), dt.time(9, 30)),
    ],
)
def test_header_dates_in_common_forms(text: str, day: dt.date, start: dt.time | None) -> None:
    result = read_minutes(f"Kelmoor Town Council\n{text}\n\n1. Apologies\nNone.\n")
    assert (result.meeting.date, result.meeting.start_time) == (day, start)
    assert result.meeting.council == "Kelmoor Town Council"
    assert not any("today's date" in w.message for w in result.warnings)


@pytest.mark.parametrize(
    "line",
    [
        "Clerk: Mrs P Lane, 3 Council Cottages, Ashcombe",
        "c/o The Council Offices, 4 Mill Road",
        "Email: clerk@example-council.gov.uk",
    ],
)
def test_a_line_that_is_not_a_councils_name_is_never_stored_as_one(line: str) -> None:
    result = read_minutes(f"{line}\nDate: 5 April 2023\n\n1. Apologies\nNone.\n")
    assert result.meeting.council == ""
    assert line in result.meeting.notes
    assert any(w.message.startswith("line 1: ") for w in result.warnings)


@pytest.mark.parametrize(
    ("line", "kind", "preamble"),
    [
        ("It was resolved that the report be noted.", "RESOLVED", "that the report be noted."),
        ("Resolved  -  That the report be noted.", "RESOLVED", "That the report be noted."),
        ("RESOLVED- That the report be noted.", "RESOLVED", "That the report be noted."),
        ("It was unanimously agreed to buy a bench.", "AGREED", "to buy a bench."),
        # Inside a numbered paragraph: the paragraph's decision, not a new minute.
        ("3. RESOLVED - That the report be noted.", "RESOLVED", "That the report be noted."),
    ],
)
def test_decisions_in_prose(line: str, kind: str, preamble: str) -> None:
    m = read_minutes(f"Date: 5 April 2023\n\n1. Finance\n{line}\n").meeting
    assert len(m.items) == 1
    decision = m.items[0].decisions[0]
    assert (decision.kind.value, decision.preamble) == (kind, preamble)


def test_named_vote_list_with_dot_leaders_stays_inside_the_decision() -> None:
    text = (
        "Date: 5 April 2023\n\n1. Budget\n"
        "It was moved by Cllr Ash, seconded by Cllr Birch and RESOLVED that the budget be set.\n"
        "Cllr Ash .......... For\nCllr Birch ........ For\nCllr Cedar ........ Against\n"
        "For 2, Against 1\n2. Close\n"
    )
    m = read_minutes(text).meeting
    preamble = m.items[0].decisions[0].preamble
    assert preamble.split("\n")[1:] == [
        "Cllr Ash .......... For",
        "Cllr Birch ........ For",
        "Cllr Cedar ........ Against",
        "For 2, Against 1",
    ]
    assert [i.title for i in m.items] == ["Budget", "Close"]


def test_points_in_every_label_shape() -> None:
    for labels in (["a.", "b."], ["(a)", "(b)"], ["a)", "b)"], ["·", "·"], ["•", "•"]):
        text = f"Date: 5 April 2023\n\n1. Item\n{labels[0]} First.\n{labels[1]} Second.\n"
        points = read_minutes(text).meeting.items[0].points
        assert [p.text for p in points] == ["First.", "Second."], labels


def test_attendance_names_one_per_line_and_nothing_councillor_added() -> None:
    text = (
        "Minutes of the Parish Council meeting held on 5 April 2023\n"
        "Present:\nCllr Ann Ash (Chairman)\nCllr Bo Birch\n\n"
        "In attendance: J Cole – Clerk to the Council, three members of the public\n"
        "1. Apologies\nNone.\n"
    )
    m = read_minutes(text).meeting
    assert [(a.name, a.role, a.job_title) for a in m.attendees] == [
        ("Ann Ash", Role.CHAIR, ""),
        ("Bo Birch", Role.MEMBER, ""),
        ("J Cole", Role.OFFICER, "Clerk to the Council"),
    ]
    assert "three members of the public" in m.notes


# --- robustness: a fuzzed mix of the shapes is never refused --------------------------------
_PRINTABLE = st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"))
SHAPES = [
    line
    for name in sorted(HOUSE.glob("*.txt"))
    for line in name.read_text(encoding="utf-8").splitlines()
] + ["", "Minutes:", "pdf icon PDF 12 KB", "Page 2 of 9", "ACTION:", "   ", "Present:"]
# Motions told in prose and Clerk's own motion lines, mixed with everything else.
SHAPES += [
    "The motion was lost.",
    "The substantive motion was then put to the vote and CARRIED.",
    "For: 12 Against: 3 Abstain: 1",
    "Cllr Ann Ash ........ For",
    "; ........ Against",
    "...... For",
    "The Chairman used his casting vote against the motion.",
    "An amendment moved by Cllr Cy Cedar was put to the vote and LOST.",
    "Cllr Bo Birch seconded.",
    "MOTION: Cllr A; Cllr B; That the hall be painted.",
    "AMENDMENT OF 1: Cllr C; ; That it be blue.",
    "VOTE: Cllr A; for",
    "Apologies were received from Cllr Quin Ray and Cllr Sam Tate.",
    "Present: Cllr Una Vale (Chairman), Cllr Wyn Webb (Vice-Chairman)",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(SHAPES),
            st.text(_PRINTABLE, max_size=40),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_a_fuzzed_mix_of_shapes_is_never_refused(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str]
) -> None:
    text = "\n".join(lines)
    if not clean_line(text) or "notes" in text.lower():  # "Notes:" places lines on purpose
        return
    path = tmp_path_factory.mktemp("fuzz") / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    result = read_minutes_file(path)  # never raises for a file with readable lines
    for item in result.meeting.items:
        check_motions(item.motions)  # what was read can be stored: the store would refuse
    warned = {w.line for w in result.warnings}
    for summary in result.warnings:  # "... and 4 more like this (lines 7 to 19)"
        span = re.search(r"lines (\d+) to (\d+)\)$", summary.message)
        if span:
            warned |= set(range(int(span[1]), int(span[2]) + 1))
    numbered = list(enumerate((clean_line(line) for line in text.splitlines()), start=1))
    for note in result.meeting.notes.split("\n"):
        if not note or read_attendance(note, Role.MEMBER, Presence.PRESENT)[1]:
            continue  # "2 members of the public": placed in the notes, not a person
        # A line kept in the notes because it was not understood is reported by its number.
        assert any(n in warned for n, line in numbered if line == note), (note, result.warnings)


def test_apologies_told_in_an_item_never_list_a_person_twice() -> None:
    text = (
        "Committee: Council\nDate: 5 April 2023\nApologies: Cllr Zoë Fairweather\n\n"
        "1. Apologies\nApologies for absence had been received from Councillor Fairweather"
        " and Cllr Ola Pike.\n"
    )
    m = read_minutes(text).meeting
    assert [(a.name, a.presence) for a in m.attendees] == [
        ("Zoë Fairweather", Presence.APOLOGIES),
        ("Ola Pike", Presence.APOLOGIES),
    ]
    assert m.items[0].intro.startswith("Apologies for absence had been received from")


@pytest.mark.parametrize(
    "line",
    [
        "Apologies were received from all members.",
        "Apologies were received from Cllr Ray who was unwell.",
        "Apologies were received from the Clerk.",
    ],
)
def test_apologies_told_in_an_item_add_only_names(line: str) -> None:
    text = f"Committee: Council\nDate: 5 April 2023\n\n1. Apologies\n{line}\n"
    m = read_minutes(text).meeting
    assert m.attendees == []
    assert m.items[0].intro == line
