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
import re
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import typst

from clerk_app.core.blocks import (
    ACTION_COLUMN_SHARES,
    ACTION_COLUMNS,
    FOOTER,
    ActionTable,
    Block,
    DecisionBlock,
    Heading,
    LabelledParagraph,
    MinutesDocument,
    PageBreak,
    Paragraph,
    RecordTable,
    SignatureBlock,
    Stub,
)
from clerk_app.export.coverage import Coverage, covered_by, drawable, font_stamp

if TYPE_CHECKING:
    from typst import PDFStandard  # the stub's name for the profiles Typst knows

Progress = Callable[[int, int], None]

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TEMPLATE = RESOURCES / "templates" / "minutes.typ"
WATERMARK = RESOURCES / "templates" / "watermark.typ"
FONTS = RESOURCES / "fonts"

Json = dict[str, Any]


class TemplateError(Exception):
    """The Typst template could not lay the minutes out (a broken or foreign template)."""


class InstallationError(Exception):
    """The template or the fonts Clerk ships are missing: a broken installation."""


# Typst breaks lines only where words allow it: a pasted hash or URL longer than a line would
# run off the page, so such a run gets an invisible break opportunity every so many characters.
_LONG_RUN = re.compile(r"\S{40,}")
_ZERO_WIDTH_SPACE = "\u200b"


def _chunked(match: re.Match[str]) -> str:
    run = match.group()
    return _ZERO_WIDTH_SPACE.join(run[i : i + 30] for i in range(0, len(run), 30))


def _text(text: str, have: Coverage) -> str:
    """``text`` as printed: what no font given to Typst (``have``) draws is marked."""
    text = drawable(text, have)
    # str.split is quicker than the pattern on ordinary prose, which has no such run.
    if len(text) < 40 or max(map(len, text.split()), default=0) < 40:
        return text
    return _LONG_RUN.sub(_chunked, text)


def _labelled(block: LabelledParagraph, have: Coverage) -> Json:
    return {"label": _text(block.label, have), "text": _text(block.text, have), "subs": []}


def _points(run: list[LabelledParagraph], have: Coverage) -> Json:
    """One list: points with their sub-points nested under them, in the minutes' order."""
    items: list[Json] = []
    for block in run:
        if block.level > 0 and items:
            items[-1]["subs"].append(_labelled(block, have))
        else:
            items.append(_labelled(block, have))
    return {"kind": "points", "indent": run[0].indent, "items": items}


def _heading(heading: Heading, have: Coverage) -> Json:
    number, title = _text(heading.number, have), _text(heading.title, have)
    if not title:
        # A tagged heading must have words: an untitled item is headed by its number alone.
        number, title = "", number or "Untitled item"
    return {"kind": "heading", "number": number, "title": title}


def _paragraph(block: Paragraph, have: Coverage) -> Json:
    return {
        "kind": "paragraph",
        "text": _text(block.text, have),
        "lead": _text(block.lead, have),
        "indent": block.indent,
        "style": block.style.value,
        "keep": block.keep_with_next,
    }


def _block(block: Block, have: Coverage) -> list[Json]:
    if isinstance(block, Heading):
        return [_heading(block, have)]
    if isinstance(block, Paragraph):
        return [_paragraph(block, have)]
    if isinstance(block, Stub):
        # The notice sticks to its heading (headings stick to what follows them).
        notice = Paragraph(block.notice, indent=1)
        return [_heading(block.heading, have), _paragraph(notice, have)]
    if isinstance(block, DecisionBlock):
        return [
            {
                "kind": "decision",
                "keyword": block.keyword,
                "preamble": _text(block.preamble, have),
                "indent": block.indent,
                "resolutions": [_labelled(r, have) for r in block.resolutions],
            }
        ]
    if isinstance(block, SignatureBlock):
        return [{"kind": "signature", "lines": list(block.lines)}]
    if isinstance(block, ActionTable):
        rows = [
            [_text(cell, have) for cell in (r.ref, r.item, r.summary, r.owners, r.due, r.status)]
            for r in block.rows
        ]
        return [
            {
                "kind": "table",
                "columns": list(ACTION_COLUMNS),
                "shares": list(ACTION_COLUMN_SHARES),
                "rows": rows,
                "empty": block.empty_text,
            }
        ]
    if isinstance(block, RecordTable):
        # The template's table: header cells repeated on each page, as for the action log.
        return [
            {
                "kind": "table",
                "columns": list(block.columns),
                "shares": list(block.shares),
                "rows": [[_text(cell, have) for cell in row] for row in block.rows],
                "empty": "",
            }
        ]
    if isinstance(block, PageBreak):
        return [{"kind": "pagebreak"}]
    raise TypeError(f"no PDF rendering for {type(block).__name__}")


