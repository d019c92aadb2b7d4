"""Parsing takes time linear in its input, whatever the input: no regular expression runs away.

"(Action: " followed by 8,000 em spaces once took 430 s, a 7.5 KB file 33 s to import and a
long search query over a minute.  Each parser the clerk's text reaches (action tags, every
line of the importer, the search box) is timed on adversarial text at length n and 4n: the
time may grow about four-fold (a generous 10x, plus 50 ms for a busy machine), never sixteen
(quadratic) or sixty-four (cubic), and stays under an absolute cap.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from clerk_app.cli import main
from clerk_app.core.actions import parse_tag
from clerk_app.core.search_query import MAX_WORDS, QuerySyntaxError, parse_query, snippet
from clerk_app.minutes_text.importer import read_minutes
from tests.reliability.adversarial import ENDINGS, OPENINGS, UNITS, adversarial

N = 1500  # characters; the slow parsers took seconds at this length and minutes at 4n
CAP = 1.0  # seconds for 4n characters; linear parsing takes a few milliseconds
HEADER = "Committee: Planning\nDate: 21 May 2024\n"

# Without shrinking a failure is reported at once instead of being re-timed many times.
_TIMED = settings(
    max_examples=60,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
_inputs = st.tuples(st.sampled_from(OPENINGS), st.sampled_from(UNITS), st.sampled_from(ENDINGS))


def _best_of_three(parse: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        parse(text)
        best = min(best, time.perf_counter() - started)
    return best


def _assert_linear(parse: Callable[[str], object], parts: tuple[str, str, str]) -> None:
    short = _best_of_three(parse, adversarial(*parts, N))
    long = _best_of_three(parse, adversarial(*parts, 4 * N))
    assert long < CAP, f"{parts!r}: {long:.2f} s for {4 * N} characters"
    assert long <= 10 * short + 0.05, f"{parts!r}: {short:.4f} s -> {long:.4f} s for 4x"


def _in_every_place(line: str) -> str:
    """The line as a header line, an item heading's title, an introduction and a point."""
    return f"{line}\n{HEADER}\n{line}\n1.\tTITLE\n{line}\n\na.\t{line}\n\t{line}\n"


@_TIMED
@given(parts=_inputs)
@example(parts=("(Action: ", "\u2003", "x"))
@example(parts=("(Action: ", "\u2003", ""))
def test_action_tags_parse_in_linear_time(parts: tuple[str, str, str]) -> None:
    _assert_linear(parse_tag, parts)


@_TIMED
@given(parts=_inputs)
@example(parts=("Minutes of the ", "\u2003", "x"))
@example(parts=("Time: 6", "\u2003", " foo:"))
@example(parts=("", "MOVED ", " foo:"))
@example(parts=("agenda item 1", "1", " foo:"))
@example(parts=("Chair ", ". ", "x"))
def test_importer_lines_parse_in_linear_time(parts: tuple[str, str, str]) -> None:
    def read(line: str) -> object:
        return read_minutes(_in_every_place(line))

    _assert_linear(read, parts)


@pytest.mark.parametrize(
    "opening, line",
    [
        ("a.\tThe point begins.\n", "and goes on over another line of the file\n"),
        ("RESOLVED: that\n", "the preamble goes on over another line\n"),
        ("RESOLVED:\n1.\tThat\n", "\tthe resolution goes on over another line\n"),
    ],
    ids=["point", "preamble", "resolution"],
)
def test_a_text_continued_over_many_lines_reads_in_linear_time(opening: str, line: str) -> None:
    """Each continuation line once copied the whole text so far: 80,000 lines took 20 s."""

    def read(lines: str) -> object:
        return read_minutes(f"{HEADER}\n1.\tTITLE\n{opening}{lines}")

    line = line.replace(" over ", " over a long line" * 10 + " over ")  # copying is per byte
    short = _best_of_three(read, line * 3_000)
    long = _best_of_three(read, line * 12_000)
    assert long < 4 * CAP and long <= 10 * short + 0.05, f"{short:.3f} s -> {long:.3f} s for 4x"
    text = read_minutes(f"{HEADER}\n1.\tTITLE\n{opening}{line * 3}")
    item = text.meeting.items[0]
    body = (
        item.points[0].text
        if item.points
        else "\n".join([item.decisions[0].preamble, *item.decisions[0].resolutions])
    )
    assert body.count(line.strip()) == 3  # every line kept


@_TIMED
@given(parts=_inputs)
def test_search_queries_parse_in_linear_time(parts: tuple[str, str, str]) -> None:
    def parse(query: str) -> object:
        try:
            terms = parse_query(query)
        except QuerySyntaxError:
            return None
        return snippet(query, terms)  # highlighting reads the same text

    _assert_linear(parse, parts)


def test_a_query_of_repeated_words_is_searched_once_and_a_pasted_page_is_refused(
    tmp_path: Path,
) -> None:
    """100 copies of "t*" took 7 s over 200 meetings: repeats now cost nothing, and a query
    of more words than MAX_WORDS gets a sentence, at once, from the real command line."""
    assert parse_query("t* " * 500) == parse_query("t*")
    with pytest.raises(QuerySyntaxError, match=f"at most {MAX_WORDS}"):
        parse_query(" ".join(f"word{i}" for i in range(MAX_WORDS + 1)))

    db = tmp_path / "minutes.db"
    source = tmp_path / "minutes.txt"
    source.write_text(f"{HEADER}\n1.\tTITLE\n\na.\tThe report was noted.\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", str(db), "import", str(source)], out=out, err=err) == 0
    started = time.perf_counter()
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", str(db), "search", "report " * 20_000], out=out, err=err)
    assert time.perf_counter() - started < CAP
    assert code == 0 and "report" in out.getvalue()  # 20,000 copies of one word: one word
    out, err = io.StringIO(), io.StringIO()
    page = " ".join(f"word{i}" for i in range(5_000))
    code = main(["--db", str(db), "search", page], out=out, err=err)
    lines = err.getvalue().splitlines()
    assert code == 2 and len(lines) == 1 and lines[0].startswith("clerk-app: ")
    assert f"at most {MAX_WORDS}" in lines[0]
