"""Renders a composed minutes document as one self-contained, accessible HTML page.

For a council's website (the Public Sector Bodies Accessibility Regulations 2018): the page
language is en-GB, the meeting is the h1 and each item an h2, points are ordered lists whose
``type`` is the printed counter (letters, roman sub-points), the action log is a table with
header cells, and the DRAFT / CONFIDENTIAL marks are said once, as text, at the top.  The
printed labels ("(a)", "8.1") are drawn by the inline CSS from each item's own label, so the
page shows what the Word and PDF versions print.  Every piece of text is escaped; there is no
script and nothing is fetched from elsewhere.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from clerk_app.core.blocks import (
    ACTION_COLUMNS,
    ActionTable,
    Block,
    Counter,
    DecisionBlock,
    Heading,
    LabelledParagraph,
    MinutesDocument,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    RecordTable,
    SignatureBlock,
    Stub,
)

Progress = Callable[[int, int], None]

# HTML forbids noncharacters in a document (U+FDD0..U+FDEF and the last two of every plane).
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
) + "]")  # fmt: skip
_TYPES = {Counter.LOWER_LETTER: "a", Counter.LOWER_ROMAN: "i", Counter.DECIMAL: "1"}

CSS = """
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 11pt;
  line-height: 1.4; max-width: 46em; margin: 1.5em auto; padding: 0 1em; color: #000;
  background: #fff; }
h1 { font-size: 16pt; margin: 0.2em 0; }
h2 { font-size: 12pt; margin: 1.4em 0 0.5em; }
h2 .number { display: inline-block; min-width: 4em; }
p { margin: 0 0 0.5em; }
.council, .meeting-line { font-weight: bold; }
.indent-1 { margin-left: 4em; }
.indent-2 { margin-left: 6em; }
.note { font-style: italic; }
.notice { font-weight: bold; }
.marks { border: 2px solid #900; color: #900; font-weight: bold; text-align: center;
  padding: 0.3em; margin-bottom: 1em; }
.marks p { margin: 0; }
ol { margin: 0 0 0.5em 4em; padding-left: 2.5em; }
ol ol { margin-left: 0; }
li { margin-bottom: 0.4em; padding-left: 0.3em; }
/* The printed label ("(a)", "8.1"); a browser that cannot draw it shows the ol's type. */
li::marker { content: attr(data-label) " "; }
.signature { margin-top: 2em; }
.signature p { margin-bottom: 1em; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border: 1px solid #000; padding: 0.25em 0.4em; text-align: left;
  vertical-align: top; }
