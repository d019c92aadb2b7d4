"""Word (.docx) minutes in: Clerk's own export comes back as the same meeting, and Word files
with other list definitions, heading styles and tables are read as Word renders them."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from clerk_app.cli import main
from clerk_app.core.document import compose
from clerk_app.core.model import Attendee, Meeting, Presence, Role
from clerk_app.core.procedure.motions import Counts, Motion, NamedVote, Outcome, Vote
from clerk_app.export.docx import write_docx
from clerk_app.services import meetings
from clerk_app.services.database import Database
from clerk_app.services.importing import MinutesFileError, import_minutes
from tests.samples import planning_meeting


def _people(attendees: list[Attendee]) -> list[Attendee]:
    # The export prints attendance by line (present, officers, apologies, substitutes), so
    # the order may differ from the order typed; who and how is what must come back.
    return sorted(attendees, key=lambda a: (a.name, a.presence.value))


def test_clerks_own_docx_export_imports_back_to_the_same_meeting(
    db: Database, tmp_path: Path
) -> None:
    original = planning_meeting()
    path = tmp_path / "minutes.docx"
    write_docx(compose(original, confidential=True), path)
    imported = import_minutes(db, path)
    assert imported.warnings == []
    back = meetings.load_meeting(db, imported.meeting_id)
    assert _people(back.attendees) == _people(original.attendees)
    back.attendees = original.attendees
    assert back == original


def test_clerks_own_docx_export_brings_motions_and_votes_back(db: Database, tmp_path: Path) -> None:
    # Each motion's record is the motion, not another decision; the recorded vote's table
    # is its named vote.
    original = planning_meeting()
    original.items[1].motions = [
        Motion("That fees rise by 3%.", "Cllr Ann Ash", "Cllr Bo Birch", counts=Counts(5, 2, 1)),
        Motion(
            'That "3%" be replaced by "2%".',
            "Cllr Cy Cedar",
            "Cllr Di Dunn",
            amends=0,
            named=[NamedVote("Cllr Ann Ash", Vote.FOR), NamedVote("Cllr Di Dunn", Vote.AGAINST)],
        ),
        Motion("That the hall be painted.", "Cllr Ann Ash", declared_outcome=Outcome.WITHDRAWN),
        Motion("That a bench be bought.", "Cllr Ann Ash", "Cllr Bo Birch", counts=Counts(2, 2, 0),
               casting=Vote.AGAINST),
    ]  # fmt: skip
    path = tmp_path / "minutes.docx"
    # The action log appendix is made from the points: it is not read back as an item.
    write_docx(compose(original, confidential=True, action_log=True), path)
    imported = import_minutes(db, path)
    assert imported.warnings == []
    back = meetings.load_meeting(db, imported.meeting_id)
    back.attendees = original.attendees
    assert back == original


def test_the_public_export_imports_exempt_items_as_exempt_stubs(
    db: Database, tmp_path: Path
) -> None:
    original = planning_meeting()
    path = tmp_path / "public.docx"
    write_docx(compose(original), path)
    back = meetings.load_meeting(db, import_minutes(db, path).meeting_id)
    exempt = [item for item in back.items if item.exempt]
    assert [(i.number, i.exempt_paragraph, i.points) for i in exempt] == [("14/25", "1", [])]
    assert back.items[:-1] == original.items[:-1]


# --- Word files written by other hands ---------------------------------------------------------
def _numbering(document: Any, abstract_id: int, levels: list[tuple[str, str]]) -> None:
    """Add a list definition (format, label pattern per level) and a w:num for it."""
    part = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'
    )
    num = parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{abstract_id}">'
        f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    first_num = part.find(num.tag)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        part.append(abstract)
    part.append(num)


def _listed(document: Any, text: str, num_id: int, level: int = 0, style: str = "") -> Any:
    paragraph = document.add_paragraph(text, style=style or None)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return paragraph


def _other_hands_docx(path: Path) -> None:
    """Minutes as another council's Word template writes them: minute numbers and "(a)"
    letters from list definitions (none typed), an attendance table and an action table."""
    document = docx.Document()
    _numbering(document, 41, [("decimal", "%1.")])  # minute headings
    _numbering(document, 42, [("lowerLetter", "(%1)"), ("lowerRoman", "%2)")])  # points
    document.add_paragraph("Upton Town Council", style="Title")
    document.add_paragraph("Minutes of the Finance Committee held on Monday 3 March 2025")
    table = document.add_table(rows=3, cols=2)
    for row, (name, role) in zip(
        table.rows,
        [("Present", "Role"), ("Cllr Ruth Ames", "Chair"), ("Cllr Omar Bell", "")],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = name, role
    _listed(document, "Apologies", 41, style="Heading 1")
    document.add_paragraph("None were received.")
    _listed(document, "Budget", 41, style="Heading 1")
    _listed(document, "The precept was discussed.", 42)
    _listed(document, "Reserves were reviewed.", 42)
    _listed(document, "the general reserve stands at three months.", 42, level=1)
    actions = document.add_table(rows=2, cols=3)
    for row, cells in zip(
        actions.rows,
        [("Action", "Owner", "Date"), ("Send the precept form", "Clerk", "14 March 2025")],
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.save(str(path))


def test_word_minutes_with_other_numbering_definitions(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "upton.docx"
    _other_hands_docx(path)
    imported = import_minutes(db, path)
    m: Meeting = meetings.load_meeting(db, imported.meeting_id)
    assert m.council == "Upton Town Council"
    assert (m.committee, m.date) == ("Finance Committee", dt.date(2025, 3, 3))
    assert [(a.name, a.role, a.presence) for a in m.attendees] == [
        ("Ruth Ames", Role.CHAIR, Presence.PRESENT),
        ("Omar Bell", Role.MEMBER, Presence.PRESENT),
    ]
    # "1." and "2." come from the list definition, not from the text.
    assert [(i.number, i.title) for i in m.items] == [("1", "Apologies"), ("2", "Budget")]
    budget = m.items[1]
    assert [p.text for p in budget.points[:2]] == [
        "The precept was discussed.",
        "Reserves were reviewed.",
    ]
    assert [c.text for c in budget.points[1].children] == [
        "the general reserve stands at three months."
    ]
    action = budget.points[2].action
    assert action is not None
    assert (action.owners, action.due) == (("Clerk",), dt.date(2025, 3, 14))
    assert budget.points[2].text.startswith("Send the precept form")


def test_cli_imports_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "upton.docx"
    _other_hands_docx(path)
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", str(tmp_path / "m.db"), "import", str(path)], out=out, err=err)
    assert code == 0, err.getvalue()
    assert out.getvalue().strip().isdigit()


def test_a_damaged_docx_is_refused_with_one_line(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(MinutesFileError) as caught:
        import_minutes(db, path)
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)
