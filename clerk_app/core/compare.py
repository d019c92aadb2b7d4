"""Comparing two versions of the minutes: the changed paragraphs, side by side."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from clerk_app.core.lettering import point_label, reference_label
from clerk_app.core.model import AgendaItem, Meeting


@dataclass(frozen=True)
class Change:
    where: str  # "13/25 Land at Mill Lane, b.i."
    before: str  # "" when the paragraph was added
    after: str  # "" when it was removed


def _paragraphs(meeting: Meeting, item: AgendaItem) -> list[tuple[str, str]]:
    """(label, text) for every paragraph of an item, in order."""
    style = meeting.label_style
    out: list[tuple[str, str]] = [("title", f"{item.number} {item.title}".strip())]
    if item.intro:
        out.append(("introduction", item.intro))
    for index, point in enumerate(item.points):
        label = point_label(style, index, item.number)
        out.append((label, point.text))
        for sub, child in enumerate(point.children):
            out.append((reference_label(style, index, sub, item.number), child.text))
    for decision in item.decisions:
        out.append((decision.kind.value, decision.preamble))
        out += [(f"{decision.kind.value} {n + 1}", r) for n, r in enumerate(decision.resolutions)]
    return out


def _item_key(item: AgendaItem) -> object:
    return item.id if item.id is not None else (item.number, item.title)


def compare(before: Meeting, after: Meeting) -> list[Change]:
    """Every paragraph that differs, matched item by item (by id, else number and title)."""
    changes: list[Change] = []
    old_items = {_item_key(i): i for i in before.items}
    seen = set()
    for item in after.items:
        key = _item_key(item)
        seen.add(key)
        old = old_items.get(key)
        name = f"{item.number} {item.title}".strip()
        old_paras = _paragraphs(before, old) if old else []
        new_paras = _paragraphs(after, item)
        matcher = difflib.SequenceMatcher(
            a=[t for _, t in old_paras], b=[t for _, t in new_paras], autojunk=False
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            olds, news = old_paras[i1:i2], new_paras[j1:j2]
            for k in range(max(len(olds), len(news))):
                o = olds[k] if k < len(olds) else ("", "")
                n = news[k] if k < len(news) else ("", "")
                changes.append(Change(f"{name}, {n[0] or o[0]}", o[1], n[1]))
    for key, item in old_items.items():
        if key not in seen:
            name = f"{item.number} {item.title}".strip()
            changes += [Change(f"{name}, {lab}", t, "") for lab, t in _paragraphs(before, item)]
    return changes
