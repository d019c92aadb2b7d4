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
from clerk_app.export.coverage import drawable

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


def _text(text: str) -> str:
    text = drawable(text, FONTS)
    # str.split is quicker than the pattern on ordinary prose, which has no such run.
    if len(text) < 40 or max(map(len, text.split()), default=0) < 40:
        return text
    return _LONG_RUN.sub(_chunked, text)


def _labelled(block: LabelledParagraph) -> Json:
    return {"label": _text(block.label), "text": _text(block.text), "subs": []}


def _points(run: list[LabelledParagraph]) -> Json:
    """One list: points with their sub-points nested under them, in the minutes' order."""
    items: list[Json] = []
    for block in run:
        if block.level > 0 and items:
            items[-1]["subs"].append(_labelled(block))
        else:
            items.append(_labelled(block))
    return {"kind": "points", "indent": run[0].indent, "items": items}


def _heading(heading: Heading) -> Json:
    number, title = _text(heading.number), _text(heading.title)
    if not title:
        # A tagged heading must have words: an untitled item is headed by its number alone.
        number, title = "", number or "Untitled item"
    return {"kind": "heading", "number": number, "title": title}


def _paragraph(block: Paragraph) -> Json:
    return {
        "kind": "paragraph",
        "text": _text(block.text),
        "lead": _text(block.lead),
        "indent": block.indent,
        "style": block.style.value,
        "keep": block.keep_with_next,
    }


def _block(block: Block) -> list[Json]:
    if isinstance(block, Heading):
        return [_heading(block)]
    if isinstance(block, Paragraph):
        return [_paragraph(block)]
    if isinstance(block, Stub):
        # The notice sticks to its heading (headings stick to what follows them).
        return [_heading(block.heading), _paragraph(Paragraph(block.notice, indent=1))]
    if isinstance(block, DecisionBlock):
        return [
            {
                "kind": "decision",
                "keyword": block.keyword,
                "preamble": _text(block.preamble),
                "indent": block.indent,
                "resolutions": [_labelled(r) for r in block.resolutions],
            }
        ]
    if isinstance(block, SignatureBlock):
        return [{"kind": "signature", "lines": list(block.lines)}]
    if isinstance(block, ActionTable):
        rows = [
            [_text(cell) for cell in (r.ref, r.item, r.summary, r.owners, r.due, r.status)]
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
                "rows": [[_text(cell) for cell in row] for row in block.rows],
                "empty": "",
            }
        ]
    if isinstance(block, PageBreak):
        return [{"kind": "pagebreak"}]
    raise TypeError(f"no PDF rendering for {type(block).__name__}")


def _blocks(document: MinutesDocument) -> list[Json]:
    out: list[Json] = []
    run: list[LabelledParagraph] = []
    for block in document.blocks:
        if isinstance(block, LabelledParagraph) and (not run or run[0].list_id == block.list_id):
            run.append(block)
            continue
        if run:
            out.append(_points(run))
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
        out.extend(_block(block))
    if run:
        out.append(_points(run))
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


def document_data(document: MinutesDocument) -> Json:
    """The JSON the template reads: everything printed, nothing about how it looks."""
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
            "council": _text(document.header.council),
            "committee": _text(document.header.committee),
            "meeting_line": _text(document.header.meeting_line),
            "detail_line": _text(document.header.detail_line),
        },
        "marks": [_text(mark) for mark in document.marks],
        "watermark": document.watermark,
        "footer": FOOTER,
        "numbers": [_text(number) for number in numbers],
        "labels": [_text(label) for label in labels],
        "blocks": _blocks(document),
    }


def standards(document: MinutesDocument) -> list[PDFStandard]:
    """PDF/UA-1 always; approved minutes are the record, so PDF/A-2a (archival) too."""
    return ["ua-1"] if document.draft else ["ua-1", "a-2a"]


def typst_inputs(document: MinutesDocument) -> dict[str, str]:
    """What the template is given (``sys.inputs``): the PDF and the preview share it."""
    return {
        "data": json.dumps(document_data(document), ensure_ascii=False),
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
            sys_inputs=inputs if inputs is not None else typst_inputs(document),
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

    ``inputs``: ``typst_inputs(document)``, if the caller has worked it out already."""
    pdf = _compile(document, template, inputs, pdf_standards=standards(document))
    assert isinstance(pdf, bytes)  # a PDF is one file, whatever its pages
    return pdf


def render_pages(document: MinutesDocument, template: Path | None = None) -> list[bytes]:
    """Each page as the PDF lays it out, as SVG (the live preview): same template, same data.

    SVG, not PNG: Typst writes 33 pages of SVG in about a fifth of the time it takes to
    rasterise them, and the preview rasterises only the pages that changed.  One compiler is
    kept per template, so a preview that follows typing re-reads neither fonts nor template.
    """
    template = template or TEMPLATE
    _check_installation(template)
    inputs = typst_inputs(document)
    try:
        with _COMPILER_LOCK:  # a kept compiler serves one layout at a time
            pages = _compiler(template).compile(format="svg", sys_inputs=inputs)
    except typst.TypstError as exc:
        raise TemplateError(exc.message) from exc
    assert pages is not None  # no output path given: the pages come back
    return pages if isinstance(pages, list) else [pages]


_COMPILER_LOCK = threading.Lock()


@lru_cache(maxsize=2)
def _compiler(template: Path) -> typst.Compiler:
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
    ``inputs`` as for :func:`render`.
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
    return render(document, inputs=inputs)


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
