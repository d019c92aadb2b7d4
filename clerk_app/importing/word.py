"""Word minutes (.docx) in: each paragraph rendered as the plain-text line it reads as, with
its list number as Word draws it, then read by the plain-text importer.

Rendering rather than a second reader keeps one grammar of minutes (minutes_text): a heading
style or a numbered paragraph becomes a heading or a labelled line, a table of people an
attendance list, a table of actions (Action / Owner / Date columns) points with their action
tags.  Warnings name the paragraph ("paragraph 12: ..."), counted as Word's body shows them,
tables counting one paragraph per row.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clerk_app.core.model import Attendee, Presence
from clerk_app.core.text import clean_line
from clerk_app.importing.word_numbering import ListNumbers
from clerk_app.minutes_text.headers import parse_time_text
from clerk_app.minutes_text.importer import (
    MAX_FILE_BYTES,
    ImportResult,
    ImportWarning,
    MinutesFileError,
    read_minutes,
)
from clerk_app.minutes_text.lines import parse_heading

_HEADING_STYLE = re.compile(r"heading\s*[12]", re.IGNORECASE)
_PAGES = re.compile(
    r"(?P<lead>supporting documents:)\s*agenda pack pages?\s+(?P<pages>\S+)", re.IGNORECASE
)
# Clerk's own exempt notices (core/exempt.py), public and confidential: the item is exempt.
_EXEMPT_NOTICE = re.compile(
    r"(?:This item was considered in private: exempt under|EXEMPT: not for publication)"
    r"(?:.*?\bparagraphs?\s+(?P<nums>\d+(?:(?:,\s*|\s+and\s+)\d+)*))?.*"
)
_LINE_NO = re.compile(r"^line (\d+): ")
_ATTENDANCE_HEAD = re.compile(r"present|attendees?|members?|name|apologies", re.IGNORECASE)
_ACTION_HEAD = re.compile(r"actions?|task", re.IGNORECASE)
_OWNER_HEAD = re.compile(r"owner|by whom|who|lead|responsible", re.IGNORECASE)
_DATE_HEAD = re.compile(r"date|due|deadline|by when", re.IGNORECASE)


@dataclass
class _Lines:
    """The rendered lines and, for each, the body paragraph it came from (1-based)."""

    text: list[str] = field(default_factory=list)
    origin: list[int] = field(default_factory=list)
    last_heading: int | None = None  # index of the last item heading rendered
    clerks_own = False  # Clerk's export: its styles say which line is which

    def add(self, line: str, paragraph: int) -> None:
        self.text.append(line)
        self.origin.append(paragraph)


def read_word_file(
    path: Path, *, committee: str | None = None, date: dt.date | None = None
) -> ImportResult:
    """Read Word minutes; MinutesFileError (one line) if the file cannot be read as Word."""
    document = open_document(path)
    lines = render(document)
    if not any(line.strip() for line in lines.text):
        raise MinutesFileError(f"{path}: the document has no text")
    result = read_minutes("\n".join(lines.text), committee=committee, date=date)
    _substitutes_once(result.meeting.attendees)
    result.warnings = [_by_paragraph(warning, lines.origin) for warning in result.warnings]
    return result


def _substitutes_once(attendees: list[Attendee]) -> None:
    """Clerk's export lists a substitute among those present and again as a substitute: one
    person, kept as the substitute."""
    subs = {a.name for a in attendees if a.presence is Presence.SUBSTITUTE}
    attendees[:] = [a for a in attendees if not (a.presence is Presence.PRESENT and a.name in subs)]


def open_document(path: Path) -> Any:
    import docx  # python-docx, only when a Word file is read

    if not path.exists():
        raise MinutesFileError(f"{path}: no such file")
    if path.is_dir():
        raise MinutesFileError(f"{path}: is a folder, not a Word file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise MinutesFileError(f"{path}: is too large for minutes")
    if not zipfile.is_zipfile(path):
        raise MinutesFileError(f"{path}: is not a Word (.docx) document")
    try:
        return docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise MinutesFileError(f"{path}: is not a Word (.docx) document ({exc})") from None
    except OSError as exc:
        raise MinutesFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except Exception as exc:  # python-docx raises its own types for damaged parts
        raise MinutesFileError(f"{path}: is a damaged Word document ({exc})") from None


def _by_paragraph(warning: ImportWarning, origin: list[int]) -> ImportWarning:
    match = _LINE_NO.match(warning.message)
    if match is None or not 0 < int(match[1]) <= len(origin):
        return warning
    paragraph = origin[int(match[1]) - 1]
    return ImportWarning(paragraph, f"paragraph {paragraph}: {warning.message[match.end() :]}")


# --- rendering --------------------------------------------------------------------------------
def render(document: Any) -> _Lines:
    """The document's body as plain-text minutes lines."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    numbers = ListNumbers.of(document)
    out = _Lines()
    number = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            number += 1
            _paragraph(Paragraph(child, document), numbers, out, number)
        elif tag == "tbl":
            table = Table(child, document)
            _table(table, out, number + 1)
            number += len(table.rows)
    return out


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """(numId, level) from the paragraph, else from its style or the styles it is based on."""
    from docx.oxml.ns import qn

    holders = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        holders.append(style.element.pPr)
        style = style.base_style
    for ppr in holders:
        num_pr = None if ppr is None else ppr.find(qn("w:numPr"))
        if num_pr is None:
            continue
        num_id = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        if num_id is None:
            continue
        level = ilvl.get(qn("w:val")) if ilvl is not None else "0"
        return num_id.get(qn("w:val"), "0"), int(level) if level.isdigit() else 0
    return None


