"""Whether a meeting may be changed: the checks every edit of the store runs first."""

from __future__ import annotations

from sqlalchemy.orm import Session

from clerk_app.store.errors import UnknownMeetingError
from clerk_app.store.tables import MeetingRow


class LockedMeetingError(PermissionError):
    """The minutes are approved: they change only by a recorded amendment."""


def meeting_row(session: Session, meeting_id: int, *, deleted: bool | None = False) -> MeetingRow:
    """The meeting's row; ``deleted`` True for one in the trash, None for either."""
    row = session.get(MeetingRow, meeting_id)
    if row is None or (deleted is not None and (row.deleted_at is not None) != deleted):
        where = " in the trash" if deleted else ""
        raise UnknownMeetingError(f"there is no meeting {meeting_id}{where}")
    return row


def ensure_editable(session: Session, meeting_id: int) -> None:
    row = meeting_row(session, meeting_id, deleted=None)
    if row.status == "approved":
        raise LockedMeetingError(
            f"the minutes of {row.committee} on {row.date:%d/%m/%Y} are approved and locked; "
            "record an amendment instead"
        )
