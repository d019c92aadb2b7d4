"""Composes the minutes document (header, attendance, items, close) from a Meeting.

This is where the printed shape of the minutes is decided, once, for every exporter: labels
derived from position in the meeting's label style, the attendance wording, decisions, the
stub that replaces an exempt item in the public version, and the optional action log.
"""

from __future__ import annotations

import itertools
import re

from clerk_app.core.action_table import action_rows
from clerk_app.core.attendance import attendance_lines
from clerk_app.core.blocks import (
    ActionTable,
    Block,
    Counter,
    DecisionBlock,
    DocumentHeader,
    Heading,
    LabelledParagraph,
    ListLevel,
    ListScheme,
    MinutesDocument,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    SignatureBlock,
    Stub,
)
from clerk_app.core.exempt import confidential_notice, exempt_notice, public_meeting
from clerk_app.core.lettering import point_label, resolution_label, subpoint_label
from clerk_app.core.model import (
    AgendaItem,
    Decision,
    DecisionKind,
    LabelStyle,
    Meeting,
    Numbering,
    Status,
)
from clerk_app.core.procedure.declared import declarations_item_index, listed
from clerk_app.core.procedure.item_record import item_foot, item_head
from clerk_app.core.procedure.motion_blocks import motion_blocks
from clerk_app.core.procedure.references import minute_references, paragraph_bases
from clerk_app.core.wording import clean_line, clean_text, clock_time, long_date, shorten

PROPERTY_LIMIT = 250
DRAFT_MARK = "DRAFT \u2013 subject to approval"
CONFIDENTIAL = "CONFIDENTIAL"
CONFIDENTIAL_MARK = f"{CONFIDENTIAL} \u2013 not for publication"

_KEYWORDS = {
    DecisionKind.RESOLVED: "RESOLVED",
    DecisionKind.NOTED: "NOTED",
    DecisionKind.AGREED: "AGREED",
    DecisionKind.RECOMMEND: "Resolved to RECOMMEND",  # as printed: only RECOMMEND in capitals
}
_CLERKS_NOTE = re.compile(r"^clerk[\u2019']?s note\b", re.IGNORECASE)

_L, _R, _D = Counter.LOWER_LETTER, Counter.LOWER_ROMAN, Counter.DECIMAL
_POINT_SCHEMES = {
    LabelStyle.DOT: ListScheme((ListLevel(_L, "%1."), ListLevel(_R, "%2."))),
    LabelStyle.PAREN: ListScheme((ListLevel(_L, "(%1)"), ListLevel(_R, "(%2)"))),
    LabelStyle.BRACKET: ListScheme((ListLevel(_L, "%1)"), ListLevel(_R, "%2)"))),
    LabelStyle.NUMBER: ListScheme((ListLevel(_D, "%1)"), ListLevel(_R, "%2)"))),
}
_RESOLUTION_SCHEMES = {
    Numbering.ROMAN: ListScheme((ListLevel(_R, "%1."),)),
    Numbering.NUMBER: ListScheme((ListLevel(_D, "%1."),)),
    Numbering.PAREN_LETTER: ListScheme((ListLevel(_L, "(%1)"),)),
}


def point_scheme(style: LabelStyle, minute_number: str = "") -> ListScheme:
    """The list numbering matching :func:`lettering.point_label` for this style."""
    if style is LabelStyle.DECIMAL:
        # "8.1" / "8.1.1": the minute's own number is literal text in the pattern; taking it
        # from the label of the first point keeps it identical to lettering's choice.
        base = point_label(style, 0, minute_number).rsplit(".", 1)[0]
        return ListScheme((ListLevel(_D, f"{base}.%1"), ListLevel(_D, f"{base}.%1.%2")))
    return _POINT_SCHEMES[style]


def resolution_scheme(numbering: Numbering) -> ListScheme:
    return _RESOLUTION_SCHEMES[numbering]


def suggested_file_name(meeting: Meeting, suffix: str, *, confidential: bool = False) -> str:
    """ "Planning Committee 2024-05-21.pdf"; the confidential version says so in its name."""
    safe = "".join(c if c.isalnum() or c in " -" else " " for c in meeting.committee)
    name = safe.strip() or "Minutes"
    tail = f" {CONFIDENTIAL}" if confidential else ""
    return f"{name} {meeting.date.isoformat()}{tail}{suffix}"


def minute_number(item: AgendaItem, reference: str | None = None) -> str:
    """ "77" -> "77."; "77/24", "OSC 12/24" and "" are printed as typed.  ``reference`` is the
    one derived from the body's numbering, when the item has none typed."""
    number = clean_line(item.number if reference is None else reference)
    return f"{number}." if number.isdigit() else number


def _paragraphs(text: str, indent: int) -> list[Paragraph]:
    out = []
    for line in clean_text(text).split("\n"):
        if line:
            note = bool(_CLERKS_NOTE.match(line))
            style = ParagraphStyle.NOTE if note else ParagraphStyle.BODY
            out.append(Paragraph(line, indent=indent, style=style))
    return out


