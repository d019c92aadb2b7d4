"""Start-up time of the window: an empty database against ten years of minutes.

Usage: .venv/bin/python benchmarks/startup_speed.py [--runs 7] [--meetings 2000] [--archive PATH]

Each run is a fresh ``python -m clerk_app.cli --db PATH`` process with CLERK_REPORT_READY=1;
the time is from just before the process is started to its "clerk: ready" line (the window
has painted and the event loop has run dry, see ``clerk_app/ui/shell/startup_report.py``).  The
time to "clerk: listed" (the meeting list holds its rows) is reported beside it.  Runs over
the two databases alternate, after one discarded warm-up each, so that disk caches and CPU
frequency treat them alike; medians are printed with the ratio.  Target from the issue: the
archive within 1.3x of the empty database.

The window takes an automatic backup at start-up when the newest is over 15 minutes old
(``services/safety.py``), so the first run over each database is reported on its own and
not counted: it copies the whole file.  The archive is opened through a hard link in a
temporary folder, so those backups land there and are deleted afterwards.

Run it with a display (``xvfb-run -a .venv/bin/python benchmarks/startup_speed.py``); with
none it falls back to Qt's offscreen platform and says so.
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive_data import build  # noqa: E402

from clerk_app.store.database import open_database  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.3
LISTED_WAIT = 5.0  # seconds to wait after "ready" for the meeting list to fill
DEFAULT_ARCHIVE = Path(tempfile.gettempdir()) / "clerk-archive.db"


@dataclass(frozen=True)
class Run:
    ready: float  # seconds from process start to "clerk: ready"
    listed: float | None  # ... to "clerk: listed N", if it came


def _lines(stream: object, into: queue.Queue[tuple[float, str]]) -> None:
    """Timestamp each line the child prints (a thread: readline blocks)."""
    for line in iter(stream.readline, ""):  # type: ignore[attr-defined]  # a text pipe
        into.put((time.perf_counter(), line.strip()))
    into.put((time.perf_counter(), ""))


def run_once(db_path: Path, env: dict[str, str], timeout: float) -> Run:
    errors = db_path.with_suffix(".stderr.txt")
    with errors.open("w") as stderr:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "clerk_app.cli", "--db", str(db_path)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    lines: queue.Queue[tuple[float, str]] = queue.Queue()
    reader = threading.Thread(target=_lines, args=(child.stdout, lines), daemon=True)
    reader.start()
    ready: float | None = None
    listed: float | None = None
    try:
        deadline = started + timeout
        while ready is None or listed is None:
            try:
                when, line = lines.get(timeout=max(0.01, deadline - time.perf_counter()))
            except queue.Empty:
                break
            if line == "clerk: ready":
                ready = when - started
                deadline = min(deadline, when + LISTED_WAIT)
            elif line.startswith("clerk: listed"):
                listed = when - started
            elif not line and child.poll() is not None:
                break  # the child has gone
    finally:
        child.terminate()  # only the process this run started, by its own handle
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
    if ready is None:
        said = errors.read_text(errors="replace")[-2000:]
        raise RuntimeError(f"no 'clerk: ready' over {db_path} in {timeout} s; stderr:\n{said}")
    return Run(ready, listed)


def environment(settings_home: Path) -> tuple[dict[str, str], str]:
    env = dict(os.environ)
    env["CLERK_REPORT_READY"] = "1"
    env.pop("CLERK_DB", None)
    # Fresh settings for every run: no remembered meeting, geometry or dock layout.
    env["XDG_CONFIG_HOME"] = str(settings_home)
    platform = env.get("QT_QPA_PLATFORM", "")
    if not any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        env["QT_QPA_PLATFORM"] = platform = "offscreen"
    return env, platform or ("xcb" if env.get("DISPLAY") else "wayland")


def private_link(archive: Path, folder: Path) -> Path:
    """The archive under ``folder``, without copying 450 MB (a copy if links are refused)."""
    link = folder / "archive.db"
    try:
        os.link(archive, link)
    except OSError:
        shutil.copyfile(archive, link)
    return link


def median(values: list[float]) -> float:
    return statistics.median(values) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--meetings", type=int, default=2000)
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()

    print(f"archive: {args.archive} ({args.meetings} meetings; building it if needed)...")
    build(args.archive, meetings_count=args.meetings)
    with tempfile.TemporaryDirectory(prefix="clerk-startup-") as folder:
        empty = Path(folder) / "empty.db"
        open_database(empty).close()  # migrated once here, so no run pays for migrations
        env, platform = environment(Path(folder) / "config")
        print(f"Qt platform: {platform}; {args.runs} runs each after one warm-up")
        databases = {"empty": empty, "archive": private_link(args.archive, Path(folder))}
        runs: dict[str, list[Run]] = {name: [] for name in databases}
        for name, path in databases.items():
            # Warm-up: disk cache, bytecode, font cache, and the start-up backup.
            first = run_once(path, env, args.timeout)
            print(f"{name:>8}: first start {first.ready * 1000:7.0f} ms (backup included)")
        for _ in range(args.runs):
            for name, path in databases.items():
                runs[name].append(run_once(path, env, args.timeout))

    ready = {name: median([r.ready for r in rs]) for name, rs in runs.items()}
    for name, rs in runs.items():
        listed = [r.listed for r in rs if r.listed is not None]
        shown = f"{median(listed):7.0f} ms" if listed else "      n/a"
        samples = " ".join(f"{r.ready * 1000:.0f}" for r in rs)
        print(f"{name:>8}: ready {ready[name]:7.0f} ms   list filled {shown}   ({samples})")
    ratio = ready["archive"] / ready["empty"]
    verdict = "within target" if ratio <= TARGET else "ABOVE TARGET"
    print(f"   ratio: {ratio:.2f} (target <= {TARGET}): {verdict}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
