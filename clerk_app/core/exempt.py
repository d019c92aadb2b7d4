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
# Part 1 of Schedule 12A (England) has seven paragraphs of exempt information.
PARAGRAPHS = range(1, 8)
# "paragraph 3", "paragraphs 1 and 3", "paras. 1, 3", "para 3": the word is optional.
_WORD = re.compile(r"(?:paragraphs?|paras?\.?)\s*", re.IGNORECASE)
# "3", "1, 3", "1 and 3", "1, 2 and 5", "1 & 3": numbers of one to three digits, so that a
# case number such as "2025/0041" is never read as a paragraph.
_LIST = re.compile(
    r"(?P<list>\d{1,3}(?:\s*(?:,\s*(?:and\s+)?|&\s*|and\s+)\d{1,3})*)(?!\d)", re.IGNORECASE
)
# "of Part 1 of Schedule 12A to the Local Government Act 1972 (as amended)": the citation.
_CITATION = re.compile(
    r"of\s+(?:part\s+(?:1|i|one)\s+of\s+)?schedule\s+12\s?a"
    r"(?:\s+(?:to|of)\s+the\s+local\s+government\s+act(?:\s+1972)?)?"
    r"(?:\s*\(as\s+amended\))?",
    re.IGNORECASE,
)


class ExemptParagraphError(ValueError):
    """The paragraph field holds something other than Schedule 12A paragraph numbers."""


def split_paragraphs(text: str) -> tuple[str, str]:
    """ "paragraph 1 - legal advice" -> ("1", "legal advice"): the paragraph list at the start
    of ``text`` (a leading "paragraph" and a trailing Schedule 12A citation dropped) and
    whatever follows it, separators trimmed.  ("", text) when it does not start with one."""
    text = " ".join(text.split())
    word = _WORD.match(text)
    rest = text[word.end() :] if word else text
    found = _LIST.match(rest)
    if found is None:
        return "", text
    rest = rest[found.end() :].lstrip()
    citation = _CITATION.match(rest)
    if citation is not None:
        rest = rest[citation.end() :]
    return found["list"], rest.lstrip(" .,;:-\u2013\u2014").strip()


def check_paragraphs(text: str) -> str:
    """The paragraph field as stored ("3", "1, 3", "1 and 3"; "paragraph 3" -> "3"; "" for
    none stated), or ExemptParagraphError saying, in a sentence, what is wrong."""
    text = " ".join(text.split())
    if not text:
        return ""
    numbers, rest = split_paragraphs(text)
    if not numbers or rest:
        raise ExemptParagraphError(
            f"{text!r} is not a Schedule 12A paragraph: give the paragraph numbers only,"
            " for example 3, or 1, 3 (the reasons belong in the item's confidential text)"
        )
    wrong = [n for n in re.findall(r"\d+", numbers) if int(n) not in PARAGRAPHS]
    if wrong:
        raise ExemptParagraphError(
            f"there is no paragraph {wrong[0]} in Part 1 of Schedule 12A:"
            f" its paragraphs are {PARAGRAPHS.start} to {PARAGRAPHS.stop - 1}"
        )
    return numbers


def exempt_paragraphs(item: AgendaItem) -> list[str]:
    """The Schedule 12A paragraph numbers as typed ("1, 3", "1 and 3", "para 3") -> ["1", "3"].

    Only the paragraph list at the start counts: text typed after it (reasons, case numbers)
    is never taken for a paragraph, so it cannot reach the public notice either.
    """
    return re.findall(r"\d+", split_paragraphs(item.exempt_paragraph)[0])


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
    """The item as the public may see it: number, title and exemption, nothing else.

    The paragraph keeps its numbers only: a database written before the field was checked
    may hold reasons typed after them ("1 - legal advice on ..."), which are confidential.
    """
    return dataclasses.replace(
        item,
        intro="",
        points=[],
        decisions=[],
        documents=[],
        declarations=[],  # a declaration names the business: it stays with the minute
        motions=[],
        movements=[],
        pages=item.pages,
        exempt_paragraph=split_paragraphs(item.exempt_paragraph)[0],
    )


def public_meeting(meeting: Meeting) -> Meeting:
    """A copy of the meeting with every exempt item reduced to its stub."""
    items = [stub_item(item) if item.exempt else item for item in meeting.items]
    return dataclasses.replace(meeting, items=items)
