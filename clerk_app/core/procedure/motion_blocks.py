"""The blocks an item's motions print as: the record of each, and a named vote's table."""

from __future__ import annotations

from clerk_app.core.blocks import Block, Paragraph, RecordTable
from clerk_app.core.procedure.motion_wording import VOTE_WORDS, record
from clerk_app.core.procedure.motions import Motion

VOTE_COLUMNS = ("Member", "Vote")
VOTE_SHARES = (0.7, 0.3)


def motion_blocks(motions: list[Motion]) -> list[Block]:
    blocks: list[Block] = []
    for motion in motions:
        if motion.as_written:
            continue  # the minutes' own words, kept as the item's text, already say it
        blocks.append(Paragraph(record(motion), indent=1))
        if motion.named:
            which = "amendment" if motion.amends is not None else "motion"
            rows = tuple((row.member.strip(), VOTE_WORDS[row.vote]) for row in motion.named)
            blocks.append(
                RecordTable(f"Recorded vote on the {which}", VOTE_COLUMNS, VOTE_SHARES, rows)
            )
    return blocks
