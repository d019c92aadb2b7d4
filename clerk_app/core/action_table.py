"""The action log: one row per tagged point, as an appendix or as a document of its own.

A row's summary is the point's text with the "(Action: ...)" tag taken out and cut at a word
boundary; item titles and owners are cut too.  The table stays readable, and a row always fits
on one page (a PDF table row cannot be split across pages).
"""

from __future__ import annotations

from collections.abc import Iterable

from clerk_app.core.actions import parse_tag
from clerk_app.core.blocks import (
    ActionRow,
    ActionTable,
    Block,
    DocumentHeader,
    Heading,
    MinutesDocument,
    Paragraph,
)
from clerk_app.core.exempt import public_meeting
from clerk_app.core.lettering import point_label, subpoint_label
from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.core.wording import clean_line, short_date, shorten

SUMMARY_LIMIT = 160
NAME_LIMIT = 80  # item titles and owners


def summarise(text: str, limit: int = SUMMARY_LIMIT) -> str:
    """The point's words without its action tag, at most ``limit`` characters."""
    tag = parse_tag(text)
    if tag is not None:
        text = text[: tag.start] + text[tag.end :]
    text = clean_line(text).rstrip(" .;,") + "."
    return shorten(text, limit) if text != "." else ""


def _item_name(item: AgendaItem) -> str:
    number = clean_line(item.number)
    title = clean_line(item.title)
    name = f"{number}. {title}" if number.isdigit() else f"{number} {title}".strip()
    return shorten(name, NAME_LIMIT)


def _row(item: AgendaItem, point: Point, ref: str) -> ActionRow | None:
    action = point.action
    if action is None:
        return None
    if action.done:
        status = f"Done {short_date(action.done_on)}" if action.done_on else "Done"
    else:
        status = "Open"
    return ActionRow(
        ref=ref,
        item=_item_name(item),
        summary=summarise(point.text),
        owners=shorten(clean_line("/".join(action.owners)), NAME_LIMIT),
        due=short_date(action.due) if action.due else "",
        status=status,
    )


def action_rows(meeting: Meeting, *, open_only: bool = False) -> tuple[ActionRow, ...]:
    """Rows for every tagged point and sub-point, in the order of the minutes."""
    style = meeting.label_style
    rows: list[ActionRow | None] = []
    for item in meeting.items:
        prefix = clean_line(item.number).rstrip(".")
        for index, point in enumerate(item.points):
            label = point_label(style, index, item.number)
            rows.append(_row(item, point, shorten(f"{prefix} {label}".strip(), NAME_LIMIT)))
            for sub_index, child in enumerate(point.children):
                sub = subpoint_label(style, sub_index, label)
                ref = shorten(f"{prefix} {label}{sub}".strip(), NAME_LIMIT)
                rows.append(_row(item, child, ref))
    kept = [row for row in rows if row is not None]
    return tuple(row for row in kept if not open_only or row.status == "Open")


def compose_actions(
    meetings: Iterable[Meeting], *, confidential: bool = False, open_only: bool = False
) -> MinutesDocument:
    """An "actions only" document: a heading and a table per meeting."""
    meetings = list(meetings)
    blocks: list[Block] = []
    councils = sorted({clean_line(m.council) for m in meetings if clean_line(m.council)})
    for position, meeting in enumerate(meetings):
        visible = meeting if confidential else public_meeting(meeting)
        title = f"{clean_line(meeting.committee)}, {short_date(meeting.date)}"
        blocks.append(Heading("", title, f"meeting-{position + 1}"))
        blocks.append(ActionTable(action_rows(visible, open_only=open_only)))
    if not meetings:
        blocks.append(Paragraph("No meetings were chosen."))
    which = "Open actions" if open_only else "Actions"
    header = DocumentHeader(
        council=", ".join(councils),
        committee="Action log",
        meeting_line=f"{which} from {len(meetings)} meeting{'s' if len(meetings) != 1 else ''}",
        detail_line="",
    )
    marks = ("CONFIDENTIAL \u2013 not for publication",) if confidential else ()
    return MinutesDocument(
        header=header,
        blocks=tuple(blocks),
        title="CONFIDENTIAL \u2013 Action log" if confidential else "Action log",
        subject=f"CONFIDENTIAL: {header.meeting_line}" if confidential else header.meeting_line,
        author=shorten(header.council or "Clerk", 250),  # Word's limit is 255
        confidential=confidential,
        marks=marks,
        watermark="CONFIDENTIAL" if confidential else "",
    )
