"""The state machine that turns the lines of plain-text minutes into a Meeting.

One pass, line by line.  Before the first item heading, lines are the header (headers.py);
after it, each line is placed by what it looks like (lines.py) and by where we are in the
item: introduction, points, a decision, or its supporting documents.

Labels need context: whether "i." is a letter or a roman sub-point is placement.py's call,
whether "3." is a resolution or the next minute is resolutions.py's.  An unlabelled line
continues the last thing written: the introduction, a point (or, when indented deeper than
its parent's label, the last sub-point), a decision's preamble or its last resolution.
(A resolution is one paragraph, so a line continuing one is joined to it with a space.)
Nothing is dropped except page footers and signature lines, which every exporter prints
afresh; whatever is not understood is kept as a paragraph, with a warning.

The lines given to :class:`MinutesReader` have had control characters removed already, so
a line with nothing but white space on it is blank.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import itertools
from collections.abc import Callable
from dataclasses import dataclass

from clerk_app.core.actions import set_tag
from clerk_app.core.exempt import ExemptParagraphError, check_paragraphs
from clerk_app.core.lettering import point_label, roman_to_index, subpoint_label
from clerk_app.core.model import AgendaItem, Decision, LabelStyle, Point
from clerk_app.core.text import clean_line
from clerk_app.minutes_text.headers import HeaderReader, parse_date_text, parse_time_text
from clerk_app.minutes_text.house_styles import (
    action_to,
    add_apologies,
    apologies_from,
    bullet_text,
    exclusion_paragraphs,
    initials_of,
    is_leftover,
    owners_from_initials,
    parse_prose_decision,
    task_owner,
)
from clerk_app.minutes_text.lines import (
    INDENT_CHARS,
    ExemptMarker,
    Heading,
    Label,
    action_line_owners,
    ended_at,
    is_boilerplate,
    is_draft_mark,
    looks_like_exempt,
    looks_structural,
    malformed_tags,
    pages_in_text,
    parse_decision,
    parse_documents,
    parse_done,
    parse_exempt,
    parse_heading,
    parse_label,
    parse_pages_line,
)
from clerk_app.minutes_text.motion_lines import is_motion_line, read_motion_line
from clerk_app.minutes_text.placement import Context, place
from clerk_app.minutes_text.presence_lines import is_presence_line, read_presence_line
from clerk_app.minutes_text.procedure_lines import is_declaration_line, parse_declaration
from clerk_app.minutes_text.prose_motions import ProseMotions
from clerk_app.minutes_text.resolutions import resolution_slot, title_like
from clerk_app.minutes_text.summary import SHOWN, ImportWarning

_KEPT_IN_INTRO = "kept as a paragraph of the item's introduction"


class _Section(enum.Enum):
    INTRO = "intro"
    POINTS = "points"
    DECISION = "decision"
    DOCUMENTS = "documents"


@dataclass
class _Growing:
    """A text that later lines continue, joined once when the file is read: joining each line
    as it came copied the whole text again every time (80,000 lines of one point took 20 s)."""

    parts: list[str]
    separator: str
    store: Callable[[str], None]

    def joined(self) -> str:
        # As joining one line at a time would: empty text before the first line is dropped.
        return self.separator.join(itertools.dropwhile(lambda part: not part, self.parts))


def _indent_width(prefix: str) -> int:
    # A tab counts as four columns: only comparisons between lines matter.
    return sum(4 if ch == "\t" else 1 for ch in prefix)


class MinutesReader:
    """Reads the lines of one file; the results are public attributes once :meth:`run` ends."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.warnings: list[ImportWarning] = []
        self.headers = HeaderReader(self.warn)
        self.notes: list[str] = []
        self.items: list[AgendaItem] = []
        self.style: LabelStyle | None = None  # from the first point in the file
        self.draft_mark = False
        self.ended: tuple[int, dt.time] | None = None  # "The meeting ended at ..."
        self._line_no = 0
        self._pending_exempt: ExemptMarker | None = None
        self._growing: dict[tuple[int, int], _Growing] = {}  # (id of its owner, which text)
        self._awaiting_title: tuple[int, AgendaItem] | None = None
        # Undoes the storing of the last line when it was a paragraph: a title in capitals
        # above a bare reference ("PLA146/14") is taken back from where it was kept.
        self._undo: Callable[[], str] | None = None
        self._excluded: str | None = None  # press and public excluded: Schedule 12A paragraphs
        # The item the exclusion alone made exempt, which a READMITTED line makes public again.
        self._exempt_by_exclusion: AgendaItem | None = None
        self._prev_undo: Callable[[], str] | None = None  # the undo for the line before
        self._known: dict[str, str] | None = None  # attendees by their initials
        self._start_item_state(None)

    def _start_item_state(self, item: AgendaItem | None) -> None:
        self.item = item
        self._prose = ProseMotions()  # motions the item's prose states (prose_motions.py)
        self._intro: list[str] = []
        self._pages: str | None = None  # from a "Pages:" line
        self._section = _Section.INTRO
        self._point: Point | None = None
        self._point_indent = 0
        self._sub: Point | None = None
        self._decision: Decision | None = None
        self._decision_indent = 0
        self._docs_indent = 0

    def warn(self, message: str, line: int | None = None) -> None:
        self.warnings.append(ImportWarning.at(self._line_no if line is None else line, message))

    # --- the pass over the lines --------------------------------------------------------------
    def run(self) -> None:
        for index, raw in enumerate(self.lines):
            self._line_no = index + 1
            body = raw.rstrip()
            content = body.lstrip(INDENT_CHARS)
            if not content:  # control characters went before the split: this is blank
                self.headers.blank()
                continue
            self._line(index, _indent_width(body[: len(body) - len(content)]), content)
        self._finish_item()
        for growing in self._growing.values():
            growing.store(growing.joined())
        self._growing.clear()
        if self._awaiting_title is not None:
            line, _ = self._awaiting_title
            self.warn("this agenda item has no title after it; left untitled", line)

    def _line(self, index: int, indent: int, content: str) -> None:
        undo, self._undo = self._undo, None
        self._prev_undo = undo
        if self.item is not None and (excluded := exclusion_paragraphs(content)) is not None:
            self._excluded = excluded
        if self._awaiting_title is not None:
            self._awaiting_title[1].title = clean_line(content)
            self._awaiting_title = None
            return
        if self._section is _Section.DOCUMENTS and indent > self._docs_indent:
            self._item().documents.append(clean_line(content))
            return
        if self._section is _Section.DECISION and self._resolution(indent, content):
            self._prose_line(content)
            return
        heading = parse_heading(content)
        if heading is None:
            self._prose_line(content)
        if heading is not None:
            self._start_item(heading, undo)
        elif self.item is not None and is_declaration_line(content):
            self._declaration(indent, content)
        elif self.item is not None and is_presence_line(content):
            problem = read_presence_line(self.item, content)
            if problem is not None:
                self.warn(f"{problem}; kept as text")
                self._item_line(indent, content)
            elif self.item.readmitted:
                self._readmitted(self.item)
        elif self.item is not None and is_motion_line(content):
            problem = read_motion_line(self.item, content)
            if problem is not None:
                self.warn(f"{problem}; kept as text")
                self._item_line(indent, content)
        elif is_boilerplate(content) or is_leftover(content):
            pass
        elif is_draft_mark(content):
            self.draft_mark = True
        elif (exempt := parse_exempt(content)) is not None:
            self._exempt(index, exempt)
        elif not self._ended(content):
            if looks_like_exempt(content):
                self.warn(
                    "this looks like an exempt (confidential) marker but is not understood;"
                    " kept as text, and the item is NOT marked exempt"
                    " (write 'EXEMPT: paragraph 3' on a line of its own)"
                )
            if self.item is None:
                self._header_line(content)
            else:
                self._item_line(indent, content)

    def _prose_line(self, content: str) -> None:
        """Motions told in prose become the item's motions, unless the item has MOTION lines
        of Clerk's own, which say the same thing exactly."""
        item = self.item
        if item is not None and not item.motions and not is_motion_line(content):
            self._prose.feed(self._line_no, content)

    def _declaration(self, indent: int, content: str) -> None:
        declared = parse_declaration(content)
        if isinstance(declared, str):
            self.warn(f"{declared}; kept as text")
            self._item_line(indent, content)
        else:
            self._item().declarations.append(declared)

    def _ended(self, content: str) -> bool:
        said = ended_at(content)
        moment = None if said is None else parse_time_text(said)
        if moment is None:
            return False
        self.ended = (self._line_no, moment)
        return True

    def _exempt(self, index: int, marker: ExemptMarker) -> None:
        """ "EXEMPT: paragraph 3" marks the item it heads, or else the item it sits in."""
        try:
            check_paragraphs(marker.paragraph)
        except ExemptParagraphError as exc:
            self.warn(f"{exc}; the item is marked exempt with no paragraph")
            extra = " ".join(filter(None, [marker.paragraph, marker.extra]))
            marker = ExemptMarker("", extra)
        if marker.extra:
            # Said once, here, without the text itself: it is confidential.
            self.warn(
                "the exempt marker has text besides its Schedule 12A paragraph; that text is"
                " kept in the exempt item's introduction, which is confidential"
            )
        rest = itertools.islice(self.lines, index + 1, None)
        following = next((line for line in rest if line.strip()), "")
        heads_an_item = parse_heading(following.rstrip().lstrip(INDENT_CHARS)) is not None
        if self.item is None or heads_an_item:
            self._pending_exempt = marker
        else:
            self._mark_exempt(marker)

    def _readmitted(self, item: AgendaItem) -> None:
        """The press and public came back in before ``item``: the exclusion ends there, and
        the item is public unless a marker of its own said otherwise."""
        self._excluded = None
        if self._exempt_by_exclusion is item:
            item.exempt, item.exempt_paragraph = False, ""
        self._exempt_by_exclusion = None

    def _mark_exempt(self, marker: ExemptMarker) -> None:
        item = self._item()
        item.exempt, item.exempt_paragraph = True, marker.paragraph
        if marker.extra:
            self._intro.append(marker.extra)

    def _header_line(self, content: str) -> None:
        text = clean_line(content)
        header = self.headers.header
        if header.in_notes:
            self.notes.append(text)
            self._undo = self.notes.pop
            return
        problem = self.headers.feed(content)
        if header.in_notes and header.first_note:
            self.notes.append(header.first_note)
        if problem is not None:
            self.notes.append(text)
            self.warn(problem)
            self._undo = self._take_back_note

    def _take_back_note(self) -> str:
        self.warnings.pop()  # the warning that said the line was kept in the notes
        return self.notes.pop()

    # --- items --------------------------------------------------------------------------------
    def _item(self) -> AgendaItem:
        assert self.item is not None, "only called inside an item"
        return self.item

    def _start_item(self, heading: Heading, undo: Callable[[], str] | None) -> None:
        title = heading.title
        if title is None and heading.foreign and undo is not None and self._previous_is_caps():
            title = undo()  # "PLA146/14" below its title in capitals
        self._finish_item()
        item = AgendaItem(title=title or "", number=heading.number)
        self.items.append(item)
        self._start_item_state(item)
        if self._pending_exempt is not None:
            self._mark_exempt(self._pending_exempt)
            self._pending_exempt = None
        elif self._excluded is not None:
            self._mark_exempt(self._exclusion_marker(self._excluded))
            self._exempt_by_exclusion = item
        if title is None:
            self._awaiting_title = (self._line_no, item)

    def _previous_is_caps(self) -> bool:
        for raw in reversed(self.lines[: self._line_no - 1]):
            if raw.strip():
                return title_like(raw) and parse_heading(raw.strip()) is None
        return False

    def _exclusion_marker(self, paragraphs: str) -> ExemptMarker:
        try:
            check_paragraphs(paragraphs)
        except ExemptParagraphError:
            return ExemptMarker("", "")
        return ExemptMarker(paragraphs, "")

    def _finish_item(self) -> None:
        if self.item is None:
            return
        if not self.item.motions:
            self.item.motions = self._prose.finish()
            for line, message in self._prose.warnings:
                self.warn(message, line)
        self.item.intro = "\n".join(self._intro)
        self.item.pages = pages_in_text(self.item.intro) if self._pages is None else self._pages

    def _item_line(self, indent: int, content: str) -> None:
        if (names := apologies_from(content)) is not None:
            add_apologies(self.headers.header.attendees, names)
        label = parse_label(content)
        # "2. RESOLVED - That ...": a numbered paragraph's decision, never a point to place.
        numbered_decision = (
            label is not None and label.token.isdigit() and parse_decision(label.text) is not None
        )
        # Points and sub-points first: "a. Cllr X MOVED ... RESOLVED" is a point.  Under a
        # decision or a list of papers, a label is the decision's or the list's own text.
        in_points = self._section in (_Section.INTRO, _Section.POINTS)
        placeable = in_points and label is not None and not numbered_decision
        if placeable and label is not None and self._place_label(label, indent):
            return
        if in_points and self._house_point(indent, content):
            return
        decision = parse_decision(content) or parse_prose_decision(content)
        if decision is None and label is not None and label.token.isdigit():
            decision = parse_decision(label.text)  # "3. RESOLVED - That ..."
        documents = parse_documents(content)
        if decision is not None:
            block = Decision(kind=decision[0], preamble=decision[1])
            self._item().decisions.append(block)
            self._decision, self._decision_indent = block, indent
            self._section = _Section.DECISION
        elif documents is not None:
            self._section, self._docs_indent = _Section.DOCUMENTS, indent
            self._item().documents.extend([documents] if documents else [])
        elif self._section is _Section.DOCUMENTS:
            self._item().documents.append(clean_line(content))
        elif self._section is _Section.INTRO and (pages := parse_pages_line(content)) is not None:
            self._pages = pages
        elif not self._mark_done(indent, content) and not self._task(in_points, indent, content):
            if self._section is _Section.DECISION and label is not None:
                self.warn(
                    f"{label.display()} does not follow on from the decision's resolutions;"
                    " kept as the decision's text"
                )
            self._paragraph(indent, content)

    def _house_point(self, indent: int, content: str) -> bool:
        """Points in other house styles: a bullet, an action ("Action: Cllr Body to ...",
        a line ending in its owners' initials), or the task after "ACTION:" on its own."""
        text: str | None = None
        owners: list[str] = []
        if (bullet := bullet_text(content)) is not None:
            text = clean_line(bullet)
        elif (action := action_to(content)) is not None:
            text, owners = action[0], [action[1]]
        elif owners_from_initials(content, self._initials()) is not None:
            text = content  # _add_point turns the initials into the action's owners
        if text is None:
            return False
        if owners:
            text = set_tag(text, owners)
        self._add_point(len(self._item().points), self._style() or LabelStyle.DOT, text, indent)
        return True

    def _task(self, in_points: bool, indent: int, content: str) -> bool:
        """ "ACTION:" on its own, then the task (a line that is nothing else): the task is
        a new point, its owner the "X" of "X to ..."; the "ACTION:" line and its warning are
        taken back."""
        if not in_points or looks_structural(content):
            return False  # "ACTION DONE", a heading...: never a task
        before = self._after_bare_action()
        if before is None:
            return False
        self.warnings = [w for w in self.warnings if w.line != before]
        text = clean_line(content)
        owner = task_owner(text)
        if owner is not None:
            text = set_tag(text, [owner])
        self._add_point(len(self._item().points), self._style() or LabelStyle.DOT, text, indent)
        return True

    def _after_bare_action(self) -> int | None:
        """The line number of an "ACTION:" alone just before this line, taken back from
        where it was kept; None if the line before is anything else."""
        undo = self._prev_undo
        for number in range(self._line_no - 1, 0, -1):
            raw = self.lines[number - 1].strip(INDENT_CHARS)
            if raw:
                if undo is None or action_line_owners(raw) != "":
                    return None
                undo()
                return number
        return None

    def _with_initials(self, text: str) -> str:
        """ "Write to the county. PA/VB" -> "Write to the county. (Actions: Pat Adams/Val
        Brown)" when PA and VB are the initials of people in the attendance."""
        found = owners_from_initials(text, self._initials()) if text else None
        return text if found is None else set_tag(found[0], found[1])

    def _initials(self) -> dict[str, str]:
        # The attendance is complete by the first item: worked out once, not once a line.
        if self._known is None:
            self._known = {}
            for person in self.headers.header.attendees:
                self._known.setdefault(initials_of(person.name), person.name)
        return self._known

    def _paragraph(self, indent: int, content: str) -> None:
        text = clean_line(content)
        owners = action_line_owners(content)
        if self._section is _Section.INTRO:
            self._intro.append(text)
            self._undo = self._intro.pop
            if owners or parse_done(content) is not None:
                self.warn(f"an action with no point before it; {_KEPT_IN_INTRO}")
        elif self._section is _Section.POINTS:
            target = self._target(indent)
            store = functools.partial(setattr, target, "text")
            self._continue((id(target), -1), target.text, "\n", text, store)
            self._check_tags(text)
            if owners == "":
                self.warn("'ACTION:' names nobody; kept as text (write 'ACTION: Name')")
        else:
            decision = self._decision
            assert decision is not None, "the decision section always has a decision"
            if decision.resolutions:
                # A resolution is one paragraph (the store keeps one a line): a vote or a
                # wrapped line after it joins it with a space.
                index = len(decision.resolutions) - 1
                store = functools.partial(decision.resolutions.__setitem__, index)
                self._continue((id(decision), index), decision.resolutions[index], " ", text, store)
            else:
                store = functools.partial(setattr, decision, "preamble")
                self._continue((id(decision), -1), decision.preamble, "\n", text, store)
            if owners:
                self.warn(
                    "an action line inside a decision is kept as the decision's text;"
                    " only points carry actions"
                )

    def _continue(
        self, key: tuple[int, int], text: str, sep: str, line: str, store: Callable[[str], None]
    ) -> None:
        """``line`` continues ``text`` (one of a point's, a preamble, a resolution)."""
        growing = self._growing.get(key)
        if growing is None:
            growing = self._growing[key] = _Growing([text, line], sep, store)
        else:
            growing.parts.append(line)
        self._undo = growing.parts.pop

    def _target(self, indent: int) -> Point:
        """The point an unlabelled line continues: the last sub-point if the line is indented
        deeper than its parent's label, else the parent."""
        assert self._point is not None, "the points section always has a point"
        if self._sub is not None and indent > self._point_indent:
            return self._sub
        return self._point

    def _mark_done(self, indent: int, content: str) -> bool:
        done = parse_done(content)
        if done is None or self._section is not _Section.POINTS:
            return False
        day: dt.date | None = None
        if done:
            parsed = parse_date_text(done)
            if parsed is None:
                self.warn(f"could not read the date {done!r}; the line is kept as text")
                return False
            day = parsed[0]
        target = self._target(indent)
        target.action_done, target.action_done_on = True, day
        return True

    def _check_tags(self, text: str) -> None:
        more = 0
        for count, tag in enumerate(malformed_tags(text)):
            if count >= SHOWN:
                more += 1  # counted, not kept: summary.py would drop them anyway
                continue
            self.warn(
                f"{tag!r} looks like an action tag but is not complete; kept as text"
                " (write it as '(Action: Name)')"
            )
        if more:
            self.warn(f"... and {more} more incomplete action tags on this line")

    # --- points -------------------------------------------------------------------------------
    def _style(self) -> LabelStyle | None:
        return self.headers.header.label_style or self.style

    def _place_label(self, label: Label, indent: int) -> bool:
        """Add the line as a point or sub-point if its label fits; False if it is prose."""
        context = Context(
            points=len(self._item().points),
            children=None if self._point is None else len(self._point.children),
            deeper=indent > self._point_indent,
            style=self._style(),
            first_in_file=self.style is None,
        )
        where = place(label, context)
        if where.kind == "point":
            self._add_point(where.index, where.style, label.text, indent, label.display())
        elif where.kind == "sub":
            self._add_sub(where.index, label, indent)
        elif where.kind == "orphan":
            self.warn(
                f"could not understand this line: sub-point {label.display()} has no point"
                f" before it; {_KEPT_IN_INTRO}"
            )
        elif roman_to_index(label.token) is not None or len(label.token) <= 2:
            self.warn(
                f"{label.display()} does not follow on from the labels before it;"
                " kept as text, not as a new point"
            )
        return where.kind in ("point", "sub")

    def _add_point(
        self, index: int, style: LabelStyle, text: str, indent: int, shown_as: str = ""
    ) -> None:
        item = self._item()
        if self.style is None:
            self.style = style
        expected = len(item.points)
        if index != expected:
            shown = point_label(self._style() or style, expected, item.number)
            self.warn(
                f"point {shown_as} is point {expected + 1} of this item, so it is"
                f" labelled {shown} (labels follow the order of the points)"
            )
        point = Point(text=self._with_initials(clean_line(text)))
        item.points.append(point)
        self._point, self._point_indent, self._sub = point, indent, None
        self._section = _Section.POINTS
        self._check_tags(point.text)

    def _add_sub(self, index: int, label: Label, indent: int) -> None:
        parent = self._point
        assert parent is not None, "sub-points are only added under a point"
        expected = len(parent.children)
        if index != expected:
            style = self._style() or LabelStyle.DOT
            parent_label = point_label(style, len(self._item().points) - 1, self._item().number)
            shown = subpoint_label(style, expected, parent_label)
            self.warn(
                f"sub-point {label.display()} is sub-point {expected + 1} of its point, so"
                f" it is labelled {shown} (labels follow the order of the points)"
            )
        sub = Point(text=clean_line(label.text))
        parent.children.append(sub)
        self._sub = sub
        self._section = _Section.POINTS
        self._check_tags(sub.text)

    # --- decisions ----------------------------------------------------------------------------
    def _resolution(self, indent: int, content: str) -> bool:
        """Add the line as the decision's next resolution if its label fits."""
        label = parse_label(content)
        decision = self._decision
        if label is None or decision is None:
            return False
        slot = resolution_slot(decision, label, indent > self._decision_indent)
        if slot is None:
            return False
        expected = len(decision.resolutions)
        if slot[1] != expected:
            self.warn(
                f"resolution {label.display()} is resolution {expected + 1} of this decision;"
                " it is numbered by its order"
            )
        decision.numbering = slot[0]
        decision.resolutions.append(clean_line(label.text))
        return True
