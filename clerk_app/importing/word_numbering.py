"""List numbers as Word renders them, from ``w:numPr`` and the numbering definitions.

A numbered paragraph's label is not in its text: Word draws it from the list definition
(``w:abstractNum``: per level a format, a label pattern such as "%1." or "(%2)", a start).
Lists that share a definition continue one another's count, as in Word, unless a ``w:num``
restarts a level with ``w:startOverride``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from clerk_app.core.lettering import letters, roman

_BULLET = "\u2022"


@dataclass(frozen=True)
class Level:
    fmt: str  # "decimal", "lowerLetter", "upperRoman", "bullet", ...
    text: str  # "%1.", "(%2)", "\u2022"
    start: int


def _val(element: Any, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return None if child is None else child.get(qn("w:val"))


def _format(fmt: str, number: int) -> str:
    if number < 1 and fmt != "decimal":
        return str(number)
    if fmt == "lowerLetter":
        return letters(number - 1)
    if fmt == "upperLetter":
        return letters(number - 1).upper()
    if fmt == "lowerRoman":
        return roman(number - 1)
    if fmt == "upperRoman":
        return roman(number - 1).upper()
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "none":
        return ""
    return str(number)


@dataclass
class ListNumbers:
    """Counts list paragraphs in document order and gives each its label."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstract id -> levels
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)  # abstract id -> count a level
    _restarted: set[str] = field(default_factory=set)  # num ids whose overrides were applied

    @classmethod
    def of(cls, document: Any) -> ListNumbers:
        numbers = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbers  # a document with no lists
        for abstract in root.findall(qn("w:abstractNum")):
            levels: dict[int, Level] = {}
            for lvl in abstract.findall(qn("w:lvl")):
                start = _val(lvl, "w:start")
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = Level(
                    _val(lvl, "w:numFmt") or "decimal",
                    _val(lvl, "w:lvlText") or "",
                    int(start) if start and start.isdigit() else 1,
                )
            numbers.levels[abstract.get(qn("w:abstractNumId"), "")] = levels
        for num in root.findall(qn("w:num")):
            overrides: dict[int, int] = {}
            for override in num.findall(qn("w:lvlOverride")):
                start = _val(override, "w:startOverride")
                if start is not None and start.isdigit():
                    overrides[int(override.get(qn("w:ilvl"), "0"))] = int(start)
            numbers.nums[num.get(qn("w:numId"), "")] = (
                _val(num, "w:abstractNumId") or "",
                overrides,
            )
        return numbers

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The label of the next paragraph in list ``num_id`` at level ``ilvl``; None if the
        list is not defined (or is numId 0, which means "no list")."""
        if num_id not in self.nums:
            return None
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return None
        counts = self.counters.setdefault(abstract, [0] * 10)
        if num_id not in self._restarted:
            self._restarted.add(num_id)
            for level, start in overrides.items():
                if 0 <= level < 10:
                    counts[level] = start - 1
                    counts[level + 1 :] = [0] * (9 - level)
        this = levels[ilvl]
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else this.start
        counts[ilvl + 1 :] = [0] * (9 - ilvl)
        if this.fmt == "bullet":
            return _BULLET
        text: str = this.text
        for depth in range(ilvl, -1, -1):
            shown = levels.get(depth)
            value = counts[depth] or (shown.start if shown else 1)
            text = text.replace(f"%{depth + 1}", _format(shown.fmt if shown else "decimal", value))
        return text
