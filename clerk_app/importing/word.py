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
from clerk_app.importing.word_motions import motion_lines
from clerk_app.importing.word_numbering import ListNumbers
from clerk_app.importing.word_tables import (
    Action,
    action_rows,
    attendance_rows,
    same_minute,
    vote_lines,
)
from clerk_app.minutes_text.headers import parse_time_text
from clerk_app.minutes_text.house_styles import parse_prose_decision
from clerk_app.minutes_text.importer import (
    MAX_FILE_BYTES,
    ImportResult,
    ImportWarning,
    MinutesFileError,
    read_minutes,
)
from clerk_app.minutes_text.lines import parse_decision, parse_documents, parse_heading

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


@dataclass
class _Lines:
    """The rendered lines and, for each, the body paragraph it came from (1-based)."""

    text: list[str] = field(default_factory=list)
    origin: list[int] = field(default_factory=list)
    last_heading: int | None = None  # index of the last item heading rendered
    headings: list[int] = field(default_factory=list)  # indexes of every item heading
    clerks_own = False  # Clerk's export: its styles say which line is which
    # Tables placed once the whole body is rendered (word_tables.py): attendance lines go
    # to the head, each action to its item (the one it names, else the one it sits in).
    attendance: list[tuple[str, int]] = field(default_factory=list)
    actions: list[tuple[Action, int, int | None]] = field(default_factory=list)

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
            paragraph = Paragraph(child, document)
            if out.clerks_own and _is_action_log(paragraph):
                break  # Clerk's appendix, made from the points: the points come back instead
            _paragraph(paragraph, numbers, out, number)
        elif tag == "tbl":
            table = Table(child, document)
            _table(table, out, number + 1)
            number += len(table.rows)
    placed = _placed(out)
    if placed.clerks_own:  # after placing: it changes the lines the headings' places count
        placed.text, placed.origin = motion_lines(placed.text, placed.origin)
    return placed


def _is_action_log(paragraph: Any) -> bool:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    return bool(_HEADING_STYLE.fullmatch(style)) and clean_line(paragraph.text) == "Action log"


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
        out.headings.append(len(out.text))
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
    """A table of attendance, actions or a recorded vote (word_tables.py), else its rows."""
    rows = [[clean_line(cell.text) for cell in row.cells] for row in table.rows]
    if not rows:
        return
    votes = vote_lines(rows)
    if votes is not None:
        for offset, line in enumerate(votes, start=1):
            out.add(line, first + offset)
        return
    actions = action_rows(rows)
    if actions is not None:
        out.actions += [(action, first + action.row, out.last_heading) for action in actions]
        return
    people = attendance_rows(rows, before_items=out.last_heading is None)
    if people is not None:
        out.attendance += [(line, first) for line in people]
        return
    for offset, row in enumerate(rows):  # any other table: its rows as text, kept
        cells = [cell for cell in row if cell]
        if cells:
            out.add(" | ".join(cells), first + offset)


def _placed(out: _Lines) -> _Lines:
    """The rendered lines with the tables' attendance at the head and each action inside
    its item, before the item's decision (after a decision, a point would be its text)."""
    if not out.attendance and not out.actions:
        return out
    starts = [index - 1 for index in out.headings]  # each heading has a blank line before it
    ends = [*starts[1:], len(out.text)]
    numbers = [_number(out.text[index]) for index in out.headings]
    extra: dict[int | None, list[tuple[str, int]]] = {}
    emptied: set[int] = set()  # "Action list" headings whose every action went elsewhere
    for action, origin, home in out.actions:
        target = None if home is None else out.headings.index(home)
        if action.ref:
            named = [i for i, number in enumerate(numbers) if same_minute(action.ref, number)]
            if named and target is not None and named[0] != target:
                emptied.add(target)
            target = named[0] if named else target
        extra.setdefault(target, []).append((action.line, origin))
    placed = _Lines()
    placed.clerks_own = out.clerks_own
    head_end = starts[0] if starts else len(out.text)
    _copy(out, placed, 0, head_end)
    for line, origin in [*extra.get(None, []), *out.attendance]:
        placed.add(line, origin)
    for position, (start, end) in enumerate(zip(starts, ends, strict=True)):
        at = _before_decision(out.text, start + 2, end)
        if position in emptied and position not in extra and at == start + 2:
            continue  # nothing but the heading of a table whose rows are in their items
        _copy(out, placed, start, at)
        placed.headings.append(start + 1 + len(placed.text) - at)
        for line, origin in extra.get(position, []):
            placed.add(line, origin)
        _copy(out, placed, at, end)
    placed.last_heading = placed.headings[-1] if placed.headings else None
    return placed


def _copy(source: _Lines, target: _Lines, start: int, end: int) -> None:
    target.text += source.text[start:end]
    target.origin += source.origin[start:end]


def _number(line: str) -> str:
    heading = parse_heading(line.strip())
    return "" if heading is None else heading.number


def _before_decision(text: list[str], start: int, end: int) -> int:
    """Where in lines [start, end) the item's decision (or list of papers) begins, else
    the end of its text."""
    for index in range(start, end):
        content = text[index].strip()
        if parse_decision(content) or parse_prose_decision(content):
            return index
        if parse_documents(content) is not None:
            return index
    while end > start and not text[end - 1].strip():
        end -= 1
    return end
