"""Clerk's own Word export brought back: the paragraphs recording motions (core's
motion_wording) and the recorded-vote tables, read back into the MOTION lines they stand for.

In a Word file from elsewhere, "It was moved by A, seconded by B, and RESOLVED that ..." is
the item's decision and its motion both (minutes_text/prose_motions.py).  Clerk's export
prints each motion's record apart from its decisions, so there the record is the motion only:
read as a decision too, it would add a decision the meeting never had.
"""

from __future__ import annotations

from clerk_app.minutes_text.motion_lines import format_motions
from clerk_app.minutes_text.prose_motions import ProseMotions
from clerk_app.minutes_text.vote_lines import named_vote

_RECORD = ("It was moved", "An amendment was moved")


def _in_record(line: str) -> bool:
    return line.startswith(_RECORD) or named_vote(line) is not None


def motion_lines(text: list[str], origin: list[int]) -> tuple[list[str], list[int]]:
    """``text`` (with each line's paragraph) with every run of motion records replaced by
    its MOTION lines; a run that does not read back as one motion a record is left as it is."""
    out_text: list[str] = []
    out_origin: list[int] = []
    index = 0
    while index < len(text):
        if not text[index].startswith(_RECORD):
            out_text.append(text[index])
            out_origin.append(origin[index])
            index += 1
            continue
        end = index
        while end < len(text) and _in_record(text[end]):
            end += 1
        run = text[index:end]
        reader = ProseMotions()
        for number, line in enumerate(run):
            reader.feed(number, line)
        motions = reader.finish()
        records = sum(1 for line in run if line.startswith(_RECORD))
        if len(motions) == records and not reader.warnings:
            for motion in motions:
                # Clerk's own record, replaced here by its lines: printed in Clerk's words.
                motion.as_written = False
            lines = format_motions(motions)
            out_text += lines
            out_origin += [origin[index]] * len(lines)
        else:
            out_text += run
            out_origin += origin[index:end]
        index = end
    return out_text, out_origin
