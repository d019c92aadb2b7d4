"""Every command the README tells a user to type works after `./dev run` / `./dev test`.

The README's commands are read from the file itself, so a new one fails here until it is
added to the checklist below; each is either run here for real, or its promise checked:
what `./dev` would install on a fresh machine is seen through a stand-in `apt-get`.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
REFERENCE = ROOT.parent / "shared" / "reference" / "example-minute-haringey-osc.txt"
STARTS = ("./dev", "xvfb-run", ".venv/bin/clerk-app", "clerk-app")


def readme_commands() -> list[str]:
    """Command lines from the README's ```sh blocks and `inline code` that start a command."""
    text = README.read_text(encoding="utf-8")
    found: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL):
        found += [line.split("#")[0].strip() for line in block.splitlines()]
    found += re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.DOTALL))
    return [c for c in dict.fromkeys(found) if c.startswith(STARTS)]


# Each README command: how this file checks it.
CHECKLIST = {
    "./dev run": "fresh-machine packages; the window started under Xvfb (test_the_window_starts)",
    "./dev test": "fresh-machine packages; running it is what this suite is",
    "./dev run --db minutes.db list": "run here (test_dev_run_lists)",
    "./dev test -k lettering": "not run: it runs the suite",
    "xvfb-run -a ./dev run": "run here (test_the_window_starts)",
    ".venv/bin/clerk-app --db /tmp/demo.db import "
    "../shared/reference/example-minute-haringey-osc.txt": "run here (test_the_demo)",
    ".venv/bin/clerk-app --db /tmp/demo.db actions --json": "run here (test_the_demo)",
    "./dev": "a name in the text, not a command",
    ".venv/bin/clerk-app": "a name in the text, not a command",
}


def test_every_readme_command_is_on_the_checklist() -> None:
    commands = readme_commands()
    assert "xvfb-run -a ./dev run" in commands and "./dev run" in commands
    missing = [c for c in commands if c not in CHECKLIST]
    assert not missing, f"README commands not checked here: {missing}"


def _user_env(**extra: str) -> dict[str, str]:
    """The environment of a user at a terminal with no screen (not the tests' offscreen Qt)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env.update(extra)
    return env


def _would_install(tmp_path: Path, mode: str, **extra: str) -> set[str]:
    """The system packages `./dev MODE` asks for on a machine where none is installed."""
    fakes = tmp_path / f"bin-{mode}"
    fakes.mkdir()
    log = tmp_path / f"apt-{mode}.log"
    # dpkg-query: nothing is installed; apt-get: note what is asked for, then stop ./dev.
    (fakes / "dpkg-query").write_text("#!/bin/sh\nexit 1\n")
    (fakes / "apt-get").write_text(
        f'#!/bin/sh\necho "$@" >> {log}\n[ "$1" = install ] && exit 3\nexit 0\n'
    )
    for fake in fakes.iterdir():
        fake.chmod(0o755)
    env = _user_env(PATH=f"{fakes}:{os.environ['PATH']}", **extra)
    done = subprocess.run(
        [str(ROOT / "dev"), mode, "--version"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0  # stopped at the stand-in apt-get (or the sudo line)
    asked = log.read_text() if log.exists() else ""
    sudo = re.search(r"sudo apt-get install(.*)", done.stderr)  # not root: the line to run
    words = (asked + (sudo.group(1) if sudo else "")).split()
    return {w for w in words if not w.startswith("-") and w not in ("install", "update")}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="./dev is for Debian/Ubuntu")
@pytest.mark.parametrize("mode", ["run", "test"])
def test_a_fresh_machine_with_no_screen_gets_xvfb_and_xauth(tmp_path: Path, mode: str) -> None:
    wanted = _would_install(tmp_path, mode)
    assert {"xvfb", "xauth", "libxcb-cursor0"} <= wanted, wanted


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="./dev is for Debian/Ubuntu")
def test_a_machine_with_a_screen_is_not_given_xvfb_to_run(tmp_path: Path) -> None:
    assert "xvfb" not in _would_install(tmp_path, "run", DISPLAY=":0")


needs_xvfb = pytest.mark.skipif(
    shutil.which("xvfb-run") is None or shutil.which("xauth") is None,
    reason="xvfb-run and xauth are installed by ./dev on a machine with no screen",
)


@needs_xvfb
def test_dev_run_lists(tmp_path: Path) -> None:
    from clerk_app.store.database import open_database

    open_database(tmp_path / "minutes.db").close()  # the clerk's database, made by the window
    done = subprocess.run(
        [str(ROOT / "dev"), "run", "--db", str(tmp_path / "minutes.db"), "list"],
        env=_user_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


@needs_xvfb
@pytest.mark.parametrize("how", [["xvfb-run", "-a", "./dev", "run"], ["./dev", "run"]])
def test_the_window_starts(tmp_path: Path, how: list[str]) -> None:
    """The window comes up and stays up on the virtual screen (stopped after a few seconds)."""
    process = subprocess.Popen(
        [*how, "--db", str(tmp_path / "minutes.db")],
        cwd=ROOT,
        env=_user_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: stopped as one below
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (tmp_path / "minutes.db").exists():
            assert process.poll() is None, process.communicate()[1]
            time.sleep(0.2)
        assert (tmp_path / "minutes.db").exists(), "the window never opened its database"
        time.sleep(3)  # a crash on the first paint would have ended it by now
        assert process.poll() is None, process.communicate()[1]
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        process.communicate(timeout=30)


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared/ reference example not beside the repo")
def test_the_demo(tmp_path: Path) -> None:
    clerk = ROOT / ".venv" / "bin" / "clerk-app"
    if not clerk.exists():
        pytest.skip("./dev has not made .venv here")
    db = str(tmp_path / "demo.db")  # the README's /tmp/demo.db, kept inside this test
    for args in (["import", str(REFERENCE)], ["actions", "--json"]):
        done = subprocess.run(
            [str(clerk), "--db", db, *args], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
