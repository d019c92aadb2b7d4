"""Tables in Word minutes are read wherever they sit: an attendance table after the first
heading, an action table inside an item (after its resolution) or at the end naming each
action's minute, a recorded vote; documents written here with python-docx, with list
definitions and heading styles of their own, imported into a real database and read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from clerk_app.core.model import Meeting, Presence, Role
from clerk_app.core.procedure.motions import NamedVote, Outcome, Vote, outcome
from clerk_app.services import meetings
from clerk_app.services.database import Database
from clerk_app.services.importing import import_minutes


def _list(document: Any, num_id: int, fmt: str, text: str, start: int) -> None:
    """A one-level list definition ("%1." from ``start``) and its w:num."""
    part = document.part.numbering_part.element
    part.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}"><w:lvl w:ilvl="0">'
            f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            "</w:lvl></w:abstractNum>"
        )
    )
    part.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'
        )
    )
    # Word wants every abstractNum before the first num: move ours up.
    first_num = part.find(parse_xml(f'<w:num {nsdecls("w")} w:numId="0"/>').tag)
    for abstract in part.findall(parse_xml(f"<w:abstractNum {nsdecls('w')}/>").tag):
        if first_num is not None and part.index(abstract) > part.index(first_num):
            first_num.addprevious(abstract)


def _heading(document: Any, text: str, num_id: int) -> None:
    paragraph = document.add_paragraph(text, style="Heading 2")
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def _table(document: Any, rows: list[tuple[str, ...]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text


def _elmbridge(path: Path) -> None:
    document = docx.Document()
    _list(document, 71, "decimal", "%1.", 114)  # minutes numbered on from the last meeting
    document.add_paragraph("Elmbridge Parish Council", style="Title")
    document.add_paragraph("Minutes of the Parish Council meeting held on Thursday 4 May 2023")
    _heading(document, "Attendance and apologies", 71)
    _table(
        document,
        [
            ("Present", "Apologies", "In attendance"),
            ("Cllr Gil Gray (Chairman)", "Cllr Ivy Hale", "Mrs Jo Kemp (Clerk)"),
            ("Cllr Hal Hunt", "", ""),
        ],
    )
    _heading(document, "Highways", 71)
    document.add_paragraph("The verge on Mill Road has been cut.")
    document.add_paragraph("RESOLVED that the county be asked to repaint the lines.")
    _table(
        document,
        [("Agreed action", "Who", "Due date"), ("Write to the county", "Clerk", "1 June 2023")],
    )
    _heading(document, "Precept", 71)
    document.add_paragraph(
        "It was moved by Cllr Hunt, seconded by Cllr Gray, that the precept be £9,000."
    )
    _table(document, [("Member", "Vote"), ("Cllr Gil Gray", "For"), ("Cllr Hal Hunt", "For")])
    document.add_paragraph("RESOLVED that the precept be £9,000.")
    document.add_paragraph("Action list", style="Heading 1")
    _table(
        document,
        [
            ("Minute", "Action", "Owner", "Deadline"),
            ("115", "Chase the county about the lines", "Cllr Hunt", "15 June 2023"),
            ("116.", "Send the precept form", "Clerk", "31 May 2023"),
        ],
    )
    document.save(str(path))


def _stored(db: Database, path: Path) -> tuple[Meeting, list[str]]:
    imported = import_minutes(db, path)
    return meetings.load_meeting(db, imported.meeting_id), imported.warnings


def test_an_attendance_table_after_the_first_heading_is_the_attendance(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "elmbridge.docx"
    _elmbridge(path)
    m, _ = _stored(db, path)
    assert (m.council, m.date) == ("Elmbridge Parish Council", dt.date(2023, 5, 4))
    assert [(a.name, a.role, a.presence, a.job_title, a.note) for a in m.attendees] == [
        ("Gil Gray", Role.CHAIR, Presence.PRESENT, "", "Chairman"),
        ("Hal Hunt", Role.MEMBER, Presence.PRESENT, "", ""),
        ("Ivy Hale", Role.MEMBER, Presence.APOLOGIES, "", ""),
        ("Mrs Jo Kemp", Role.OFFICER, Presence.PRESENT, "Clerk", ""),
    ]
    assert [(i.number, i.title) for i in m.items] == [
        ("114", "Attendance and apologies"),
        ("115", "Highways"),
        ("116", "Precept"),
    ]  # the "Action list" heading had nothing but the table, whose rows are in their items
    assert m.items[0].intro == "" and m.items[0].points == []


def test_action_tables_inside_an_item_and_at_the_end_go_to_their_items(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "elmbridge.docx"
    _elmbridge(path)
    m, warnings = _stored(db, path)
    highways, precept = m.items[1], m.items[2]
    # The table after the resolution: a point of its item, not the decision's text.
    assert highways.decisions[0].preamble == "that the county be asked to repaint the lines."
    owned = [(p.text.split(" (")[0], p.action.owners, p.action.due) for p in highways.points]
    assert owned == [
        ("Write to the county", ("Clerk",), dt.date(2023, 6, 1)),
        ("Chase the county about the lines", ("Cllr Hunt",), dt.date(2023, 6, 15)),
    ]
    assert highways.intro == "The verge on Mill Road has been cut."
    assert [(p.text.split(" (")[0], p.action.owners) for p in precept.points] == [
        ("Send the precept form", ("Clerk",))
    ]
    assert warnings == []


def test_a_recorded_vote_table_is_the_motions_named_vote(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "elmbridge.docx"
    _elmbridge(path)
    m, _ = _stored(db, path)
    (motion,) = m.items[2].motions
    assert (motion.mover, motion.seconder) == ("Cllr Hunt", "Cllr Gray")
    assert motion.named == [
        NamedVote("Cllr Gil Gray", Vote.FOR),
        NamedVote("Cllr Hal Hunt", Vote.FOR),
    ]
    assert outcome(motion) is Outcome.CARRIED


def test_a_table_of_people_by_row_with_a_status_column(db: Database, tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Minutes of the Oakley Town Council meeting held on 6 June 2023")
    document.add_paragraph("1. Attendance", style="Heading 1")
    _table(
        document,
        [
            ("Name", "Position", "Status"),
            ("Cllr Kit Lowe", "Vice-Chairman", "Present"),
            ("Cllr Max Moss", "", "Apologies"),
            ("Cllr Ned North", "", "Present"),
        ],
    )
    document.add_paragraph("2. Grants", style="Heading 1")
    _table(document, [("Name", "Amount"), ("Oakley Scouts", "£200")])  # not attendance
    path = tmp_path / "oakley.docx"
    document.save(str(path))
    m, _ = _stored(db, path)
    assert [(a.name, a.role, a.presence, a.note) for a in m.attendees] == [
        ("Kit Lowe", Role.VICE_CHAIR, Presence.PRESENT, "Vice-Chairman"),
        ("Ned North", Role.MEMBER, Presence.PRESENT, ""),
        ("Max Moss", Role.MEMBER, Presence.APOLOGIES, ""),
    ]
    assert m.items[1].intro == "Name | Amount\nOakley Scouts | £200"
