"""Bounds on what one import can cost: file size, and the number of warnings a clerk must read."""

from __future__ import annotations

import io
from pathlib import Path

from clerk_app.cli import main
from clerk_app.minutes_text.importer import MAX_FILE_BYTES, read_minutes
from clerk_app.minutes_text.summary import SHOWN, ImportWarning, summarise

HEAD = "Committee: Planning\nDate: 21 May 2024\n\n1.\tTITLE\n"


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_a_megabyte_line_of_broken_tags_gives_a_few_warnings_and_a_count(tmp_path: Path) -> None:
    """One 1 MB line once printed 130,000 warnings; now the first few and how many more."""
    path = tmp_path / "one-line.txt"
    line = "(Action x" * 116_000  # about 1 MB
    path.write_text(f"{HEAD}\na.\t{line}\nb.\tOK (Action Jo\n", encoding="utf-8")
    code, _out, err = _cli("--db", str(tmp_path / "m.db"), "import", str(path))
    assert code == 0
    lines = err.splitlines()
    assert len(lines) == SHOWN + 2
    assert all("line 6: '(Action x" in text for text in lines[:SHOWN])
    assert lines[SHOWN].endswith(
        f"line 6: ... and {116_000 - SHOWN} more incomplete action tags on this line"
    )
    assert lines[SHOWN + 1].endswith("... and 1 more like this (line 7)")  # the fourth tag


def test_summaries_keep_order_and_each_kind_apart() -> None:
    warnings = [ImportWarning.at(n, f"could not read the date '{n}'") for n in range(1, 7)]
    warnings.insert(2, ImportWarning.at(2, "an action with no point before it"))
    kept = summarise(warnings)
    assert [w.message for w in kept] == [
        "line 1: could not read the date '1'",
        "line 2: could not read the date '2'",
        "line 2: an action with no point before it",
        "line 3: could not read the date '3'",
        "... and 3 more like this (lines 4 to 6)",
    ]
    assert summarise(kept) == kept
    assert summarise(warnings[:3]) == warnings[:3]


def test_read_minutes_summarises_too() -> None:
    text = HEAD + "\na.\tNoted.\n" + "(Action Jo\n" * 50
    messages = [w.message for w in read_minutes(text).warnings]
    assert len(messages) == SHOWN + 1 and messages[-1].startswith("... and 47 more")


def test_a_file_larger_than_minutes_can_be_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: costs no disk and no time
        handle.truncate(MAX_FILE_BYTES + 5 * 1024 * 1024)
    code, out, err = _cli("--db", str(tmp_path / "m.db"), "import", str(path))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"clerk-app: {path}: is 25 MB, too large for minutes (Clerk reads files of up to 20 MB)"
    ]
