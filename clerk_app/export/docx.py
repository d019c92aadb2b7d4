"""Renders a composed minutes document to Word (.docx) with python-docx.

Points, sub-points and resolutions are real Word lists (see docx_numbering), so a clerk who
inserts a point in Word sees the letters follow, as in the app.  One exception: Word's
lowerLetter counts "y, z, aa, bb" where minutes count "y, z, aa, ab", so from a 27th point on a
list's labels are written as text, with the same hanging indent, to print what the PDF prints.

A council's reference template (``template``) brings its styles, fonts, page and letterhead;
the minutes' layout (numbering, hanging indents) is laid over it.  A template that cannot be
used is reported through ``warn`` and the minutes are written in Clerk's plain style.
"""

from __future__ import annotations

import datetime as dt
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
    RecordTable,
    SignatureBlock,
    Stub,
)
from clerk_app.export.docx_numbering import Numbering, hanging_indent
from clerk_app.export.docx_package import (
    drop_thumbnail,
    set_compatibility,
    set_document_language,
    set_properties,
)
from clerk_app.export.docx_styles import (
    FONT,
    TEXT_WIDTH_TWIPS,
    DocxStyles,
    indents_twips,
    make_styles,
    set_page,
)
from clerk_app.export.docx_table import action_table, grid_table
from clerk_app.export.docx_template import TemplateError, has_content, load_template
from clerk_app.export.docx_xml import Body, add_run, paragraph_element, w

Progress = Callable[[int, int], None]
Warn = Callable[[str], None]

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


def _open(template: Path | None, warn: Warn | None) -> tuple[Any, bool]:
    """(document to write into, whether it is a council's template)."""
    if template is not None:
        try:
            return load_template(template), True
        except TemplateError as exc:
            if warn is not None:
                warn(f"{exc} The minutes were written in Clerk's plain style instead.")
    document = docx.Document()
    set_page(document)  # python-docx's own template is US Letter
    return document, False


class _Renderer:
    def __init__(
        self, document: MinutesDocument, template: Path | None = None, warn: Warn | None = None
    ) -> None:
        self.minutes = document
        self.doc, council = _open(template, warn)
        self.styles: DocxStyles = make_styles(self.doc, _measure(document), keep_look=council)
        self.numbering = Numbering(
            self.doc, self.styles.indents, label_font=None if council else FONT
        )
        self._literal_lists: set[int] = set()
        self.body = Body(self.doc)

    def package(self, now: dt.datetime) -> None:
        """Properties, language and compatibility: a current Word file, not a 2013 one."""
        set_properties(self.doc, self.minutes, now)
        drop_thumbnail(self.doc)
        set_compatibility(self.doc)
        s = self.styles
        used = (s.normal, s.council, s.title, s.subtitle, s.details, s.heading, s.body, s.note,
                s.notice, s.point, s.subpoint, s.resolution, s.close, s.signature, s.table,
                s.mark, s.footer)  # fmt: skip
        set_document_language(self.doc, [style.name for style in used])

    def _headers(self) -> list[Any]:
        """Every header a page can show: a confidential mark must be on each of them."""
        headers = []
        even = self.doc.settings.odd_and_even_pages_header_footer
        for index, section in enumerate(self.doc.sections):
            candidates = [section.header]
            if section.different_first_page_header_footer:
                candidates.append(section.first_page_header)
            if even:
                candidates.append(section.even_page_header)
            headers += [h for h in candidates if index == 0 or not h.is_linked_to_previous]
        return headers

    def page_furniture(self) -> None:
        for header in self._headers():
            # A letterhead stays as the council made it; the marks go below it.
            reuse = header.paragraphs[0] if header.paragraphs and not has_content(header) else None
            for index, mark in enumerate(self.minutes.marks):
                paragraph = reuse if index == 0 and reuse is not None else header.add_paragraph()
                paragraph.style = self.styles.mark
                paragraph.add_run(mark)
        for section_no, section in enumerate(self.doc.sections):
            if section_no and section.footer.is_linked_to_previous:
                continue
            if has_content(section.footer):
                continue  # the council's own footer (page numbers and all) is kept
            self._page_numbers(section.footer)

    def _page_numbers(self, part: Any) -> None:
        footer = part.paragraphs[0] if part.paragraphs else part.add_paragraph()
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
        s = self.styles
        counter = block.scheme.levels[block.level].counter
        if block.level == 0 and counter is Counter.LOWER_LETTER and block.index >= _LETTERS_IN_WORD:
            self._literal_lists.add(block.list_id)
        if block.list_id in self._literal_lists:
            left, label = hanging_indent(self.styles.indents, block.indent + block.level)
            text = f"{block.label}\t{block.text}"
            self.add(style, text, left=left, hanging=left - label, tab=left)
            return
        styles = (style,) if style is self.styles.resolution else (s.point, s.subpoint)
        num_id = self.numbering.num_id(block.list_id, block.scheme, block.indent, styles)
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

    def record_table(self, block: RecordTable) -> None:
        grid = self.doc.styles["Table Grid"].style_id
        self.body.append(
            grid_table(
                block.columns,
                block.shares,
                block.rows,
                width=TEXT_WIDTH_TWIPS,
                table_style=grid,
                text_style=self.styles.table.style_id,
            )
        )
        self.add(self.styles.normal)  # Word needs a paragraph between a table and the next

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
        elif isinstance(block, RecordTable):
            self.record_table(block)
        elif isinstance(block, PageBreak):
            p = self.add(self.styles.normal)
            br = etree.SubElement(etree.SubElement(p, w("r")), w("br"))
            br.set(w("type"), "page")
        else:
            raise TypeError(f"no Word rendering for {type(block).__name__}")


def write_docx(
    document: MinutesDocument,
    target: Path | BinaryIO,
    progress: Progress | None = None,
    *,
    template: Path | None = None,
    warn: Warn | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Build the Word document and save it to ``target``.

    ``template``: a council's reference .docx/.dotx; if it cannot be used, ``warn`` is told
    why and Clerk's plain style is used.  ``now``: the created/modified time (default now).
    """
    renderer = _Renderer(document, template, warn)
    renderer.package(now or dt.datetime.now(dt.UTC))
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


def write_reference_template(target: Path) -> None:
    """Clerk's plain house style as a template (resources/templates/minutes.docx) that a
    council can open in Word, restyle and give back as its own."""
    from clerk_app.core.blocks import DocumentHeader

    header = DocumentHeader("", "", "", "")
    document = MinutesDocument(
        header=header, blocks=(), title="Minutes", subject="", author="Clerk"
    )
    renderer = _Renderer(document)
    renderer.package(dt.datetime.now(dt.UTC))
    renderer.page_furniture()
    renderer.doc.save(str(target))
