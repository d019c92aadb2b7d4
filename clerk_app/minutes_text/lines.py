"""The line grammar of plain-text minutes: what each kind of line looks like.

The reader asks these functions what a line is; the writer asks the same functions whether a
line it is about to write will be read back as it means it.  Keeping both sides on one set of
patterns is what makes ``read_minutes(write_minutes(m)) == m`` hold.

Every function here takes a line's *content*: the raw line without its indentation and
without trailing white space, but with its tabs and non-breaking spaces still in place
(they separate a label from its text).  Lines in this format are split on "\\n" only.
"""

from __future__ import annotations

import collections
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from clerk_app.core.actions import INLINE_TAG
from clerk_app.core.exempt import split_paragraphs
from clerk_app.core.model import DecisionKind
from clerk_app.core.text import clean_line
from clerk_app.minutes_text.house_styles import (
    action_to,
    bullet_text,
    is_leftover,
    parse_prose_decision,
    parse_reference,
)

# Tabs, spaces and non-breaking spaces all separate a label from its text (FORMAT.md).
_SEP = "[ \t\u00a0]"
INDENT_CHARS = " \t\u00a0"

# --- item headings -------------------------------------------------------------------------
# "42.<tab>TITLE" and "42." alone (title on the next line).
_NUMBERED = re.compile(rf"(?P<num>\d{{1,4}})\.(?:{_SEP}+(?P<title>.*))?")
# "77/24 Title", "OSC 12/24 Title", "P108/24<tab>Title".
_SLASHED = re.compile(
    rf"(?P<num>(?:[A-Z]{{1,8}} ?)?\d{{1,4}}/\d{{1,4}})\.?(?:{_SEP}+(?P<title>.*))?"
)
# "Agenda item", "Agenda item 5", "Agenda item 5: Title", "Agenda item:" (explicitly untitled).
# A number must contain a digit, so a sentence such as "Agenda item 7 was deferred" is prose.
_MARKER = re.compile(
    rf"agenda{_SEP}+item(?:{_SEP}++(?P<num>(?:[a-z]{{1,8}} )?[^\s:\d]*+\d[^\s:]*+))?"
    rf"{_SEP}*+(?::{_SEP}*(?P<title>.*))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Heading:
    number: str
    title: str | None  # None: the title is on the next non-blank line
    # Another house style's reference ("PLA146/14"), whose title may be on the line above.
    foreign: bool = field(default=False, compare=False)


def parse_heading(content: str) -> Heading | None:
    """An item heading or "Agenda item" marker, or None."""
    for pattern in (_NUMBERED, _SLASHED, _MARKER):
        match = pattern.fullmatch(content)
        if match is None:
            continue
        number = clean_line(match["num"] or "")
        title = match["title"]
        if title is None:
            # "77/24" alone is never what the writer writes: another house style's, whose
            # title may be on the line above.
            return Heading(number, None, pattern is _SLASHED)
        cleaned = clean_line(title)
        if pattern is not _MARKER and parse_decision(cleaned) is not None:
            return None  # "3. RESOLVED - That ...": a numbered paragraph's decision
        # "42.<tab>" with nothing after it: the title is on the next line.  Only the marker
        # form can say "no title" explicitly, with its colon.
        if not cleaned and pattern is not _MARKER:
            return Heading(number, None)
        return Heading(number, cleaned)
    reference = parse_reference(content)  # other councils' minute references
    return None if reference is None else Heading(reference.number, reference.title, True)


def marker_number_ok(number: str) -> bool:
    """Whether ``number`` survives being written as "Agenda item NUMBER"."""
    heading = parse_heading(f"Agenda item {number}")
    return heading is not None and heading.number == number


# --- point, sub-point and resolution labels -------------------------------------------------
Shape = Literal["dot", "paren", "bracket", "decimal"]

_LABEL = re.compile(
    r"(?:\((?P<paren>[a-z]{1,8}|\d{1,4})\)"
    r"|(?P<decimal>[A-Za-z]{0,8}\d{1,4}[a-z]?\.\d{1,4}(?:\.\d{1,4})?)\.?"
    r"|(?P<bracket>[a-z]{1,8}|\d{1,4})\)"
    r"|(?P<dot>[a-z]{1,8}|\d{1,4})\.)"
    rf"(?:{_SEP}+|$)"
)


@dataclass(frozen=True)
class Label:
    shape: Shape
    token: str  # "b", "iv", "3", or for decimals "8.1" / "8.1.2"
    text: str  # the rest of the line, not yet cleaned

    def display(self) -> str:
        """The label as it was typed, for messages."""
        if self.shape == "paren":
            return f"({self.token})"
        if self.shape == "bracket":
            return f"{self.token})"
        return f"{self.token}."


def parse_label(content: str) -> Label | None:
    """A label of any shape at the start of the line, or None.  Whether it is a point, a
    sub-point, a resolution or just prose is for the reader to say from the context."""
    match = _LABEL.match(content)
    if match is None:
        return None
    shape: Shape
    for shape in ("paren", "decimal", "bracket", "dot"):
        token = match[shape]
        if token is not None:
            return Label(shape, token, content[match.end() :])
    return None  # pragma: no cover - one group always matched


def decimal_parts(token: str) -> list[int]:
    """ "8.1.2" -> [1, 2]: the numbers after the minute number ("P108.3" -> [3])."""
    return [int(part) for part in token.split(".")[1:]]


# --- decisions ------------------------------------------------------------------------------
_RECOMMEND = re.compile(
    rf"(?:(?i:(?:it{_SEP}+was{_SEP}+)?resolved{_SEP}+to){_SEP}+)?RECOMMEND(?:ED)?\b(?P<rest>.*)"
)
# In capitals as FORMAT.md prints them; "Resolved: ..." and "Resolved that ..." are decisions
# too, but a sentence that merely starts "Agreed" or "Noted" is not.
_KEYWORD = re.compile(
    rf"(?:(?i:it{_SEP}+was){_SEP}+)?"
    r"(?:(?P<kw>RESOLVED|NOTED|AGREED)\b"
    rf"|(?P<mixed>Resolved|Noted|Agreed)(?={_SEP}*[:\-\u2013\u2014]|{_SEP}+(?i:that)\b))"
    r"(?P<rest>.*)"
)
# "Cllr X MOVED, Cllr Y SECONDED and it was RESOLVED to: ...": the whole line is the preamble.
# Two searches rather than one ".*MOVED.*RESOLVED.*", which backtracks quadratically over a
# line of many MOVEDs; every other pattern here keeps neighbouring quantifiers from matching
# the same characters (possessive runs), so each line is read in linear time.
_MOVED = re.compile(r"\bMOVED\b")
_MOTION_OUTCOME = re.compile(r"\b(?:RESOLVED|AGREED)\b")
_SEPARATORS = (":", "-", "\u2013", "\u2014", ",")


def _after_keyword(rest: str) -> str:
    """The text after "RESOLVED": one separator (":" or " - ") is dropped, as typed."""
    rest = rest.lstrip(INDENT_CHARS)
    if rest[:1] in _SEPARATORS:
        rest = rest[1:]
    elif rest == ".":
        rest = ""  # "NOTED."
    return clean_line(rest)


def parse_decision(content: str) -> tuple[DecisionKind, str] | None:
    """A decision's opening line -> (kind, first line of its preamble), or None."""
    match = _RECOMMEND.fullmatch(content)
    if match:
        return DecisionKind.RECOMMEND, _after_keyword(match["rest"])
    match = _KEYWORD.fullmatch(content)
    if match:
        keyword = match["kw"] or match["mixed"].upper()
        return DecisionKind(keyword), _after_keyword(match["rest"])
    moved = _MOVED.search(content)
    if moved:
        # The last outcome, as in "RESOLVED ... as AGREED".
        outcome = collections.deque(_MOTION_OUTCOME.finditer(content, moved.end()), maxlen=1)
        if outcome:
            return DecisionKind(outcome[0].group()), clean_line(content)
    return None


def motion_stands_alone(line: str, kind: DecisionKind) -> bool:
    """Whether a motion ("Cllr X MOVED ... RESOLVED to:") can be written as it stands: it must
    read as that decision and nothing that the reader would try first."""
    return (
        parse_decision(line) == (kind, line)
        and parse_label(line) is None
        and parse_heading(line) is None
        and parse_exempt(line) is None
        and not is_boilerplate(line)
    )


# --- other item lines -----------------------------------------------------------------------
_DOCUMENTS = re.compile(
    rf"(?i:supporting{_SEP}+documents|background{_SEP}+(?:papers|documents))"
    rf"{_SEP}*(?::{_SEP}*(?P<rest>.*))?"
)
# The exempt marker, in any case: "EXEMPT", "Exempt item", "Not for publication",
# "Confidential", then optionally ": paragraph 3", " - paragraph 3", "(paragraph 5)" or
# " under paragraph 3 of Schedule 12A" / " by virtue of paragraph 3 ...".
_EXEMPT_WORD = rf"exempt(?:{_SEP}+(?:item|information|report|business|matter))?"
_PRIVATE_WORD = (
    rf"(?:not{_SEP}+for{_SEP}+publication"
    rf"|(?:private{_SEP}+and{_SEP}+)?confidential(?:{_SEP}+item)?)"
)
_EXEMPT = re.compile(
    rf"(?:(?P<exempt>{_EXEMPT_WORD})|{_PRIVATE_WORD})"
    rf"(?:{_SEP}*[:\-\u2013\u2014]{_SEP}*(?P<rest>.*?)|{_SEP}*\((?P<paren>[^()]*)\)"
    rf"|{_SEP}+(?P<ref>(?:under|by{_SEP}+virtue{_SEP}+of|in{_SEP}+accordance{_SEP}+with)"
    rf"{_SEP}+.*?|para(?:graph)?s?\b.*?))?\.?",
    re.IGNORECASE,
)
_REFERENCE_START = re.compile(
    rf"(?:under|by{_SEP}+virtue{_SEP}+of|in{_SEP}+accordance{_SEP}+with){_SEP}+", re.IGNORECASE
)
# What an exempt marker starts with: a line that does and is not understood gets a warning.
_EXEMPT_LIKE = re.compile(
    rf"(?:exempt|not{_SEP}+for{_SEP}+publication|(?:private{_SEP}+and{_SEP}+)?confidential)\b",
    re.IGNORECASE,
)
_PAGES_LINE = re.compile(rf"Pages:{_SEP}*(?P<rest>.*)")
_PAGES_IN_TEXT = re.compile(
    r"\bpages?\s+(?P<first>\d+)(?:\s*(?:-|\u2013|\u2014|to)\s*(?P<last>\d+))?", re.IGNORECASE
)
_DONE = re.compile(rf"ACTION{_SEP}+DONE(?:{_SEP}*:{_SEP}*(?P<date>.*))?")
_ACTION_LINE = re.compile(rf"ACTIONS?{_SEP}*:(?P<body>.*)")
NO_PAGES = "none"


def parse_documents(content: str) -> str | None:
    """ "Supporting documents:" -> the text after it ("" usually); None for other lines."""
    match = _DOCUMENTS.fullmatch(content)
    return None if match is None else clean_line(match["rest"] or "")


@dataclass(frozen=True)
class ExemptMarker:
    paragraph: str  # Schedule 12A paragraph numbers as typed ("3", "1, 3"), or ""
    extra: str  # anything else on the line: confidential, never the paragraph field


def parse_exempt(content: str) -> ExemptMarker | None:
    """ "EXEMPT: paragraph 3" -> ("3", ""); "Exempt item" -> ("", ""); None for other lines.

    Text that is not a paragraph number ("EXEMPT: paragraph 1 - legal advice on ...") comes
    back as ``extra``, for the reader to keep inside the exempt item.  "Confidential" and
    "Not for publication" are markers only on their own or before a paragraph reference, so
    that a sentence starting with the word stays prose.
    """
    match = _EXEMPT.fullmatch(content)
    if match is None:
        return None
    rest = clean_line(match["rest"] or match["paren"] or match["ref"] or "")
    start = _REFERENCE_START.match(rest)
    rest = rest[start.end() :] if start else rest
    paragraph, extra = split_paragraphs(rest)
    if not paragraph and extra and not match["exempt"]:
        return None  # "Confidential: the officer said ..." is a sentence
    return ExemptMarker(paragraph, extra)


def looks_like_exempt(content: str) -> bool:
    """Whether a line that is not an exempt marker starts like one ("Exempt from ...")."""
    return _EXEMPT_LIKE.match(content) is not None and parse_exempt(content) is None


def format_exempt(paragraph: str) -> str:
    if not paragraph:
        return "EXEMPT"
    word = "paragraph" if paragraph.isdigit() else "paragraphs"
    return f"EXEMPT: {word} {paragraph}"


def parse_pages_line(content: str) -> str | None:
    """ "Pages: 53-114" -> "53-114"; "Pages: none" -> ""; None for other lines."""
    match = _PAGES_LINE.fullmatch(content)
    if match is None:
        return None
    pages = clean_line(match["rest"])
    return "" if pages == NO_PAGES else pages


def pages_in_text(text: str) -> str:
    """The agenda-pack pages an intro cites ("set out ... at pages 53-114" -> "53-114")."""
    match = _PAGES_IN_TEXT.search(text)
    if match is None:
        return ""
    return f"{match['first']}-{match['last']}" if match["last"] else match["first"]


def parse_done(content: str) -> str | None:
    """ "ACTION DONE: 12 June 2024" -> "12 June 2024"; "ACTION DONE" -> ""; None otherwise."""
    match = _DONE.fullmatch(content)
    return None if match is None else clean_line(match["date"] or "")


def action_line_owners(content: str) -> str | None:
    """ "ACTION: Councillor Rice" -> "Councillor Rice"; "ACTION:" -> ""; None otherwise."""
    match = _ACTION_LINE.fullmatch(content)
    return None if match is None else match["body"].strip(INDENT_CHARS + "./")


# "(Action: Name)" as actions.py reads it; an opening "(Action" that does not make one of
# these is a malformed tag ("(Action Jo", "(Action: )").
_TAG_START = re.compile(r"\(\s*+actions?\b", re.IGNORECASE)


def malformed_tags(text: str) -> Iterator[str]:
    """The malformed action tags in ``text``, each as the few characters that start it (one at
    a time: a megabyte line may hold a hundred thousand of them)."""
    for start in _TAG_START.finditer(text):
        good = INLINE_TAG.match(text, start.start())
        owners = [] if good is None else [o.strip(" \t\u00a0.;") for o in good["body"].split("/")]
        if not any(owners):
            yield text[start.start() : start.start() + 24]


# --- lines that belong to no item: footers, signatures, the close -------------------------
_PAGE_FOOTER = re.compile(rf"(?i:page){_SEP}+\d+(?:{_SEP}+(?i:of){_SEP}+\d+)?")
_SIGNATURE = re.compile(r"(?:CHAIR|Chair|Signed|Date)\b.*(?:\.{4}|_{4}|\u2026\u2026).*")
_DRAFT = re.compile(
    rf"DRAFT(?:{_SEP}++MINUTES)?(?:{_SEP}*+[-\u2013\u2014:(]?{_SEP}*+"
    r"(?i:subject to (?:approval|ratification))\)?)?\.?"
)
_ENDED = re.compile(
    rf"(?i:the{_SEP}+meeting{_SEP}+(?:ended|closed|finished|concluded){_SEP}+at)"
    rf"{_SEP}+(?P<time>.+?)\.?"
)


def is_boilerplate(content: str) -> bool:
    """Page footers and the signature block: every exporter prints its own, so they are
    dropped rather than read into the last point's text."""
    return bool(_PAGE_FOOTER.fullmatch(content) or _SIGNATURE.fullmatch(content))


def is_draft_mark(content: str) -> bool:
    return _DRAFT.fullmatch(content) is not None


def ended_at(content: str) -> str | None:
    """ "The meeting ended at 8.45 pm" -> "8.45 pm"."""
    match = _ENDED.fullmatch(content)
    return None if match is None else match["time"]


def looks_structural(line: str) -> bool:
    """Whether a paragraph of prose, written on a line of its own, could be read back as
    structure (a heading, label, decision, marker...) instead of as prose.

    Plain text has no escape syntax, so such paragraphs cannot round-trip in an item's
    introduction, a point's later paragraphs, a decision's later lines or the meeting's
    notes.  The answer is deliberately cautious: it may say yes to a line that a particular
    context would still read as prose.
    """
    content = line.strip(INDENT_CHARS)
    return (
        parse_heading(content) is not None
        or parse_label(content) is not None
        or parse_decision(content) is not None
        or parse_prose_decision(content) is not None
        or bullet_text(content) is not None
        or action_to(content) is not None
        or is_leftover(content)
        or parse_documents(content) is not None
        or parse_exempt(content) is not None
        or parse_pages_line(content) is not None
        or parse_done(content) is not None
        or is_boilerplate(content)
        or is_draft_mark(content)
        or ended_at(content) is not None
    )
