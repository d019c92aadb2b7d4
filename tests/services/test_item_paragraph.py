"""Editing an item: the Schedule 12A paragraph field takes paragraph numbers only."""

from __future__ import annotations

import pytest

from clerk_app.core.changes import UpdateItem
from clerk_app.core.exempt import ExemptParagraphError
from clerk_app.services import editing, meetings
from clerk_app.store.database import Database
from tests.samples import planning_meeting


def test_the_service_refuses_reasons_in_the_paragraph_field(db: Database) -> None:
    meeting_id = meetings.create_meeting(db, planning_meeting())
    meeting = meetings.load_meeting(db, meeting_id)
    item = meeting.items[2]
    with pytest.raises(ExemptParagraphError):
        editing.apply_changes(db, meeting, [UpdateItem(item, {"exempt_paragraph": "1 - advice"})])
    assert "advice" not in item.exempt_paragraph  # refused on screen as in the file
    editing.apply_changes(
        db, meeting, [UpdateItem(item, {"exempt_paragraph": "paragraphs 1 and 3"})]
    )
    assert meetings.load_meeting(db, meeting_id).items[2].exempt_paragraph == "1 and 3"
