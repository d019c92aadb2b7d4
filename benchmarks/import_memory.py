"""Import memory and time: peak memory of reading minutes files of growing size, in proportion.

Run from the repository root:  .venv/bin/python benchmarks/import_memory.py [--sizes 1 5 19]

For each size (MB) a realistic file (meeting_factory's minutes, written by the real writer) and
a hostile one (a single line of broken action tags) are made, then measured two ways:
(a) in-process, tracemalloc's peak while ``read_minutes_file`` decodes and parses it;
(b) ``clerk-app import`` in a fresh process (parsing and storing), its maximum resident set
    from ``resource.getrusage`` and its wall time.
Peak memory should grow in proportion to the file; files over MAX_FILE_BYTES are refused.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: make clerk_app and this folder importable
sys.path.insert(0, str(ROOT / "benchmarks"))

from meeting_factory import make_meeting  # noqa: E402

from clerk_app.minutes_text.importer import MAX_FILE_BYTES, read_minutes_file  # noqa: E402
from clerk_app.minutes_text.writer import write_minutes  # noqa: E402

MB = 1024 * 1024


def realistic(size_mb: float) -> str:
    """Minutes of about ``size_mb`` MB: one meeting's header, then its items over and over."""
    one = write_minutes(make_meeting(20, 10, seed=7))
    start = one.index("\n\n77.\t")  # meeting_factory numbers items from 77
    head, items = one[:start], one[start:]
    return head + items * max(1, int(size_mb * MB / len(items.encode())))


def hostile(size_mb: float) -> str:
    line = "(Action x" * int(size_mb * MB / 9)
    return f"Committee: Planning\nDate: 21 May 2024\n\n1.\tTITLE\n\na.\t{line}\n"


def in_process(path: Path) -> tuple[float, float, int]:
    """(peak MB, seconds, warnings) of read_minutes_file under tracemalloc."""
    tracemalloc.start()
    started = time.perf_counter()
    result = read_minutes_file(path)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / MB
    tracemalloc.stop()
    return peak, seconds, len(result.warnings)


_MEASURED_IMPORT = (
    "import resource, sys\n"
    "from clerk_app.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def whole_command(path: Path, db: Path) -> tuple[float, float, int]:
    """(max RSS MB, seconds, exit code) of ``clerk-app import`` in a fresh process."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED_IMPORT, "--db", str(db), "import", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    seconds = time.perf_counter() - started
    kilobytes = int(done.stderr.split()[-1])  # ru_maxrss is in KB on Linux
    return kilobytes / 1024, seconds, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 19])
    args = parser.parse_args()
    print(f"limit: files over {MAX_FILE_BYTES // MB} MB are refused")
    print(
        f"{'file':>10} {'MB':>6} {'peak MB':>8} {'x file':>6} {'s':>6} {'warn':>5}"
        f" {'cli RSS MB':>10} {'cli s':>6} {'exit':>4}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for kind, make in (("realistic", realistic), ("hostile", hostile)):
            for size in args.sizes:
                path = Path(folder) / f"{kind}-{size}.txt"
                path.write_text(make(size), encoding="utf-8")
                actual = path.stat().st_size / MB
                peak, seconds, warnings = in_process(path)
                rss, cli_seconds, code = whole_command(path, Path(folder) / f"{kind}-{size}.db")
                print(
                    f"{kind:>10} {actual:6.1f} {peak:8.1f} {peak / actual:6.1f} {seconds:6.2f}"
                    f" {warnings:5d} {rss:10.0f} {cli_seconds:6.1f} {code:4d}"
                )


if __name__ == "__main__":
    main()
