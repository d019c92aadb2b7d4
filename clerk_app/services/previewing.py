"""The live preview's pages: the open meeting laid out exactly as its PDF prints, page by page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from clerk_app.core.blocks import MinutesDocument
from clerk_app.core.document import compose
from clerk_app.core.model import Meeting
from clerk_app.services import bodies
from clerk_app.services.database import Database, environment_fault


class PreviewError(Exception):
    """The minutes could not be laid out (a broken installation); the message says why."""


def preview_document(meeting: Meeting, *, confidential: bool = False) -> MinutesDocument:
    """The composed minutes the PDF export would print (public unless ``confidential``).

    Called on the GUI thread: the meeting in memory changes under every keystroke, so it is
    read there, and only the frozen document goes to the worker.
    """
    return compose(meeting, confidential=confidential)


def body_template(db: Database, body_id: int | None, last: Path | None = None) -> Path | None:
    """The Typst template the body ``body_id`` prints with (None: Clerk's own), as its
    setting is now and as the PDF export would choose it: the preview shows the house style
    the PDF will have.

    The preview asks before every layout (a small read, on its worker), so a template chosen
    for the body while its meeting is open is followed at the next edit; a template file
    edited since the last layout is noticed by ``export.pdf`` (a stat), which reads it again.
    When the file cannot be read at this moment (locked by another process past the busy
    timeout, a network drive gone), the template ``last`` read stands: the preview keeps
    showing the house style rather than failing, and the next layout asks again.
    """
    try:
        return bodies.house_style(db, body_id)[1]
    except Exception as exc:
        if environment_fault(exc) is None:
            raise  # a bug: the preview reports it
        return last


def preview_pages(
    document: MinutesDocument,
    template: Path | None = None,
    warn: Callable[[str], None] | None = None,
) -> list[bytes]:
    """Each page as SVG, through the PDF's own template and data (``export.pdf``).

    A house ``template`` that cannot be used is told to ``warn`` (in the PDF export's words)
    and Clerk's default lays the pages out, as the export would.
    """
    from clerk_app.export.pdf import InstallationError, TemplateError, render_pages

    try:
        if template is not None:
            problem = "it is not there"
            if template.is_file():
                try:
                    return render_pages(document, template)
                except TemplateError as exc:
                    problem = str(exc).splitlines()[0][:120] if str(exc) else "it failed"
            if warn is not None:
                warn(
                    f"PDF template {template.name} could not be used ({problem}); "
                    "Clerk's default is used"
                )
        return render_pages(document)
    except (InstallationError, TemplateError) as exc:
        raise PreviewError(f"The preview cannot lay the minutes out: {exc}") from exc
