"""The composed minutes as the JSON data a Typst template reads (``sys.inputs.data``).

Everything printed, nothing about how it looks: the template decides that.  Each string is
text as typed, made printable (a character no given font draws is marked, an unbroken run
longer than a line gets break opportunities), and is only ever shown by the template as a
string, never evaluated as markup.
"""

from __future__ import annotations

import re
from typing import Any

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
from clerk_app.export.coverage import Coverage, drawable

Json = dict[str, Any]

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


def document_data(document: MinutesDocument, have: Coverage) -> Json:
    """The JSON the template reads: everything printed, nothing about how it looks.

    What none of the fonts the template is laid out with can draw (``have``) is marked."""
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