def _blocks(document: MinutesDocument, have: Coverage) -> list[Json]:
    out: list[Json] = []
    run: list[LabelledParagraph] = []
    for block in document.blocks:
        if isinstance(block, LabelledParagraph) and (not run or run[0].list_id == block.list_id):
            run.append(block)
            continue
        if run:
            out.append(_points(run, have))
            run = [block] if isinstance(block, LabelledParagraph) else []
            if run:
                continue
        if isinstance(block, SignatureBlock):
            # The signature is never alone on a page: the closing line ("The meeting ended
            # at ...") and the last minute's last block stick to it.
            for before in reversed(out[-2:]):
                before["keep"] = True
                if before.get("style") != "close":
                    break
        out.extend(_block(block, have))
    if run:
        out.append(_points(run, have))
    return out


def _measured(document: MinutesDocument) -> tuple[list[str], list[str]]:
    """Minute numbers and labels, for the template to size its indents to the widest."""
    numbers: list[str] = []
    labels: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading | Stub):
            heading = block if isinstance(block, Heading) else block.heading
            if heading.number:
                numbers.append(heading.number)
        elif isinstance(block, LabelledParagraph):
            labels.append(block.label)
        elif isinstance(block, DecisionBlock):
            labels.extend(r.label for r in block.resolutions)
    return sorted(set(numbers)), sorted(set(labels))


def document_data(document: MinutesDocument, template: Path | None = None) -> Json:
    """The JSON the template reads: everything printed, nothing about how it looks.

    What none of the fonts ``template`` is laid out with can draw is marked (``font_paths``:
    a house template's own fonts may draw more than Clerk's)."""
    have = covered_by(font_paths(template or TEMPLATE))
    numbers, labels = _measured(document)
    keywords = ["minutes", document.header.committee]
    if document.confidential:
        keywords.insert(0, "CONFIDENTIAL")
    if document.draft:
        keywords.insert(0, "DRAFT")
    return {
        "title": document.title,
        "subject": document.subject,
        "author": document.author,
        "keywords": [k for k in keywords if k],
        "header": {
            "council": _text(document.header.council, have),
            "committee": _text(document.header.committee, have),
            "meeting_line": _text(document.header.meeting_line, have),
            "detail_line": _text(document.header.detail_line, have),
        },
        "marks": [_text(mark, have) for mark in document.marks],
        "watermark": document.watermark,
        "footer": FOOTER,
        "numbers": [_text(number, have) for number in numbers],
        "labels": [_text(label, have) for label in labels],
        "blocks": _blocks(document, have),
    }


def standards(document: MinutesDocument) -> list[PDFStandard]:
    """PDF/UA-1 always; approved minutes are the record, so PDF/A-2a (archival) too."""
    return ["ua-1"] if document.draft else ["ua-1", "a-2a"]


def typst_inputs(document: MinutesDocument, template: Path | None = None) -> dict[str, str]:
    """What ``template`` (None: Clerk's) is given (``sys.inputs``): the PDF and the preview
    share it.  It depends on the template: a character only its own fonts draw is printed."""
    return {
        "data": json.dumps(document_data(document, template), ensure_ascii=False),
        "watermark": _watermark(document.watermark) if document.watermark else "",
    }


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
