"""Motions and votes told in prose, as other councils' minutes write them, read as data.

    It was moved by Councillor A, seconded by Councillor B, and RESOLVED - that ...
    Proposed by Cllr A, Seconded by Cllr B. Carried 4 for and 1 against.
    An amendment moved by Cllr C, seconded by Cllr D, that ... was put to the vote and LOST.
    The motion was lost.                      the outcome of the motion before it
    Cllr A .......... For                     a recorded vote, one member a line
    For: 12 Against: 3 Abstain: 1             the totals (checked against the named votes)
    The Chairman used her casting vote in favour.

The reader keeps every line where it places it (a decision, a point, the introduction); this
module only adds the motions those lines state.  A motion needs a mover or seconder named in
the text, and is kept only once something says what became of it (an outcome, a vote, a
casting vote): "Cllr A proposed a site visit" alone records nothing.  Every pattern runs in
linear time on one line, as house_styles.py's do.
"""

from __future__ import annotations

import re

from clerk_app.core.procedure.motions import Counts, Motion, NamedVote, Outcome, Vote, tally
from clerk_app.core.text import clean_line
from clerk_app.minutes_text.vote_lines import counts_in, name_of, named_vote, vote_list

_TITLE = r"(?:Councillors?|Cllrs?\.?|Mr|Mrs|Ms|Miss|Dr|Prof|Rev)"
# Words that end a name: the next clause of the sentence, never part of anybody's name.
_STOP = (
    r"(?:Seconded|SECONDED|Proposed|PROPOSED|Moved|MOVED|RESOLVED|Resolved|Carried|CARRIED"
    r"|AGREED|Agreed|That|THAT|LOST|Lost|The|It|And|AND|On|Upon|With|Votes?|For|Against|All)\b"
)
# A full stop belongs to a name only after an initial or a title ("J. Smith", "Cllr. Ash"):
# "Seconded Cllr Elm. All in favour" ends the name at "Elm".
_WORD = (
    rf"(?!{_STOP})(?:[A-Z]\.|(?:Cllrs?|Mrs?|Ms|Dr|Prof|Rev)\."
    rf"|[A-Z\u00c0-\u024f][\w'\u2019\-]*+)"
)
# At most six words: every pattern stays linear however many capitalised words a line has.
_NAME = rf"(?:(?:the|The)\s++)?{_WORD}(?:\s++(?:(?:de|van|von|da|le|la|du|of)\s++)?{_WORD}){{0,5}}+"
_TITLED = (
    rf"(?:{_TITLE}\s++{_WORD}(?:\s++{_WORD}){{0,4}}+|(?:the|The)\s++Chair(?:man|woman|person)?)"
)

# "moved by X", "Proposed X", "Proposed: X", "On a proposal by X".
_THEN_NAME = rf"(?:\s*+[:\-\u2013]\s*+|\s++)(?P<who>{_NAME})"
_MOVED_BY = re.compile(
    rf"\b(?:(?i:moved|proposed)(?:\s++(?i:by))?|(?i:proposal\s++(?:by|from))){_THEN_NAME}"
)
_WHO_MOVED = re.compile(rf"(?P<who>{_TITLED})\s++(?i:moved|proposed)\b")
_SECONDED_BY = re.compile(rf"\b(?i:seconded)(?:\s++(?i:by))?{_THEN_NAME}")
_WHO_SECONDED = re.compile(rf"(?P<who>{_TITLED})\s++(?i:seconded)\b")
_AMENDMENT = re.compile(r"\bamendment\b", re.IGNORECASE)

_THAT = re.compile(r"(?i:\bthat\b)\s*+(?P<text>\S.*)")
# Where the wording ends: "... was put to the vote and LOST", a vote in brackets.
_TEXT_END = re.compile(
    r"\s*+(?:,\s*+)?(?:"
    r"\b(?i:for)\s*+[:\-\u2013=]?\s*+\d"  # "For 3, Against 3"
    r"|\b\d{1,3}\s++(?:votes?\s++)?(?i:for|in\s++favour)\b"  # "6 votes for"
    r"|\b(?:was|were)\s++(?:then\s++)?(?:put|carried|lost|defeated|withdrawn|agreed|declared)\b"
    r"|\(\s*+(?i:for)\b"  # "(For 5, Against 2)"
    r"|\b(?:Carried|CARRIED|LOST)\b)"
    # "... bought. On being put to the vote ...", "... painted. The motion was withdrawn."
    r"|(?<=\.)\s++(?:(?i:on|upon)\s++being\s++put|The\s++(?:\w++\s++)?(?:motion|amendment)\b)"
)

