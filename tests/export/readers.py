"""Reading exported files back with tools independent of the writers.

PDF: poppler's ``pdftotext`` (a different code base from Typst and pypdf) and pypdf.
Word: python-docx for structure and a small evaluator of numbering.xml that prints labels the
way Word does, so the test checks what a reader of the .docx would see, not what we meant.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from clerk_app.core.lettering import letters, roman

_FURNITURE = re.compile(r"^\s*(Page \d+ of \d+|DRAFT \u2013 .*|CONFIDENTIAL \u2013 .*)\s*$")


def need(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is not installed")
    return found


def pdftotext(path: Path, *, layout: bool = True) -> str:
    args = [need("pdftotext"), "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    done = subprocess.run([*args, str(path), "-"], capture_output=True, check=True, timeout=60)
    return done.stdout.decode("utf-8")


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>')


def word_boxes(path: Path) -> list[tuple[int, float, float, str]]:
    """(page, x, y, word) for every word, x and y of its top left corner in points."""
    args = [need("pdftotext"), "-bbox", "-enc", "UTF-8", str(path), "-"]
    html = subprocess.run(args, capture_output=True, check=True, timeout=60).stdout.decode()
    out = []
    for number, page in enumerate(html.split("<page ")[1:], start=1):
        for x, y, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page
        ):
            out.append((number, float(x), float(y), word))
    return out


def pdf_pages(path: Path) -> list[str]:
    """The text of each page (pdftotext ends every page with a form feed)."""
    pages = pdftotext(path).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def flowing(text: str) -> str:
    """Page text without headers and footers, white space collapsed: searchable as prose."""
    lines = [line for line in text.splitlines() if not _FURNITURE.match(line)]
    return " ".join(" ".join(lines).split())


def squash(text: str) -> str:
    return " ".join(text.split())


def find_in_order(haystack: str, needles: list[str]) -> None:
    """Assert every needle occurs in the haystack, each after the one before."""
    position = 0
    for needle in needles:
        found = haystack.find(needle, position)
        assert found >= 0, f"{needle[:80]!r} not found after position {position}"
        position = found + len(needle)


_FORMATS = {
    "lowerLetter": lambda n: _word_letters(n),
    "lowerRoman": lambda n: roman(n - 1),
    "decimal": str,
}


def _word_letters(n: int) -> str:
    """Word's lowerLetter: a..z, then aa, bb, cc (the letter repeated), not aa, ab."""
    return letters((n - 1) % 26) * ((n - 1) // 26 + 1)


def word_list_labels(path: Path) -> list[tuple[str, str]]:
    """(label, text) for every numbered paragraph, computed as Word numbers them."""
    document = docx.Document(str(path))
    numbering = document.part.numbering_part.element
    abstracts = {a.get(qn("w:abstractNumId")): a for a in numbering.findall(qn("w:abstractNum"))}
    nums = {n.get(qn("w:numId")): n for n in numbering.findall(qn("w:num"))}
    counters: dict[tuple[str, int], int] = {}
    out = []
    for paragraph in document.paragraphs:
        numpr = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numpr is None:
            continue
        num = nums[numpr.find(qn("w:numId")).get(qn("w:val"))]
        level = int(numpr.find(qn("w:ilvl")).get(qn("w:val")))
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        abstract = abstracts[abstract_id]
        # Word shares one count among every w:num of an abstractNum unless the w:num restarts
        # it with a startOverride: exactly what must hold for letters to restart per item.
        restarts = {o.get(qn("w:ilvl")) for o in num.findall(qn("w:lvlOverride"))
                    if o.find(qn("w:startOverride")) is not None}  # fmt: skip
        num_id = num.get(qn("w:numId")) if str(level) in restarts else f"abstract{abstract_id}"
        counters[(num_id, level)] = counters.get((num_id, level), 0) + 1
        for deeper in range(level + 1, 9):  # a new point restarts its sub-points
            counters.pop((num_id, deeper), None)
        text = ""
        for lvl in abstract.findall(qn("w:lvl")):
            if int(lvl.get(qn("w:ilvl"))) == level:
                text = lvl.find(qn("w:lvlText")).get(qn("w:val"))
        for shown in range(level + 1):
            spec = [x for x in abstract.findall(qn("w:lvl")) if int(x.get(qn("w:ilvl"))) == shown]
            fmt = spec[0].find(qn("w:numFmt")).get(qn("w:val"))
            value = _FORMATS[fmt](counters.get((num_id, shown), 1))
            text = text.replace(f"%{shown + 1}", value)
        out.append((text, paragraph.text))
    return out


def structure(path: Path) -> list[tuple[int, str]]:
    """The tagged PDF's structure tree as (depth, role) in reading order, depth 0 the Document."""
    import pikepdf

    out: list[tuple[int, str]] = []

    def walk(node: pikepdf.Dictionary, depth: int) -> None:
        kids = node.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                out.append((depth, str(kid.S)[1:]))
                walk(kid, depth + 1)

    with pikepdf.open(path) as pdf:
        walk(pdf.Root.StructTreeRoot, 0)  # type: ignore[arg-type]  # a dictionary in a tagged PDF
    return out


def children(tree: list[tuple[int, str]], at: int) -> list[int]:
    """Indexes of the direct children of the element at index ``at``."""
    depth = tree[at][0]
    out = []
    for index in range(at + 1, len(tree)):
        if tree[index][0] <= depth:
            break
        if tree[index][0] == depth + 1:
            out.append(index)
    return out
