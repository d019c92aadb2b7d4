"""Renders a composed minutes document to a tagged, accessible PDF through a Typst template.

The document goes to the template as JSON data (``sys.inputs``), never spliced into Typst
markup, so no text a clerk types can change the layout.  Typst tags the PDF (PDF/UA-1: headings,
lists with their labels, tables with header cells; marks, watermark, running header and footer
as artifacts), shapes every script, falls back from Liberation Sans to DejaVu Sans by itself,
and keeps widows, orphans and lonely headings off page edges.  Approved minutes are PDF/A-2a
as well, for the archive.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import typst

from clerk_app.core.blocks import MinutesDocument
from clerk_app.export.coverage import Coverage, covered_by, drawable, font_stamp
from clerk_app.export.pdf_data import document_data

if TYPE_CHECKING:
    from typst import PDFStandard  # the stub's name for the profiles Typst knows

Progress = Callable[[int, int], None]

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TEMPLATE = RESOURCES / "templates" / "minutes.typ"
WATERMARK = RESOURCES / "templates" / "watermark.typ"
FONTS = RESOURCES / "fonts"


class TemplateError(Exception):
    """The Typst template could not lay the minutes out (a broken or foreign template)."""


class InstallationError(Exception):
    """The template or the fonts Clerk ships are missing: a broken installation."""


def standards(document: MinutesDocument) -> list[PDFStandard]:
    """PDF/UA-1 always; approved minutes are the record, so PDF/A-2a (archival) too."""
    return ["ua-1"] if document.draft else ["ua-1", "a-2a"]


def typst_inputs(document: MinutesDocument, template: Path | None = None) -> dict[str, str]:
    """What ``template`` (None: Clerk's) is given (``sys.inputs``): the PDF and the preview
    share it.  It depends on the template: a character only its own fonts draw is printed."""
    return {
        "data": json.dumps(document_data(document, _coverage(template)), ensure_ascii=False),
        "watermark": _watermark(document.watermark) if document.watermark else "",
    }


def _coverage(template: Path | None) -> Coverage:
    """What the fonts ``template`` (None: Clerk's) is laid out with can draw (``font_paths``:
    a house template's own fonts may draw more than Clerk's)."""
    return covered_by(font_paths(template or TEMPLATE))


def _check_installation(template: Path) -> None:
    for needed in (template, FONTS / "LiberationSans-Regular.ttf", FONTS / "DejaVuSans.ttf"):
        if not needed.is_file():
            raise InstallationError(f"{needed.name} is missing from {needed.parent}")


def _compile(
    document: MinutesDocument,
    template: Path | None,
    inputs: dict[str, str] | None = None,
    **options: Any,
) -> bytes | list[bytes]:
    template = template or TEMPLATE
    _check_installation(template)
    try:
        result: bytes | list[bytes] = typst.compile(
            template,
            root=template.parent,
            font_paths=font_paths(template),
            # Only the fonts given: the PDF looks the same on every machine, and PDF/A
            # needs every font embedded, which Typst does for the fonts it is given.
            ignore_system_fonts=True,
            sys_inputs=inputs if inputs is not None else typst_inputs(document, template),
            **options,
        )
    except typst.TypstError as exc:
        raise TemplateError(exc.message) from exc
    return result


def font_paths(template: Path) -> list[Path]:
    """Clerk's fonts, and a house-style template's own in a ``fonts`` folder beside it (a
    folder of its own: Typst reads every font file under a folder it is given)."""
    own = template.parent / "fonts"
    return [FONTS, own] if template != TEMPLATE and own.is_dir() else [FONTS]


def render(
    document: MinutesDocument,
    template: Path | None = None,
    inputs: dict[str, str] | None = None,
) -> bytes:
    """The PDF's bytes; raises TemplateError if the template cannot lay the document out.

    ``inputs``: ``typst_inputs(document, template)``, if the caller has worked it out already."""
    pdf = _compile(document, template, inputs, pdf_standards=standards(document))
    assert isinstance(pdf, bytes)  # a PDF is one file, whatever its pages
    return pdf


def render_pages(document: MinutesDocument, template: Path | None = None) -> list[bytes]:
    """Each page as the PDF lays it out, as SVG (the live preview): same template, same data.

    SVG, not PNG: Typst writes 33 pages of SVG in about a fifth of the time it takes to
    rasterise them, and the preview rasterises only the pages that changed.  One compiler is
    kept per template, so a preview that follows typing does not read the fonts again; a
    template edited since (a clerk designing a house style), or a font added beside it, gets
    a compiler of its own, so the preview shows the edit.
    """
    template = template or TEMPLATE
    _check_installation(template)
    inputs = typst_inputs(document, template)
    try:
        with _COMPILER_LOCK:  # a kept compiler serves one layout at a time
            compiler = _compiler(template, edition(template))
            pages = compiler.compile(format="svg", sys_inputs=inputs)
    except typst.TypstError as exc:
        raise TemplateError(exc.message) from exc
    assert pages is not None  # no output path given: the pages come back
    return pages if isinstance(pages, list) else [pages]


_COMPILER_LOCK = threading.Lock()


Edition = tuple[int, int, tuple[tuple[str, int, int], ...]]


def edition(template: Path) -> Edition:
    """Which version of ``template`` this is: its time and size (a stat), and those of the
    fonts beside it.  The preview asks on every update whether it changed."""
    try:
        stat = template.stat()
    except OSError:
        return (0, -1, ())  # gone: said where it is laid out
    own = [folder for folder in font_paths(template) if folder != FONTS]
    return (stat.st_mtime_ns, stat.st_size, tuple(f for d in own for f in font_stamp(d)))


@lru_cache(maxsize=2)
def _compiler(template: Path, _edition: Edition) -> typst.Compiler:
    """A compiler for this edition of ``template`` (the key): Typst reads its fonts once, when
    it is made, so a font added beside a house template needs a new one."""
    return typst.Compiler(
        template, root=template.parent, font_paths=font_paths(template), ignore_system_fonts=True
    )


def render_with(
    document: MinutesDocument,
    template: Path | None,
    warn: Callable[[str], None] | None,
    inputs: dict[str, str] | None = None,
) -> bytes:
    """The PDF through a body's own template, or through Clerk's default if that one fails.

    A house-style template that is missing or cannot lay the minutes out must not stop the
    minutes going out: ``warn`` hears why, and the default template is used instead.
    ``inputs`` as for :func:`render` (worked out for ``template``: when Clerk's default takes
    over, the text is worked out again for Clerk's fonts, which may draw less).
    """
    if template is None or template == TEMPLATE:
        return render(document, inputs=inputs)
    problem = ""
    if not template.is_file():
        problem = "it is not there"
    else:
        try:
            return render(document, template, inputs)
        except TemplateError as exc:
            problem = str(exc).splitlines()[0][:120] if str(exc) else "it failed"
    if warn is not None:
        warn(f"PDF template {template.name} could not be used ({problem}); Clerk's default is used")
    same_fonts = font_paths(template) == font_paths(TEMPLATE)
    return render(document, inputs=inputs if same_fonts else None)


@lru_cache(maxsize=4)
def _watermark(word: str) -> str:
    """The watermark word as an SVG of glyph outlines (Typst's SVG draws text as paths)."""
    svg = typst.compile(
        WATERMARK,
        format="svg",
        font_paths=[FONTS],
        ignore_system_fonts=True,
        sys_inputs={"word": drawable(word, FONTS)},
    )
    assert isinstance(svg, bytes)  # one page, so one SVG
    return svg.decode("utf-8")


def write_pdf(
    document: MinutesDocument,
    target: Path | BinaryIO,
    progress: Progress | None = None,
    *,
    template: Path | None = None,
    warn: Callable[[str], None] | None = None,
) -> None:
    """Lay the document out on A4 pages and write the PDF to ``target``.

    ``template``: a body's own Typst template (house style); ``warn`` hears why it could not
    be used, and Clerk's default lays the minutes out instead.
    """
    total = len(document.blocks) + 1
    if progress is not None:
        progress(0, total)
    pdf = render_with(document, template, warn)
    if isinstance(target, Path):
        target.write_bytes(pdf)
    else:
        target.write(pdf)
    if progress is not None:
        progress(total, total)
