"""Whole-process export times of two checkouts of Clerk, interleaved, with LibreOffice and pandoc.

    .venv/bin/python benchmarks/export_compare.py --before ../old-checkout [--rounds 7]

On a machine shared with other work, one tool measured after another meets different loads;
here every round runs each command once (LibreOffice docx -> pdf, pandoc md -> docx, then
``clerk-app export`` to .pdf and .docx from each checkout), and the ratios come from the
medians.  Each checkout runs its own code (``PYTHONPATH``) on its own database, made by that
checkout, with this checkout's virtual environment.
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
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from export_speed import as_markdown  # noqa: E402
from meeting_factory import make_meeting  # noqa: E402

from clerk_app.export.files import export_meeting  # noqa: E402

MAKE_DB = (
    "import sys; from pathlib import Path; sys.path.append(sys.argv[2]); "
    "from meeting_factory import make_meeting; "
    "from clerk_app.store.database import open_database; "
    "from clerk_app.services.meetings import create_meeting; "
    "db = open_database(Path(sys.argv[1])); print(create_meeting(db, make_meeting(100, 10))); "
    "db.close()"
)


def _env(root: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if root is not None:
        env["PYTHONPATH"] = str(root)
    return env


def _time(args: Sequence[str], env: dict[str, str], cwd: Path | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(list(args), check=True, capture_output=True, env=env, cwd=cwd, timeout=600)
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the older checkout")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    office, pandoc = shutil.which("soffice") or shutil.which("libreoffice"), shutil.which("pandoc")
    if office is None or pandoc is None:
        print("needs LibreOffice and pandoc")
        return 2
    out = Path(tempfile.mkdtemp(prefix="clerk-compare-"))
    meeting = make_meeting(100, 10)
    export_meeting(meeting, out / "minutes.docx")
    (out / "minutes.md").write_text(as_markdown(meeting), encoding="utf-8")
    profile = f"-env:UserInstallation=file://{out}/lo-profile"
    lo = [office, profile, "--headless", "--convert-to", "pdf", "--outdir", str(out / "lo"),
          str(out / "minutes.docx")]  # fmt: skip
    commands: dict[str, tuple[list[str], dict[str, str], Path | None]] = {
        "libreoffice": (lo, _env(), None),
        "pandoc": ([pandoc, "-o", str(out / "p.docx"), str(out / "minutes.md")], _env(), None),
    }
    for side, root in (("before", args.before.resolve()), ("after", ROOT)):
        database = out / f"{side}.db"
        made = subprocess.run(
            [sys.executable, "-c", MAKE_DB, str(database), str(ROOT / "benchmarks")],
            check=True, capture_output=True, text=True, env=_env(root), cwd=root,
        )  # fmt: skip
        cli = [sys.executable, "-m", "clerk_app.cli", "--db", str(database), "export"]
        for suffix in (".pdf", ".docx"):
            target = str(out / f"{side}{suffix}")
            commands[f"{side} {suffix}"] = ([*cli, made.stdout.strip(), "--to", target],
                                            _env(root), root)  # fmt: skip
    for command, env, cwd in commands.values():
        _time(command, env, cwd)  # first runs: LibreOffice's profile, the draft's first record
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.rounds):
        for name, (command, env, cwd) in commands.items():
            times[name].append(_time(command, env, cwd))
    median = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"{name:12} median {median[name]:6.3f} s   min {min(values):6.3f} s")
    for side in ("before", "after"):
        pdf = median["libreoffice"] / median[f"{side} .pdf"]
        word = median["pandoc"] / median[f"{side} .docx"]
        print(
            f"{side:6}: libreoffice / clerk-app pdf {pdf:4.2f}x (target 3)   "
            f"pandoc / clerk-app docx {word:4.2f}x (target above 1)"
        )
    shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
