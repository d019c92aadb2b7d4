"""Renders a composed minutes document to PDF with reportlab's platypus.

Labels are drawn as the paragraph's "bullet" at the label's indent, with the text at the next
indent step: a hanging indent, so wrapped lines align with the text, not with the letter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib.colors import Color, black
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer, Table, TableStyle
from reportlab.platypus import Paragraph as PdfParagraph

from clerk_app.core.blocks import (
    ACTION_COLUMN_SHARES,
    ACTION_COLUMNS,
    ActionTable,
    Block,
    DecisionBlock,
    Heading,
    Indents,
    LabelledParagraph,
    MinutesDocument,
    Paragraph,
    SignatureBlock,
    Stub,
)
from clerk_app.core.blocks import PageBreak as PageBreakBlock
from clerk_app.export.fonts import REGULAR, main_fonts, markup
from clerk_app.export.pdf_pages import MinutesDocTemplate, Progress
from clerk_app.export.pdf_styles import FRAME_WIDTH, PdfStyles, fits_before, indents

_RULE = Color(0.55, 0.55, 0.55)
_HEAD_FILL = Color(0.9, 0.9, 0.9)


def _measure(document: MinutesDocument) -> Indents:
    numbers: list[str] = []
    labels: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            numbers.append(block.number)
        elif isinstance(block, Stub):
            numbers.append(block.heading.number)
        elif isinstance(block, LabelledParagraph):
            labels.append(block.label)
        elif isinstance(block, DecisionBlock):
            labels.extend(r.label for r in block.resolutions)
    return indents(numbers, labels)


class _Renderer:
    def __init__(self, document: MinutesDocument) -> None:
        self.document = document
        main_fonts()  # registered before anything measures text
        self.styles = PdfStyles(_measure(document))

    def header(self) -> list[Any]:
        head = self.document.header
        s = self.styles
        out = []
        if head.council:
            out.append(PdfParagraph(markup(head.council, bold=True), s.council))
        out.append(PdfParagraph(markup(head.committee, bold=True), s.committee))
        out.append(PdfParagraph(markup(head.meeting_line, bold=True), s.meeting_line))
        if head.detail_line:
            out.append(PdfParagraph(markup(head.detail_line), s.detail))
        else:
            out.append(Spacer(1, s.detail.spaceAfter))
        return out

    def heading(self, heading: Heading) -> PdfParagraph:
        title = markup(heading.title, bold=True)
        number = heading.number
        hang = bool(number) and fits_before(number, self.styles.indents.title)
        if number and not hang:
            # Wider than the widest indent allowed: number and title share the line.
            title = f"{markup(number, bold=True)}\u00a0\u00a0{title}"
        para = PdfParagraph(title, self.styles.heading(hang), bulletText=number if hang else None)
        para.clerk_bookmark = (heading.anchor, f"{heading.number} {heading.title}".strip())
        return para

    def paragraph(self, block: Paragraph) -> PdfParagraph:
        style = self.styles.paragraph(block.style.value, block.indent)
        text = markup(block.text, bold=block.style.value == "notice")
        if block.lead:
            text = f"<b>{markup(block.lead, bold=True)}</b> {text}"
        para = PdfParagraph(text, style)
        para.keepWithNext = block.keep_with_next
        return para

    def labelled(self, block: LabelledParagraph) -> PdfParagraph:
        style = self.styles.labelled(block.indent, block.level)
        return PdfParagraph(markup(block.text), style, bulletText=block.label)

    def decision(self, block: DecisionBlock) -> list[Any]:
        style = self.styles.paragraph("body", block.indent)
        keyword = f"<b>{markup(block.keyword, bold=True)}</b>"
        if not block.resolutions:
            if not block.preamble:
                return [PdfParagraph(keyword, style)]
            inline = f"<b>{markup(block.keyword + ':', bold=True)}</b> {markup(block.preamble)}"
            return [PdfParagraph(inline, style)]
        head = PdfParagraph(keyword, style)
        head.keepWithNext = 1
        out = [head]
        if block.preamble:
            preamble = PdfParagraph(markup(block.preamble), style)
            preamble.keepWithNext = 1
            out.append(preamble)
        out.extend(self.labelled(r) for r in block.resolutions)
        return out

    def signature(self, block: SignatureBlock) -> list[Any]:
        lines = [PdfParagraph(markup(line), self.styles.signature) for line in block.lines]
        return [KeepTogether(lines)]

    def table(self, block: ActionTable) -> list[Any]:
        s = self.styles
        if not block.rows:
            return [PdfParagraph(markup(block.empty_text), s.paragraph("body", 0))]
        rows = [[PdfParagraph(markup(name, bold=True), s.cell_head) for name in ACTION_COLUMNS]]
        for row in block.rows:
            cells = (row.ref, row.item, row.summary, row.owners, row.due, row.status)
            rows.append([PdfParagraph(markup(cell), s.cell) for cell in cells])
        widths = [FRAME_WIDTH * share for share in ACTION_COLUMN_SHARES]
        table = Table(rows, colWidths=widths, repeatRows=1, splitByRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, _RULE),
                    ("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TEXTCOLOR", (0, 0), (-1, -1), black),
                    # The table selects its own font for each cell (Helvetica, never embedded)
                    # even when the cells are paragraphs with fonts of their own.
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return [table]

    def block(self, block: Block) -> list[Any]:
        if isinstance(block, LabelledParagraph):
            return [self.labelled(block)]
        if isinstance(block, Paragraph):
            return [self.paragraph(block)]
        if isinstance(block, Heading):
            # Don't strand a heading at the foot of a page with no room for its first lines.
            return [CondPageBreak(4 * self.styles.body0.leading), self.heading(block)]
        if isinstance(block, DecisionBlock):
            return self.decision(block)
        if isinstance(block, Stub):
            notice = Paragraph(block.notice, indent=1)
            return [self.heading(block.heading), self.paragraph(notice)]
        if isinstance(block, SignatureBlock):
            return self.signature(block)
        if isinstance(block, ActionTable):
            return self.table(block)
        if isinstance(block, PageBreakBlock):
            return [PageBreak()]
        raise TypeError(f"no PDF rendering for {type(block).__name__}")

    def flowables(self) -> list[Any]:
        out = self.header()
        for index, block in enumerate(self.document.blocks):
            made = self.block(block)
            made[-1].clerk_block = index  # progress is reported as each block is laid out
            out.extend(made)
        out.append(Spacer(1, 0))
        return out


def write_pdf(
    document: MinutesDocument, target: Path | BinaryIO, progress: Progress | None = None
) -> None:
    """Lay the document out on A4 pages and write the PDF to ``target``."""
    # ASCII85 armour makes streams a quarter bigger and, without reportlab's C accelerator,
    # costs about as much time as laying out the text; PDF has been 8-bit clean for decades.
    rl_config.useA85 = 0
    renderer = _Renderer(document)
    template = MinutesDocTemplate(
        str(target) if isinstance(target, Path) else target, document, progress
    )
    template.build_minutes(renderer.flowables())
    if progress is not None:
        total = len(document.blocks) + 1
        progress(total, total)
