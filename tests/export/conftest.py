"""PDFs made once per test session, read back by the PDF tests and validated by veraPDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from clerk_app.core.model import AgendaItem, Meeting, Point, Status
from clerk_app.export.files import export_actions, export_meeting
from tests.export.minutes_factory import hostile_meeting, sample_meeting


@pytest.fixture(scope="session")
def pdf_files(tmp_path_factory) -> dict[str, Path]:
    """Every kind of PDF Clerk writes: draft (public), confidential, approved, hostile text."""
    folder = tmp_path_factory.mktemp("pdf")
    return {
        "public": export_meeting(sample_meeting(), folder / "public.pdf", action_log=True),
        "confidential": export_meeting(
            sample_meeting(), folder / "confidential.pdf", confidential=True, action_log=True
        ),
        "approved": export_meeting(sample_meeting(status=Status.APPROVED), folder / "approved.pdf"),
        "hostile": export_meeting(hostile_meeting(), folder / "hostile.pdf"),
        "actions": export_actions(sample_meeting(), folder / "actions.pdf", confidential=True),
        "untitled": export_meeting(untitled_meeting(), folder / "untitled.pdf"),
    }


def untitled_meeting() -> Meeting:
    """No committee, an item with a number and no title, one with neither (as imports make)."""
    return Meeting(
        committee="",
        date=dt.date(2025, 6, 2),
        items=[
            AgendaItem(title="", number="3", points=[Point("A point under a bare number.")]),
            AgendaItem(title="", points=[Point("A point under nothing at all.")]),
        ],
    )
