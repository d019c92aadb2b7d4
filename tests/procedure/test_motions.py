"""Motions, amendments and votes: outcomes computed (the chair's casting vote on a tie), the
council's wording, a 51-member named vote as a table with header cells in every export, and
warnings for a mover or voter who declared an interest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from clerk_app.core.changes import SetDeclarations, SetMotions
from clerk_app.core.model import AgendaItem, Meeting
from clerk_app.core.procedure.declarations import Conduct, Declaration
from clerk_app.core.procedure.motion_flags import meeting_motion_warnings, motion_warnings
from clerk_app.core.procedure.motion_wording import record
from clerk_app.core.procedure.motions import Counts, Motion, NamedVote, Outcome, Vote, outcome
from clerk_app.core.procedure.movements import Movement, MovementKind
from clerk_app.core.structure import StructureError
from clerk_app.services import meetings
from clerk_app.services.editing import apply_changes
from clerk_app.services.exporting import export_minutes
from clerk_app.services.importing import import_minutes
from clerk_app.store.database import Database, open_database
from tests.export.readers import find_in_order, flowing, pdftotext, squash

A, B, C, D = (f"Councillor {n}" for n in ("Amara Okafor", "Bryn Jones", "Cerys Lloyd", "Dev Patel"))
MEMBERS = [f"Councillor Member {n:02d}" for n in range(1, 52)]


def test_outcomes_from_counts_named_votes_and_the_casting_vote() -> None:
    assert outcome(Motion("x", counts=Counts(5, 2, 1))) is Outcome.CARRIED
    assert outcome(Motion("x", counts=Counts(2, 5, 0))) is Outcome.LOST
    assert outcome(Motion("x", counts=Counts(4, 4, 0))) is Outcome.LOST  # a tie falls
    assert outcome(Motion("x", counts=Counts(4, 4, 0), casting=Vote.FOR)) is Outcome.CARRIED
    named = [NamedVote(A, Vote.FOR), NamedVote(B, Vote.AGAINST), NamedVote(C, Vote.FOR)]
    assert outcome(Motion("x", named=named)) is Outcome.CARRIED
    assert outcome(Motion("x")) is Outcome.CARRIED  # by assent
    assert outcome(Motion("x", declared_outcome=Outcome.WITHDRAWN)) is Outcome.WITHDRAWN


def test_the_wording_is_the_councils() -> None:
    carried = Motion("That allotment rents rise by 3%.", A, B, counts=Counts(7, 2, 1))
    assert record(carried) == (
        f"It was moved by {A}, seconded by {B}, and RESOLVED that allotment rents rise by 3%."
        " (For 7, Against 2, Abstentions 1)"
    )
    amendment = Motion('That "3%" be replaced by "2%"', C, D, amends=0, counts=Counts(4, 4, 0),
                       casting=Vote.AGAINST)  # fmt: skip
    assert record(amendment) == (
        f'An amendment was moved by {C}, seconded by {D}, that "3%" be replaced by "2%". On'
        " being put to the vote the amendment was LOST on the Chair's casting vote."
        " (For 4, Against 4, Abstentions 0)"
    )
    lost = Motion("That the depot be sold", A, counts=Counts(1, 9, 0))
    assert record(lost) == (
        f"It was moved by {A} that the depot be sold. On being put to the vote the motion was"
        " LOST. (For 1, Against 9, Abstentions 0)"
    )


def test_bad_motions_are_refused() -> None:
    from clerk_app.core.procedure.motions import check_motions

    with pytest.raises(ValueError, match="follow the motion"):
        check_motions([Motion("x", amends=0)])
    with pytest.raises(ValueError, match="casting"):
        check_motions([Motion("x", casting=Vote.ABSTAIN)])
    with pytest.raises(ValueError, match="negative"):
        check_motions([Motion("x", counts=Counts(-1, 0, 0))])


def test_an_interested_or_absent_member_is_flagged_not_refused() -> None:
    item = AgendaItem(
        "Allotment rents",
        declarations=[
            Declaration(A, nature="rents a plot", conduct=Conduct.REMAINED),
            Declaration(C, "other registrable", conduct=Conduct.WITHDREW),
            Declaration(D, nature="rents a plot", conduct=Conduct.DISPENSATION),
        ],
    )
    motion = Motion(
        "x", mover=A, seconder=B, named=[NamedVote(C, Vote.FOR), NamedVote(D, Vote.FOR)]
    )
    assert motion_warnings(item, motion) == [
        f"{A} declared a disclosable pecuniary interest on this item but moved the motion",
        f"{C} declared an interest and left the room but voted on the motion",
    ]


def _budget(db: Database) -> Meeting:
    meeting = Meeting(
        committee="Full Council",
        date=dt.date(2025, 2, 24),
        items=[AgendaItem("Budget and council tax 2025/26", number="7")],
    )
    meetings.create_meeting(db, meeting)
    return meetings.load_meeting(db, meeting.id or 0)


def _vote_rows() -> list[NamedVote]:
    cycle = [Vote.FOR, Vote.FOR, Vote.AGAINST, Vote.ABSTAIN, Vote.DID_NOT_VOTE]
    return [NamedVote(name, cycle[n % 5]) for n, name in enumerate(MEMBERS)]


def test_a_51_member_named_vote_in_every_export(db: Database, tmp_path: Path) -> None:
    meeting = _budget(db)
    item = meeting.items[0]
    motions = [
        Motion("That the budget be approved", A, B, named=_vote_rows()),
        Motion("That £50,000 move to highways", C, D, amends=0, counts=Counts(20, 25, 2)),
    ]
    apply_changes(db, meeting, [SetMotions(item, motions)])
    again = meetings.load_meeting(db, meeting.id or 0)
    assert again.items[0].motions == motions
    assert len(again.items[0].motions[0].named) == 51

    wording = [
        f"It was moved by {A}, seconded by {B}, and RESOLVED that the budget be approved."
        " (For 21, Against 10, Abstentions 10)",
        f"An amendment was moved by {C}, seconded by {D}, that £50,000 move to highways. On"
        " being put to the vote the amendment was LOST. (For 20, Against 25, Abstentions 2)",
    ]
    path = export_minutes(db, meeting.id or 0, tmp_path / "m.docx").path
    document = docx.Document(str(path))
    find_in_order(squash(" ".join(p.text for p in document.paragraphs)), wording)
    [table] = document.tables
    assert [c.text for c in table.rows[0].cells] == ["Member", "Vote"]
    header = table.rows[0]._tr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}trPr"
    )
    assert header is not None  # the header row repeats on every page
    assert [c.text for c in table.rows[1].cells] == [MEMBERS[0], "For"]
    assert [c.text for c in table.rows[4].cells] == [MEMBERS[3], "Abstain"]
    assert [c.text for c in table.rows[5].cells] == [MEMBERS[4], "Did not vote"]
    assert len(table.rows) == 52

    pdf = squash(flowing(pdftotext(export_minutes(db, meeting.id or 0, tmp_path / "m.pdf").path)))
    find_in_order(pdf, [wording[0], "Member", "Vote", MEMBERS[0], "For", MEMBERS[50]])
    find_in_order(pdf, [MEMBERS[50], wording[1]])

    html = export_minutes(db, meeting.id or 0, tmp_path / "m.html").path.read_text("utf-8")
    assert '<th scope="col">Member</th><th scope="col">Vote</th>' in html
    assert f'<tr><th scope="row">{MEMBERS[2]}</th><td>Against</td></tr>' in html

    # And through plain text into a fresh database.
    txt = export_minutes(db, meeting.id or 0, tmp_path / "m.txt").path
    fresh = open_database(tmp_path / "fresh.db")
    try:
        imported = import_minutes(fresh, txt)
        assert imported.warnings == []
        assert meetings.load_meeting(fresh, imported.meeting_id).items[0].motions == motions
    finally:
        fresh.close()


def test_an_amendment_of_nothing_is_refused_and_nothing_written(db: Database) -> None:
    meeting = _budget(db)
    with pytest.raises(StructureError, match="follow the motion"):
        apply_changes(db, meeting, [SetMotions(meeting.items[0], [Motion("x", amends=0)])])
    assert meetings.load_meeting(db, meeting.id or 0).items[0].motions == []


def test_declaring_and_moving_on_one_item_keeps_both(db: Database) -> None:
    meeting = _budget(db)
    item = meeting.items[0]
    apply_changes(
        db,
        meeting,
        [
            SetDeclarations(item, [Declaration(A, nature="owns a shop in the town centre")]),
            SetMotions(item, [Motion("That the budget be approved", A, B)]),
        ],
    )
    again = meetings.load_meeting(db, meeting.id or 0)
    assert motion_warnings(again.items[0], again.items[0].motions[0]) == [
        f"{A} declared an interest and left the room but moved the motion"
    ]


def test_a_member_who_left_the_meeting_is_flagged_when_named_as_voting() -> None:
    first = AgendaItem("Fees", movements=[Movement(C, MovementKind.LEFT, dt.time(20, 5))])
    second = AgendaItem(
        "Budget",
        motions=[Motion("That the budget be approved", A, B,
                        named=[NamedVote(C, Vote.FOR), NamedVote(D, Vote.AGAINST)])],
    )  # fmt: skip
    third = AgendaItem(
        "Plan",
        movements=[Movement(f"Cllr {C.removeprefix('Councillor ')}", MovementKind.ARRIVED)],
        motions=[Motion("That the plan be noted", C, D)],
    )
    meeting = Meeting("Council", dt.date(2025, 2, 24), items=[first, second, third])
    assert meeting_motion_warnings(meeting) == [
        f"{C} had left the meeting but voted on the motion"
    ]  # back for the third item (named "Cllr ..." there): no warning
