"""Tables in Word minutes, as the plain-text lines they stand for: attendance, actions and
recorded votes, wherever in the document they sit.

An attendance table lists people by row ("Name | Role", with a "Status" column saying who sent
apologies) or by column ("Present | Apologies | In attendance"); its lines go to the head of
the minutes, where the attendance is read.  An action table ("Action / Owner / Date", any
order) gives one bulleted point a row with its action tag; a "Minute" or "Item" column says
which item the action belongs to.  A recorded vote ("Member | Vote") gives one named vote a
row.  Any other table is kept as text, its cells joined by " | ".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clerk_app.core.text import clean_line
from clerk_app.minutes_text.attendance import attendance_line

_PEOPLE_HEAD = re.compile(r"present|attendees?|members?|names?|apologies", re.IGNORECASE)
_NAME_HEAD = re.compile(r"names?|members?|councillors?|attendees?", re.IGNORECASE)
_DETAIL_HEAD = re.compile(r"role|position|title|job title|representing", re.IGNORECASE)
_STATUS_HEAD = re.compile(r"status|attendance|attended", re.IGNORECASE)
_ACTION_HEAD = re.compile(r"actions?|task|action required|agreed action", re.IGNORECASE)
_OWNER_HEAD = re.compile(r"owner|by whom|who|lead|responsible|action by", re.IGNORECASE)
_DATE_HEAD = re.compile(r"date|due|due date|deadline|by when|target date", re.IGNORECASE)
_REF_HEAD = re.compile(r"minute(?: no\.?| ref\.?| number)?|item(?: no\.?)?|ref\.?", re.I)
_VOTE_HEAD = re.compile(r"vote|voted", re.IGNORECASE)
_LEADER = " .........."


@dataclass(frozen=True)
class Action:
    """One row of an action table: the point's line, and the minute it names (or "")."""

    line: str
    row: int  # the row's place in the table, the header being 0
    ref: str


def _column(head: list[str], pattern: re.Pattern[str]) -> int | None:
    return next((i for i, text in enumerate(head) if pattern.fullmatch(text)), None)


def _cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def action_rows(rows: list[list[str]]) -> list[Action] | None:
    """The rows of an action table as bulleted points with their tags; None if the table
    has no action column."""
    head = rows[0]
    action = _column(head, _ACTION_HEAD)
    if action is None:
        return None
    owner, due = _column(head, _OWNER_HEAD), _column(head, _DATE_HEAD)
    ref = _column(head, _REF_HEAD)
    out: list[Action] = []
    for number, row in enumerate(rows[1:], start=1):
        task = _cell(row, action)
        if not task:
            continue
        who, when = _cell(row, owner), _cell(row, due)
        tag = f" (Action: {who}{f' by {when}' if when else ''})" if who else ""
        out.append(Action(f"\u2022 {task}{tag}", number, _cell(row, ref)))
    return out


def same_minute(ref: str, number: str) -> bool:
    """Whether an action table's "Minute" cell ("5", "5.", "Minute 5", "23/45") names the
    item numbered ``number``."""
    said = re.sub(r"^(?i:minute|item|min\.?)\s*", "", clean_line(ref)).rstrip(".").casefold()
    return bool(said) and said == number.strip().rstrip(".").casefold()


def vote_lines(rows: list[list[str]]) -> list[str] | None:
    """ "Member | Vote" rows as the named-vote lines the text reader knows; None if the
    table is not a recorded vote."""
    head = rows[0]
    vote = _column(head, _VOTE_HEAD)
    member = _column(head, _NAME_HEAD)
    if vote is None or member is None:
        return None
    return [
        f"{_cell(row, member)}{_LEADER} {_cell(row, vote)}"
        for row in rows[1:]
        if _cell(row, member) and _cell(row, vote)
    ]


def attendance_rows(rows: list[list[str]], *, before_items: bool) -> list[str] | None:
    """Attendance header lines for a table of people; None if it is not one.  Before the
    first item a table whose first column is headed "Name" or "Present" is attendance; later
    it must say so more plainly (attendance keys as column heads, or "Name" with a role or
    status column), as a table of grants ("Name | Amount") is not."""
    head = rows[0]
    keyed = [attendance_line(text) is not None for text in head if text]
    if keyed and all(keyed):
        return _by_column(rows)
    status = _column(head[1:], _STATUS_HEAD)  # the first column holds the names
    status = None if status is None else status + 1
    detail = _column(head[1:], _DETAIL_HEAD)
    if not _PEOPLE_HEAD.fullmatch(head[0] if head else ""):
        return None
    if not before_items and status is None and detail is None:
        return None
    return _by_row(rows, status)


def _by_column(rows: list[list[str]]) -> list[str]:
    out: list[str] = []
    for index, key in enumerate(rows[0]):
        names = [_cell(row, index) for row in rows[1:] if _cell(row, index)]
        if key and names:
            out += [f"{key}:", *names, ""]
    return out


def _by_row(rows: list[list[str]], status: int | None) -> list[str]:
    head = rows[0]
    default = "Apologies" if head[0].lower().startswith("apolog") else "Present"
    groups: dict[str, list[str]] = {}
    for row in rows[1:]:
        said = _cell(row, status)
        key = said if said and attendance_line(said) is not None else default
        cells = [cell for i, cell in enumerate(row) if cell and i != status]
        if cells:
            extra = "".join(f" ({cell})" for cell in cells[1:])
            groups.setdefault(key, []).append(f"{cells[0]}{extra}")
    out: list[str] = []
    for key, people in groups.items():
        out += [f"{key}:", *people, ""]
    return out
