"""Real Word list numbering for points, sub-points and resolutions (numbering.xml).

python-docx has no API for numbering, so the XML is built here: one ``w:abstractNum`` per
kind of list (lettered points over roman sub-points, roman resolutions...) with hanging
indents, and one ``w:num`` per list instance whose ``startOverride`` makes the letters start
again at "a." in every item (Word otherwise continues a list across instances).

The list layout belongs to the paragraph styles, as in a Word template: the first list of each
kind links its levels to the point, sub-point or resolution style (``w:pStyle`` in the level,
``w:numPr`` and the hanging indent in the style), so restyling "Minutes Point" in a council's
template restyles every point, and a point typed in Word with that style is lettered.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

from clerk_app.core.blocks import Indents, ListScheme


def hanging_indent(indents: Indents, label_steps: int) -> tuple[int, int]:
    """(text position, label position) in twips for a label at ``label_steps``."""
    return int(indents.at(label_steps + 1)), int(indents.at(label_steps))


def _element(tag: str, **attrs: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


class Numbering:
    """Adds list definitions to a document's numbering part as the renderer meets lists."""

    def __init__(self, document: Any, indents: Indents, label_font: str | None = None) -> None:
        self.root = document.part.numbering_part.element
        self.indents = indents
        self.label_font = label_font
        abstract = self.root.findall(qn("w:abstractNum"))
        nums = self.root.findall(qn("w:num"))
        self._next_abstract = 1 + max(
            (int(a.get(qn("w:abstractNumId"))) for a in abstract), default=-1
        )
        self._next_num = 1 + max((int(n.get(qn("w:numId"))) for n in nums), default=0)
        # abstractNums must all come before the first w:num in numbering.xml.
        self._insert_at = len(abstract)
        self._abstract_ids: dict[ListScheme, int] = {}
        self._num_ids: dict[int, int] = {}
        self._linked: set[str] = set()  # style ids already carrying a list

    def num_id(
        self, list_id: int, scheme: ListScheme, indent: int, styles: tuple[Any, ...] = ()
    ) -> int:
        """The w:numId for the document's list ``list_id``, created on first use.

        ``styles`` are the paragraph styles of the list's levels (point, sub-point).
        """
        found = self._num_ids.get(list_id)
        if found is not None:
            return found
        new_abstract = scheme not in self._abstract_ids
        abstract_id = self._abstract(scheme, indent)
        num_id = self._next_num
        self._next_num += 1
        num = _element("w:num", numId=str(num_id))
        num.append(_element("w:abstractNumId", val=str(abstract_id)))
        for level in range(len(scheme.levels)):
            override = _element("w:lvlOverride", ilvl=str(level))
            override.append(_element("w:startOverride", val="1"))
            num.append(override)
        self.root.append(num)
        self._num_ids[list_id] = num_id
        if new_abstract:
            self._link(abstract_id, num_id, indent, styles)
        return num_id

    def _link(self, abstract_id: int, num_id: int, indent: int, styles: tuple[Any, ...]) -> None:
        """Give each level's style the list, unless an earlier list kind already has it."""
        if not styles or any(style.style_id in self._linked for style in styles):
            return
        abstract = next(
            a
            for a in self.root.findall(qn("w:abstractNum"))
            if a.get(qn("w:abstractNumId")) == str(abstract_id)
        )
        for lvl in abstract.findall(qn("w:lvl")):
            level = int(lvl.get(qn("w:ilvl")))
            if level >= len(styles):
                continue
            style = styles[level]
            # Schema order in w:lvl: start, numFmt, (lvlRestart), pStyle, ..., lvlText.
            lvl.find(qn("w:numFmt")).addnext(_element("w:pStyle", val=style.style_id))
            ppr = style.element.get_or_add_pPr()
            numpr = ppr.get_or_add_numPr()
            numpr.get_or_add_ilvl().val = level
            numpr.get_or_add_numId().val = num_id
            left, label = hanging_indent(self.indents, indent + level)
            fmt = style.paragraph_format
            fmt.left_indent, fmt.first_line_indent = Twips(left), Twips(label - left)
            self._linked.add(style.style_id)

    def _abstract(self, scheme: ListScheme, indent: int) -> int:
        found = self._abstract_ids.get(scheme)
        if found is not None:
            return found
        abstract_id = self._next_abstract
        self._next_abstract += 1
        abstract = _element("w:abstractNum", abstractNumId=str(abstract_id))
        abstract.append(_element("w:multiLevelType", val="multilevel"))
        for level, spec in enumerate(scheme.levels):
            lvl = _element("w:lvl", ilvl=str(level))
            lvl.append(_element("w:start", val="1"))
            lvl.append(_element("w:numFmt", val=spec.counter.value))
            lvl.append(_element("w:lvlText", val=spec.pattern))
            lvl.append(_element("w:lvlJc", val="left"))
            lvl.append(self._hanging(indent + level))
            if self.label_font:
                lvl.append(self._run_fonts(self.label_font))
            abstract.append(lvl)
        self.root.insert(self._insert_at, abstract)
        self._insert_at += 1
        self._abstract_ids[scheme] = abstract_id
        return abstract_id

    def _hanging(self, label_steps: int) -> Any:
        """Label at ``label_steps``, text (and wrapped lines) one step further in."""
        left, label = hanging_indent(self.indents, label_steps)
        ppr = _element("w:pPr")
        tabs = _element("w:tabs")
        tabs.append(_element("w:tab", val="num", pos=str(left)))
        ppr.append(tabs)
        ppr.append(_element("w:ind", left=str(left), hanging=str(left - label)))
        return ppr

    def _run_fonts(self, font: str) -> Any:
        # The label takes the paragraph's font unless told otherwise; Clerk's plain style is
        # explicit, so that its labels stay Arial beside Arial text.  A council's template
        # is not told: its labels follow the council's own point style.
        rpr = _element("w:rPr")
        rpr.append(_element("w:rFonts", ascii=font, hAnsi=font, cs=font))
        return rpr
