"""Page breaks a signed record can live with, read back from the PDF's word positions.

Every paragraph is made of words that name it ("p17w3" is word 3 of paragraph 17), so each
line printed can be traced to its paragraph and page: no paragraph may leave a single line
at a page's foot (orphan) or top (widow), no heading may end a page, a short RESOLVED block
stays on one page, and the signature block shares its page with the last minute.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from clerk_app.core.model import AgendaItem, Decision, Meeting, Point
from clerk_app.export.files import export_meeting
from tests.export.readers import word_boxes

_TOKEN = re.compile(r"^([pdh])(\d+)w\d+$")
Line = tuple[int, float, list[str]]  # page, y, words


class _Words:
    """Hands out paragraphs of self-identifying words."""

    def __init__(self) -> None:
        self.next = 0

    def paragraph(self, words: int, kind: str = "p") -> str:
        self.next += 1
        return " ".join(f"{kind}{self.next}w{n}" for n in range(words))


def _meeting(seed: int, items: int = 30, last_point_words: int = 60) -> Meeting:
    rng = random.Random(seed)
    words = _Words()
    agenda = []
    for number in range(1, items + 1):
        points = [Point(words.paragraph(rng.choice([6, 20, 45, 70, 110, 160]))) for _ in range(7)]
        points[2].children = [Point(words.paragraph(rng.choice([8, 40, 90]))) for _ in range(2)]
        decisions = []
        if number % 3 == 0:
            resolutions = [words.paragraph(rng.choice([10, 30]), "d") for _ in range(3)]
            decisions.append(Decision(preamble=words.paragraph(6, "d"), resolutions=resolutions))
        agenda.append(
            AgendaItem(
                title=words.paragraph(3, "h"),
                number=str(number),
                intro=words.paragraph(rng.choice([0, 25, 60])),
                points=points,
                decisions=decisions,
                exempt=number % 11 == 0,
                exempt_paragraph="3",
            )
        )
    agenda[-1].points[-1] = Point(words.paragraph(last_point_words))
    return Meeting(
        committee="Pagination Committee",
        date=dt.date(2025, 3, 4),
        council="Testshire Council",
        end_time=dt.time(21, 5),
        items=agenda,
    )


def _lines(path: Path) -> list[Line]:
    """Lines of the page body in order (running header and footer left out)."""
    grouped: dict[tuple[int, float], list[str]] = defaultdict(list)
    for page, _x, y, word in word_boxes(path):
        grouped[(page, round(y, 1))].append(word)
    lines = [(page, y, words) for (page, y), words in sorted(grouped.items())]
    furniture = ("Page", "DRAFT")
    return [line for line in lines if line[2][0] not in furniture]


def _owner(words: list[str]) -> tuple[str, int] | None:
    for word in words:
        match = _TOKEN.match(word)
        if match:
            return match.group(1), int(match.group(2))
    return None


@pytest.fixture(scope="module")
def long_meeting(tmp_path_factory) -> list[Line]:
    path = export_meeting(_meeting(seed=20), tmp_path_factory.mktemp("pages") / "long.pdf")
    return _lines(path)


def test_twenty_pages_without_a_widow_or_an_orphan(long_meeting):
    assert long_meeting[-1][0] >= 20
    per_page: dict[tuple[str, int], Counter[int]] = defaultdict(Counter)
    for page, _y, words in long_meeting:
        owner = _owner(words)
        if owner is not None and owner[0] == "p":
            per_page[owner][page] += 1
    split = {owner: pages for owner, pages in per_page.items() if len(pages) > 1}
    assert len(split) >= 5  # paragraphs really do run over pages, so the rule is exercised
    for owner, pages in split.items():
        assert min(pages.values()) >= 2, f"paragraph {owner} leaves one line alone: {pages}"


def test_no_heading_ends_a_page(long_meeting):
    last_on_page: dict[int, list[str]] = {}
    for page, _y, words in long_meeting:
        last_on_page[page] = words
    for page, words in last_on_page.items():
        owner = _owner(words)
        assert owner is None or owner[0] != "h", f"page {page} ends with a heading: {words}"


def test_a_short_resolved_block_stays_on_one_page(long_meeting):
    pages: dict[int, set[int]] = defaultdict(set)
    for page, _y, words in long_meeting:
        owner = _owner(words)
        if owner is not None and owner[0] == "d":
            # Paragraph numbers of one decision are consecutive: preamble, then resolutions.
            pages[owner[1]].add(page)
    decisions = sorted(pages)
    blocks = [decisions[i : i + 4] for i in range(0, len(decisions), 4)]
    assert len(blocks) >= 9
    for block in blocks:
        assert len(set().union(*(pages[n] for n in block))) == 1, block


@pytest.mark.parametrize("words", [20, 60, 100, 140, 180, 220, 260, 300])
def test_the_signature_shares_its_page_with_the_last_minute(tmp_path, words):
    path = export_meeting(_meeting(seed=3, items=4, last_point_words=words), tmp_path / "m.pdf")
    lines = _lines(path)
    chair_page = next(page for page, _y, text in lines if text[0] == "CHAIR:")
    last_point = _owner(next(text for _p, _y, text in reversed(lines) if _owner(text)))
    assert last_point is not None
    on_chair_page = {_owner(text) for page, _y, text in lines if page == chair_page}
    assert last_point in on_chair_page
