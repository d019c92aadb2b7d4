"""``clerk-app export ID --to minutes.pdf`` without SQLAlchemy: the meeting read through the
standard library, laid out by Typst on a thread of its own, written, and a draft noted as
circulated, all before SQLAlchemy would have finished importing.

The meeting is read by ``store/quick_read`` in one read transaction, composed, and given to
Typst on a thread (Typst lets go of Python's lock while it works, so a second core is not
idle meanwhile).  The file is written by the exporters' own ``export_meeting``, with the same
checks and messages as any export, and a draft is kept in the history as circulated by
``store/circulation``, the same rule as ``store/archive.take_revision`` in plain SQL.

Until this stop the usual path ran beside it and the pages were used only when an ORM read
agreed: about 0.3 s of a core on every export, for a check that the readers' equality tests
make (both readers on every stored schema fixture and on generated meetings).  Whenever the
quick reader is not certain (another schema revision, a missing meeting, any SQLite error) it
answers None and the usual path does everything, as before.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

from clerk_app.core.model import Meeting, Status
from clerk_app.services import identity
from clerk_app.services.export_rules import protected_files
from clerk_app.store.circulation import note_circulated
from clerk_app.store.errors import StorageUnavailable
from clerk_app.store.quick_read import read_meeting


@dataclass(frozen=True)
class Options:
    """What, besides the meeting, decides the pages."""

    confidential: bool
    action_log: bool
    author: str
    template: Path | None


class PdfAhead:
    """Typst laying one meeting's PDF out on a thread, begun by :func:`begin_pdf`."""

    def __init__(self, meeting: Meeting, options: Options) -> None:
        from clerk_app.core.document import compose

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
        # caller's own (the writer's imports, the history's copy of the draft) for Python's
        # lock, and hold Typst back.
        self._inputs = typst_inputs(self._document, options.template)
        self._pdf: bytes | None = None
        self._error: BaseException | None = None
        # A daemon: if the export is refused (a target it may not write), the process ends
        # without waiting for the pages.
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
    return PdfAhead(read.meeting, options)


@dataclass(frozen=True)
class Finished:
    """The file written, and what the clerk should hear about it (a house template that could
    not be used; a history that could not note the draft as circulated)."""

    path: Path
    warnings: tuple[str, ...]


def finish_pdf(ahead: PdfAhead, database: Path, target: Path) -> Finished:
    """The export begun by :func:`begin_pdf`: the pages written to ``target`` as any export
    writes them (files.export_meeting: ExportError says what went wrong), then a draft noted
    as circulated in ``database``, a separate step that never fails the export."""
    from clerk_app.core.snapshot import to_json
    from clerk_app.export.files import export_meeting

    options, meeting = ahead.options, ahead.meeting
    # The draft as the history keeps it, worked out while Typst is still at work on its thread.
    circulated = to_json(meeting) if meeting.status is Status.DRAFT else None
    path = export_meeting(
        meeting,
        Path(target),
        confidential=options.confidential,
        action_log=options.action_log,
        author=options.author,
        protected=protected_files(database),
        pdf_template=options.template,
        laid_out=ahead.pdf,
    )
    warnings = list(ahead.warnings)  # complete once the pages are
    if circulated is not None and meeting.id is not None:
        problem = _note_circulated(database, meeting.id, circulated)
        if problem:
            warnings.append(
                f"{path.name} is written, but the history could not record that this draft "
                f"was circulated: {problem}"
            )
    return Finished(path, tuple(warnings))


def _note_circulated(database: Path, meeting_id: int, content: str) -> str:
    """Why the draft could not be noted as circulated ("" once it is)."""
    now = dt.datetime.now().replace(microsecond=0)  # as services/archive stamps revisions
    try:
        if note_circulated(database, meeting_id, content, now):
            return ""
    except StorageUnavailable as exc:
        return str(exc)
    return "the database changed while the minutes were written"
