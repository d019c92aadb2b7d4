"""A Meeting out as plain-text minutes, in the format that ``minutes_text.importer`` reads.

What is written, top to bottom::

    Council: London Borough of Haringey          header lines, each only when it has a value
    Committee: Overview and Scrutiny Committee
    Date: Tuesday 21 May 2024
    Time: 6.30 pm to 8.45 pm                     or "6.30 pm", or "until 8.45 pm"
    Venue: ...
    Status: draft
    Approved on: Monday 10 June 2024
    Label style: (a)                             only for a meeting with no points at all
    Present: Councillors Russell (Chair), Cannon
    In attendance: Jane Doe (Head of Housing)    ...one line per run of attendees

    Notes:                                       the meeting's notes, one paragraph a line
    ...

    EXEMPT: paragraph 3                          before the heading of an exempt item
    77.<tab>PERFORMANCE UPDATE                   or "77/24<tab>Title", "OSC 12/24<tab>Title",
                                                 or "Agenda item" then the title on its own
    DECLARED: Cllr X; other registrable; remained   declarations (procedure_lines.py)
    MOTION: Cllr A; Cllr B; That ...             motions and votes (motion_lines.py)
    ARRIVED: Cllr Y; 7.42 pm                     arrivals, departures, times, exclusion
                                                 (presence_lines.py)
    Pages: 53-114                                only when the intro does not cite them
    <intro paragraphs>
    a.<tab><point text>
    <tab><the point's later paragraphs>
    <tab>ACTION DONE: Wednesday 12 June 2024     a done action (the tag stays in the text)
    <tab>i.<tab><sub-point>
    <tab><tab><the sub-point's later paragraphs>
    RESOLVED: That the Committee:
    <tab>i.<tab><resolution>
    Supporting documents:
    <tab><document>

Labels come from ``core.lettering`` in the meeting's label style.

Limitation: plain text has no escape syntax, so a paragraph that is not the first line of its
block (an intro or notes paragraph, a point's second paragraph, a decision's later lines)
and that itself starts like structure (``looks_structural``: "a. ...", "RESOLVED ...",
"42. TITLE", "Supporting documents:"...) is read back as that structure.  What always holds
is that one write-read cycle settles: the text written from what was read reads back, and
writes, unchanged.  (Likewise an item with no motions whose text tells one in prose, "Cllr A
MOVED, Cllr B SECONDED and it was RESOLVED", reads back with that motion as data, which is
then written as a MOTION line; prose_motions.py.)  Everything else round-trips,
``read_minutes(write_minutes(m)).meeting == m``, for text as ``clean_line``/``clean_text``
leave it.  The model can also hold a few things that these minutes have no place for, which
are not written or not kept apart:
- a decision's numbering when it has no resolutions;
- a done date on an action that is not done; ``exempt_paragraph`` on an item not exempt;
- an item number with no digit, a colon, or more than a prefix and one word ("Item A");
- a line break inside a resolution (one paragraph each, as the store keeps them): it is
  written on a continuation line and read back as a space;
- pages that are literally "none"; blank documents; times' time zones;
- on attendees: a job title on anybody but an officer, ``substitute_for`` on anybody not a
  substitute; names that start with "Councillor" or "Cllr" (the title is dropped), that are
  "None", that start or end with the word "and" or "for" or contain brackets, commas,
  semicolons, " and " or " for "; notes with unbalanced brackets or that read as a role
  ("Chair", "officer").
"""

from __future__ import annotations

from clerk_app.core.lettering import point_label, resolution_label, subpoint_label
from clerk_app.core.model import AgendaItem, Decision, DecisionKind, LabelStyle, Meeting, Point
from clerk_app.minutes_text.attendance import format_attendance
from clerk_app.minutes_text.headers import format_date, format_time_range
from clerk_app.minutes_text.lines import (
    NO_PAGES,
    Heading,
    format_exempt,
    marker_number_ok,
    motion_stands_alone,
    pages_in_text,
    parse_decision,
    parse_heading,
)
from clerk_app.minutes_text.motion_lines import format_motions
from clerk_app.minutes_text.presence_lines import format_presence
from clerk_app.minutes_text.procedure_lines import format_declaration
from clerk_app.minutes_text.resolutions import continues_resolutions

_KEYWORDS = {
    DecisionKind.RESOLVED: "RESOLVED",
    DecisionKind.NOTED: "NOTED",
    DecisionKind.AGREED: "AGREED",
}


def write_minutes(meeting: Meeting) -> str:
    """The whole meeting as plain text, ending with a newline."""
    out = _header(meeting)
    if meeting.notes:
        out += ["", "Notes:", *meeting.notes.split("\n")]
    after: Decision | None = None
    for item in meeting.items:
        out.append("")
        out += _item(meeting.label_style, item, after)
        ends_with_decision = item.decisions and not item.documents
        after = item.decisions[-1] if ends_with_decision else None
    return "\n".join(out) + "\n"


