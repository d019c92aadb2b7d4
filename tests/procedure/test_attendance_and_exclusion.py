"""Attendance over time (arrivals, departures, withdrawals, quorum item by item), the six-month
rule across meetings, and the exclusion and readmission of the press and public: through the
one change path, a real database, every export read back, plain text and the command line."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import docx

from clerk_app.cli import main
from clerk_app.core.changes import Change, SetDeclarations, SetMovements, UpdateItem
from clerk_app.core.model import AgendaItem, Attendee, Meeting, Point, Presence, Role
from clerk_app.core.procedure.declarations import Declaration
from clerk_app.core.procedure.exclusion_changes import exclusion_changes, readmission_changes
from clerk_app.core.procedure.movements import Movement, MovementKind
from clerk_app.core.procedure.presence import present_at_items, quorum_at_items, quorum_warnings
from clerk_app.core.procedure.references import with_references
from clerk_app.services import bodies, meetings
from clerk_app.services.editing import apply_changes
from clerk_app.services.exporting import export_minutes
from clerk_app.services.importing import import_minutes
from clerk_app.store.database import Database, open_database
from tests.export.readers import find_in_order, flowing, pdftotext, squash

CHAIR, AMARA, BRYN, CERYS, DEV, ELIN, FERGUS = (
    f"Councillor {n}"
    for n in (
        "Gwen Price",
        "Amara Okafor",
        "Bryn Jones",
        "Cerys Lloyd",
        "Dev Patel",
        "Elin Rhys",
        "Fergus Doyle",
    )  # fmt: skip
)
ARRIVED = dt.time(19, 42)
LEFT = dt.time(20, 10)


def _meeting(db: Database) -> Meeting:
    body = bodies.set_up_body(db, "Resources Committee", numbering="per meeting", quorum="3")
    for name in (CHAIR, AMARA, BRYN, CERYS, DEV, ELIN, FERGUS):
        bodies.add_member(db, body.name, name, role="chair" if name == CHAIR else "member")
    meeting = Meeting(
        committee="Resources Committee",
        date=dt.date(2024, 11, 5),
        start_time=dt.time(19, 0),
        attendees=[
            Attendee(CHAIR, Role.CHAIR),
            Attendee(AMARA),
            Attendee(BRYN),
            Attendee(CERYS, presence=Presence.APOLOGIES),
            Attendee(DEV, presence=Presence.APOLOGIES),
            Attendee(ELIN, presence=Presence.APOLOGIES),
            Attendee("Ms Hana Ito", Role.OFFICER, job_title="Finance Manager"),
        ],
        items=[
            AgendaItem(t, points=[Point("Discussed.")])
            for t in (
                "Apologies",
                "Minutes",
                "Fees and charges",
                "Treasury report",
                "Depot lease",
                "Staffing restructure",
                "Forward plan",
            )
        ],  # fmt: skip
    )
    meetings.create_meeting(db, meeting)
    return meetings.load_meeting(db, meeting.id or 0)


def _record(db: Database, meeting: Meeting) -> None:
    fees, treasury, depot, staffing, plan = meeting.items[2:7]
    changes: list[Change] = [
        UpdateItem(fees, {"taken_at": dt.time(19, 20)}),
        SetMovements(fees, [Movement(FERGUS, MovementKind.ARRIVED, ARRIVED)]),
        SetDeclarations(treasury, [Declaration(AMARA, nature="employed by the bank")]),
        SetMovements(treasury, [Movement(BRYN, MovementKind.LEFT, LEFT)]),
        SetMovements(depot, [Movement(BRYN, MovementKind.ARRIVED)]),
    ]
    apply_changes(db, meeting, changes)
    body = bodies.get_body(db, "Resources Committee")
    apply_changes(db, meeting, readmission_changes(plan))
    apply_changes(db, meeting, exclusion_changes(meeting, treasury, body, "3"))
    assert [i.exempt for i in meeting.items] == [False] * 4 + [True, True, False]
    assert staffing.exempt_paragraph == "3"


def test_who_is_present_and_quorum_item_by_item(db: Database) -> None:
    meeting = _meeting(db)
    _record(db, meeting)
    meeting = meetings.load_meeting(db, meeting.id or 0)
    present = present_at_items(meeting)
    assert present[1] == [CHAIR, AMARA, BRYN]
    assert present[2] == [CHAIR, AMARA, BRYN, FERGUS]  # Fergus arrived during item 3
    assert present[3] == [CHAIR, FERGUS]  # Bryn left; Amara withdrew for her interest
    assert present[4] == [CHAIR, AMARA, BRYN, FERGUS]  # both back
    states = quorum_at_items(meeting, bodies.get_body(db, "Resources Committee").quorum, 7)
    assert [s.quorate for s in states] == [True, True, True, False, True, True, True]
    assert quorum_warnings(meeting, bodies.get_body(db, "Resources Committee").quorum, 7) == [
        "quorum lost at 'Treasury report': 2 of 3 needed",
        "quorum regained at 'Depot lease'",
    ]


def test_the_exports_say_it_in_the_councils_words(db: Database, tmp_path: Path) -> None:
    meeting = _meeting(db)
    _record(db, meeting)
    wanted = [
        "3.",
        "Fees and charges",
        f"{FERGUS} arrived at 7.42 pm during item 3.",
        "4.",
        "Treasury report",
        f"{BRYN} left the meeting at 8.10 pm during item 4 and took no part in the vote.",
        f"{AMARA} declared a disclosable pecuniary interest (employed by the bank) and left the"
        " room during consideration of this item.",
        "RESOLVED: That under section 100A(4) of the Local Government Act 1972 the press and"
        " public be excluded from the meeting for the following item(s) of business on the"
        " grounds that it involves the likely disclosure of exempt information as defined in"
        " paragraph 3 of Part 1 of Schedule 12A to the Act.",
        "Depot lease",
        "This item was considered in private",
        "Staffing restructure",
        "This item was considered in private",
        "Forward plan",
        "The press and public were readmitted to the meeting.",
    ]
    path = export_minutes(db, meeting.id or 0, tmp_path / "m.docx").path
    text = squash(" ".join(p.text for p in docx.Document(str(path)).paragraphs))
    find_in_order(text, wanted)
    assert "arrived during item 5" not in text  # what happened in private stays private
    pdf = squash(flowing(pdftotext(export_minutes(db, meeting.id or 0, tmp_path / "m.pdf").path)))
    find_in_order(pdf, wanted)

    # Plain text keeps every fact, and a fresh database gets them all back.
    txt = export_minutes(db, meeting.id or 0, tmp_path / "m.txt", confidential=True).path
    written = txt.read_text(encoding="utf-8")
    lines = ["TAKEN: 7.20 pm", f"ARRIVED: {FERGUS}; 7.42 pm", f"LEFT: {BRYN}; 8.10 pm"]
    lines += ["EXCLUDED: That under section 100A(4)", f"ARRIVED: {BRYN}", "READMITTED: the"]
    find_in_order(written, lines)
    fresh = open_database(tmp_path / "fresh.db")
    try:
        imported = import_minutes(fresh, txt)
        assert imported.warnings == []
        copy = meetings.load_meeting(fresh, imported.meeting_id)
        # The references as printed are the copy's typed ones: compare like with like.
        original = with_references(meetings.load_meeting(db, meeting.id or 0))
        assert copy.items == original.items
        # The text drops "Councillor" from the attendance list; the same members are present.
        assert [len(p) for p in present_at_items(copy)] == [3, 3, 4, 2, 4, 4, 4]
        assert [len(p) for p in present_at_items(original)] == [3, 3, 4, 2, 4, 4, 4]
    finally:
        fresh.close()


def _run(path: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(["--db", str(path), *args], out=out, err=err), out.getvalue(), err.getvalue()


def test_the_six_month_rule_across_meetings(db: Database, db_path: Path) -> None:
    meeting = _meeting(db)
    _record(db, meeting)
    later = Meeting(
        committee="Resources Committee",
        date=dt.date(2025, 3, 4),
        attendees=[
            Attendee(CHAIR, Role.CHAIR),
            Attendee(AMARA),
            Attendee(CERYS),
            Attendee(DEV, presence=Presence.APOLOGIES),
        ],  # fmt: skip
    )
    meetings.create_meeting(db, later)
    db.close()

    code, out, err = _run(db_path, "attendance", "--json", "--on", "2025-05-20")
    assert code == 0
    rows = {r["member"]: r for r in json.loads(out)}
    assert rows[CHAIR]["attended"] == 2 and rows[CHAIR]["warning"] is None
    assert rows[FERGUS] == {
        "member": FERGUS,
        "meetings": 1,
        "attended": 1,
        "apologies": 0,
        "last_attended": "2024-11-05",
        "warning": f"{FERGUS} last attended 2024-11-05: six months passed on 2025-05-05"
        " (s85 LGA 1972)",
    }
    # Dev sent apologies twice and attended nothing: the six months run from his first listing.
    assert rows[DEV]["attended"] == 0 and rows[DEV]["apologies"] == 2
    assert "has attended no meeting since 2024-11-05" in rows[DEV]["warning"]
    assert "Ms Hana Ito" not in rows  # officers are not members
    assert f"warning: {FERGUS} last attended 2024-11-05" in err

    code, out, err = _run(db_path, "attendance", "--member", "bryn", "--on", "2025-04-10")
    assert code == 0
    assert out == f"{BRYN}: attended 1 of 1, apologies 0, last attended 2024-11-05\n"
    assert "six months are up on 2025-05-05" in err  # within thirty days: a warning ahead

    code, out, err = _run(db_path, "attendance", "--since", "2025-01-01", "--on", "2025-03-05")
    assert code == 0 and BRYN not in out and f"{CERYS}: attended 1 of 1" in out
    code, _, err = _run(db_path, "attendance", "--since", "someday")
    assert code == 2 and err.count("\n") == 1 and "bad date" in err
