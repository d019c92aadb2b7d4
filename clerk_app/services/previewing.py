"""The live preview's pages: the open meeting laid out exactly as its PDF prints, page by page."""

from __future__ import annotations

from clerk_app.core.blocks import MinutesDocument
from clerk_app.core.document import compose
from clerk_app.core.model import Meeting


class PreviewError(Exception):
    """The minutes could not be laid out (a broken installation); the message says why."""


def preview_document(meeting: Meeting, *, confidential: bool = False) -> MinutesDocument:
    """The composed minutes the PDF export would print (public unless ``confidential``).

    Called on the GUI thread: the meeting in memory changes under every keystroke, so it is
    read there, and only the frozen document goes to the worker.
    """
    return compose(meeting, confidential=confidential)


def preview_pages(document: MinutesDocument) -> list[bytes]:
    """Each page as SVG, through the PDF's own template and data (``export.pdf``)."""
    from clerk_app.export.pdf import InstallationError, TemplateError, render_pages

    try:
        return render_pages(document)
    except (InstallationError, TemplateError) as exc:
        raise PreviewError(f"The preview cannot lay the minutes out: {exc}") from exc
