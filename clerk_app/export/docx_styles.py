"""The Word document's page and styles: A4, Arial 11 pt, and named styles a clerk can restyle.

python-docx starts from a template that is US Letter with Calibri and coloured headings, so
every style the minutes use is first cleared and then set here.  Arial is named (Word has it;
LibreOffice substitutes Liberation Sans, which has the same widths, so lines break alike).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor, Twips

from clerk_app.core.blocks import Indents

FONT = "Arial"
BODY_PT = 11
STEP_TWIPS = 720  # 1.27 cm: Word's default tab stop, the usual indent of council minutes
MAX_STEP_TWIPS = 1474  # 2.6 cm
MAX_TITLE_TWIPS = 1928  # 3.4 cm
BLACK = RGBColor(0, 0, 0)
MARK_RED = RGBColor(0x99, 0, 0)
PAGE_WIDTH_MM, PAGE_HEIGHT_MM, MARGIN_CM = 210, 297, 2.2
TEXT_WIDTH_TWIPS = Mm(PAGE_WIDTH_MM - 2 * 10 * MARGIN_CM).twips

# Approximate Arial advance widths in 1/1000 em, enough to tell whether "OSC 12/24" fits in
# front of a title (Word lays text out itself; this only chooses an indent).
_NARROW = set(".,:;/()[]' iljIft!|")
_WIDE = set("mwMW@%")


def text_width_pt(text: str, size: float, bold: bool = False) -> float:
    units = 0
    for char in text:
        if char in _NARROW:
            units += 300
        elif char in _WIDE:
            units += 850
        elif char.isupper():
            units += 700
        else:
            units += 560
    return units * size / 1000 * (1.05 if bold else 1.0)


def indents_twips(numbers: list[str], labels: list[str]) -> Indents:
    """Indents in twips, chosen as for the PDF: title fits the numbers, step the labels."""

    def fit(widest: float, most: int) -> int:
        return min(max(STEP_TWIPS, int(widest * 20) + 170), most)  # 170 twips = 0.3 cm gap

    number = max([text_width_pt(n, 12, bold=True) for n in numbers] + [0.0])
    label = max([text_width_pt(x, BODY_PT) for x in labels] + [0.0])
    return Indents(fit(number, MAX_TITLE_TWIPS), fit(label, MAX_STEP_TWIPS))


def set_font(element: Any, name: str = FONT) -> None:
    """Name the font for every script in an rPr-bearing element, dropping theme fonts.

    Theme attributes (asciiTheme...) win over explicit names, and the template's theme is
    Calibri/Cambria, so they must go.
    """
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), name)


def _clear(style: Any) -> None:
    for tag in ("w:pPr", "w:rPr"):
        found = style.element.find(qn(tag))
        if found is not None:
            style.element.remove(found)


def _defaults(document: Any) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), FONT)


@dataclass
class DocxStyles:
    normal: Any
    council: Any
    title: Any
    subtitle: Any
    details: Any
    heading: Any
    body: Any
    note: Any
    notice: Any
    point: Any
    subpoint: Any
    resolution: Any
    close: Any
    signature: Any
    table: Any
    mark: Any
    footer: Any
    indents: Indents  # twips


class _StyleMaker:
    """Makes the minutes' styles; with ``keep_look`` a style the template defines keeps its
    fonts, sizes and spacing (the council's house style) and only gets the minutes' layout."""

    def __init__(self, document: Any, keep_look: bool) -> None:
        self.styles = document.styles
        self.keep_look = keep_look
        self.kept: set[str] = set()

    def paragraph_style(self, name: str, base: Any | None = None) -> Any:
        try:
            style = self.styles[name]
        except KeyError:
            style = self.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        else:
            if self.keep_look:
                self.kept.add(name)
                return style
        _clear(style)
        style.base_style = base
        style.font.color.rgb = BLACK
        return style

    def style(
        self,
        name: str,
        *,
        size: float = BODY_PT,
        bold: bool = False,
        italic: bool = False,
        before: float = 0,
        after: float = 6,
        indent: int = 0,
        base: Any = None,
    ) -> Any:
        made = self.paragraph_style(name, base)
        fmt = made.paragraph_format
        if indent:
            fmt.left_indent = Twips(indent)
        if name in self.kept:
            return made
        made.font.size = Pt(size)
        made.font.bold = bold
        made.font.italic = italic
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        return made


def make_styles(document: Any, indents: Indents, *, keep_look: bool = False) -> DocxStyles:
    """Set every style the minutes use; returns them for the renderer.

    Without ``keep_look`` each style is cleared and set to Clerk's plain look; with it (a
    council's template) the template's own styles keep their look.
    """
    maker = _StyleMaker(document, keep_look)
    normal = maker.paragraph_style("Normal")
    if "Normal" not in maker.kept:
        _defaults(document)
        set_font(normal.element)
        normal.font.size = Pt(BODY_PT)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.line_spacing = 1.1  # as the PDF's leading: a little air

    def style(name: str, base: Any = normal, **look: Any) -> Any:
        return maker.style(name, base=base, **look)

    heading = style("Heading 1", size=12, bold=True, before=14, after=8)
    fmt = heading.paragraph_format
    fmt.keep_with_next = True
    fmt.keep_together = True
    title = int(indents.title)
    # The minute number hangs in front of the title: the layout, kept in any house style.
    fmt.left_indent, fmt.first_line_indent = Twips(title), Twips(-title)
    fmt.tab_stops.add_tab_stop(Twips(title))
    ppr = heading.element.get_or_add_pPr()
    if ppr.find(qn("w:outlineLvl")) is None:
        outline = OxmlElement("w:outlineLvl")  # what the Navigation pane and PDF bookmarks use
        outline.set(qn("w:val"), "0")
        ppr.append(outline)

    body = style("Minutes Body", indent=title)
    signature = style("Minutes Signature", before=18, after=0)
    signature.paragraph_format.keep_with_next = True
    mark = style("Minutes Mark", size=9, bold=True, after=0)
    if "Minutes Mark" not in maker.kept:
        mark.font.color.rgb = MARK_RED
        mark.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = style("Footer", size=9, after=0)
    if "Footer" not in maker.kept:
        footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return DocxStyles(
        normal=normal,
        council=style("Minutes Council", size=12, bold=True, after=2),
        title=style("Title", size=16, bold=True, after=4),
        subtitle=style("Subtitle", bold=True, after=2),
        details=style("Minutes Details", after=14),
        heading=heading,
        body=body,
        note=style("Minutes Note", italic=True, indent=title, base=body),
        notice=style("Minutes Notice", bold=True, indent=title, base=body),
        # The list layout (numbering, indents) is linked to these by docx_numbering.
        point=style("Minutes Point"),
        subpoint=style("Minutes Sub-point"),
        resolution=style("Minutes Resolution"),
        close=style("Minutes Close", before=12),
        signature=signature,
        table=style("Minutes Table", size=9, after=0),
        mark=mark,
        footer=footer,
        indents=indents,
    )


def set_page(document: Any) -> None:
    """A4 portrait with 2.2 cm margins (python-docx's template is US Letter)."""
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
        section.left_margin = section.right_margin = Cm(MARGIN_CM)
        section.top_margin = section.bottom_margin = Cm(MARGIN_CM)
        section.header_distance = section.footer_distance = Cm(1.1)
