"""What an item's procedure prints at its head: the press and public readmitted, arrivals and
departures, declarations; and at its foot, the resolution excluding the press and public."""

from __future__ import annotations

from clerk_app.core.blocks import Block, DecisionBlock, Paragraph, ParagraphStyle
from clerk_app.core.model import AgendaItem
from clerk_app.core.procedure.declarations import at_item_sentence
from clerk_app.core.procedure.movements import movement_sentence

READMITTED = "The press and public were readmitted to the meeting."


def item_where(reference: str, position: int) -> str:
    """ "item 6", "item 24/6": how an arrival names the item it happened during."""
    return f"item {reference.strip().rstrip('.') or position + 1}"


def item_head(item: AgendaItem, reference: str, position: int) -> list[Block]:
    blocks: list[Block] = []
    if item.readmitted:
        blocks.append(Paragraph(READMITTED, indent=1, style=ParagraphStyle.NOTE))
    where = item_where(reference, position)
    blocks.extend(Paragraph(movement_sentence(m, where), indent=1) for m in item.movements)
    blocks.extend(Paragraph(at_item_sentence(d), indent=1) for d in item.declarations)
    return blocks


def item_foot(item: AgendaItem) -> list[Block]:
    if not item.exclusion.strip():
        return []
    wording = item.exclusion.strip()
    return [DecisionBlock("RESOLVED", wording, ())]
