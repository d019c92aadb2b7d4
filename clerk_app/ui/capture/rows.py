"""The meeting flattened into display rows, top to bottom, with labels derived from position.

Rebuilt whole after every structural edit (a few hundred small objects, ~1 ms for 400
points), which is what makes letters follow an insert, delete, move or indent at once.
No Qt here: the capture view measures and paints these rows.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import lru_cache

from clerk_app.core.actions import parse_tag
from clerk_app.core.attendance import attendance_lines
from clerk_app.core.lettering import point_label, resolution_label, subpoint_label
from clerk_app.core.model import AgendaItem, Decision, DecisionKind, Meeting, Point, Status
from clerk_app.core.procedure.declarations import Declaration, at_item_sentence
from clerk_app.core.procedure.declared import declarations_item_index, listed
from clerk_app.core.procedure.item_record import READMITTED, item_where
from clerk_app.core.procedure.motion_wording import VOTE_WORDS, record
from clerk_app.core.procedure.motions import Motion, Vote
from clerk_app.core.procedure.movements import Movement, movement_sentence
from clerk_app.core.procedure.references import reference_of
from clerk_app.core.wording import clock_time, long_date


class RowKind(enum.Enum):
    COUNCIL = "council"
    COMMITTEE = "committee"
    DATELINE = "dateline"
    ATTENDANCE = "attendance"
    ITEM = "item"
    EXEMPT = "exempt"
    INTRO = "intro"
    POINT = "point"
    EMPTY_ITEM = "empty-item"  # an item without points: a place to click or press Enter
    DECISION = "decision"  # RESOLVED, NOTED...
    PREAMBLE = "preamble"  # "That the Committee:"
    RESOLUTION = "resolution"
    DOCUMENTS = "documents"
    DOCUMENT = "document"
    NO_ITEMS = "no-items"
    # Proceedings (proceedings_head_rows): attendance over time and the press and public
    MOVEMENT = "movement"  # "Councillor Y arrived at 7.42 pm during item 6."
    READMITTED = "readmitted"
    EXCLUSION = "exclusion"  # the resolution excluding the press and public
    # Issue 12: an item's declarations of interest, motions and their named votes.
    DECLARATION = "declaration"
    MOTION = "motion"
    NAMED_VOTE = "named-vote"


@dataclass(eq=False)
class Row:
    kind: RowKind
    text: str
    label: str = ""  # drawn in the label column: "77.", "a.", "ii.", "Present:"
    level: int = 0  # 1 for sub-points and resolutions: one more indent
    item: AgendaItem | None = None
    point: Point | None = None
    decision: Decision | None = None
    owners: str = ""  # the action chip: "Chair/Clerk"
    movement: Movement | None = None  # an arrival or departure row's own
    aside: str = ""  # drawn in the gutter, muted: the time an item was taken
    record: Declaration | Motion | None = None  # a DECLARATION, MOTION or NAMED_VOTE row's
    # Filled by the view's layout pass:
    y: int = 0
    height: int = 0
    gap: int = 0  # space above the row


@lru_cache(maxsize=8192)
def owners_of(text: str) -> str:
    """The chip's text for a point; cached by text, as a rebuild asks for every point's."""
    tag = parse_tag(text)
    if tag is None:
        return ""
    due = f" by {tag.due.day} {tag.due:%b %Y}" if tag.due else ""
    return "/".join(tag.owners) + due


def _time(meeting: Meeting) -> str:
    if meeting.start_time is None:
        return ""
    t = meeting.start_time
    hour = t.hour % 12 or 12
    return f"{hour}.{t.minute:02d} {'am' if t.hour < 12 else 'pm'}"


def header_rows(meeting: Meeting) -> list[Row]:
    draft = "DRAFT: subject to approval. " if meeting.status is Status.DRAFT else ""
    when = f"Minutes of the meeting held on {long_date(meeting.date)}"
    details = ", ".join(part for part in (_time(meeting), meeting.venue) if part)
    rows = [
        Row(RowKind.COUNCIL, meeting.council or "(council not set)"),
        Row(RowKind.COMMITTEE, meeting.committee),
        Row(RowKind.DATELINE, f"{draft}{when}" + (f", {details}" if details else "")),
    ]
    lines = attendance_lines(meeting.attendees)
    if not lines:
        rows.append(
            Row(RowKind.ATTENDANCE, "No attendance yet: Meeting > Attendance (Ctrl+Shift+A)")
        )
    rows.extend(Row(RowKind.ATTENDANCE, text, label=lead) for lead, text in lines)
    return rows


def item_rows(meeting: Meeting, item: AgendaItem) -> list[Row]:
    style = meeting.label_style
    # A body numbering its minutes derives the reference of an item that has none typed.
    reference, base = reference_of(meeting, item)
    number = f"{reference}." if reference and reference[-1].isdigit() else reference
    rows = [Row(RowKind.ITEM, item.title or "(untitled item)", label=number, item=item)]
    rows[0].aside = clock_time(item.taken_at) if item.taken_at is not None else ""
    if item.exempt:
        para = f" (Schedule 12A paragraph {item.exempt_paragraph})" if item.exempt_paragraph else ""
        rows.append(Row(RowKind.EXEMPT, f"EXEMPT: not for publication{para}", item=item))
    rows.extend(proceedings_head_rows(meeting, item, reference))
    rows.extend(declaration_rows(item))
    rows.extend(
        Row(RowKind.INTRO, paragraph, item=item)
        for paragraph in item.intro.split("\n")
        if paragraph
    )
    if not item.points:
        rows.append(Row(RowKind.EMPTY_ITEM, "Click or press Enter to add a point", item=item))
    for index, point in enumerate(item.points):
        label = point_label(style, index, base)
        rows.append(
            Row(RowKind.POINT, point.text, label, 0, item, point, owners=owners_of(point.text))
        )
        for child_index, child in enumerate(point.children):
            rows.append(
                Row(
                    RowKind.POINT,
                    child.text,
                    subpoint_label(style, child_index, label.rstrip(".")),
                    1,
                    item,
                    child,
                    owners=owners_of(child.text),
                )
            )
    rows.extend(motion_rows(item))
    for decision in item.decisions:
        head = "Resolved to RECOMMEND" if decision.kind is DecisionKind.RECOMMEND else None
        rows.append(
            Row(RowKind.DECISION, head or decision.kind.value, item=item, decision=decision)
        )
        if decision.preamble:
            rows.append(Row(RowKind.PREAMBLE, decision.preamble, item=item, decision=decision))
        rows.extend(
            Row(
                RowKind.RESOLUTION,
                resolution,
                resolution_label(decision.numbering, index),
                1,
                item,
                decision=decision,
            )
            for index, resolution in enumerate(decision.resolutions)
        )
    if item.exclusion.strip():
        rows.append(Row(RowKind.EXCLUSION, f"RESOLVED: {item.exclusion.strip()}", item=item))
    if item.documents:
        rows.append(Row(RowKind.DOCUMENTS, "Supporting documents:", item=item))
        rows.extend(Row(RowKind.DOCUMENT, doc, level=1, item=item) for doc in item.documents)
    return rows


# --- proceedings: attendance over time and the press and public ----------------------------
# Which dialog a double-click on one of these rows opens (the capture view's edit targets).
PROCEEDINGS_EDIT_TARGETS = {
    RowKind.MOVEMENT: "movement",
    RowKind.EXCLUSION: "exclusion",
    RowKind.READMITTED: "readmission",
}


def proceedings_head_rows(meeting: Meeting, item: AgendaItem, reference: str) -> list[Row]:
    """The press and public readmitted, then arrivals and departures, in the core's wording
    (``item_record``), so the screen says what the minutes will print."""
    rows = [Row(RowKind.READMITTED, READMITTED, item=item)] if item.readmitted else []
    if item.movements:
        position = next(i for i, each in enumerate(meeting.items) if each is item)
        where = item_where(reference, position)
        rows.extend(
            Row(RowKind.MOVEMENT, movement_sentence(m, where), item=item, movement=m)
            for m in item.movements
        )
    return rows


def build_rows(meeting: Meeting) -> list[Row]:
    rows = header_rows(meeting)
    listed_at = declarations_item_index(meeting)
    for position, item in enumerate(meeting.items):
        these = item_rows(meeting, item)
        if position == listed_at:
            # Under "Declarations of interest", every declaration of the meeting, as printed.
            head = next((i for i, r in enumerate(these) if r.kind not in _ITEM_HEAD), len(these))
            these[head:head] = listed_rows(meeting)
        rows.extend(these)
    if not meeting.items:
        rows.append(Row(RowKind.NO_ITEMS, "No agenda items yet: press Ctrl+Enter to add one"))
    return rows


# --- issue 12: declarations of interest and motions, in the words the exports print ----
_ITEM_HEAD = (
    RowKind.ITEM,
    RowKind.EXEMPT,
    RowKind.READMITTED,
    RowKind.MOVEMENT,
    RowKind.DECLARATION,
    RowKind.INTRO,
)


def declaration_rows(item: AgendaItem) -> list[Row]:
    return [
        Row(RowKind.DECLARATION, at_item_sentence(d), item=item, record=d)
        for d in item.declarations
    ]


def listed_rows(meeting: Meeting) -> list[Row]:
    """Each declaration of the meeting naming its item, linked to the item it was made on."""
    references = [reference_of(meeting, item)[0] for item in meeting.items]
    sentences = iter(listed(meeting, references))
    return [
        Row(RowKind.DECLARATION, next(sentences), item=item, record=d)
        for item in meeting.items
        for d in item.declarations
    ]


def named_vote_text(motion: Motion) -> str:
    """ "Recorded vote. For (3): A, B, C. Against (1): D." in the grid's order."""
    parts = []
    for vote in Vote:
        names = [row.member.strip() for row in motion.named if row.vote is vote]
        if names:
            parts.append(f"{VOTE_WORDS[vote]} ({len(names)}): {', '.join(names)}.")
    return "Recorded vote. " + " ".join(parts)


def motion_rows(item: AgendaItem) -> list[Row]:
    rows: list[Row] = []
    for motion in item.motions:
        rows.append(Row(RowKind.MOTION, record(motion), item=item, record=motion))
        if motion.named:
            rows.append(
                Row(RowKind.NAMED_VOTE, named_vote_text(motion), level=1, item=item, record=motion)
            )
    return rows
