"""Action tags: reading "(Action: Name)" and its variants out of a point's text, and writing them.

The tag stays in the text exactly as the clerk typed it; owners and due date are read from it
whenever they are needed, so the text is the one source of truth for who owns an action.
Owners are separated by "/" ("Chair/Clerk"), as in published minutes; a comma is left inside
an owner because job titles contain them ("Director of Place, Housing").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Every pattern here must run in time linear in the text, whatever is pasted into a point:
# "(Action: " followed by thousands of spaces once took minutes.  So no two neighbouring
# quantifiers may match the same characters: white space runs are possessive (``*+``), and a
# lazy body must end on a character its closing white space cannot match, so that a run of
# spaces is scanned once from its start rather than once from each of its characters.

# "(Action: Charlotte Pomery)" / "(Actions: Chair/Clerk)", anywhere, the last one wins; the
# importer uses it too, to tell a malformed tag from a good one.
INLINE_TAG = re.compile(
    r"\(\s*+(?P<kw>actions?)\s*+[:\-\u2013]\s*+(?P<body>(?:[^()]*?[^()\s])?)\s*+\)",
    re.IGNORECASE,
)
# "ACTION: Councillor Rice" on a line of its own: upper case only, so that a sentence which
# merely starts "Action: ..." in ordinary prose is not taken for a tag.
_LINE = re.compile(
    r"^[ \t\u00a0]*+(?P<kw>ACTIONS?)[ \t\u00a0]*+:[ \t\u00a0]*+"
    r"(?P<body>[^\n]*?[^ \t.\n])[ \t.]*+$",
    re.MULTILINE,
)
# " by 12 May 2026" after the owners: found from the start of a white space run only.
_BY = re.compile(r"(?<!\s)\s++by\s++(?=[0-9])")
_SLASH_DATE = re.compile(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}")

_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d %B %y")


@dataclass(frozen=True)
class ParsedTag:
    owners: tuple[str, ...]
    due: dt.date | None
    start: int  # span of the tag in the text
    end: int
    inline: bool  # "(Action: ...)" rather than "ACTION: ..." on its own line


@dataclass
class Action:
    owners: tuple[str, ...]
    due: dt.date | None = None
    done: bool = False
    done_on: dt.date | None = None


def parse_date(text: str) -> dt.date | None:
    """A UK-style date as clerks type it ("12 May 2026", "12/05/2026", "2026-05-12")."""
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip().rstrip("."))
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def _split_due(body: str) -> tuple[str, str] | None:
    """ "A/B by 12 May 2026" -> ("A/B", "12 May 2026"): the first " by " followed by the rest
    of the text as a date ("12 May 2026" with no slash, or "12/05/2026"); None without one."""
    last_slash = body.rfind("/")
    newline = body.find("\n")
    for match in _BY.finditer(body):
        if newline != -1 and match.start() > newline:
            break  # the owners are one line
        date = body[match.end() :]
        if match.end() > last_slash or _SLASH_DATE.fullmatch(date):
            return body[: match.start()], date
    return None


def _owners_and_due(body: str) -> tuple[tuple[str, ...], dt.date | None]:
    due: dt.date | None = None
    split = _split_due(body.strip())
    if split:
        due = parse_date(split[1])
        if due is not None:
            body = split[0]
    owners = tuple(o.strip(" \t\u00a0.;") for o in body.split("/"))
    return tuple(o for o in owners if o), due


def parse_tag(text: str) -> ParsedTag | None:
    """The point's action tag, or None when it has none (or only a malformed one)."""
    if "action" not in text.lower():
        return None  # most points: one pass in C instead of two regular expressions
    found: ParsedTag | None = None
    for regex, inline in ((INLINE_TAG, True), (_LINE, False)):
        for match in regex.finditer(text):
            owners, due = _owners_and_due(match["body"])
            if not owners:
                continue  # "(Action: )" is not an action: the text stays as typed
            candidate = ParsedTag(owners, due, match.start(), match.end(), inline)
            if found is None or candidate.start > found.start:
                found = candidate
    return found


def parse_action(text: str) -> Action | None:
    tag = parse_tag(text)
    return None if tag is None else Action(owners=tag.owners, due=tag.due)


def format_tag(owners: tuple[str, ...] | list[str], due: dt.date | None = None) -> str:
    """The inline tag a clerk would type: "(Action: A)", "(Actions: A/B by 12 May 2026)"."""
    keyword = "Actions" if len(owners) > 1 else "Action"
    body = "/".join(owners)
    if due is not None:
        body += f" by {due.day} {due:%B %Y}"
    return f"({keyword}: {body})"


def set_tag(text: str, owners: tuple[str, ...] | list[str], due: dt.date | None = None) -> str:
    """The text with its action tag replaced by one for ``owners`` (appended if it had none).

    With no owners the tag is removed.  A trailing full stop after an inline tag is kept, as
    in "... (Action: Charlotte Pomery)."
    """
    tag = parse_tag(text)
    new = format_tag(owners, due) if owners else ""
    if tag is None:
        if not new:
            return text
        stripped = text.rstrip()
        if not stripped:
            return new
        # Inside the closing full stop, as published minutes write it: "... to Members
        # (Action: Dominic O'Brien by 30 June 2026)."  An ellipsis or "etc." keeps its dots.
        if stripped.endswith(".") and not stripped.endswith(".."):
            return f"{stripped[:-1].rstrip()} {new}."
        return f"{stripped} {new}"
    before, after = text[: tag.start], text[tag.end :]
    if not new:
        return (before.rstrip() + after.lstrip()).rstrip()
    if not tag.inline:
        return f"{before}ACTION: {'/'.join(owners)}{after}"
    return f"{before}{new}{after}"
