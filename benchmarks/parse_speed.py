"""Worst parse time over every adversarial input: action tags, importer lines, search box.

Run from the repository root:  .venv/bin/python benchmarks/parse_speed.py [--length 20000]

Every combination of tests/reliability/adversarial.py's openings, repeated units and endings
is made ``--length`` characters long and parsed by each parser; the slowest few are printed
with the time per thousand characters, which a linear parser keeps small and flat.  First, an
ordinary minutes file of ten items and a thousand lettered points is read (target: well under
100 ms), the figure a timed test used to assert until a loaded CI machine made it flaky.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: make clerk_app and tests importable

from clerk_app.core.actions import parse_tag  # noqa: E402
from clerk_app.core.search_query import QuerySyntaxError, parse_query, snippet  # noqa: E402
from clerk_app.minutes_text.importer import read_minutes  # noqa: E402
from tests.minutes_text.thousand_points import thousand_point_file  # noqa: E402
from tests.reliability.adversarial import ENDINGS, OPENINGS, UNITS, adversarial  # noqa: E402

HEADER = "Committee: Planning\nDate: 21 May 2024\n"


def _import(line: str) -> object:
    return read_minutes(f"{line}\n{HEADER}\n{line}\n1.\tTITLE\n{line}\n\na.\t{line}\n\t{line}\n")


def _search(query: str) -> object:
    try:
        return snippet(query, parse_query(query))
    except QuerySyntaxError:
        return None


def _time_thousand_points(repeats: int = 7) -> None:
    text = thousand_point_file()
    read_minutes(text)  # the first read pays for compiling the patterns
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        read_minutes(text)
        timings.append(time.perf_counter() - started)
    print(
        f"a 1,000-point minutes file: best {min(timings) * 1000:.1f} ms, "
        f"median {sorted(timings)[repeats // 2] * 1000:.1f} ms (target: under 100 ms)"
    )


PARSERS: dict[str, Callable[[str], object]] = {
    "action tag": parse_tag,
    "importer (5 places)": _import,
    "search query": _search,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=20_000)
    args = parser.parse_args()
    _time_thousand_points()
    inputs = list(itertools.product(OPENINGS, UNITS, ENDINGS))
    print(f"{len(inputs)} adversarial inputs of ~{args.length:,} characters per parser")
    for name, parse in PARSERS.items():
        timings = []
        for parts in inputs:
            text = adversarial(*parts, args.length)
            started = time.perf_counter()
            parse(text)
            timings.append((time.perf_counter() - started, parts))
        timings.sort(reverse=True)
        total = sum(seconds for seconds, _ in timings)
        print(f"\n{name}: worst {timings[0][0] * 1000:.1f} ms, all {total:.1f} s")
        for seconds, parts in timings[:3]:
            per_k = seconds * 1000 / (args.length / 1000)
            print(f"  {seconds * 1000:7.1f} ms ({per_k:.2f} ms per 1,000 chars)  {parts!r}")


if __name__ == "__main__":
    main()
