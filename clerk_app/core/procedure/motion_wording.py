"""The words of a motion's record in the body's style: "It was moved by Councillor A,
seconded by Councillor B, and RESOLVED that ..."."""

from __future__ import annotations

from clerk_app.core.procedure.motions import Counts, Motion, Outcome, Vote, outcome, tally


def _that(text: str) -> str:
    words = text.strip().rstrip(".")
    if words[:5].lower() == "that ":
        words = words[5:]
    return f"that {words}" if words else ""


def counts_text(counts: Counts) -> str:
    """ "(For 5, Against 2, Abstentions 1)" as councils print it."""
    return f"(For {counts.for_}, Against {counts.against}, Abstentions {counts.abstain})"


def _moved(motion: Motion, what: str) -> str:
    parts = []
    if motion.mover.strip():
        parts.append(f"moved by {motion.mover.strip()}")
    if motion.seconder.strip():
        parts.append(f"seconded by {motion.seconder.strip()}")
    return f"{what} was {', '.join(parts)}" if parts else f"{what} was moved"


def record(motion: Motion) -> str:
    """The sentence(s) recording one motion or amendment and what became of it."""
    result = outcome(motion)
    counts = tally(motion)
    vote = f" {counts_text(counts)}" if counts is not None else ""
    casting = " on the Chair's casting vote" if _tied(counts) and motion.casting else ""
    that = _that(motion.text)
    # "moved by A, seconded by B, that ...": the comma closes the seconder's clause.
    comma = "," if motion.seconder.strip() and that else ""
    if motion.amends is not None:
        opening = _moved(motion, "An amendment") + comma
        said = f"{opening} {that}." if that else f"{opening}."
        if result is Outcome.WITHDRAWN:
            return f"{said} The amendment was withdrawn."
        verdict = "CARRIED" if result is Outcome.CARRIED else "LOST"
        return f"{said} On being put to the vote the amendment was {verdict}{casting}.{vote}"
    if result is Outcome.WITHDRAWN:
        said = f"{_moved(motion, 'It')}{comma} {that}.".replace(" .", ".")
        return f"{said} The motion was withdrawn."
    if result is Outcome.LOST:
        said = f"{_moved(motion, 'It')}{comma} {that}.".replace(" .", ".")
        return f"{said} On being put to the vote the motion was LOST{casting}.{vote}"
    moved = _moved(motion, "It")
    return f"{moved}, and RESOLVED{casting} {that}.{vote}".replace(" .", ".")


def _tied(counts: Counts | None) -> bool:
    return counts is not None and counts.for_ == counts.against


VOTE_WORDS = {
    Vote.FOR: "For",
    Vote.AGAINST: "Against",
    Vote.ABSTAIN: "Abstain",
    Vote.DID_NOT_VOTE: "Did not vote",
}