def _header(meeting: Meeting) -> list[str]:
    out: list[str] = []
    if meeting.council:
        out.append(f"Council: {meeting.council}")
    if meeting.committee:
        out.append(f"Committee: {meeting.committee}")
    out.append(f"Date: {format_date(meeting.date)}")
    if meeting.start_time is not None or meeting.end_time is not None:
        out.append(f"Time: {format_time_range(meeting.start_time, meeting.end_time)}")
    if meeting.venue:
        out.append(f"Venue: {meeting.venue}")
    out.append(f"Status: {meeting.status.value}")
    if meeting.approved_on is not None:
        out.append(f"Approved on: {format_date(meeting.approved_on)}")
    has_points = any(item.points for item in meeting.items)
    # With points, the labels themselves say the style; without, nothing else would.
    if not has_points and meeting.label_style is not LabelStyle.DOT:
        out.append(f"Label style: {meeting.label_style.value}")
    out += format_attendance(meeting.attendees)
    return out


def _heading(item: AgendaItem, after: Decision | None) -> list[str]:
    """The item's heading; ``after`` is the decision the previous item ended with, which an
    unindented "3.<tab>Title" could be read as continuing."""
    if item.title:
        compact = f"{item.number}.\t{item.title}" if item.number.isdigit() else ""
        if item.number and not item.number.isdigit():
            compact = f"{item.number}\t{item.title}"
        if item.number.isdigit() and after is not None:
            if continues_resolutions(after, int(item.number), item.title):
                compact = ""
        if compact and parse_heading(compact) == Heading(item.number, item.title):
            return [compact]
    marker = "Agenda item"
    if item.number and marker_number_ok(item.number):
        marker += f" {item.number}"
    if not item.title:
        return [marker + ":"]  # the colon says "no title": the next line is not one
    return [marker, "", item.title]


def _item(style: LabelStyle, item: AgendaItem, after: Decision | None) -> list[str]:
    out: list[str] = []
    if item.exempt:
        out.append(format_exempt(item.exempt_paragraph))
    out += _heading(item, after)
    out.append("")
    if presence := format_presence(item):
        out += [*presence, ""]
    if item.declarations:
        out += [*(format_declaration(d) for d in item.declarations), ""]
    if item.motions:
        out += [*format_motions(item.motions), ""]
    if pages_in_text(item.intro) != item.pages:
        out.append(f"Pages: {item.pages or NO_PAGES}")
    for paragraph in item.intro.split("\n") if item.intro else []:
        out += [paragraph, ""]
    for index, point in enumerate(item.points):
        label = point_label(style, index, item.number)
        out += _point(label, point, "")
        for child_index, child in enumerate(point.children):
            out += _point(subpoint_label(style, child_index, label), child, "\t")
        out.append("")
    for decision in item.decisions:
        out += [*_decision(decision), ""]
    if item.documents:
        out.append("Supporting documents:")
        out += [f"\t{document}" for document in item.documents]
    while out and not out[-1]:
        out.pop()
    return out


def _point(label: str, point: Point, indent: str) -> list[str]:
    first, *rest = point.text.split("\n")
    out = [f"{indent}{label}\t{first}" if first else f"{indent}{label}"]
    out += [f"{indent}\t{paragraph}" for paragraph in rest]
    if point.action_done:
        when = f": {format_date(point.action_done_on)}" if point.action_done_on else ""
        out.append(f"{indent}\tACTION DONE{when}")
    return out


def _opening(decision: Decision, first: str) -> str:
    """The decision's first line, checked against the reader: "RESOLVED: That ...",
    "Resolved to RECOMMEND (to Council):", or a motion line as it stands."""
    kind = decision.kind
    if kind is DecisionKind.RECOMMEND:
        spaced = f"Resolved to RECOMMEND {first}"
        if first.startswith("(") and parse_decision(spaced) == (kind, first):
            return spaced
        return f"Resolved to RECOMMEND: {first}" if first else "Resolved to RECOMMEND"
    if first and motion_stands_alone(first, kind):
        return first  # "Cllr X MOVED ... and it was RESOLVED to:" says its own keyword
    return f"{_KEYWORDS[kind]}: {first}" if first else _KEYWORDS[kind]


def _decision(decision: Decision) -> list[str]:
    first, *rest = decision.preamble.split("\n")
    out = [_opening(decision, first), *rest]
    for index, resolution in enumerate(decision.resolutions):
        label = resolution_label(decision.numbering, index)
        head, *more = resolution.split("\n")
        out.append(f"\t{label}\t{head}" if head else f"\t{label}")
        out += [f"\t\t{paragraph}" for paragraph in more]
    return out
