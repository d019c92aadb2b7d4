"""Reading the header of plain-text minutes: dates, times, status, attendance, notes."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_app.core.model import Attendee, LabelStyle, Presence, Role, Status
from clerk_app.minutes_text.attendance import format_attendance, parse_attendance
from clerk_app.minutes_text.headers import (
    format_date,
    format_time,
    parse_date_text,
    parse_time_range,
    parse_time_text,
)
from clerk_app.minutes_text.importer import ImportResult, read_minutes

ITEM = "\n1.\tAPOLOGIES\nNone.\n"


def read(header: str, **overrides: object) -> ImportResult:
    return read_minutes(header + ITEM, **overrides)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday 21 May 2024",
        "21 May 2024",
        "Tuesday, 21st May 2024",
        "21/05/2024",
        "21.05.2024",
        "2024-05-21",
        "Tue 21 May 24",
    ],
)
def test_date_forms(text: str) -> None:
    assert parse_date_text(text) == (dt.date(2024, 5, 21), "")


def test_wrong_weekday_keeps_the_date_and_says_so() -> None:
    day, warning = parse_date_text("Monday 21 May 2024") or (None, "")
    assert day == dt.date(2024, 5, 21)
    assert "is a Tuesday, not a Monday" in warning


@pytest.mark.parametrize("text", ["31 February 2024", "Someday 21 May 2024", "soon", "21/13/2024"])
def test_not_dates(text: str) -> None:
    assert parse_date_text(text) is None


def test_dates_round_trip_through_their_format() -> None:
    for day in (dt.date(2024, 5, 21), dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(24, 2, 29)):
        assert parse_date_text(format_date(day)) == (day, "")


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("6.30 pm", dt.time(18, 30)),
        ("6.30pm", dt.time(18, 30)),
        ("6pm", dt.time(18)),
        ("6.30 p.m.", dt.time(18, 30)),
        ("12.15 am", dt.time(0, 15)),
        ("12.00 pm", dt.time(12)),
        ("noon", dt.time(12)),
        ("18:30", dt.time(18, 30)),
        ("18:30:15.25", dt.time(18, 30, 15, 250000)),
    ],
)
def test_time_forms(text: str, moment: dt.time) -> None:
    assert parse_time_text(text) == moment


@pytest.mark.parametrize("text", ["6", "13.00 pm", "25:00", "half six"])
def test_not_times(text: str) -> None:
    assert parse_time_text(text) is None


def test_time_ranges() -> None:
    assert parse_time_range("6.30 pm to 8.45 pm") == (dt.time(18, 30), dt.time(20, 45))
    assert parse_time_range("18:30 - 20:45") == (dt.time(18, 30), dt.time(20, 45))
    assert parse_time_range("6.30pm\u20138.45pm") == (dt.time(18, 30), dt.time(20, 45))
    assert parse_time_range("6.30 pm") == (dt.time(18, 30), None)
    assert parse_time_range("until 8.45 pm") == (None, dt.time(20, 45))
    assert parse_time_range("after tea") is None


def test_times_are_written_clerk_style_unless_they_have_seconds() -> None:
    assert format_time(dt.time(18, 30)) == "6.30 pm"
    assert format_time(dt.time(0, 5)) == "12.05 am"
    assert format_time(dt.time(18, 30, 15)) == "18:30:15"


def test_full_keyed_header() -> None:
    result = read(
        "Council: Fenwick Town Council\n"
        "Committee: Finance Committee\n"
        "Date: Thursday 6 June 2024\n"
        "Time: 7 pm to 9.10 pm\n"
        "Venue: The Guildhall\n"
        "Status: approved\n"
        "Approved on: 4 July 2024\n"
        "Label style: (a)\n"
    )
    m = result.meeting
    assert result.warnings == []
    assert (m.council, m.committee, m.venue) == (
        "Fenwick Town Council",
        "Finance Committee",
        "The Guildhall",
    )
    assert (m.date, m.start_time, m.end_time) == (
        dt.date(2024, 6, 6),
        dt.time(19),
        dt.time(21, 10),
    )
    assert (m.status, m.approved_on, m.label_style) == (
        Status.APPROVED,
        dt.date(2024, 7, 4),
        LabelStyle.PAREN,
    )


def test_minutes_of_the_meeting_line_and_date_with_time() -> None:
    m = read(
        "MINUTES OF THE MEETING OF THE LICENSING COMMITTEE HELD ON TUESDAY 21 MAY 2024 AT 2 PM"
    ).meeting
    assert (m.committee, m.date, m.start_time) == (
        "LICENSING COMMITTEE",
        dt.date(2024, 5, 21),
        dt.time(14),
    )
    plain = read("Committee: Cabinet\nMinutes of the meeting held on 21/05/2024").meeting
    assert (plain.committee, plain.date) == ("Cabinet", dt.date(2024, 5, 21))


def test_arguments_override_the_file() -> None:
    m = read(
        "Committee: Cabinet\nDate: 21 May 2024", committee="Licensing", date=dt.date(2024, 1, 2)
    ).meeting
    assert (m.committee, m.date) == ("Licensing", dt.date(2024, 1, 2))


def test_draft_mark_and_default_status() -> None:
    assert read("DRAFT MINUTES\nCommittee: Cabinet").meeting.status is Status.DRAFT
    assert read("Committee: Cabinet").meeting.status is Status.DRAFT


def test_unreadable_header_lines_are_kept_as_notes_with_warnings() -> None:
    result = read("Committee: Cabinet\nDate: next Tuesday\nTime: teatime\nWeather: sunny")
    assert result.meeting.notes == "Date: next Tuesday\nTime: teatime\nWeather: sunny"
    assert [w.line for w in result.warnings] == [0, 2, 3, 4]
    assert "next Tuesday" in result.warnings[1].message


def test_notes_section_keeps_its_lines_without_warnings() -> None:
    result = read(
        "Committee: Cabinet\nDate: 21 May 2024\n\nNotes:\nDate: not a header here\nSecond line"
    )
    assert result.meeting.notes == "Date: not a header here\nSecond line"
    assert result.warnings == []


def test_meeting_ended_line_gives_the_end_time() -> None:
    text = "Committee: Cabinet\nDate: 21 May 2024\nTime: 6.30 pm\n\n1.\tITEM\nText.\n"
    m = read_minutes(text + "The meeting ended at 8.05 pm.\n").meeting
    assert (m.start_time, m.end_time) == (dt.time(18, 30), dt.time(20, 5))
    assert m.items[0].intro == "Text."


# --- attendance -----------------------------------------------------------------------------
def people(line: str) -> list[tuple[str, Role, Presence, str, str, str]]:
    m = read(f"Committee: Cabinet\nDate: 21 May 2024\n{line}").meeting
    return [
        (a.name, a.role, a.presence, a.job_title, a.substitute_for, a.note) for a in m.attendees
    ]


P, A, S = Presence.PRESENT, Presence.APOLOGIES, Presence.SUBSTITUTE


def test_present_line_with_roles_and_final_and() -> None:
    line = "Present: Councillors Russell (Chair), Cannon, Ó Briain (Vice-Chair) and Wójcik"
    assert people(line) == [
        ("Russell", Role.CHAIR, P, "", "", ""),
        ("Cannon", Role.MEMBER, P, "", "", ""),
        ("Ó Briain", Role.VICE_CHAIR, P, "", "", ""),
        ("Wójcik", Role.MEMBER, P, "", "", ""),
    ]  # fmt: skip


def test_officers_with_job_titles_containing_commas_and_brackets() -> None:
    assert people(
        "In attendance: Jane Doe (Director of Place, Housing); Sam Lee (Head of Legal (Monitoring"
        " Officer)) (left after item 4)"
    ) == [
        ("Jane Doe", Role.OFFICER, P, "Director of Place, Housing", "", ""),
        ("Sam Lee", Role.OFFICER, P, "Head of Legal (Monitoring Officer)", "", "left after item 4"),
    ]  # fmt: skip


def test_coopted_also_present_apologies_substitutes() -> None:
    assert people("Co-opted members: Mr Łukasz Wójcik (joined at 6.55 pm)") == [
        ("Mr Łukasz Wójcik", Role.COOPTED, P, "", "", "joined at 6.55 pm")
    ]
    assert people("Also present: Cllr Siobhán Ó Briain") == [
        ("Siobhán Ó Briain", Role.ALSO_PRESENT, P, "", "", "")
    ]
    assert people("Apologies for absence: Councillor Rice, Jo Bloggs (co-opted member)") == [
        ("Rice", Role.MEMBER, A, "", "", ""),
        ("Jo Bloggs", Role.COOPTED, A, "", "", ""),
    ]
    assert people("Substitutes: Councillor Rice for Councillor Cannon, Cllr Patel for Cllr Ng") == [
        ("Rice", Role.MEMBER, S, "", "Cannon", ""),
        ("Patel", Role.MEMBER, S, "", "Ng", ""),
    ]
    assert people("Present: Councillors Rice (substitute for Councillor Cannon)") == [
        ("Rice", Role.MEMBER, S, "", "Cannon", "")
    ]


def test_attendance_lists_that_go_on_to_the_next_lines() -> None:
    result = read(
        "Committee: Cabinet\nDate: 21 May 2024\n"
        "Present: Councillors Russell (Chair), Cannon,\nÓ Briain and\nWójcik\n"
        "Apologies:\nCouncillor Rice\nCllr Lund (Vice-Chair)\n\nNot a name."
    )
    names = [(a.name, a.presence) for a in result.meeting.attendees]
    assert names == [("Russell", P), ("Cannon", P), ("Ó Briain", P), ("Wójcik", P)] + [
        ("Rice", A),
        ("Lund", A),
    ]
    assert result.meeting.notes == "Not a name."
    assert [w.line for w in result.warnings] == [10]


def test_attendance_lines_round_trip_in_order() -> None:
    attendees = [
        Attendee("Russell", Role.CHAIR),
        Attendee("Jane Doe", Role.OFFICER, job_title="Head of Housing"),
        Attendee("Cannon", note="joined at 6.55 pm"),
        Attendee("Sam Lee", Role.OFFICER, note="left early"),
        Attendee("Rice", Role.OFFICER, Presence.APOLOGIES, job_title="Clerk, Democratic Services"),
        Attendee("Ó Briain", Role.VICE_CHAIR, Presence.SUBSTITUTE, substitute_for="Wójcik"),
        Attendee("Ng", Role.ALSO_PRESENT, Presence.ABSENT),
    ]
    lines = format_attendance(attendees)
    assert lines == [
        "Present: Councillor Russell (Chair)",
        "In attendance: Jane Doe (Head of Housing)",
        "Present: Councillor Cannon (joined at 6.55 pm)",
        "In attendance: Sam Lee () (left early)",
        "Apologies: Rice (officer: Clerk, Democratic Services)",
        "Substitutes: Councillor Ó Briain for Councillor Wójcik (Vice-Chair)",
        "Absent: Councillor Ng (visiting councillor)",
    ]
    header = "Committee: Cabinet\nDate: 21 May 2024\n" + "\n".join(lines)
    assert read(header).meeting.attendees == attendees


def test_parse_attendance_skips_none() -> None:
    assert parse_attendance("None", Role.MEMBER, Presence.APOLOGIES) == []