.page-break { break-before: page; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  @page { size: A4; margin: 22mm; }
  h2 { break-after: avoid; }
  li, tr, .signature { break-inside: avoid; }
  thead { display: table-header-group; }
  .watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center;
    font-size: 72pt; font-weight: bold; color: rgba(153, 0, 0, 0.12);
    transform: rotate(-35deg); }
}
@media screen { .watermark { display: none; } }
"""


def _text(text: str) -> str:
    """Escaped text; a line break typed inside a point stays a line break."""
    cleaned = _NONCHARACTERS.sub("", text)
    return "<br>".join(html.escape(line) for line in cleaned.split("\n"))


def _attr(text: str) -> str:
    return html.escape(_NONCHARACTERS.sub("", text).replace("\n", " "), quote=True)


class _Writer:
    def __init__(self, document: MinutesDocument) -> None:
        self.document = document
        self.out: list[str] = []

    def page(self, progress: Progress | None) -> str:
        d = self.document
        head = d.header
        self.out += [
            "<!DOCTYPE html>",
            '<html lang="en-GB">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_text(d.title)}</title>",
            f'<meta name="description" content="{_attr(d.subject)}">',
            f'<meta name="author" content="{_attr(d.author)}">',
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
        ]
        if d.marks:
            # Said once, as the first thing on the page; repeated only visually when printed.
            marks = "".join(f"<p>{_text(mark)}</p>" for mark in d.marks)
            self.out.append(f'<div class="marks" role="note" aria-label="Status">{marks}</div>')
        # Across every printed page (a fixed box repeats on each); hidden from screen readers,
        # which have heard the marks already.
        watermark = "CONFIDENTIAL" if d.confidential else d.watermark
        if watermark:
            self.out.append(f'<div class="watermark" aria-hidden="true">{_text(watermark)}</div>')
        self.out.append("<main>")
        self.out.append("<header>")
        if head.council:
            self.out.append(f'<p class="council">{_text(head.council)}</p>')
        self.out.append(f"<h1>{_text(head.committee or head.meeting_line)}</h1>")
        self.out.append(f'<p class="meeting-line">{_text(head.meeting_line)}</p>')
        if head.detail_line:
            self.out.append(f"<p>{_text(head.detail_line)}</p>")
        self.out.append("</header>")
        self.body(progress)
        self.out += ["</main>", "</body>", "</html>", ""]
        return "\n".join(self.out)

    def body(self, progress: Progress | None) -> None:
        """The blocks, each item a section named by its heading; a list's points together."""
        blocks = list(self.document.blocks)
        total = len(blocks) + 1
        index = 0
        in_section = False
        while index < len(blocks):
            block = blocks[index]
            heading = block.heading if isinstance(block, Stub) else block
            starts = isinstance(heading, Heading)
            closing = isinstance(block, SignatureBlock) or (
                isinstance(block, Paragraph) and block.style is ParagraphStyle.CLOSE
            )
            if in_section and (starts or closing):
                self.out.append("</section>")
                in_section = False
            if isinstance(heading, Heading):
                self.out.append(f'<section aria-labelledby="{_attr(heading.anchor)}">')
                in_section = True
            if isinstance(block, LabelledParagraph):
                run = [block]
                while index + 1 < len(blocks):
                    following = blocks[index + 1]
                    if not isinstance(following, LabelledParagraph):
                        break
                    if following.list_id != block.list_id:
                        break
                    run.append(following)
                    index += 1
                self.out.append(self.labelled_list(run))
            elif isinstance(block, PageBreak):
                # Starts the next section on a new printed page.
                self.out.append('<div class="page-break"></div>')
            else:
                self.out.append(self.block(block))
            index += 1
            if progress is not None:
                progress(index, total)
        if in_section:
            self.out.append("</section>")

    def block(self, block: Block) -> str:
        if isinstance(block, Heading):
            return self.heading(block)
        if isinstance(block, Stub):
            return self.heading(block.heading) + self.paragraph(Paragraph(block.notice, indent=1))
        if isinstance(block, Paragraph):
            return self.paragraph(block)
        if isinstance(block, DecisionBlock):
            return self.decision(block)
        if isinstance(block, SignatureBlock):
            lines = "".join(f"<p>{_text(line)}</p>" for line in block.lines)
            return f'<div class="signature">{lines}</div>'
        if isinstance(block, ActionTable):
            return self.table(block)
        if isinstance(block, RecordTable):
            return self.record_table(block)
        raise TypeError(f"no HTML rendering for {type(block).__name__}")

    def heading(self, heading: Heading) -> str:
        number = f'<span class="number">{_text(heading.number)}</span> ' if heading.number else ""
        return f'<h2 id="{_attr(heading.anchor)}">{number}{_text(heading.title)}</h2>'

    def paragraph(self, block: Paragraph) -> str:
        classes = [f"indent-{min(block.indent, 2)}"] if block.indent else []
        if block.style in (ParagraphStyle.NOTE, ParagraphStyle.NOTICE):
            classes.append(block.style.value)
        lead = f"<strong>{_text(block.lead)}</strong> " if block.lead else ""
        shown = f' class="{" ".join(classes)}"' if classes else ""
        return f"<p{shown}>{lead}{_text(block.text)}</p>"

    def decision(self, block: DecisionBlock) -> str:
        keyword = f"<strong>{_text(block.keyword)}</strong>"
        if not block.resolutions:
            colon = ":" if block.preamble else ""
            return f'<p class="indent-1">{keyword}{colon} {_text(block.preamble)}</p>'
        parts = [f'<p class="indent-1">{keyword}</p>']
        if block.preamble:
            parts.append(f'<p class="indent-1">{_text(block.preamble)}</p>')
        parts.append(self.labelled_list(list(block.resolutions)))
        return "".join(parts)

    def labelled_list(self, run: list[LabelledParagraph]) -> str:
        """One list (points and their sub-points, or resolutions) as nested ``ol``s.

        Each ``ol`` has the ``type`` of its printed counter and each ``li`` its ``value``
        (so a screen reader counts as the page shows) and the printed label, drawn by CSS.
        """
        levels = run[0].scheme.levels
        parts: list[str] = []
        depth = 0  # lists open; an item at level n sits in the (n+1)th
        for item in run:
            level = min(item.level, depth, len(levels) - 1)  # never deeper than one step
            if level + 1 > depth:
                counter = levels[level].counter
                kind = "points" if level == 0 else "sub-points"
                parts.append(f'<ol type="{_TYPES[counter]}" class="{kind}">')
                depth += 1
            else:
                while depth > level + 1:
                    parts.append("</li></ol>")
                    depth -= 1
                parts.append("</li>")
            parts.append(
                f'<li value="{item.index + 1}" data-label="{_attr(item.label)}">{_text(item.text)}'
            )
        parts.append("</li></ol>" * depth)
        return "".join(parts)

    def record_table(self, block: RecordTable) -> str:
        return _record_table(block)

    def table(self, block: ActionTable) -> str:
        if not block.rows:
            return f"<p>{_text(block.empty_text)}</p>"
        head = "".join(f'<th scope="col">{_text(name)}</th>' for name in ACTION_COLUMNS)
        rows = []
        for row in block.rows:
            cells = (row.item, row.summary, row.owners, row.due, row.status)
            rest = "".join(f"<td>{_text(cell)}</td>" for cell in cells)
            rows.append(f'<tr><th scope="row">{_text(row.ref)}</th>{rest}</tr>')
        return (
            "<table><caption>Actions</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )


def _record_table(block: RecordTable) -> str:
    head = "".join(f'<th scope="col">{_text(name)}</th>' for name in block.columns)
    rows = "".join(
        f'<tr><th scope="row">{_text(first)}</th>'
        + "".join(f"<td>{_text(cell)}</td>" for cell in rest)
        + "</tr>"
        for first, *rest in block.rows
    )
    return (
        f"<table><caption>{_text(block.caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def write_html(
    document: MinutesDocument, target: Path | BinaryIO, progress: Progress | None = None
) -> None:
    """Write the page as UTF-8 to ``target``."""
    data = _Writer(document).page(progress).encode("utf-8")
    if isinstance(target, Path):
        target.write_bytes(data)
    else:
        target.write(data)
    if progress is not None:
        progress(1, 1)
