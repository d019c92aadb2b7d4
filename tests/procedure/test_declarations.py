"""Declarations of interest: made through the one change path, printed at the item and under
"Declarations of interest" in every export, kept out of the public version for exempt items,
listed across meetings by the command line, and carried through the plain-text format."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import docx
import pytest

from clerk_app.cli import main
from clerk_app.core.changes import SetDeclarations
from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.core.procedure.declarations import Conduct, Declaration
from clerk_app.core.structure import StructureError
from clerk_app.services import bodies, meetings
from clerk_app.services.editing import apply_changes
from clerk_app.services.exporting import export_minutes
from clerk_app.services.importing import import_minutes
from clerk_app.store.database import Database, open_database
from tests.export.readers import find_in_order, flowing, pdftotext, squash

ADEYEMI = "Councillor Ngozi Adeyemi"
NOWAK = "Councillor Zofia Nowak"
HART = "Councillor Ellis Hart"


def _meeting(db: Database) -> Meeting:
    bodies.set_up_body(db, "Environment Committee", pattern="{yy}/{n}")
    meeting = Meeting(
        committee="Environment Committee",
        date=dt.date(2024, 10, 8),
        items=[
            AgendaItem("Apologies for absence"),
            AgendaItem("Declarations of interest", intro="The following were declared."),
            AgendaItem("Allotment rents 2025/26", points=[Point("Rents were reviewed.")]),
            AgendaItem("Tree planting grant", points=[Point("The grant was welcomed.")]),
            AgendaItem("Depot lease", exempt=True, exempt_paragraph="3"),
        ],
    )
    meetings.create_meeting(db, meeting)
    return meetings.load_meeting(db, meeting.id or 0)


def _declare(db: Database, meeting: Meeting) -> None:
    rents, trees, depot = meeting.items[2], meeting.items[3], meeting.items[4]
    apply_changes(
        db,
        meeting,
        [
            SetDeclarations(
                rents,
                [
                    Declaration(ADEYEMI, nature="rents an allotment plot; pays the fee"),
                    Declaration(
                        NOWAK,
                        "other registrable",
                        "trustee of the allotment society",
                        conduct=Conduct.REMAINED,
                    ),  # fmt: skip
                ],
            ),
            SetDeclarations(
                trees,
                [
                    Declaration(
                        HART, "non-registrable", sensitive=True, conduct=Conduct.SPOKE_THEN_WITHDREW
                    )
                ],  # fmt: skip
            ),
            SetDeclarations(depot, [Declaration(NOWAK, nature="owns the neighbouring yard")]),
        ],
    )


def test_declarations_print_at_the_item_and_together(db: Database, tmp_path: Path) -> None:
    meeting = _meeting(db)
    _declare(db, meeting)
    again = meetings.load_meeting(db, meeting.id or 0)
    assert again == meeting
    assert [d.member for d in again.items[2].declarations] == [ADEYEMI, NOWAK]
    assert again.items[3].declarations[0].nature == ""  # sensitive: never recorded

    listed = [
        f"{ADEYEMI} declared a disclosable pecuniary interest in minute 24/3 (Allotment rents"
        " 2025/26) (rents an allotment plot; pays the fee) and left the room during its"
        " consideration.",
        f"{NOWAK} declared an other registrable interest in minute 24/3",
        f"{HART} declared a non-registrable interest in minute 24/4 (Tree planting grant) (a"
        " sensitive interest, whose nature is not recorded), spoke as permitted, and then left"
        " the room.",
    ]
    at_item = [
        "24/3",
        f"{ADEYEMI} declared a disclosable pecuniary interest (rents an allotment plot; pays the"
        " fee) and left the room during consideration of this item.",
        f"{NOWAK} declared an other registrable interest (trustee of the allotment society) and"
        " remained in the room.",
        "Rents were reviewed.",
        "24/4",
        f"{HART} declared a non-registrable interest (a sensitive interest, whose nature is not"
        " recorded), spoke as permitted, and then left the room during consideration of this"
        " item.",
    ]
    out = export_minutes(db, meeting.id or 0, tmp_path / "public.docx").path
    text = squash(" ".join(p.text for p in docx.Document(str(out)).paragraphs))
    find_in_order(text, ["Declarations of interest", *listed, *at_item])
    assert "neighbouring yard" not in text  # on an exempt item: not in the public version
    pdf = squash(flowing(pdftotext(export_minutes(db, meeting.id or 0, tmp_path / "p.pdf").path)))
    find_in_order(pdf, ["Declarations of interest", *listed, *at_item])
    assert "neighbouring yard" not in pdf

    secret = export_minutes(db, meeting.id or 0, tmp_path / "c.docx", confidential=True).path
    text = squash(" ".join(p.text for p in docx.Document(str(secret)).paragraphs))
    find_in_order(text, [f"{NOWAK} declared a disclosable pecuniary interest in minute 24/5"])


def test_a_declaration_by_nobody_is_refused_and_nothing_is_written(db: Database) -> None:
    meeting = _meeting(db)
    with pytest.raises(StructureError, match="needs the member"):
        apply_changes(db, meeting, [SetDeclarations(meeting.items[2], [Declaration("  ")])])
    assert meeting.items[2].declarations == []
    assert meetings.load_meeting(db, meeting.id or 0).items[2].declarations == []


def test_undo_puts_the_declarations_back(db: Database) -> None:
    meeting = _meeting(db)
    _declare(db, meeting)
    before = list(meeting.items[2].declarations)
    applied = apply_changes(db, meeting, [SetDeclarations(meeting.items[2], [])])
    assert meetings.load_meeting(db, meeting.id or 0).items[2].declarations == []
    apply_changes(db, meeting, applied.undo)
    assert meetings.load_meeting(db, meeting.id or 0).items[2].declarations == before


def test_plain_text_carries_declarations_into_a_fresh_database(
    db: Database, tmp_path: Path
) -> None:
    meeting = _meeting(db)
    _declare(db, meeting)
    txt = export_minutes(db, meeting.id or 0, tmp_path / "m.txt", confidential=True).path
    written = txt.read_text(encoding="utf-8")
    assert f"DECLARED: {HART}; non-registrable; spoke then withdrew; sensitive" in written
    fresh = open_database(tmp_path / "fresh.db")
    try:
        imported = import_minutes(fresh, txt)
        assert imported.warnings == []
        copy = meetings.load_meeting(fresh, imported.meeting_id)
        assert [i.declarations for i in copy.items] == [i.declarations for i in meeting.items]
        assert [i.number for i in copy.items] == ["24/1", "24/2", "24/3", "24/4", "24/5"]
    finally:
        fresh.close()


def test_a_malformed_declaration_line_is_kept_as_text_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "m.txt"
    path.write_text(
        "Committee: Environment Committee\nDate: 8 October 2024\n\n1.\tRents\n\n"
        "DECLARED: Councillor Ngozi Adeyemi; disclosable pecuniary; walked out\n",
        encoding="utf-8",
    )
    db = open_database(tmp_path / "x.db")
    try:
        imported = import_minutes(db, path)
        assert any("walked out" in w for w in imported.warnings)
        item = meetings.load_meeting(db, imported.meeting_id).items[0]
        assert item.declarations == [] and "walked out" in item.intro
    finally:
        db.close()


def test_the_register_across_meetings(db: Database, db_path: Path) -> None:
    _declare(db, _meeting(db))
    later = Meeting(
        committee="Environment Committee",
        date=dt.date(2024, 11, 12),
        items=[AgendaItem("Allotment rents", declarations=[Declaration(ADEYEMI)])],
    )
    meetings.create_meeting(db, later)
    db.close()

    def run(*args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        return main(["--db", str(db_path), *args], out=out, err=err), out.getvalue(), err.getvalue()

    code, out, err = run("declarations", "--member", "adeyemi", "--json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert [(r["meeting_date"], r["item_title"], r["kind"]) for r in rows] == [
        ("2024-10-08", "Allotment rents 2025/26", "disclosable pecuniary"),
        ("2024-11-12", "Allotment rents", "disclosable pecuniary"),
    ]
    code, out, _ = run("declarations")
    assert code == 0
    assert "Tree planting grant: Councillor Ellis Hart, non-registrable (sensitive)" in out
    assert "neighbouring yard" not in out  # exempt: only with --confidential
    code, out, _ = run("declarations", "--confidential", "--member", "Nowak")
    assert "neighbouring yard" in out
    code, out, err = run("declarations", "--member", "Nobody")
    assert code == 0 and out == "" and "no declarations" in err
