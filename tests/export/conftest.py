"""PDFs made once per test session, read back by the PDF tests and validated by veraPDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_app.core.model import Status
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
    }
