"""Motions, amendments and votes: who moved and seconded, the vote, the outcome computed."""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field


class Vote(enum.StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"
    DID_NOT_VOTE = "did not vote"


class Outcome(enum.StrEnum):
    CARRIED = "carried"
    LOST = "lost"
    WITHDRAWN = "withdrawn"


@dataclass(eq=True)
class NamedVote:
    member: str
    vote: Vote


@dataclass(eq=True)
class Counts:
    for_: int = 0
    against: int = 0
    abstain: int = 0


@dataclass(eq=True)
class Motion:
    """A motion, or an amendment when ``amends`` holds the position of the motion (in the
    item's list) it would change.  ``counts`` is a vote by show of hands; ``named`` a
    recorded vote, one row a member, from which the counts follow.  ``casting`` is the
    chair's casting vote on a tie.  ``declared_outcome`` is for a motion with no vote
    (carried by assent, withdrawn).  ``as_written``: read from minutes that already say it
    in their own words (an import); the exports print those words, not Clerk's sentence,
    so the record neither says it twice nor is reworded."""

    text: str
    mover: str = ""
    seconder: str = ""
    amends: int | None = None
    counts: Counts | None = None
    named: list[NamedVote] = field(default_factory=list)
    casting: Vote | None = None
    declared_outcome: Outcome | None = None
    as_written: bool = False
    id: int | None = field(default=None, compare=False)


def tally(motion: Motion) -> Counts | None:
    """The vote's counts: from the named vote when there is one."""
    if motion.named:
        votes = [row.vote for row in motion.named]
        return Counts(votes.count(Vote.FOR), votes.count(Vote.AGAINST), votes.count(Vote.ABSTAIN))
    return motion.counts


def outcome(motion: Motion) -> Outcome:
    """More for than against carries; a tie goes the chair's casting vote, or is lost."""
    if motion.declared_outcome is Outcome.WITHDRAWN:
        return Outcome.WITHDRAWN
    counts = tally(motion)
    if counts is None:
        return motion.declared_outcome or Outcome.CARRIED
    if counts.for_ != counts.against:
        return Outcome.CARRIED if counts.for_ > counts.against else Outcome.LOST
    return Outcome.CARRIED if motion.casting is Vote.FOR else Outcome.LOST


def check_motions(motions: list[Motion]) -> None:
    """Refuse what cannot be printed: an amendment of nothing (or of a later motion), a
    casting vote other than for or against, or a negative count.  Raises ValueError."""
    for position, motion in enumerate(motions):
        if motion.amends is not None and not 0 <= motion.amends < position:
            raise ValueError("an amendment must follow the motion it amends")
        if motion.casting not in (None, Vote.FOR, Vote.AGAINST):
            raise ValueError("the chair's casting vote is for or against")
        counts = motion.counts
        if counts is not None and min(counts.for_, counts.against, counts.abstain) < 0:
            raise ValueError("a vote cannot be negative")
        if any(not row.member.strip() for row in motion.named):
            raise ValueError("every row of a named vote needs the member's name")
        for name in (motion.mover, motion.seconder, *(row.member for row in motion.named)):
            if ";" in name:
                raise ValueError("a member's name cannot contain ';'")


def without_motion(motions: list[Motion], index: int) -> list[Motion]:
    """The item's motions with one removed, and the amendments to it with it (they amend
    nothing once it is gone); later amendments still point at the motions they amend."""
    gone = {index} | {i for i, m in enumerate(motions) if m.amends == index}
    kept: list[Motion] = []
    new_place: dict[int, int] = {}
    for position, motion in enumerate(motions):
        if position in gone:
            continue
        new_place[position] = len(kept)
        amends = None if motion.amends is None else new_place.get(motion.amends)
        kept.append(dataclasses.replace(motion, amends=amends, id=None))
    return kept
