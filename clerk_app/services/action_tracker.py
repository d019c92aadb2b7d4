"""The action tracker across meetings: what is owed, by whom, and since when."""

from __future__ import annotations

from clerk_app.core.action_entries import ActionEntry, meeting_actions
from clerk_app.store import meetings as store
from clerk_app.store.database import Database
from clerk_app.store.queries import meetings_with_actions


def action_log(db: Database, *, open_only: bool = False) -> list[ActionEntry]:
    """Every action, newest meeting first, in minute order within a meeting."""
    entries: list[ActionEntry] = []
    with db.session() as session:
        for meeting_id in meetings_with_actions(session, open_only=open_only):
            meeting = store.load_meeting(session, meeting_id)
            entries += [e for e in meeting_actions(meeting) if not (open_only and e.done)]
    return entries
