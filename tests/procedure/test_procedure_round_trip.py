"""Round trip of the formal record: generated meetings with declarations of interest,
motions (counted and named votes, amendments), arrivals and departures, item times and the
exclusion of the press and public, under
bodies numbering their minutes, written to plain text and read back (and, through a real
database, exported and imported into a fresh one) give the same data."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.core.procedure.declarations import KNOWN_KINDS, Conduct, Declaration
from clerk_app.core.procedure.motions import Counts, Motion, NamedVote, Outcome, Vote
from clerk_app.core.procedure.movements import Movement, MovementKind
from clerk_app.core.procedure.references import minute_references
from clerk_app.minutes_text.importer import read_minutes
from clerk_app.minutes_text.writer import write_minutes
from clerk_app.services import bodies, meetings
from clerk_app.services.exporting import export_minutes
from clerk_app.services.importing import import_minutes
from clerk_app.store.database import open_database
from tests.minutes_text.test_text_roundtrip import LINE, NAME
from tests.minutes_text.test_text_roundtrip import meetings as plain_meetings

FIELD = LINE.filter(lambda text: ";" not in text)
NATURE = LINE.filter(lambda text: text.lower() != "sensitive")


@st.composite
def declarations(draw: st.DrawFn) -> Declaration:
    sensitive = draw(st.booleans())
    return Declaration(
        member=draw(st.one_of(NAME, FIELD).filter(lambda text: ";" not in text)),
        kind=draw(st.one_of(st.sampled_from(KNOWN_KINDS), FIELD)),
        nature="" if sensitive else draw(st.one_of(st.just(""), NATURE)),
        sensitive=sensitive,
        conduct=draw(st.sampled_from(list(Conduct))),
    )


PERSON = st.one_of(st.just(""), NAME, FIELD).filter(lambda text: ";" not in text)
MOVEMENT = st.builds(
    Movement,
    st.one_of(NAME, FIELD).filter(lambda text: ";" not in text),
    st.sampled_from(list(MovementKind)),
    st.none() | st.times(),
)
COUNTS = st.builds(Counts, st.integers(0, 60), st.integers(0, 60), st.integers(0, 60))


@st.composite
def motions(draw: st.DrawFn) -> list[Motion]:
    out: list[Motion] = []
    for position in range(draw(st.integers(0, 3))):
        named = draw(
            st.lists(
                st.builds(
                    NamedVote,
                    st.one_of(NAME, FIELD).filter(lambda t: ";" not in t),
                    st.sampled_from(list(Vote)),
                ),  # fmt: skip
                max_size=4,
            )
        )
        out.append(
            Motion(
                text=draw(st.one_of(st.just(""), LINE)),
                mover=draw(PERSON),
                seconder=draw(PERSON),
                amends=draw(st.none() | st.integers(0, position - 1)) if position else None,
                counts=None if named else draw(st.none() | COUNTS),
                named=named,
                casting=draw(st.sampled_from([None, Vote.FOR, Vote.AGAINST])),
                declared_outcome=draw(st.none() | st.sampled_from(list(Outcome))),
            )
        )
    return out


@st.composite
def declared_meetings(draw: st.DrawFn) -> Meeting:
    meeting = draw(plain_meetings())
    for item in meeting.items:
        item.declarations = draw(st.lists(declarations(), max_size=3))
        item.motions = draw(motions())
        item.movements = draw(st.lists(MOVEMENT, max_size=3))
        item.taken_at = draw(st.none() | st.times())
        item.exclusion = draw(st.one_of(st.just(""), LINE))
        item.readmitted = draw(st.booleans())
    return meeting


@given(declared_meetings())
def test_the_formal_record_is_written_and_read_back_unchanged(meeting: Meeting) -> None:
    assert read_minutes(write_minutes(meeting)).meeting == meeting


PATTERNS = st.sampled_from(["{n}", "{yy}/{n}", "C{n:3}/{yy}", "PLA{n}/{yy}", "DSFRA/{n}"])
TITLES = st.sampled_from(["Apologies", "Minutes", "Allotment rents", "Footpaths", "Budget"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pattern=PATTERNS,
    mode=st.sampled_from(["per meeting", "continuous"]),
    month=st.integers(1, 12),
    sizes=st.lists(st.integers(1, 4), min_size=1, max_size=3),
    declared=st.lists(st.lists(declarations(), max_size=2), min_size=12, max_size=12),
    moved=st.lists(motions(), min_size=12, max_size=12),
    movements=st.lists(st.lists(MOVEMENT, max_size=2), min_size=12, max_size=12),
    start=st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
)
def test_a_body_s_meetings_survive_export_and_import_into_a_fresh_database(
    pattern: str,
    mode: str,
    month: int,
    sizes: list[int],
    declared: list[list[Declaration]],
    moved: list[list[Motion]],
    movements: list[list[Movement]],
    start: dt.date,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        db = open_database(here / "council.db")
        fresh = open_database(here / "fresh.db")
        try:
            bodies.set_up_body(
                db, "Parish Council", numbering=mode, pattern=pattern, year_start_month=month
            )
            pool = iter(declared)
            motion_pool = iter(moved)
            movement_pool = iter(movements)
            for index, size in enumerate(sizes):
                items = [
                    AgendaItem(
                        f"Item {index}-{n}",
                        points=[Point("Noted.")],
                        declarations=next(pool),
                        motions=next(motion_pool),
                        movements=next(movement_pool),
                    )
                    for n in range(size)
                ]
                day = start + dt.timedelta(days=40 * index)
                meeting = Meeting(committee="Parish Council", date=day, items=items)
                meetings.create_meeting(db, meeting)
                original = meetings.load_meeting(db, meeting.id or 0)
                txt = export_minutes(db, meeting.id or 0, here / f"{index}.txt", confidential=True)
                imported = import_minutes(fresh, txt.path)
                copy = meetings.load_meeting(fresh, imported.meeting_id)
                # The references as printed become the copy's typed references.
                assert [i.number for i in copy.items] == minute_references(original)
                assert minute_references(copy) == minute_references(original)
                assert [i.declarations for i in copy.items] == [
                    i.declarations for i in original.items
                ]
                assert [i.title for i in copy.items] == [i.title for i in original.items]
                assert [i.motions for i in copy.items] == [i.motions for i in original.items]
                assert [i.movements for i in copy.items] == [i.movements for i in original.items]
        finally:
            db.close()
            fresh.close()