class _Composer:
    """Walks a meeting once, numbering list instances as it goes."""

    def __init__(self, meeting: Meeting, confidential: bool) -> None:
        self.meeting = meeting
        self.confidential = confidential
        self._list_ids = itertools.count(1)
        self.references = minute_references(meeting)
        self.bases = paragraph_bases(meeting)
        self.declared = listed(meeting, self.references)
        self.declarations_at = declarations_item_index(meeting)

    def header(self) -> DocumentHeader:
        m = self.meeting
        details = [clock_time(m.start_time)] if m.start_time else []
        if clean_line(m.venue):
            details.append(clean_line(m.venue))
        return DocumentHeader(
            council=clean_line(m.council),
            committee=clean_line(m.committee),
            meeting_line=f"Minutes of the meeting held on {long_date(m.date)}",
            detail_line=", ".join(details),
        )

    def attendance(self) -> list[Block]:
        return [
            Paragraph(clean_line(text), lead=lead)
            for lead, text in attendance_lines(self.meeting.attendees)
        ]

    def item(self, position: int, item: AgendaItem) -> list[Block]:
        reference = self.references[position]
        heading = Heading(
            minute_number(item, reference), clean_line(item.title), f"item-{position + 1}"
        )
        if item.exempt and not self.confidential:
            return [Stub(heading, exempt_notice(item))]
        blocks: list[Block] = [heading]
        if item.exempt:
            notice = confidential_notice(item)
            blocks.append(Paragraph(notice, indent=1, style=ParagraphStyle.NOTICE))
        blocks.extend(item_head(item, reference, position))
        blocks.extend(_paragraphs(item.intro, indent=1))
        if position == self.declarations_at:
            blocks.extend(self.declarations_list())
        blocks.extend(self.points(item, self.bases[position]))
        blocks.extend(motion_blocks(item.motions))
        blocks.extend(self.decision(decision) for decision in item.decisions)
        blocks.extend(item_foot(item))
        blocks.extend(self.documents(item))
        return blocks

    def declarations_list(self) -> list[Block]:
        """Every declaration of the meeting, under its "Declarations of interest" item."""
        return [Paragraph(sentence, indent=1) for sentence in self.declared]

    def declarations_section(self) -> list[Block]:
        """For a meeting with declarations and no item for them: a heading of its own."""
        if self.declarations_at is not None or not self.declared:
            return []
        heading = Heading("", "Declarations of interest", "declarations")
        return [heading, *self.declarations_list()]

    def points(self, item: AgendaItem, base: str) -> list[LabelledParagraph]:
        style = self.meeting.label_style
        scheme = point_scheme(style, base)
        list_id = next(self._list_ids)
        out = []
        for index, point in enumerate(item.points):
            label = point_label(style, index, base)
            out.append(LabelledParagraph(label, clean_text(point.text), 0, list_id, index, scheme))
            for sub_index, child in enumerate(point.children):
                sub_label = subpoint_label(style, sub_index, label)
                text = clean_text(child.text)
                out.append(LabelledParagraph(sub_label, text, 1, list_id, sub_index, scheme))
        return out

    def decision(self, decision: Decision) -> DecisionBlock:
        scheme = resolution_scheme(decision.numbering)
        list_id = next(self._list_ids)
        resolutions = tuple(
            LabelledParagraph(
                resolution_label(decision.numbering, index),
                clean_text(text),
                0,
                list_id,
                index,
                scheme,
            )
            for index, text in enumerate(decision.resolutions)
        )
        return DecisionBlock(_KEYWORDS[decision.kind], clean_text(decision.preamble), resolutions)

    def documents(self, item: AgendaItem) -> list[Paragraph]:
        names = [clean_line(name) for name in item.documents if clean_line(name)]
        pages = clean_line(item.pages)
        if not names and not pages:
            return []
        lead_text = f"agenda pack pages {pages}" if pages else ""
        lead = Paragraph(lead_text, lead="Supporting documents:", indent=1, keep_with_next=True)
        return [lead, *(Paragraph(name, indent=2) for name in names)]

    def close(self) -> list[Block]:
        blocks: list[Block] = list(_paragraphs(self.meeting.notes, indent=0))
        if self.meeting.end_time is not None:
            ended = f"The meeting ended at {clock_time(self.meeting.end_time)}"
            blocks.append(Paragraph(ended, style=ParagraphStyle.CLOSE))
        blocks.append(SignatureBlock())
        return blocks


def compose(
    meeting: Meeting, *, confidential: bool = False, action_log: bool = False, author: str = ""
) -> MinutesDocument:
    """The minutes as printed: public (exempt items as stubs) unless ``confidential``.

    ``author`` (the clerk's name) goes into the document properties; the council's name, or
    "Clerk", when it is not known.
    """
    if not confidential:
        # Exempt content is removed from the data before composing, not merely skipped while
        # composing, so that no later block (the action log included) can reach it.
        meeting = public_meeting(meeting)
    composer = _Composer(meeting, confidential)
    header = composer.header()
    blocks: list[Block] = composer.attendance()
    blocks.extend(composer.declarations_section())
    for position, item in enumerate(meeting.items):
        blocks.extend(composer.item(position, item))
    blocks.extend(composer.close())
    if action_log:
        blocks.extend([PageBreak(), Heading("", "Action log", "action-log")])
        blocks.append(ActionTable(action_rows(meeting)))

    draft = meeting.status is Status.DRAFT
    marks = tuple(
        mark for mark, on in ((DRAFT_MARK, draft), (CONFIDENTIAL_MARK, confidential)) if on
    )
    subject = f"{header.meeting_line}: {header.committee}" if header.committee else ""
    title = f"{shorten(header.committee, 150)} minutes, {long_date(meeting.date)}".strip()
    subject = subject or header.meeting_line
    if confidential:
        # The properties a viewer shows (title bar, file list) say so too, not only the pages.
        title, subject = f"{CONFIDENTIAL} \u2013 {title}", f"{CONFIDENTIAL}: {subject}"
    return MinutesDocument(
        header=header,
        blocks=tuple(blocks),
        # Word refuses document properties longer than 255 characters.
        title=title,
        subject=shorten(subject, PROPERTY_LIMIT),
        author=shorten(clean_line(author) or header.council or "Clerk", PROPERTY_LIMIT),
        draft=draft,
        confidential=confidential,
        marks=marks,
        watermark=CONFIDENTIAL if confidential else "DRAFT" if draft else "",
    )
