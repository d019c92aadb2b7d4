"""Votes as minutes write them, one line each: counts ("Carried 4 for and 1 against",
"For: 12 Against: 3 Abstain: 1"), a member's vote after dot leaders ("Councillor A ........
For") and votes listed by name ("For: Councillors A and B (2). Against: Councillor C (1)").

prose_motions.py gives what these lines say to the motion they follow.  Every pattern runs in
linear time on one line.
"""

from __future__ import annotations

import re

from clerk_app.core.model import Presence, Role
from clerk_app.core.procedure.motions import Counts, NamedVote, Vote
from clerk_app.core.text import clean_line
from clerk_app.minutes_text.attendance import parse_attendance

_VOTE_WORDS = {
    "for": "for",
    "in favour": "for",
    "against": "against",
    "abstain": "abstain",
    "abstained": "abstain",
    "abstention": "abstain",
    "abstentions": "abstain",
}
_KIND = r"(?P<kind>for|in\s++favour|against|abstentions?|abstained|abstain)"
_NUMBER_BEFORE = re.compile(rf"(?i:(?P<n>\d{{1,3}})\s++(?:votes?\s++)?{_KIND})\b")
_NUMBER_AFTER = re.compile(rf"(?i:\b{_KIND}\s*+[:\-\u2013=]?\s*+(?P<n>\d{{1,3}}))\b")
_LEADER_VOTE = re.compile(
    r"(?:\.{3,}+|\u2026++)\s*+(?P<vote>(?i:for|against|abstain(?:ed)?|abstention"
    r"|did\s++not\s++vote))\Z"
)
# "For: Councillors Ash, Birch and Cedar (3)  Against: Councillor Dunn (1)".
_LIST_KIND = re.compile(
    r"\b(?P<kind>(?i:for|against|abstain(?:ed|ing)?|abstentions?))\s*+[:\-\u2013]\s*+"
)


def name_of(text: str) -> str:
    """A member's name as the line wrote it, without the full stop or comma after it."""
    return clean_line(text).rstrip(".,").strip()


def named_vote(text: str) -> NamedVote | None:
    """ "Councillor A .......... For" -> the member's vote; None for any other line.  The
    pattern runs over the last 40 characters only, so a long line costs nothing."""
    body = text.rstrip(" .")
    tail = body[-40:]
    match = _LEADER_VOTE.search(tail)
    if match is None:
        return None
    member = name_of(body[: len(body) - len(tail) + match.start()])
    if ";" in member or not any(ch.isalpha() for ch in member):
        return None
    vote = " ".join(match["vote"].lower().split())
    return NamedVote(
        member, Vote({"abstained": "abstain", "abstention": "abstain"}.get(vote, vote))
    )


def _without_count(names: str) -> str:
    """ "Councillors Ash and Birch (2)." -> "Councillors Ash and Birch"."""
    names = names.strip(" .;,")
    opening = names.rfind("(")
    if names.endswith(")") and opening >= 0 and names[opening + 1 : -1].strip().isdigit():
        names = names[:opening].strip(" .;,")
    return names


def vote_list(text: str) -> list[NamedVote] | None:
    """ "For: Councillors Ash and Birch (2). Against: Councillor Cedar (1)" -> the named
    votes; None unless the line starts with such a list (and is not totals alone)."""
    kinds = list(_LIST_KIND.finditer(text))
    if not kinds or kinds[0].start() != 0 or counts_in(text) is not None:
        return None
    votes: list[NamedVote] = []
    for here, after in zip(kinds, [*kinds[1:], None], strict=True):
        names = text[here.end() : None if after is None else after.start()]
        names = _without_count(names)
        if not any(ch.isalpha() for ch in names) or names.lower() in ("none", "nil", "nobody"):
            continue
        kind = here["kind"].lower()
        vote = Vote.FOR if kind == "for" else Vote.AGAINST if kind == "against" else Vote.ABSTAIN
        votes += [
            NamedVote(p.name, vote) for p in parse_attendance(names, Role.MEMBER, Presence.PRESENT)
        ]
    if any(";" in vote.member for vote in votes):
        return None
    return votes or None


def counts_in(text: str) -> Counts | None:
    """ "Carried 4 for and 1 against", "6 votes for, 2 against, 1 abstention",
    "For: 12 Against: 3 Abstain: 1" -> the counts; None unless both for and against are
    given (a number beside "for" alone is prose: "a grant of 50 for 2 years")."""
    found: dict[str, int] = {}
    for pattern in (_NUMBER_AFTER, _NUMBER_BEFORE):
        found = {}
        for match in pattern.finditer(text):
            kind = _VOTE_WORDS[" ".join(match["kind"].lower().split())]
            found.setdefault(kind, int(match["n"]))
        if "for" in found and "against" in found:
            return Counts(found["for"], found["against"], found.get("abstain", 0))
    return None
