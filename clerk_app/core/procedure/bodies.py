"""A body (council, committee, panel, parish council): its members over time and house style."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from clerk_app.core.model import LabelStyle
from clerk_app.core.procedure.numbering import MinuteNumbering


class BodyKind(enum.StrEnum):
    COUNCIL = "council"
    COMMITTEE = "committee"
    PANEL = "panel"
    PARISH = "parish council"  # parish and town councils: the 1960 Act's exclusion wording


class MemberRole(enum.StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice-chair"
    MEMBER = "member"
    COOPTED = "co-opted"
    SUBSTITUTE = "substitute"


class ExclusionLaw(enum.StrEnum):
    """Which statute the resolution excluding the press and public cites."""

    ENGLAND = "england"  # s100A(4) Local Government Act 1972, Schedule 12A paragraphs
    PARISH = "parish"  # Public Bodies (Admission to Meetings) Act 1960 s1(2)
    CUSTOM = "custom"  # Wales, Scotland, Northern Ireland: the body's own text


@dataclass(frozen=True)
class Quorum:
    """A fixed number, or ``numerator/denominator`` of the voting membership, at least
    ``minimum`` (Sch 12 para 45 LGA 1972: one quarter of the whole number, at least three)."""

    fixed: int | None = None
    numerator: int = 1
    denominator: int = 3
    minimum: int = 3


@dataclass(eq=True)
class Membership:
    """One member's seat on the body between ``since`` and ``until`` (either may be open)."""

    name: str
    role: MemberRole = MemberRole.MEMBER
    voting: bool = True
    since: dt.date | None = None
    until: dt.date | None = None

    def holds_on(self, day: dt.date) -> bool:
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until
        )


@dataclass(eq=True)
class Body:
    name: str
    kind: BodyKind = BodyKind.COMMITTEE
    numbering: MinuteNumbering = MinuteNumbering()
    label_style: LabelStyle = LabelStyle.DOT
    quorum: Quorum = Quorum()
    exclusion_law: ExclusionLaw = ExclusionLaw.ENGLAND
    exclusion_text: str = ""  # ExclusionLaw.CUSTOM: the body's own wording
    word_template: str = ""  # the body's Word reference template (a path); "": Clerk's own
    pdf_template: str = ""  # the body's Typst template for the PDF (a path); "": Clerk's own
    members: list[Membership] = field(default_factory=list)
    id: int | None = field(default=None, compare=False)

    def members_on(self, day: dt.date) -> list[Membership]:
        return [m for m in self.members if m.holds_on(day)]
