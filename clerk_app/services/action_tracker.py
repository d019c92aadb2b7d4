"""The action tracker across meetings: what is owed, by whom, and since when."""

from __future__ import annotations

import csv
import datetime as dt
import io

from clerk_app.core.action_entries import ActionEntry
from clerk_app.core.folding import fold
from clerk_app.core.lettering import reference_label
from clerk_app.core.model import LabelStyle
from clerk_app.store.database import Database
from clerk_app.store.queries import ActionRow, action_rows

__all__ = ["ActionEntry", "action_log", "to_csv"]


_STYLES = {style.value: style for style in LabelStyle}


def _entry(row: ActionRow) -> ActionEntry:
    style = _STYLES[row.label_style]
    if row.parent_position is None:
        label = reference_label(style, row.position, None, row.number_base)
    else:
        label = reference_label(style, row.parent_position, row.position, row.number_base)
    return ActionEntry(
        meeting_id=row.meeting_id,
        meeting_date=row.meeting_date,
        committee=row.committee,
        item_number=row.item_number,
        item_title=row.item_title,
        label=label,
        owners=tuple(row.owners.split("/")),
        due=row.due,
        done=row.done,
        done_on=row.done_on,
        text=row.text,
        point_id=row.point_id,
        exempt=row.exempt,
    )


def action_log(
    db: Database,
    *,
    open_only: bool = False,
    done_only: bool = False,
    owner: str | None = None,
    committee: str | None = None,
    overdue_on: dt.date | None = None,
    include_exempt: bool = False,
) -> list[ActionEntry]:
    """Every action, newest meeting first, in minute order within a meeting.

    Public by default: actions of exempt items are left out unless ``include_exempt``, so a
    caller that forgets to ask never prints confidential business.

    ``owner`` and ``committee`` match part of a name, ignoring case and accents ("wojcik"
    finds "Łukasz Wójcik"); ``overdue_on`` keeps open actions due before that day.  Labels come
    from stored positions, so no meeting has to be loaded whole: the tracker stays quick with
    years of meetings in the file.
    """
    want_owner = fold(owner) if owner else None
    want_committee = fold(committee) if committee else None
    with db.session() as session:
        rows = action_rows(session, open_only=open_only, done_only=done_only, overdue_on=overdue_on)
    entries = []
    for row in rows:
        if want_committee and want_committee not in fold(row.committee):
            continue
        if want_owner and want_owner not in fold(row.owners):
            continue
        if row.exempt and not include_exempt:
            continue
        entries.append(_entry(row))
    return entries


CSV_COLUMNS = (
    "Meeting date",
    "Committee",
    "Minute",
    "Item",
    "Point",
    "Owners",
    "Due",
    "Status",
    "Done on",
    "Minute text",
)


# A cell starting with one of these is read by Excel, LibreOffice and Sheets as a formula
# (OWASP "CSV injection"): "=HYPERLINK(...)" typed into a point would run when the log opens.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _inert(cell: str) -> str:
    """The cell as text a spreadsheet will not evaluate: a leading ' as OWASP advises."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def to_csv(entries: list[ActionEntry]) -> str:
    """The "outstanding actions" report as CSV (UTF-8 with BOM added by the writer for Excel).

    Every cell is quoted, and a cell that a spreadsheet would take for a formula starts with
    a single quote, so the log is safe to open whatever the minutes say.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        writer.writerow(
            _inert(cell)
            for cell in [
                e.meeting_date.isoformat(),
                e.committee,
                e.item_number,
                e.item_title,
                e.label,
                "/".join(e.owners),
                e.due.isoformat() if e.due else "",
                "done" if e.done else "open",
                e.done_on.isoformat() if e.done_on else "",
                e.text,
            ]
        )
    return buffer.getvalue()
