"""Renders a composed minutes document to Word (.docx) with python-docx.

Points, sub-points and resolutions are real Word lists (see docx_numbering), so a clerk who
inserts a point in Word sees the letters follow, as in the app.  One exception: Word's
lowerLetter counts "y, z, aa, bb" where minutes count "y, z, aa, ab", so from a 27th point on a
list's labels are written as text, with the same hanging indent, to print what the PDF prints.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from clerk_app.core.blocks import (
    FOOTER,
    ActionTable,
    Block,
    Counter,
    DecisionBlock,
    Heading,
    Indents,
    LabelledParagraph,
    MinutesDocument,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    SignatureBlock,
    Stub,
)
from clerk_app.export.docx_numbering import Numbering, hanging_indent
from clerk_app.export.docx_styles import (
    TEXT_WIDTH_TWIPS,
    DocxStyles,
    indents_twips,
    make_styles,
    set_page,
)
from clerk_app.export.docx_table import action_table
from clerk_app.export.docx_xml import Body, add_run, paragraph_element, w

Progress = Callable[[int, int], None]

_LETTERS_IN_WORD = 26  # beyond z Word's lowerLetter and the minutes' lettering differ


def _field(paragraph: Any, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice compute when they lay out."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run._r.append(begin)
    run = paragraph.add_run()
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run._r.append(code)
    run = paragraph.add_run()
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(separate)
    paragraph.add_run(placeholder)
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


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
    return indents_twips(numbers, labels)


class _Renderer:
    def __init__(self, document: MinutesDocument) -> None:
        self.minutes = document
        self.doc = docx.Document()
        set_page(self.doc)
        self.styles: DocxStyles = make_styles(self.doc, _measure(document))
        self.numbering = Numbering(self.doc, self.styles.indents)
        self._literal_lists: set[int] = set()
        self.body = Body(self.doc)

    def properties(self) -> None:
        props = self.doc.core_properties
        props.title = self.minutes.title
        props.subject = self.minutes.subject
        props.author = self.minutes.author
        props.last_modified_by = self.minutes.author
        props.comments = "Draft minutes, subject to approval" if self.minutes.draft else ""
        props.keywords = "minutes"

    def page_furniture(self) -> None:
        section = self.doc.sections[0]
        header = section.header
        first = header.paragraphs[0]
        for index, mark in enumerate(self.minutes.marks):
            paragraph = first if index == 0 else header.add_paragraph()
            paragraph.style = self.styles.mark
            paragraph.add_run(mark)
        footer = section.footer.paragraphs[0]
        footer.style = self.styles.footer
        before, rest = FOOTER.split("{page}")
        middle, after = rest.split("{pages}")
        footer.add_run(before)
        _field(footer, "PAGE", "1")
        footer.add_run(middle)
        _field(footer, "NUMPAGES", "1")
        footer.add_run(after)

    def add(self, style: Any, text: str = "", **props: Any) -> Any:
        """A paragraph of ``style`` holding ``text`` (empty: no run), appended to the body."""
        p = paragraph_element(style.style_id, **props)
        if text:
            add_run(p, text)
        return self.body.append(p)

    def header(self) -> None:
        head, s = self.minutes.header, self.styles
        lines = (
            (head.council, s.council),
            (head.committee, s.title),
            (head.meeting_line, s.subtitle),
            (head.detail_line, s.details),
        )
        for text, style in lines:
            if text or style is s.title:
                self.add(style, text)
        if not head.detail_line:
            # The details line is what spaces the heading off the attendance: keep the gap.
            spacing = etree.SubElement(self.body.last().find(w("pPr")), w("spacing"))
            spacing.set(w("after"), "280")

    def heading(self, heading: Heading) -> None:
        if heading.number:
            self.add(self.styles.heading, f"{heading.number}\t{heading.title}")
        else:
            self.add(self.styles.heading, heading.title, left=0, hanging=0)

    def paragraph(self, block: Paragraph) -> None:
        s = self.styles
        # Each style carries its usual indent (steps); only a different one is set directly.
        style, usual = {
            ParagraphStyle.NOTE: (s.note, 1),
            ParagraphStyle.NOTICE: (s.notice, 1),
            ParagraphStyle.CLOSE: (s.close, 0),
        }.get(block.style, (s.body, 1) if block.indent else (s.normal, 0))
        left = None if block.indent == usual else int(s.indents.at(block.indent))
        p = self.add(style, keep_next=block.keep_with_next, left=left)
        if block.lead:
            add_run(p, block.lead + " ", bold=True)
        if block.text:
            add_run(p, block.text)

    def labelled(self, block: LabelledParagraph, style: Any) -> None:
        counter = block.scheme.levels[block.level].counter
        if block.level == 0 and counter is Counter.LOWER_LETTER and block.index >= _LETTERS_IN_WORD:
            self._literal_lists.add(block.list_id)
        if block.list_id in self._literal_lists:
            left, label = hanging_indent(self.styles.indents, block.indent + block.level)
            text = f"{block.label}\t{block.text}"
            self.add(style, text, left=left, hanging=left - label, tab=left)
            return
        num_id = self.numbering.num_id(block.list_id, block.scheme, block.indent)
        self.add(style, block.text, num=(num_id, block.level))

    def decision(self, block: DecisionBlock) -> None:
        body = self.styles.body
        if block.resolutions:
            add_run(self.add(body, keep_next=True), block.keyword, bold=True)
            if block.preamble:
                self.add(body, block.preamble, keep_next=True)
            for resolution in block.resolutions:
                self.labelled(resolution, self.styles.resolution)
            return
        p = self.add(body)
        add_run(p, block.keyword + (":" if block.preamble else ""), bold=True)
        if block.preamble:
            add_run(p, " " + block.preamble)

    def signature(self, block: SignatureBlock) -> None:
        for index, line in enumerate(block.lines):
            self.add(self.styles.signature, line, keep_next=index < len(block.lines) - 1)

    def table(self, block: ActionTable) -> None:
        if not block.rows:
            self.add(self.styles.normal, block.empty_text)
            return
        grid = self.doc.styles["Table Grid"].style_id
        table = action_table(
            block,
            width=TEXT_WIDTH_TWIPS,
            table_style=grid,
            text_style=self.styles.table.style_id,
        )
        self.body.append(table)
        # Word needs a paragraph between a table and whatever follows it.
        self.add(self.styles.normal)

    def block(self, block: Block) -> None:
        if isinstance(block, LabelledParagraph):
            style = self.styles.point if block.level == 0 else self.styles.subpoint
            self.labelled(block, style)
        elif isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, DecisionBlock):
            self.decision(block)
        elif isinstance(block, Stub):
            self.heading(block.heading)
            self.add(self.styles.body, block.notice)
        elif isinstance(block, SignatureBlock):
            self.signature(block)
        elif isinstance(block, ActionTable):
            self.table(block)
        elif isinstance(block, PageBreak):
            p = self.add(self.styles.normal)
            br = etree.SubElement(etree.SubElement(p, w("r")), w("br"))
            br.set(w("type"), "page")
        else:
            raise TypeError(f"no Word rendering for {type(block).__name__}")


def write_docx(
    document: MinutesDocument, target: Path | BinaryIO, progress: Progress | None = None
) -> None:
    """Build the Word document and save it to ``target``."""
    renderer = _Renderer(document)
    renderer.properties()
    renderer.page_furniture()
    renderer.header()
    total = len(document.blocks) + 1
    for index, block in enumerate(document.blocks):
        renderer.block(block)
        if progress is not None:
            progress(index + 1, total)
    # Zipped in memory, then written in one go: python-docx leaves its ZipFile open when the
    # disk fills mid-save, and that object's clean-up later prints a traceback to the clerk.
    buffer = io.BytesIO()
    renderer.doc.save(buffer)
    if isinstance(target, Path):
        target.write_bytes(buffer.getbuffer())
    else:
        target.write(buffer.getbuffer())
    if progress is not None:
        progress(total, total)
