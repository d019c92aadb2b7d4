"""Export speed: 100 items x 10 points to Word, PDF and HTML, against pandoc and LibreOffice.

Run from the repository root:  .venv/bin/python benchmarks/export_speed.py [--items N --points N]

(a) our exporters in-process: the first export (fonts loaded, modules warm from import) and
    the median of further runs; target under a second each for 1,000 points;
(b) pandoc turning the same minutes, written as Markdown, into .docx (if pandoc is installed);
(c) LibreOffice converting our .docx to PDF (if soffice/libreoffice is installed);
(d) a fresh Python process making the meeting and exporting it: imports, font loading and
    all, the cost a command-line export pays.
Every external tool is timed by :func:`time_command`, so another command (the CLI's
``clerk-app export``, say) is one more line in :func:`main`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: make clerk_app and this folder importable
sys.path.insert(0, str(ROOT / "benchmarks"))

from meeting_factory import make_meeting  # noqa: E402

from clerk_app.core.blocks import DecisionBlock, Heading, LabelledParagraph, Paragraph  # noqa: E402
from clerk_app.core.document import compose  # noqa: E402
from clerk_app.core.model import Meeting  # noqa: E402
from clerk_app.export.files import export_meeting  # noqa: E402
from clerk_app.services.meetings import create_meeting  # noqa: E402
from clerk_app.store.database import open_database  # noqa: E402


def time_command(args: Sequence[str], *, repeat: int = 1, cwd: Path | None = None) -> float:
    """Best wall-clock seconds of ``repeat`` runs of a command (which must succeed).

    Python may write its compiled bytecode: an installed Clerk runs from it, and a shell with
    PYTHONDONTWRITEBYTECODE set would otherwise time compiling every module on every run.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(list(args), check=True, capture_output=True, cwd=cwd, timeout=600, env=env)
        best = min(best, time.perf_counter() - started)
    return best


def time_call(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(first run, median of the next ``repeat`` runs) in seconds."""
    times = []
    for _ in range(repeat + 1):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return times[0], statistics.median(times[1:])


def as_markdown(meeting: Meeting) -> str:
    """The same minutes as pandoc Markdown (fancy lists give "a." and "i." labels)."""
    document = compose(meeting)
    head = document.header
    lines = [f"# {head.committee}", "", f"**{head.meeting_line}**", "", head.detail_line, ""]
    for block in document.blocks:
        if isinstance(block, Heading):
            lines += [f"## {block.number} {block.title}".replace("  ", " "), ""]
        elif isinstance(block, Paragraph):
            lead = f"**{block.lead}** " if block.lead else ""
            lines += [lead + block.text, ""]
        elif isinstance(block, LabelledParagraph):
            indent = "    " * block.level
            lines += [f"{indent}{block.label} {block.text}", ""]
        elif isinstance(block, DecisionBlock):
            lines += [f"**{block.keyword}** {block.preamble}", ""]
            lines += [f"{r.label} {r.text}" for r in block.resolutions] + [""]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--points", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    meeting = make_meeting(args.items, args.points)
    points = sum(1 for _ in meeting.all_points())
    print(f"meeting: {args.items} items, {points} points (deterministic, seed 2024)")
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for suffix in (".docx", ".pdf", ".html"):
            target = out / f"minutes{suffix}"
            first, median = time_call(partial(export_meeting, meeting, target), args.repeat)
            size = (out / f"minutes{suffix}").stat().st_size // 1024
            print(f"(a) clerk {suffix:5} first {first:6.3f} s  median {median:6.3f} s  {size} KiB")
            results[f"clerk{suffix}"] = median

        pandoc = shutil.which("pandoc")
        if pandoc:
            source = out / "minutes.md"
            source.write_text(as_markdown(meeting), encoding="utf-8")
            target = out / "pandoc.docx"
            results["pandoc"] = time_command(
                [pandoc, "-f", "markdown", "-t", "docx", "-o", str(target), str(source)], repeat=3
            )
            print(f"(b) pandoc markdown -> docx     {results['pandoc']:6.3f} s (best of 3)")
        else:
            print("(b) pandoc not installed: skipped")

        office = shutil.which("soffice") or shutil.which("libreoffice")
        if office:
            profile = out / "lo-profile"
            command = [office, f"-env:UserInstallation=file://{profile}", "--headless",
                       "--convert-to", "pdf", "--outdir", str(out / "lo"),
                       str(out / "minutes.docx")]  # fmt: skip
            time_command(command)  # first run creates the profile: not what is measured
            results["libreoffice"] = time_command(command, repeat=2)
            print(f"(c) libreoffice docx -> pdf     {results['libreoffice']:6.3f} s (best of 2)")
        else:
            print("(c) libreoffice not installed: skipped")

        for suffix in (".docx", ".pdf"):
            script = (
                "import sys; from pathlib import Path; "
                f"sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / 'benchmarks')!r}]; "
                "from meeting_factory import make_meeting; "
                "from clerk_app.export.files import export_meeting; "
                f"export_meeting(make_meeting({args.items}, {args.points}), "
                f"Path({str(out / ('cold' + suffix))!r}))"
            )
            seconds = time_command([sys.executable, "-c", script], repeat=3)
            results[f"process{suffix}"] = seconds
            print(f"(d) fresh process -> {suffix:5}      {seconds:6.3f} s (best of 3)")

        # (e) the command a clerk or a script runs: clerk-app export, as a whole process,
        # over a database holding the meeting.
        database = out / "bench.db"
        db = open_database(database)
        try:
            meeting_id = create_meeting(db, make_meeting(args.items, args.points))
        finally:
            db.close()
        cli = [sys.executable, "-m", "clerk_app.cli", "--db", str(database), "export"]
        for suffix in (".docx", ".pdf", ".html"):
            target = out / f"cli{suffix}"
            seconds = time_command([*cli, str(meeting_id), "--to", str(target)], repeat=3)
            results[f"cli{suffix}"] = seconds
            print(f"(e) clerk-app export -> {suffix:5}   {seconds:6.3f} s (best of 3)")

    print("ratios (theirs / ours; above 1 means we are faster):")
    if "pandoc" in results:
        ratio = results["pandoc"] / results["cli.docx"]
        print(f"    pandoc docx / clerk-app export docx (whole processes)  {ratio:6.1f}x")
    if "libreoffice" in results:
        ratio = results["libreoffice"] / results["cli.pdf"]
        print(f"    libreoffice pdf / clerk-app export pdf (whole processes) {ratio:6.1f}x")
    if "pandoc" in results:
        print(
            f"    pandoc docx / clerk docx      {results['pandoc'] / results['clerk.docx']:6.1f}x"
        )
    if "libreoffice" in results:
        ratio = results["libreoffice"] / results["clerk.pdf"]
        print(f"    libreoffice pdf / clerk pdf   {ratio:6.1f}x")
    slow = [name for name in ("clerk.docx", "clerk.pdf") if results[name] >= 1.0]
    print(
        "target (< 1 s per format for 1,000 points):",
        "missed by " + ", ".join(slow) if slow else "met",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
