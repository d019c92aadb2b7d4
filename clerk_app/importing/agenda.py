"""A published agenda (Word or PDF) as a new meeting, ready before it starts: its items with
their numbers and titles, pack pages, and each report's recommendations as draft resolutions.

The agenda is rendered to lines (word.py for .docx, pypdf for .pdf), then read here: lines
before the first item are the header (read as minutes' headers are), an item heading is any
heading the minutes importer knows, "(Pages 53 - 114)" gives the pack pages, and the lines
after "Recommendation(s):" become one RESOLVED block whose preamble starts with
:data:`DRAFT_MARK`, so that the room shows it as a draft until the clerk confirms it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from clerk_app.core.model import (
    AgendaItem,
    Decision,
    DecisionKind,
    Meeting,
    Numbering,
    Point,
    Status,
)
from clerk_app.core.text import clean_line
from clerk_app.minutes_text.headers import HeaderReader
from clerk_app.minutes_text.importer import MAX_FILE_BYTES, MinutesFileError
from clerk_app.minutes_text.lines import parse_heading, parse_label

# The preamble of a recommendation brought in from the agenda: a draft, not yet resolved.
DRAFT_MARK = "DRAFT (recommendation from the agenda, not yet resolved):"

_PAGES = re.compile(
    r"\(?\bpages?\s++(?P<first>\d{1,4})(?:\s*+(?:-|\u2013|\u2014|to)\s*+(?P<last>\d{1,4}))?\)?",
    re.IGNORECASE,
)
_RECOMMEND = re.compile(
    r"(?:officer\s++)?recommendations?\b\s*+(?:to\s++\w+\s*+)?[:\-\u2013]?\s*+(?P<rest>.*)"
    r"|(?:it\s++is\s++)?recommended\s++(?P<that>that\b.*)",
    re.IGNORECASE,
)
_PAGE_FURNITURE = re.compile(r"(?:page\s++\d+(?:\s++of\s++\d+)?|\d{1,4})", re.IGNORECASE)


@dataclass
class AgendaRead:
    meeting: Meeting
    warnings: list[str] = field(default_factory=list)


def read_agenda_file(
    path: Path, *, committee: str | None = None, date: dt.date | None = None
) -> AgendaRead:
    """Read an agenda .docx or .pdf; MinutesFileError (one line) if it cannot be read."""
    if not path.exists():
        raise MinutesFileError(f"{path}: no such file")
    if path.is_dir() or path.stat().st_size > MAX_FILE_BYTES:
        raise MinutesFileError(f"{path}: is not an agenda file Clerk can read")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from clerk_app.importing.word import open_document, render

        lines = render(open_document(path)).text
    elif suffix == ".pdf":
        lines = _pdf_lines(path)
    else:
        raise MinutesFileError(f"{path}: an agenda must be a Word (.docx) or PDF (.pdf) file")
    result = read_agenda(lines, committee=committee, date=date)
    if not result.meeting.items:
        raise MinutesFileError(f"{path}: no numbered agenda item found")
    return result


def _pdf_lines(path: Path) -> list[str]:
    import pypdf  # only when a PDF agenda is read

    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise MinutesFileError(f"{path}: the PDF is password-protected")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except MinutesFileError:
        raise
    except Exception as exc:  # pypdf raises many kinds for damaged files
        raise MinutesFileError(f"{path}: is not a PDF Clerk can read ({exc})") from None
    if not text.strip():
        raise MinutesFileError(f"{path}: the PDF has no text (a scan?); Clerk cannot read it")
    return text.split("\n")


def read_agenda(
    lines: Iterable[str], *, committee: str | None = None, date: dt.date | None = None
) -> AgendaRead:
    warnings: list[str] = []
    headers = HeaderReader(lambda message: warnings.append(message))
    items: list[AgendaItem] = []
    item: AgendaItem | None = None
    intro: list[str] = []
    recommendation: Decision | None = None

    def finish() -> None:
        if item is not None:
            item.intro = "\n".join(intro)

    for raw in lines:
        text = clean_line(raw)
        if not text:
            headers.blank()
            continue
        if _PAGE_FURNITURE.fullmatch(text):
            continue
        heading = parse_heading(text.replace("\t", " ").strip())
        if heading is not None and heading.title:
            finish()
            title, pages = _pages(heading.title)
            item = AgendaItem(title=title, number=heading.number, pages=pages)
            items.append(item)
            intro, recommendation = [], None
            continue
        if item is None:
            if headers.feed(text) is not None and headers.header.date is None:
                _date_in_sentence(text, headers)  # "... on Wednesday 7 May 2025 at 7.30pm in"
            continue  # other lines not understood are the agenda's own preamble
        if not item.pages:
            title, item.pages = _pages(text)
            if item.pages and not title:
                continue  # "(Pages 53 - 114)" on a line of its own
        recommend = _RECOMMEND.fullmatch(text)
        if recommend is not None:
            first = clean_line(recommend["rest"] or recommend["that"] or "")
            recommendation = Decision(DecisionKind.RESOLVED, DRAFT_MARK)
            item.decisions.append(recommendation)
            if first:
                recommendation.preamble += f"\n{first}"
            continue
        if recommendation is not None:
            label = parse_label(text)
            if label is not None:
                recommendation.numbering = (
                    Numbering.NUMBER if label.token.isdigit() else Numbering.PAREN_LETTER
                )
                recommendation.resolutions.append(clean_line(label.text))
            elif recommendation.resolutions:
                recommendation.resolutions[-1] += f" {text}"
            else:
                recommendation.preamble += f"\n{text}"
            continue
        label = parse_label(text)
        if label is not None and not label.token.isdigit() and clean_line(label.text):
            item.points.append(Point(clean_line(label.text)))  # "a) Footpath by the church"
        else:
            intro.append(text)
    finish()
    header = headers.header
    day = date or header.date
    if day is None:
        day = dt.date.today()
        warnings.append("no meeting date in the agenda; used today's date (give --date)")
    meeting = Meeting(
        # A parish or town council's own meeting names no committee: the council is the body.
        committee=clean_line(committee) if committee else header.committee or header.council,
        date=day,
        council=header.council,
        start_time=header.start_time,
        venue=header.venue,
        status=Status.DRAFT,
        items=items,
    )
    if not meeting.committee:
        warnings.append("no committee in the agenda; left blank (give --committee NAME)")
    return AgendaRead(meeting, warnings)


_DATE_IN_TEXT = re.compile(
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s++)?\d{1,2}(?:st|nd|rd|th)?\s++"
    r"[A-Za-z]{3,9}\.?,?\s++\d{4}(?:,?\s++at\s++\d{1,2}(?:[.:]\d{2})?\s*+[ap]\.?m\.?)?",
    re.IGNORECASE,
)


def _date_in_sentence(text: str, headers: HeaderReader) -> None:
    match = _DATE_IN_TEXT.search(text)
    if match is not None:
        headers.feed(f"Date: {match.group()}")


def _pages(text: str) -> tuple[str, str]:
    """ "Planning (Pages 53 - 114)" -> ("Planning", "53-114")."""
    match = _PAGES.search(text)
    if match is None:
        return text, ""
    pages = f"{match['first']}-{match['last']}" if match["last"] else match["first"]
    rest = clean_line(text[: match.start()] + " " + text[match.end() :]).rstrip(" ,.-\u2013")
    return rest, pages
