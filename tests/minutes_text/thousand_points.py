"""An ordinary minutes file of a thousand lettered points, for a test and a benchmark.

tests/minutes_text/test_text_files.py reads it for what it holds; benchmarks/parse_speed.py
times the same text.
"""

from __future__ import annotations

from clerk_app.core.lettering import letters


def thousand_point_file() -> str:
    """Ten items of a hundred lettered points, every tenth with two sub-points, and RESOLVED."""
    lines = ["Committee: Full Council", "Date: 21 May 2024"]
    for item in range(10):
        lines += [f"{item + 1}.\tITEM {item + 1}", "Intro paragraph citing pages 1-20."]
        for n in range(100):
            lines.append(f"{letters(n)}.\tPoint {n} about the budget. (Action: Clerk)")
            if n % 10 == 0:
                lines += ["\ti.\tA sub-point.", "\tii.\tAnother one."]
        lines += ["RESOLVED", "That the Council:", "i.\tnoted it; and", "ii.\tagreed it."]
    return "\n".join(lines)
