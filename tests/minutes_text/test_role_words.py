""" "(Chairman)", "(Vice-Chairman)", "(In the Chair)" in an attendance list are kept as the
source wrote them: the stored attendee keeps the words, and every export prints them."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from clerk_app.cli import main
from clerk_app.core.attendance import attendance_lines
from clerk_app.core.model import Attendee, Role
from clerk_app.minutes_text.importer import read_minutes
from clerk_app.minutes_text.writer import write_minutes
from clerk_app.services import meetings
from clerk_app.store.database import open_database

MINUTES = """\
HOLLOWAY GREEN PARISH COUNCIL
Minutes of the meeting held on 12 October 2023
Present: Cllr Ann Ash (Chairman), Cllr Bo Birch (Vice-Chairman) (arrived at 7.40 pm), Cllr Cy Cedar
Apologies: Cllr Di Dunn (Chair), Cllr Ed Elm

1. Apologies
Received and accepted.
"""


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, str]:
    source = tmp_path / "minutes.txt"
    source.write_text(MINUTES, encoding="utf-8")
    db = tmp_path / "clerk.db"
    code, out, err = _cli("--db", str(db), "import", str(source), "--committee", "Council")
    assert (code, err) == (0, "")
    return db, out.strip()


def test_the_stored_attendee_keeps_the_words(imported: tuple[Path, str]) -> None:
    db_path, meeting_id = imported
    database = open_database(db_path)
    try:
        m = meetings.load_meeting(database, int(meeting_id))
    finally:
        database.close()
    people = {a.name: (a.role, a.note) for a in m.attendees}
    assert people == {
        "Ann Ash": (Role.CHAIR, "Chairman"),
        "Bo Birch": (Role.VICE_CHAIR, "Vice-Chairman; arrived at 7.40 pm"),
        "Cy Cedar": (Role.MEMBER, ""),
        "Di Dunn": (Role.CHAIR, ""),  # "(Chair)" is the mark Clerk prints: nothing to keep
        "Ed Elm": (Role.MEMBER, ""),
    }


def test_the_text_export_prints_them_as_the_source_had_them(
    imported: tuple[Path, str], tmp_path: Path
) -> None:
    db_path, meeting_id = imported
    out = tmp_path / "out.txt"
    code, _, err = _cli("--db", str(db_path), "export", meeting_id, "--to", str(out))
    assert (code, err) == (0, "")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert (
        "Present: Councillors Ann Ash (Chairman), Bo Birch (Vice-Chairman) (arrived at 7.40 pm),"
        " Cy Cedar"
    ) in lines
    assert "Apologies: Councillors Di Dunn (Chair), Ed Elm" in lines
    assert not any("Ann Ash (Chair)" in line for line in lines)


def test_the_word_export_prints_them_too(imported: tuple[Path, str], tmp_path: Path) -> None:
    db_path, meeting_id = imported
    out = tmp_path / "out.docx"
    code, _, err = _cli("--db", str(db_path), "export", meeting_id, "--to", str(out))
    assert (code, err) == (0, "")
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Ann Ash (Chairman)" in text
    assert "Bo Birch (Vice-Chairman) (arrived at 7.40 pm)" in text
    assert "(Chair)" in text  # Di Dunn, sending apologies, as written
    assert "Ann Ash (Chair)" not in text


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("Present: Cllr Ann Ash (Chairman), Cllr Bo Birch", "Chairman"),
        ("Present: Cllr Ann Ash (chairwoman), Cllr Bo Birch", "chairwoman"),
        ("Present: Cllr Ann Ash (In the Chair), Cllr Bo Birch", "In the Chair"),
        ("Present:\nCllr Ann Ash (Chairperson)\nCllr Bo Birch", "Chairperson"),
    ],
)
def test_each_way_of_writing_the_chair_is_kept_and_read_back(line: str, words: str) -> None:
    text = f"Committee: Council\nDate: 12 October 2023\n{line}\n\n1. Apologies\nNone.\n"
    m = read_minutes(text).meeting
    chair = m.attendees[0]
    assert (chair.name, chair.role, chair.note) == ("Ann Ash", Role.CHAIR, words)
    assert attendance_lines(m.attendees)[0] == (
        "Present:",
        f"Councillors Ann Ash ({words}), Bo Birch",
    )
    # Clerk's own text says the same, and reads back to the same meeting.
    assert read_minutes(write_minutes(m)).meeting == m


def test_words_for_another_role_stay_a_note() -> None:
    # A member noted "Chairman" (the role changed by hand) prints the note as a note.
    member = Attendee("Ann Ash", Role.MEMBER, note="Chairman")
    chair = Attendee("Bo Birch", Role.CHAIR, note="left at 8 pm")
    assert attendance_lines([chair, member]) == [
        ("Present:", "Councillors Bo Birch (Chair) (left at 8 pm), Ann Ash (Chairman)")
    ]