_CARRIED = re.compile(
    r"\b(?:RESOLVED|AGREED|CARRIED|[Cc]arried|[Rr]esolved|agreed|[Aa]ll\s++in\s++favour"
    r"|[Uu]nanimous(?:ly)?)\b"
)
_LOST = re.compile(r"\b(?:LOST|lost|DEFEATED|defeated|FELL|fell|not carried|NOT CARRIED)\b")
_WITHDRAWN = re.compile(r"\bwithdrawn\b", re.IGNORECASE)
_THE_MOTION = re.compile(
    r"(?i:(?:on\s++being\s++put\s++to\s++the\s++vote,?\s++)?the\s++(?:substantive\s++"
    r"|original\s++|amended\s++)?(?P<what>motion|amendment)\s++was\s++(?:then\s++)?"
    r"(?:put\s++(?:to\s++the\s++vote\s++)?and\s++)?(?:therefore\s++)?"
    r"(?P<how>carried|lost|defeated|withdrawn|agreed|not\s++carried))\b"
)

_CASTING = re.compile(r"(?i:casting\s++vote)")
_CASTING_FOR = re.compile(r"(?i:in\s++favour|\bfor\b|carried|resolved)")
_CASTING_AGAINST = re.compile(r"(?i:against|\blost\b|defeated)")


def _key(motion: Motion) -> tuple[str, str, str]:
    words = motion.text.strip().rstrip(".").lower()
    words = words.removeprefix("that ").strip()
    return (motion.mover.lower(), motion.seconder.lower(), words)


def _wording(text: str, after: int, before: int | None = None) -> str:
    """The motion's words: from "that" after ``after`` to where the vote or the outcome is
    told, or to ``before`` (where "Cllr B seconded" follows the words)."""
    rest = text[after:before]
    match = _THAT.search(rest)
    if match is None:
        return ""
    words = match[0]
    end = _TEXT_END.search(words)
    if end is not None and end.start() > 0:
        words = words[: end.start()]
    words = words.rstrip(" ,;:")
    if before is not None or end is not None:
        words += "" if words.endswith(".") else "."
    # A motion's wording stands alone, "That ..." (the record prints it "... that ...").
    return "T" + clean_line(words)[1:]