def _paragraph(paragraph: Any, numbers: ListNumbers, out: _Lines, number: int) -> None:
    # A line break inside a paragraph is a space; Word's non-breaking spaces (which Clerk's
    # export puts inside names) are spaces too, or "Ó\u00a0Briain" would be another name.
    text = paragraph.text.replace("\n", " ").replace("\u00a0", " ")
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    listed = _num_pr(paragraph)
    label = None if listed is None else numbers.label(*listed)
    if not clean_line(text):
        out.add("", number)
        return
    heading = bool(_HEADING_STYLE.fullmatch(style))
    if label is not None and label:
        depth = "\t" * listed[1] if listed is not None and not heading else ""
        if heading and label.endswith((".", ")")) is False:
            label += "."
        text = f"{depth}{label}\t{text}"
    if heading:
        out.add("", number)
        if parse_heading(text.strip()) is None:
            text = f"Agenda item: {text}"  # a heading with no number is an item
        out.last_heading = len(out.text)
        out.add(text.strip(), number)
        return
    if style == "Minutes Council":
        out.clerks_own = True
        text = f"Council: {text}"
    elif style == "Title" and out.clerks_own and out.last_heading is None:
        text = f"Committee: {text}"
    elif style == "Minutes Details":
        _details(text, out, number)
        return
    notice = _EXEMPT_NOTICE.fullmatch(clean_line(text))
    if notice and out.last_heading is not None:
        cited = ", ".join(re.findall(r"\d+", notice["nums"] or ""))
        text = f"EXEMPT: paragraph {cited}" if cited else "EXEMPT"
    pages = _PAGES.fullmatch(clean_line(text))
    if pages and out.last_heading is not None:
        out.text.insert(out.last_heading + 1, f"Pages: {pages['pages']}")
        out.origin.insert(out.last_heading + 1, number)
        text = pages["lead"]
    out.add(text, number)


def _details(text: str, out: _Lines, number: int) -> None:
    """Clerk's detail line "7.00 pm, Committee Room 2": the time, then the venue."""
    first, _, rest = clean_line(text).partition(", ")
    if parse_time_text(first) is not None:
        out.add(f"Time: {first}", number)
        if rest:
            out.add(f"Venue: {rest}", number)
    else:
        out.add(f"Venue: {clean_line(text)}", number)


def _table(table: Any, out: _Lines, first: int) -> None:
    """An attendance table (a column of names) or an action table (Action / Owner / Date)."""
    rows = [[clean_line(cell.text) for cell in row.cells] for row in table.rows]
    if not rows:
        return
    head = rows[0]
    action = next((i for i, h in enumerate(head) if _ACTION_HEAD.fullmatch(h)), None)
    if action is not None:
        owner = next((i for i, h in enumerate(head) if _OWNER_HEAD.fullmatch(h)), None)
        due = next((i for i, h in enumerate(head) if _DATE_HEAD.fullmatch(h)), None)
        for offset, row in enumerate(rows[1:], start=1):
            task = row[action] if action < len(row) else ""
            if not task:
                continue
            who = row[owner] if owner is not None and owner < len(row) else ""
            when = row[due] if due is not None and due < len(row) else ""
            tag = f" (Action: {who}{f' by {when}' if when else ''})" if who else ""
            out.add(f"\u2022 {task}{tag}", first + offset)
        return
    if _ATTENDANCE_HEAD.match(head[0]) and out.last_heading is None:
        key = "Apologies" if head[0].lower().startswith("apolog") else "Present"
        out.add(f"{key}:", first)
        for offset, row in enumerate(rows[1:], start=1):
            cells = [cell for cell in row if cell]
            if cells:
                extra = f" ({', '.join(cells[1:])})" if len(cells) > 1 else ""
                out.add(f"{cells[0]}{extra}", first + offset)
        out.add("", first + len(rows) - 1)
        return
    for offset, row in enumerate(rows):  # any other table: its rows as text, kept
        cells = [cell for cell in row if cell]
        if cells:
            out.add(" | ".join(cells), first + offset)
