"""A meeting from its published agenda (.docx and .pdf): items, numbers, titles, pack pages,
standing items and recommendations as draft resolutions, stored and read back."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
import typst

from clerk_app.cli import main
from clerk_app.core.model import DecisionKind, Meeting, Numbering
from clerk_app.importing.agenda import DRAFT_MARK
from clerk_app.services import meetings
from clerk_app.services.database import Database
from clerk_app.services.importing import MinutesFileError, new_meeting_from_agenda

AGENDAS = Path(__file__).parent.parent / "fixtures" / "agendas"


def _lines(name: str) -> list[str]:
    return (AGENDAS / name).read_text(encoding="utf-8").splitlines()


def _as_docx(name: str, path: Path) -> Path:
    document = docx.Document()
    for line in _lines(name):
        document.add_paragraph(line)
    document.save(str(path))
    return path


def _as_pdf(name: str, path: Path) -> Path:
    """The agenda typeset by Typst, one paragraph a line, as a council's PDF would be."""
    body = "\n\n".join(
        line.replace("\\", "\\\\").replace("#", "\\#").replace("*", "\\*").replace("_", "\\_")
        .replace("$", "\\$").replace("@", "\\@").replace("<", "\\<").replace("[", "\\[")
        .replace("]", "\\]")
        for line in _lines(name)
    )  # fmt: skip
    source = path.with_suffix(".typ")
    source.write_text(f"#set page(width: 30cm)\n#set par(justify: false)\n{body}\n")
    typst.compile(str(source), output=str(path))
    return path


def _check_district(m: Meeting) -> None:
    assert (m.council, m.committee) == ("Ridgeway District Council", "Planning Committee")
    assert (m.date, m.start_time) == (dt.date(2025, 5, 6), dt.time(18, 30))
    assert [(i.number, i.title, i.pages) for i in m.items] == [
        ("1", "Apologies for Absence", ""),
        ("2", "Declarations of Interest", ""),
        ("3", "Minutes of the Previous Meeting", "5-12"),
        ("4", "Land at Mill Lane, Upton", "53-114"),
        ("5", "Planning Appeals Update", "115-120"),
    ]
    land = m.items[3]
    assert land.intro == "Report of the Head of Planning"
    [draft] = land.decisions
    assert draft.kind is DecisionKind.RESOLVED
    assert draft.preamble == f"{DRAFT_MARK}\nThat planning permission be granted subject to:"
    assert draft.numbering is Numbering.PAREN_LETTER
    assert draft.resolutions == [
        "the conditions set out in the report; and",
        "a legal agreement securing affordable housing.",
    ]
    assert m.items[4].decisions[0].preamble == f"{DRAFT_MARK}\nthat the update be noted."
    assert all(not item.decisions for item in m.items[:3])  # standing items: nothing drafted


@pytest.mark.parametrize("make", [_as_docx, _as_pdf], ids=["docx", "pdf"])
def test_modern_gov_front_sheet(db: Database, tmp_path: Path, make: object) -> None:
    suffix = ".docx" if make is _as_docx else ".pdf"
    path = make("district-planning-front-sheet.txt", tmp_path / f"agenda{suffix}")  # type: ignore[operator]
    made = new_meeting_from_agenda(db, path)
    assert made.warnings == []
    _check_district(meetings.load_meeting(db, made.meeting_id))


@pytest.mark.parametrize("make", [_as_docx, _as_pdf], ids=["docx", "pdf"])
def test_parish_agenda(db: Database, tmp_path: Path, make: object) -> None:
    suffix = ".docx" if make is _as_docx else ".pdf"
    path = make("parish-agenda.txt", tmp_path / f"parish{suffix}")  # type: ignore[operator]
    m = meetings.load_meeting(db, new_meeting_from_agenda(db, path).meeting_id)
    # The summons sentence gives the date and time; the council is the body that meets.
    assert (m.date, m.start_time) == (dt.date(2025, 5, 7), dt.time(19, 30))
    assert (m.council, m.committee) == ("ASHCOMBE PARISH COUNCIL", "ASHCOMBE PARISH COUNCIL")
    assert [(i.number, i.title) for i in m.items] == [
        ("1", "Apologies"),
        ("2", "Declarations of interest"),
        ("3", "Minutes of the meeting held on 2 April 2025"),
        ("4", "Highways"),
        ("5", "Finance"),
        ("6", "Date of next meeting"),
    ]
    assert [p.text for p in m.items[3].points] == ["Footpath by the church", "Bus shelter repairs"]
    [draft] = m.items[4].decisions
    assert draft.preamble == f"{DRAFT_MARK}\nthat the payments list be approved."


def test_cli_new_from_agenda_with_committee(tmp_path: Path) -> None:
    path = _as_docx("parish-agenda.txt", tmp_path / "parish.docx")
    out, err = io.StringIO(), io.StringIO()
    db_path = tmp_path / "m.db"
    args = ["--db", str(db_path), "new-from-agenda", str(path), "--committee", "Full Council"]
    assert main(args, out=out, err=err) == 0, err.getvalue()
    listing = io.StringIO()
    assert main(["--db", str(db_path), "list"], out=listing, err=err) == 0
    assert "Full Council" in listing.getvalue()


def test_cli_refuses_an_agenda_it_cannot_read_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "agenda.txt"
    path.write_text("1. Apologies\n", encoding="utf-8")
    err = io.StringIO()
    code = main(["--db", str(tmp_path / "m.db"), "new-from-agenda", str(path)], err=err)
    assert code == 2
    assert err.getvalue().count("\n") == 1 and "Word (.docx) or PDF" in err.getvalue()


def test_a_pdf_without_items_is_refused(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    source = tmp_path / "empty.typ"
    source.write_text("Just a letter to residents.\n")
    typst.compile(str(source), output=str(path))
    with pytest.raises(MinutesFileError, match="no numbered agenda item"):
        new_meeting_from_agenda(db, path)
