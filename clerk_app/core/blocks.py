"""The blocks of a composed minutes document: what every exporter renders, and nothing more.

A renderer walks ``MinutesDocument.blocks`` in order and draws each one; it decides how things
look (fonts, centimetres, Word styles) but never what is printed, so Word and PDF cannot
disagree on numbering, order or what is exempt.  Text in blocks is already cleaned (no control
characters or lone surrogates); "\\n" inside a block's text is a line break within it.

Indents are counted in *steps* (0 = the margin, 1 = under an item's title, 2 = a point's text,
3 = a sub-point's text); each renderer turns a step into its own unit.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Counter(enum.StrEnum):
    """How one list level counts; the values are Word's ``w:numFmt`` names."""

    LOWER_LETTER = "lowerLetter"
    LOWER_ROMAN = "lowerRoman"
    DECIMAL = "decimal"


@dataclass(frozen=True, slots=True)
class ListLevel:
    counter: Counter
    # Word's lvlText syntax: "%1." / "(%2)" / "77.%1.%2"; %N is the counter of level N-1.
    pattern: str


@dataclass(frozen=True, slots=True)
class ListScheme:
    """The numbering of one kind of list (points and their sub-points, or resolutions)."""

    levels: tuple[ListLevel, ...]


@dataclass(frozen=True, slots=True)
class DocumentHeader:
    council: str  # "London Borough of Haringey" (may be "")
    committee: str  # "Overview and Scrutiny Committee"
    meeting_line: str  # "Minutes of the meeting held on Tuesday 21 May 2024"
    detail_line: str  # "6.30 pm, Civic Centre, High Road" (may be "")


@dataclass(frozen=True, slots=True)
class Heading:
    """An item's heading ("77." + title), or an unnumbered section heading."""

    number: str  # "77.", "OSC 12/24", or "" for none
    title: str
    anchor: str  # unique within the document: bookmarks and outlines point at it


class ParagraphStyle(enum.StrEnum):
    BODY = "body"
    NOTE = "note"  # italic: "Clerk's note - ..."
    NOTICE = "notice"  # bold warning: an exempt minute in the confidential version
    CLOSE = "close"  # "The meeting ended at 8.45 pm"


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    lead: str = ""  # bold words before the text: "Present:", "RESOLVED:"
    indent: int = 0
    style: ParagraphStyle = ParagraphStyle.BODY
    keep_with_next: bool = False


@dataclass(frozen=True, slots=True)
class LabelledParagraph:
    """A lettered point, a sub-point or a numbered resolution, with a hanging indent.

    ``label`` is the printed label (from :mod:`clerk_app.core.lettering`).  ``list_id`` names
    the list instance (numbering restarts for each), ``index`` the position among its
    siblings, ``level`` 0 for a point and 1 for a sub-point; the label sits at ``indent`` +
    ``level`` steps and the text one step further in.
    """

    label: str
    text: str
    level: int
    list_id: int
    index: int
    scheme: ListScheme
    indent: int = 1


@dataclass(frozen=True, slots=True)
class DecisionBlock:
    keyword: str  # "RESOLVED", "NOTED", "AGREED", "Resolved to RECOMMEND"
    preamble: str  # "That the Committee:" or the whole decision when there is no list
    resolutions: tuple[LabelledParagraph, ...] = ()
    indent: int = 1


@dataclass(frozen=True, slots=True)
class Stub:
    """An exempt item in the public version: heading and the Schedule 12A notice only."""

    heading: Heading
    notice: str


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    lines: tuple[str, ...] = (
        "CHAIR: ..............................................",
        "Signed by Chair ..............................................",
        "Date: ..............................",
    )


@dataclass(frozen=True, slots=True)
class ActionRow:
    ref: str  # "77 b." / "77 b.ii."
    item: str  # "77. Performance update"
    summary: str  # the point's text without its tag, shortened
    owners: str  # "Chair/Clerk"
    due: str  # "12 May 2026" or ""
    status: str  # "Open" / "Done 3 June 2024"


ACTION_COLUMNS = ("Ref", "Item", "Summary", "Owners", "Due", "Status")
ACTION_COLUMN_SHARES = (0.08, 0.18, 0.34, 0.20, 0.10, 0.10)  # of the text width


@dataclass(frozen=True, slots=True)
class ActionTable:
    rows: tuple[ActionRow, ...]
    empty_text: str = "No actions were recorded."


@dataclass(frozen=True, slots=True)
class RecordTable:
    """A table of the record (a named vote): a header row of ``columns``, then ``rows``;
    ``shares`` of the text width per column; ``caption`` names it for a screen reader."""

    caption: str
    columns: tuple[str, ...]
    shares: tuple[float, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


Block = (
    Heading
    | Paragraph
    | LabelledParagraph
    | DecisionBlock
    | Stub
    | SignatureBlock
    | ActionTable
    | RecordTable
    | PageBreak
)

FOOTER = "Page {page} of {pages}"


@dataclass(frozen=True, slots=True)
class Indents:
    """Where indent steps fall, in a renderer's own unit.

    Step 1 is under an item's title (wide enough for its minute number, so the body lines up
    with the title as in printed minutes); each further step is one label's width ("a.",
    "iii.") further in, so a long number such as "OSC 12/24" does not push every point right.
    """

    title: float
    step: float

    def at(self, steps: int) -> float:
        return 0.0 if steps <= 0 else self.title + (steps - 1) * self.step


@dataclass(frozen=True, slots=True)
class MinutesDocument:
    header: DocumentHeader
    blocks: tuple[Block, ...]
    title: str  # document properties
    subject: str
    author: str
    draft: bool = False
    confidential: bool = False
    marks: tuple[str, ...] = ()  # printed at the head of every page ("DRAFT - subject to ...")
    watermark: str = ""  # "DRAFT" across the page, or ""
