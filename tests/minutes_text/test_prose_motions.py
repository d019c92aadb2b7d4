"""Motions and votes told in prose become the item's motions when minutes are imported: each
shape from a fixture of its own text, stored through the real migrations and read back; the
text the clerk sees stays where it was placed."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest

from clerk_app.core.changes import SetMotions
from clerk_app.core.model import DecisionKind, Meeting
from clerk_app.core.procedure.motions import Counts, Motion, NamedVote, Outcome, Vote, outcome
from clerk_app.minutes_text.importer import read_minutes
from clerk_app.minutes_text.vote_lines import counts_in
from clerk_app.minutes_text.writer import write_minutes
from clerk_app.services import meetings
from clerk_app.services.database import Database
from clerk_app.services.editing import apply_changes
from clerk_app.services.exporting import export_minutes
from clerk_app.services.importing import import_minutes

HOUSE = Path(__file__).parent.parent / "fixtures" / "text" / "house"


@pytest.fixture
def stored(db: Database) -> Meeting:
    imported = import_minutes(db, HOUSE / "parish-motions.txt")
    assert imported.warnings == []
    return meetings.load_meeting(db, imported.meeting_id)


def by_number(meeting: Meeting, number: str) -> list[Motion]:
    (item,) = [item for item in meeting.items if item.number == number]
    return item.motions


def test_moved_seconded_and_resolved_keeps_the_resolution_as_the_decision(
    stored: Meeting,
) -> None:
    item = stored.items[0]
    (motion,) = item.motions
    assert (motion.mover, motion.seconder) == ("Councillor Birch", "Councillor Cedar")
    assert motion.text == "That the minutes of 9 February 2023 be signed as a true record."
    assert outcome(motion) is Outcome.CARRIED
    # The decision is kept as written: the motion is added, nothing is taken away.
    (decision,) = item.decisions
    assert decision.kind is DecisionKind.RESOLVED
    assert decision.preamble == (
        "It was moved by Councillor Birch, seconded by Councillor Cedar, and RESOLVED – that"
        " the minutes of 9 February 2023 be signed as a true record."
    )


def test_proposed_seconded_carried_with_counts(stored: Meeting) -> None:
    (motion,) = by_number(stored, "202")
    assert (motion.mover, motion.seconder, motion.text) == ("Cllr Dunn", "Cllr Elm", "")
    assert motion.counts == Counts(4, 1, 0)
    assert outcome(motion) is Outcome.CARRIED
    item = stored.items[1]
    assert item.intro == "Three quotations were considered."
    assert item.decisions[0].preamble == (
        "Proposed by Cllr Dunn, Seconded by Cllr Elm. Carried 4 for and 1 against."
    )


def test_votes_on_the_line_after_the_motion(stored: Meeting) -> None:
    (motion,) = by_number(stored, "203")
    assert (motion.mover, motion.seconder) == ("Cllr Cedar", "Cllr Birch")
    assert motion.text == "That the hourly hire rate rise to £18."
    assert motion.counts == Counts(6, 2, 1)
    assert stored.items[2].intro.endswith("6 votes for, 2 against, 1 abstention.")


def test_the_motion_was_lost(stored: Meeting) -> None:
    (motion,) = by_number(stored, "204")
    assert (motion.mover, motion.seconder) == ("Cllr Elm", "Cllr Dunn")
    assert motion.text == "That a skate park be built on the recreation ground."
    assert motion.declared_outcome is Outcome.LOST
    assert outcome(motion) is Outcome.LOST


def test_an_amendment_lost_and_the_substantive_motion_carried(stored: Meeting) -> None:
    motion, amendment = by_number(stored, "205")
    assert (motion.mover, motion.seconder, motion.amends) == ("Cllr Ash", "Cllr Birch", None)
    assert outcome(motion) is Outcome.CARRIED
    assert (amendment.mover, amendment.seconder, amendment.amends) == ("Cllr Dunn", "Cllr Elm", 0)
    assert amendment.text == 'That "5%" be replaced by "2%".'
    assert outcome(amendment) is Outcome.LOST


def test_a_named_recorded_vote_with_dot_leaders_and_totals(stored: Meeting) -> None:
    (motion,) = by_number(stored, "206")
    assert motion.named == [
        NamedVote("Councillor Ash", Vote.FOR),
        NamedVote("Councillor Birch", Vote.FOR),
        NamedVote("Councillor Cedar", Vote.AGAINST),
        NamedVote("Councillor Dunn", Vote.ABSTAIN),
        NamedVote("Councillor Elm", Vote.FOR),
    ]
    assert outcome(motion) is Outcome.CARRIED
    # The vote list stays in the text where the reader placed it.
    assert "Councillor Cedar ........ Against" in stored.items[5].intro


def test_the_chairs_casting_vote(stored: Meeting) -> None:
    (motion,) = by_number(stored, "207")
    assert motion.counts == Counts(2, 2, 0)
    assert motion.casting is Vote.FOR
    assert motion.text == "That the council join the speed watch scheme."
    assert outcome(motion) is Outcome.CARRIED


def test_text_that_states_no_motion_makes_none(stored: Meeting) -> None:
    # "Cllr Dunn proposed a site visit" has no seconder and no wording; "It was resolved
    # that" names nobody; "The clerk moved the noticeboard" is not a motion.
    assert by_number(stored, "208") == []
    (item,) = [item for item in stored.items if item.number == "208"]
    assert item.decisions[0].preamble.startswith("that the correspondence be noted.")


def test_proposed_and_seconded_with_colons_all_in_favour(stored: Meeting) -> None:
    (motion,) = by_number(stored, "209")
    # "Seconded: Cllr Elm. All in favour.": the name ends at the full stop.
    assert (motion.mover, motion.seconder, motion.text) == ("Cllr Ash", "Cllr Elm", "")
    assert motion.declared_outcome is Outcome.CARRIED


def test_a_vote_listed_by_name_after_for_and_against(stored: Meeting) -> None:
    (motion,) = by_number(stored, "210")
    assert (motion.mover, motion.seconder) == ("Councillor Cedar", "Councillor Dunn")
    assert motion.text == "That the county be asked to review parking on Church Lane."
    assert motion.named == [
        NamedVote("Ash", Vote.FOR),
        NamedVote("Cedar", Vote.FOR),
        NamedVote("Dunn", Vote.FOR),
        NamedVote("Birch", Vote.AGAINST),
    ]
    assert outcome(motion) is Outcome.CARRIED


@pytest.mark.parametrize(
    ("line", "mover", "seconder"),
    [
        ("Proposed by Cllr J. Smith, seconded by Cllr. K. Jones and RESOLVED.", "Cllr J. Smith",
         "Cllr. K. Jones"),
        ("Moved: Mrs A. de Souza; Seconded: Dr Lee. Carried.", "Mrs A. de Souza", "Dr Lee"),
        ("It was proposed by the Chairman and seconded by Cllr Fox and AGREED.", "the Chairman",
         "Cllr Fox"),
        ("Cllr Ash moved, and Cllr Birch seconded, that it be noted. CARRIED", "Cllr Ash",
         "Cllr Birch"),
    ],
)  # fmt: skip
def test_names_as_minutes_write_them(line: str, mover: str, seconder: str) -> None:
    motions, _ = _motions(line)
    assert [(m.mover, m.seconder) for m in motions] == [(mover, seconder)]


def test_the_motions_are_exported_in_the_plain_text(db: Database, stored: Meeting) -> None:
    text = write_minutes(stored)
    # Marked as written: the minutes' own words, kept as the item's text, say them.
    assert "MOTION AS WRITTEN: Cllr Ash; Cllr Birch; That allotment rents rise by 5%." in text
    assert 'AMENDMENT OF 1 AS WRITTEN: Cllr Dunn; Cllr Elm; That "5%" be replaced by "2%".' in text
    assert "VOTE: Councillor Cedar; against" in text
    assert "CASTING VOTE: for" in text
    # Read back, the MOTION lines are the motions: the prose is not read a second time.
    again = read_minutes(text).meeting
    assert [i.motions for i in again.items] == [i.motions for i in stored.items]


def test_the_minutes_own_words_are_printed_once(
    db: Database, stored: Meeting, tmp_path: Path
) -> None:
    """A motion read from prose is data for the record; the exports print the minutes' own
    words (kept as the item's text), never Clerk's sentence as well."""
    assert all(m.as_written for item in stored.items for m in item.motions)
    assert stored.id is not None
    path = tmp_path / "bramley.docx"
    export_minutes(db, stored.id, path)
    text = " ".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert text.count("signed as a true record") == 1
    assert text.count("allotment rents rise by 5%") == 1
    assert "On being put to the vote" not in text  # Clerk's wording, not the minutes'
    # A motion typed in Clerk (not as written) is still printed in Clerk's words.
    meeting = meetings.load_meeting(db, stored.id)
    item = meeting.items[-1]
    apply_changes(
        db,
        meeting,
        [
            SetMotions(
                item, [*item.motions, Motion("That the clerk retire", "Cllr Ash", "Cllr Elm")]
            )
        ],
    )
    export_minutes(db, stored.id, path)
    text = " ".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "It was moved by Cllr Ash, seconded by Cllr Elm" in text


def test_the_parish_fixture_gains_its_motions(db: Database) -> None:
    imported = import_minutes(db, HOUSE / "parish-bare-numbers.txt")
    m = meetings.load_meeting(db, imported.meeting_id)
    (minutes,) = m.items[2].motions
    assert (minutes.mover, minutes.seconder) == ("Cllr Okafor", "Cllr Lind")
    (finance,) = m.items[4].motions
    assert (finance.mover, finance.seconder, finance.counts) == (
        "Cllr Lind",
        "Cllr Okafor",
        Counts(4, 1, 0),
    )


def _motions(lines: str) -> tuple[list[Motion], list[str]]:
    result = read_minutes(f"Committee: Council\nDate: 5 April 2023\n\n1. Item\n{lines}\n")
    return result.meeting.items[0].motions, [w.message for w in result.warnings]


def test_totals_that_differ_from_the_named_votes_are_reported() -> None:
    motions, warned = _motions(
        "Proposed by Cllr A Ash, seconded by Cllr B Birch that the hall be painted.\n"
        "Cllr A Ash ...... For\nCllr B Birch ...... Against\nFor: 2 Against: 1"
    )
    assert len(motions[0].named) == 2
    assert warned == [
        "line 8: the totals (for 2, against 1, abstain 0) differ from the named votes;"
        " the named votes are kept"
    ]


def test_a_recorded_vote_with_no_motion_is_reported_and_kept_as_text() -> None:
    motions, warned = _motions("Cllr A Ash ...... For")
    assert motions == []
    assert warned == ["line 5: a recorded vote with no motion before it; kept as text only"]


def test_an_amendment_with_no_motion_is_reported_not_invented() -> None:
    motions, warned = _motions(
        "An amendment moved by Cllr Cy Cedar, seconded by Cllr Di Dunn, that the fee be £10"
        " was put to the vote and LOST."
    )
    assert motions == []
    assert warned == ["line 5: an amendment with no motion in its item; kept as text only"]


def test_a_motion_whose_outcome_is_never_told_is_not_recorded() -> None:
    motions, _ = _motions(
        "It was proposed by Cllr Ash and seconded by Cllr Birch that the pond be fenced.\n"
        "Members discussed the cost at length."
    )
    assert motions == []


def test_a_seconder_on_the_next_line_completes_the_motion() -> None:
    motions, _ = _motions(
        "Cllr Ash proposed that the pond be fenced.\nCllr Birch seconded.\nCARRIED."
    )
    assert [(m.mover, m.seconder, m.text, m.declared_outcome) for m in motions] == [
        ("Cllr Ash", "Cllr Birch", "That the pond be fenced.", Outcome.CARRIED)
    ]


def test_a_withdrawn_motion() -> None:
    motions, _ = _motions(
        "Cllr Ash moved, and Cllr Birch seconded, that the pond be fenced.\n"
        "The motion was withdrawn."
    )
    assert [(m.mover, m.seconder, outcome(m)) for m in motions] == [
        ("Cllr Ash", "Cllr Birch", Outcome.WITHDRAWN)
    ]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Carried 4 for and 1 against", Counts(4, 1, 0)),
        ("6 votes for, 2 against, 1 abstention", Counts(6, 2, 1)),
        ("For: 12 Against: 3 Abstain: 1", Counts(12, 3, 1)),
        ("(For 5, Against 2, Abstentions 1)", Counts(5, 2, 1)),
        ("7 in favour, 3 against", Counts(7, 3, 0)),
        ("a grant of 50 for 2 years", None),  # "for" alone is prose
        ("3 councillors voted against.", None),
        ("before 3 and against 2", None),
    ],
)
def test_counts_in_the_words_councils_use(text: str, counts: Counts | None) -> None:
    assert counts_in(text) == counts


@pytest.mark.parametrize(
    "line",
    [
        "Cllr " * 100_000 + "moved",
        "moved by " + "Abc " * 100_000 + "seconded",
        "Proposed by Cllr Ash " + "." * 500_000 + " For",
        "that " * 100_000 + "4 for 1 against the motion was lost",
        "1 for " * 100_000,
        "For: " + "Cllr A, " * 50_000 + "Against: x",
        "Seconded: " + "A. " * 100_000,
    ],
)
def test_a_long_line_of_motion_words_is_read_in_linear_time(line: str) -> None:
    start = time.perf_counter()
    read_minutes(f"Committee: Council\nDate: 5 April 2023\n\n1. Item\n{line}\n")
    assert time.perf_counter() - start < 3.0