class ProseMotions:
    """The motions stated by one item's lines, fed one at a time; ``finish`` returns them.
    ``warnings`` holds (line number, message) pairs to report."""

    def __init__(self) -> None:
        self.motions: list[Motion] = []  # kept, in order; an amendment after its motion
        self.warnings: list[tuple[int, str]] = []
        self._pending: Motion | None = None  # being told: kept once it is settled
        self._pending_line = 0
        self._settled: set[int] = set()  # ids of motions whose outcome or vote was read
        self._stated: dict[int, tuple[int, Counts]] = {}  # totals beside a named vote
        self._waiting: list[tuple[int, Motion]] = []  # amendments told before any motion
        self._adjacent = False  # the line before told of the pending motion
        self._line = 0

    def feed(self, line_no: int, content: str) -> None:
        self._line = line_no
        text = clean_line(content)
        adjacent, self._adjacent = self._adjacent, False
        if (named := named_vote(text)) is not None:
            self._named(named)
            return
        if (listed := vote_list(text)) is not None:
            for vote in listed:
                self._named(vote)
            return
        started = self._start(text)
        if not started and not self._tells_about(text, adjacent):
            return
        target = self._target(text)
        if target is None:
            return
        if not started and target.text == "" and target.seconder and _CARRIED.match(text):
            # "Proposed ... Seconded ..." then "RESOLVED that ...": the motion's wording.
            target.text = _wording(text, 0)
        self._adjacent = True
        counts = counts_in(text)
        if counts is not None:
            if target.named:
                self._stated[id(target)] = (line_no, counts)
            else:
                target.counts = counts
            self._settled.add(id(target))
        if _CASTING.search(text):
            self._casting(text, target)
        self._outcome(text, target)

    def _tells_about(self, text: str, adjacent: bool) -> bool:
        """A line after the motion that says how it went: an outcome of "the motion", a
        vote or a casting vote anywhere in the item; "Carried", "RESOLVED ..." at the start
        of a line only right after the motion (later, it is another matter's)."""
        if _THE_MOTION.search(text) or _CASTING.search(text) or counts_in(text) is not None:
            return True
        lowered = text.lower()
        words = (
            "carried",
            "lost",
            "resolved",
            "agreed",
            "all agreed",
            "all in favour",
            "unanimous",
            "on being put",
            "upon being put",
        )
        return adjacent and lowered.startswith(words)

    def _target(self, text: str) -> Motion | None:
        """The motion a line tells of: the one being told, or, for "the (substantive)
        motion was ..." after an amendment, the motion the amendment would have changed."""
        the = _THE_MOTION.search(text)
        pending = self._pending
        if the is None or the["what"].lower() != "motion":
            return pending
        if pending is not None and pending.amends is None:
            return pending
        self._keep_pending()
        substantive = [kept for kept in self.motions if kept.amends is None]
        return substantive[-1] if substantive else None

    def _start(self, text: str) -> bool:
        """Whether the line moves a motion (which is then the pending one); a line naming
        only a seconder completes the pending motion instead."""
        moved = _MOVED_BY.search(text) or _WHO_MOVED.search(text)
        seconded = _SECONDED_BY.search(text) or _WHO_SECONDED.search(text)
        found = [m for m in (moved, seconded) if m is not None]
        if not found:
            return False
        mover = name_of(moved["who"]) if moved is not None else ""
        seconder = name_of(seconded["who"]) if seconded is not None else ""
        pending = self._pending
        if not mover and pending is not None and pending.mover and not pending.seconder:
            pending.seconder = seconder  # "Cllr B seconded." under "Cllr A proposed that ..."
            return True
        ordered = sorted(found, key=lambda m: m.start())
        first, last = ordered[0], ordered[-1]
        wording = _wording(text, last.end())
        if not wording and first is not last:  # "Cllr A proposed that ... Cllr B seconded."
            wording = _wording(text, first.end(), last.start())
        if not (mover and seconder) and not wording:
            return False  # "Cllr A proposed a site visit": not a motion the text records
        amendment = _AMENDMENT.search(text)
        # The text stays as the item's words; the motion is their data (see Motion).
        motion = Motion(wording, mover, seconder, as_written=True)
        if amendment is not None and amendment.start() < min(m.start() for m in found):
            motion.amends = -1  # which motion it would change: settled when it is kept
            if pending is not None and pending.amends is None:
                # The motion before an amendment is kept, its outcome still to be told.
                self.motions.append(pending)
                self._pending = None
        self._keep_pending()
        self._pending, self._pending_line = motion, self._line
        return True

    def _outcome(self, text: str, target: Motion) -> None:
        the = _THE_MOTION.search(text)
        how = None if the is None else " ".join(the["how"].lower().split())
        if how is None:
            if _WITHDRAWN.search(text):
                how = "withdrawn"
            elif _LOST.search(text):
                how = "lost"
            elif _CARRIED.search(text):
                how = "carried"
        if how is None:
            return
        self._settled.add(id(target))
        if how == "withdrawn":
            target.declared_outcome = Outcome.WITHDRAWN
        elif tally(target) is None:
            lost = how in ("lost", "defeated", "not carried")
            target.declared_outcome = Outcome.LOST if lost else Outcome.CARRIED

    def _casting(self, text: str, target: Motion) -> None:
        against = _CASTING_AGAINST.search(text)
        in_favour = _CASTING_FOR.search(text)
        if against is not None and (in_favour is None or against.start() < in_favour.start()):
            target.casting = Vote.AGAINST
        elif in_favour is not None:
            target.casting = Vote.FOR
        else:
            message = "a casting vote that is neither for nor against; kept as text only"
            self.warnings.append((self._line, message))
            return
        self._settled.add(id(target))

    def _named(self, vote: NamedVote) -> None:
        target = self._pending
        if target is None:
            message = "a recorded vote with no motion before it; kept as text only"
            self.warnings.append((self._line, message))
            return
        self._adjacent = True
        target.named.append(vote)
        target.counts = None
        self._settled.add(id(target))

    def _keep_pending(self) -> None:
        motion, self._pending = self._pending, None
        if motion is None or id(motion) not in self._settled:
            return
        if any(
            _key(motion) == _key(kept) and motion.amends == kept.amends for kept in self.motions
        ):
            return  # the same motion told twice (the record, then the resolution)
        if motion.amends is None:
            self.motions.append(motion)
            for _, amendment in self._waiting:  # amendments told before their motion
                amendment.amends = len(self.motions) - 1
                self.motions.append(amendment)
            self._waiting.clear()
            return
        substantive = [i for i, kept in enumerate(self.motions) if kept.amends is None]
        if substantive:
            motion.amends = substantive[-1]
            self.motions.append(motion)
        else:
            self._waiting.append((self._pending_line, motion))

    def finish(self) -> list[Motion]:
        """The item's motions.  A motion whose outcome was never told is left out (with its
        amendments); so is an amendment whose motion never came, which is reported."""
        self._keep_pending()
        for line, _ in self._waiting:
            self.warnings.append(
                (line, "an amendment with no motion in its item; kept as text only")
            )
        self._waiting.clear()
        kept: list[Motion] = []
        moved: dict[int, int] = {}  # old position -> new position
        for position, motion in enumerate(self.motions):
            if motion.amends is not None and motion.amends not in moved:
                continue
            if motion.amends is None and id(motion) not in self._settled:
                continue
            if motion.amends is not None:
                motion.amends = moved[motion.amends]
            moved[position] = len(kept)
            kept.append(motion)
        for motion in kept:
            self._check_totals(motion)
        return kept

    def _check_totals(self, motion: Motion) -> None:
        stated = self._stated.get(id(motion))
        if stated is None or stated[1] == tally(motion):
            return
        line, said = stated
        self.warnings.append(
            (
                line,
                f"the totals (for {said.for_}, against {said.against}, abstain {said.abstain})"
                " differ from the named votes; the named votes are kept",
            )
        )
