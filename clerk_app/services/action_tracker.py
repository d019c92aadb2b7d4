"""The action tracker across meetings: what is owed, by whom, and since when."""

from __future__ import annotations

import csv
import datetime as dt
import io

from clerk_app.core.action_entries import ActionEntry, meeting_actions
from clerk_app.core.folding import fold
from clerk_app.store import meetings as store
from clerk_app.store.database import Database
from clerk_app.store.queries import meetings_with_actions

__all__ = ["ActionEntry", "action_log", "to_csv"]


def action_log(
    db: Database,
    *,
    open_only: bool = False,
    done_only: bool = False,
    owner: str | None = None,
    committee: str | None = None,
    overdue_on: dt.date | None = None,
    include_exempt: bool = True,
) -> list[ActionEntry]:
    """Every action, newest meeting first, in minute order within a meeting.

    ``owner`` and ``committee`` match part of a name, ignoring case and accents ("wojcik"
    finds "Łukasz Wójcik"); ``overdue_on`` keeps open actions due before that day.
    """
    want_owner = fold(owner) if owner else None
    want_committee = fold(committee) if committee else None
    entries: list[ActionEntry] = []
    with db.session() as session:
        for meeting_id in meetings_with_actions(session, open_only=open_only or bool(overdue_on)):
            meeting = store.load_meeting(session, meeting_id)
            if want_committee and want_committee not in fold(meeting.committee):
                continue
            for entry in meeting_actions(meeting):
                if (open_only and entry.done) or (done_only and not entry.done):
                    continue
                if want_owner and not any(want_owner in fold(o) for o in entry.owners):
                    continue
                if overdue_on and not entry.overdue(overdue_on):
                    continue
                if entry.exempt and not include_exempt:
                    continue
                entries.append(entry)
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


def to_csv(entries: list[ActionEntry]) -> str:
    """The "outstanding actions" report as CSV (UTF-8 with BOM added by the writer for Excel)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        writer.writerow(
            [
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
