"""Lines of the plain-text minutes for motions, amendments and votes.

    MOTION: Cllr Ngozi Adeyemi; Cllr Ellis Hart; That allotment rents rise by 3%.
    AMENDMENT OF 1: Cllr Zofia Nowak; Cllr Ravi Shah; That "3%" be replaced by "2%".
    VOTES: for 6; against 6; abstain 1
    CASTING VOTE: against
    VOTE: Cllr Ngozi Adeyemi; for                 one a member: a named vote
    OUTCOME: withdrawn                            carried, lost or withdrawn, when not voted
    MOTION AS WRITTEN: Cllr Ash; Cllr Birch; ...  the minutes' own words say it (an import)

MOTION and AMENDMENT take mover; seconder; the wording (which may hold ";"), either name
empty; "OF 1" names the motion amended by its place among the item's motions.  The lines
after one belong to it.  Written under the item's heading, after its declarations.
"""

from __future__ import annotations

import re

from clerk_app.core.model import AgendaItem
from clerk_app.core.procedure.motions import Counts, Motion, NamedVote, Outcome, Vote
from clerk_app.core.text import clean_line

_MOTION = re.compile(r"^(MOTION|AMENDMENT OF (\d+))( AS WRITTEN)?\s*:\s*(.*)$")
_VOTES = re.compile(r"^VOTES\s*:\s*for (\d+)\s*;\s*against (\d+)\s*;\s*abstain (\d+)\s*$")
_CASTING = re.compile(r"^CASTING VOTE\s*:\s*(for|against)\s*$")
_VOTE = re.compile(r"^VOTE\s*:\s*(.*);\s*(for|against|abstain|did not vote)\s*$")
_OUTCOME = re.compile(r"^OUTCOME\s*:\s*(carried|lost|withdrawn)\s*$")
_ANY = re.compile(
    r"^(MOTION|AMENDMENT OF \d+|MOTION AS WRITTEN|AMENDMENT OF \d+ AS WRITTEN"
    r"|VOTES|CASTING VOTE|VOTE|OUTCOME)\s*:"
)


def format_motions(motions: list[Motion]) -> list[str]:
    out = []
    for motion in motions:
        head = "MOTION" if motion.amends is None else f"AMENDMENT OF {motion.amends + 1}"
        head += " AS WRITTEN" if motion.as_written else ""
        out.append(f"{head}: {motion.mover}; {motion.seconder}; {motion.text}".rstrip())
        if motion.counts is not None:
            c = motion.counts
            out.append(f"VOTES: for {c.for_}; against {c.against}; abstain {c.abstain}")
        if motion.casting is not None:
            out.append(f"CASTING VOTE: {motion.casting.value}")
        out += [f"VOTE: {row.member}; {row.vote.value}" for row in motion.named]
        if motion.declared_outcome is not None:
            out.append(f"OUTCOME: {motion.declared_outcome.value}")
    return out


def is_motion_line(content: str) -> bool:
    return _ANY.match(content) is not None


def read_motion_line(item: AgendaItem, content: str) -> str | None:
    """Add what the line says to ``item``'s motions; a sentence saying what is wrong, or None."""
    if (match := _MOTION.match(content)) is not None:
        amends = None if match.group(2) is None else int(match.group(2)) - 1
        if amends is not None and not 0 <= amends < len(item.motions):
            return f"there is no motion {amends + 1} before this amendment"
        parts = [clean_line(p) for p in match.group(4).split(";", 2)]
        if len(parts) < 3:
            return "a motion line needs mover; seconder; wording"
        written = match.group(3) is not None
        item.motions.append(Motion(parts[2], parts[0], parts[1], amends, as_written=written))
        return None
    if not item.motions:
        return "a vote with no motion before it"
    motion = item.motions[-1]
    if (match := _VOTES.match(content)) is not None:
        motion.counts = Counts(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    elif (match := _CASTING.match(content)) is not None:
        motion.casting = Vote(match.group(1))
    elif (match := _VOTE.match(content)) is not None and clean_line(match.group(1)):
        motion.named.append(NamedVote(clean_line(match.group(1)), Vote(match.group(2))))
    elif (match := _OUTCOME.match(content)) is not None:
        motion.declared_outcome = Outcome(match.group(1))
    else:
        return "this vote line is not understood"
    return None
