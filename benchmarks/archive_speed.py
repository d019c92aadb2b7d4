"""How the archive keeps up with years of meetings: search, meeting list, action tracker.

Usage: .venv/bin/python benchmarks/archive_speed.py [--meetings 2000] [--db PATH]

Each figure is measured twice in the same run, over the full archive and over a one-meeting
database, and printed with the ratio; targets from the issue: search p95 < 50 ms, meeting list
and action tracker < 200 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive_data import build  # noqa: E402

from clerk_app.services import meetings  # noqa: E402
from clerk_app.services.action_tracker import action_log  # noqa: E402
from clerk_app.services.searching import search  # noqa: E402
from clerk_app.store.database import Database, open_database  # noqa: E402

QUERIES = (
    "lodz",
    "Łódź",
    "zoe",
    "siobhan",
    '"damp and mould"',
    "tenan*",
    "fraud",
    "budget",
    "waiting list",
    "performance target",
    "NHS police",
    "wojcik",
    "carers",
    "autumn update",
    "satisf*",
    '"learning and development"',
)


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def p95(samples: list[float]) -> float:
    return sorted(samples)[max(0, int(len(samples) * 0.95) - 1)]


def measure(db: Database) -> dict[str, float]:
    search_samples: list[float] = []
    for query in QUERIES:
        search(db, query)  # warm the page cache once per query
        search_samples += timed(partial(search, db, query), 5)
    return {
        "search p50 (ms)": statistics.median(search_samples),
        "search p95 (ms)": p95(search_samples),
        "meeting list (ms)": statistics.median(timed(lambda: meetings.list_meetings(db), 7)),
        "open actions (ms)": statistics.median(timed(lambda: action_log(db, open_only=True), 5)),
        "all actions (ms)": statistics.median(timed(lambda: action_log(db), 5)),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=2000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "clerk-archive.db")
    args = parser.parse_args()
    print(f"building or reusing {args.db} ({args.meetings} meetings)...", flush=True)
    big_path = build(args.db, meetings_count=args.meetings)
    small_path = build(args.db.with_name("clerk-archive-small.db"), meetings_count=1)
    big, small = open_database(big_path), open_database(small_path)
    try:
        counts = meetings.list_meetings(big, count_points=True)
        points = sum(m.points or 0 for m in counts)
        print(
            f"archive: {len(counts)} meetings, {sum(m.items for m in counts)} items,"
            f" {points} points"
        )
        base = measure(small)
        full = measure(big)
    finally:
        big.close()
        small.close()
    print(f"{'figure':<20}{'1 meeting':>12}{'archive':>12}{'ratio':>9}")
    for name, value in full.items():
        print(f"{name:<20}{base[name]:>12.2f}{value:>12.2f}{value / max(base[name], 1e-6):>8.1f}x")


if __name__ == "__main__":
    main()
