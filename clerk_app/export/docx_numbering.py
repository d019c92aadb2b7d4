"""Real Word list numbering for points, sub-points and resolutions (numbering.xml).

python-docx has no API for numbering, so the XML is built here: one ``w:abstractNum`` per
kind of list (lettered points over roman sub-points, roman resolutions...) with hanging
indents, and one ``w:num`` per list instance whose ``startOverride`` makes the letters start
again at "a." in every item (Word otherwise continues a list across instances).
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

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

    def __init__(self, document: Any, indents: Indents) -> None:
        self.root = document.part.numbering_part.element
        self.indents = indents
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

    def num_id(self, list_id: int, scheme: ListScheme, indent: int) -> int:
        """The w:numId for the document's list ``list_id``, created on first use."""
        found = self._num_ids.get(list_id)
        if found is not None:
            return found
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
        return num_id

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
            lvl.append(self._run_fonts())
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

    def _run_fonts(self) -> Any:
        # The label takes the paragraph's font unless told otherwise; be explicit so a
        # restyled document keeps Arial labels beside Arial text.
        rpr = _element("w:rPr")
        rpr.append(_element("w:rFonts", ascii="Arial", hAnsi="Arial", cs="Arial"))
        return rpr
