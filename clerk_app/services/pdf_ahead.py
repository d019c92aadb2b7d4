"""A PDF export begun before the database is opened: Typst lays out while SQLAlchemy loads.

``clerk-app export ID --to minutes.pdf`` used to import SQLAlchemy, open the file, read the
meeting, and only then hand it to Typst: two long waits, one after the other, on a machine
with a second core idle.  Here the meeting is read through the standard library
(``store/quick_read``), composed, and given to Typst on a thread of its own (Typst lets go of
Python's lock while it works); the caller meanwhile opens the database the usual way.

Nothing is trusted blindly.  ``export_minutes`` reads the meeting the usual way as well, and
takes these pages only when that meeting, the template and the options are the same as the
ones laid out here; otherwise it lays the minutes out again itself.  Nothing is written here.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from clerk_app.core.model import Meeting
from clerk_app.services import identity
from clerk_app.store.quick_read import read_meeting


@dataclass(frozen=True)
class Options:
    """What, besides the meeting, decides the pages: compared before they are used."""

    confidential: bool
    action_log: bool
    author: str
    template: Path | None


class PdfAhead:
    """Typst laying one meeting's PDF out on a thread, begun by :func:`begin_pdf`."""

    def __init__(self, meeting_id: int, meeting: Meeting, options: Options) -> None:
        from clerk_app.core.document import compose

        self.meeting_id = meeting_id
        self.meeting = meeting
        self.options = options
        # Why the body's template could not be used, heard on the thread; the caller says so.
        self.warnings: list[str] = []
        from clerk_app.export.pdf import typst_inputs

        self._document = compose(
            meeting,
            confidential=options.confidential,
            action_log=options.action_log,
            author=options.author,
        )
        # Worked out here, not on the thread: Python work there would take turns with the
        # caller's imports for Python's lock, and hold Typst back twice as long.
        self._inputs = typst_inputs(self._document, options.template)
        self._pdf: bytes | None = None
        self._error: BaseException | None = None
        # A daemon: if opening the database fails, the process ends without waiting for it.
        self._thread = threading.Thread(target=self._lay_out, name="clerk-pdf", daemon=True)
        self._thread.start()

    def _lay_out(self) -> None:
        from clerk_app.export.pdf import render_with

        try:
            self._pdf = render_with(
                self._document, self.options.template, self.warnings.append, self._inputs
            )
        except BaseException as exc:  # raised again where the pages are asked for
            self._error = exc

    def matches(self, meeting_id: int, meeting: Meeting, options: Options) -> bool:
        """Whether these pages are the ones the usual path would lay out."""
        return (meeting_id, meeting, options) == (self.meeting_id, self.meeting, self.options)

    def pdf(self) -> bytes:
        """The PDF's bytes, once Typst is done; raises what rendering raised."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._pdf is not None, "the thread either rendered or failed"
        return self._pdf


def begin_pdf(
    database: Path,
    meeting_id: int,
    target: Path,
    *,
    confidential: bool,
    action_log: bool,
    author: str | None,
    template: Path | None,
) -> PdfAhead | None:
    """Start laying out the PDF of meeting ``meeting_id`` for ``target``, or None when this
    cannot help (not a .pdf, or a file the quick reader leaves to the usual one).

    ``author`` is the clerk's name setting and ``template`` a Typst template given on the
    command line (otherwise the body's house style), as for ``export_minutes``.
    """
    if Path(target).suffix.lower() != ".pdf":
        return None
    read = read_meeting(database, meeting_id)
    if read is None:
        return None
    options = Options(
        confidential=confidential,
        action_log=action_log,
        author=identity.author_name(author),
        template=template if template is not None else read.pdf_template,
    )
    return PdfAhead(meeting_id, read.meeting, options)
