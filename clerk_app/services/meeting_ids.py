"""The MEETING argument of the command line, as a clerk types it."""

from __future__ import annotations

from clerk_app.store.errors import UnknownMeetingError


def parse_meeting_id(text: str) -> int:
    """The MEETING argument as typed; UnknownMeetingError (a sentence) when it is not an id."""
    try:
        value = int(text.strip())
    except ValueError:
        raise UnknownMeetingError(
            f"there is no meeting {text!r}: give the number that 'clerk-app list' shows"
        ) from None
    if value <= 0:
        raise UnknownMeetingError(f"there is no meeting {value}")
    return value
