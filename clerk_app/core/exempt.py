"""Exempt business: the public version of a meeting and the stub that replaces an exempt minute.

Under s100A(4) of the Local Government Act 1972 an exempt minute is kept out of the public
minutes; its number and title stay (they were on the published agenda) with a line saying
which paragraph of Schedule 12A applied.  Everything else about the item (intro, points,
decisions, their actions, the papers' names) is removed from the public version *before*
any exporter sees it, so no renderer can leak it.
"""

from __future__ import annotations

import dataclasses
import re

from clerk_app.core.model import AgendaItem, Meeting
from clerk_app.core.wording import join_and

_SCHEDULE = "of Part 1 of Schedule 12A to the Local Government Act 1972"


def exempt_paragraphs(item: AgendaItem) -> list[str]:
    """The Schedule 12A paragraph numbers as typed ("1, 3", "1 and 3", "para 3") -> ["1", "3"]."""
    return re.findall(r"\d+", item.exempt_paragraph)


def exempt_notice(item: AgendaItem) -> str:
    """ "This item was considered in private: exempt under paragraph 3 of Part 1 of ..."."""
    numbers = exempt_paragraphs(item)
    if not numbers:
        where = f"exempt under {_SCHEDULE.removeprefix('of ')}"
    elif len(numbers) == 1:
        where = f"exempt under paragraph {numbers[0]} {_SCHEDULE}"
    else:
        where = f"exempt under paragraphs {join_and(numbers)} {_SCHEDULE}"
    return f"This item was considered in private: {where}."


def confidential_notice(item: AgendaItem) -> str:
    """The warning printed at the head of an exempt minute in the confidential version."""
    numbers = exempt_paragraphs(item)
    which = f" (paragraph {join_and(numbers)} of Schedule 12A)" if numbers else ""
    return f"EXEMPT: not for publication{which}."


def stub_item(item: AgendaItem) -> AgendaItem:
    """The item as the public may see it: number, title and exemption, nothing else."""
    return dataclasses.replace(
        item, intro="", points=[], decisions=[], documents=[], pages=item.pages
    )


def public_meeting(meeting: Meeting) -> Meeting:
    """A copy of the meeting with every exempt item reduced to its stub."""
    items = [stub_item(item) if item.exempt else item for item in meeting.items]
    return dataclasses.replace(meeting, items=items)
