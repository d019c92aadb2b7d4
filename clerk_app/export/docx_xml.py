"""Fast paragraph and run construction for the Word renderer, straight in lxml.

python-docx resolves a style object by scanning every style on each ``add_paragraph`` and
re-checks the schema's child order on each insertion; for minutes of a thousand points that
is seconds.  The few element shapes the minutes need are simple, so they are built here
directly, in schema order, and appended before the body's closing ``w:sectPr``.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Characters XML 1.0 cannot hold even after clean_text (which removes control characters).
_NOT_XML = re.compile("[\ufffe\uffff]")


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _set(element: Any, **attrs: str) -> Any:
    for name, value in attrs.items():
        element.set(w(name), value)
    return element


def paragraph_element(
    style_id: str,
    *,
    num: tuple[int, int] | None = None,
    keep_next: bool = False,
    left: int | None = None,
    hanging: int | None = None,
    tab: int | None = None,
) -> Any:
    """A ``w:p`` with its properties; ``num`` is (numId, level), indents are in twips."""
    p = etree.Element(w("p"))
    ppr = etree.SubElement(p, w("pPr"))
    _set(etree.SubElement(ppr, w("pStyle")), val=style_id)
    if keep_next:
        etree.SubElement(ppr, w("keepNext"))
    if num is not None:
        numpr = etree.SubElement(ppr, w("numPr"))
        _set(etree.SubElement(numpr, w("ilvl")), val=str(num[1]))
        _set(etree.SubElement(numpr, w("numId")), val=str(num[0]))
    if tab is not None:
        tabs = etree.SubElement(ppr, w("tabs"))
        _set(etree.SubElement(tabs, w("tab")), val="left", pos=str(tab))
    if left is not None:
        ind = _set(etree.SubElement(ppr, w("ind")), left=str(left))
        if hanging is not None:  # 0 too: it overrides the style's own hanging indent
            ind.set(w("hanging"), str(hanging))
    return p


def add_run(p: Any, text: str, *, bold: bool = False, italic: bool = False) -> None:
    """Append text as a run; "\\n" becomes a line break and "\\t" a tab, as in Word."""
    r = etree.SubElement(p, w("r"))
    if bold or italic:
        rpr = etree.SubElement(r, w("rPr"))
        if bold:
            etree.SubElement(rpr, w("b"))
        if italic:
            etree.SubElement(rpr, w("i"))
    text = _NOT_XML.sub("", text)
    for line_no, line in enumerate(text.split("\n")):
        if line_no:
            etree.SubElement(r, w("br"))
        for part_no, part in enumerate(line.split("\t")):
            if part_no:
                etree.SubElement(r, w("tab"))
            if part:
                t = etree.SubElement(r, w("t"))
                t.text = part
                t.set(_SPACE, "preserve")


class Body:
    """Appends paragraphs to a document body, keeping ``w:sectPr`` last."""

    def __init__(self, document: Any) -> None:
        self.body = document.element.body
        self.end = self.body.find(w("sectPr"))

    def last(self) -> Any:
        """The paragraph (or table) appended most recently."""
        if self.end is not None:
            return self.end.getprevious()
        return self.body[-1]

    def append(self, element: Any) -> Any:
        if self.end is not None:
            self.end.addprevious(element)
        else:
            self.body.append(element)
        return element
