"""Import warnings, and their summary: a few of each kind, then "... and N more like this".

A single 1 MB line once gave 130,000 identical warnings, which buried the one that mattered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ImportWarning:
    line: int  # 1-based line number in the input; 0 for the file as a whole
    message: str  # "line 14: could not understand this line; ..." (no "line 0: ")

    @classmethod
    def at(cls, line: int, text: str) -> ImportWarning:
        return cls(line, f"line {line}: {text}" if line else text)


SHOWN = 3  # of each kind
# What makes two warnings "the same kind": their wording without line numbers and quoted text.
_VARYING = re.compile(r"'[^']*'|\"[^\"]*\"|\d+")
_MORE = "... and "


def summarise(warnings: list[ImportWarning]) -> list[ImportWarning]:
    """``warnings`` (in order) with each kind cut to SHOWN, the rest counted in one more."""
    kinds: dict[str, list[int]] = {}  # kind -> indexes in warnings
    for index, warning in enumerate(warnings):
        if warning.message.startswith(_MORE):
            continue  # already a summary: summarising twice changes nothing
        kinds.setdefault(_VARYING.sub("", warning.message), []).append(index)
    dropped: set[int] = set()
    summaries: dict[int, ImportWarning] = {}  # index of the first one left out -> its summary
    for indexes in kinds.values():
        rest = indexes[SHOWN:]
        if not rest:
            continue
        first, last = warnings[rest[0]].line, warnings[rest[-1]].line
        where = f"line {first}" if first == last else f"lines {first} to {last}"
        summaries[rest[0]] = ImportWarning(first, f"... and {len(rest)} more like this ({where})")
        dropped.update(rest)
    if not dropped:
        return warnings
    return [
        summaries.get(index, warning)
        for index, warning in enumerate(warnings)
        if index not in dropped or index in summaries
    ]
