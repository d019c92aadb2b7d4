"""An imported file with labels nested deeper than minutes allow still gives two levels, no loss."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from clerk_app.cli import main

DEEP = """KELBROOK COUNTY COUNCIL
Minutes of the meeting of the Planning Committee held on Wednesday 5 June 2024 at 10.00 am
Present: Cllr Grace Okafor (Chair)

P57/24\tLAND AT MILL LANE

(a)\tOfficers advised that the strategy had been accepted, subject to:
\t(i)\tan attenuation pond; and
\t\t(1)\tsized for a 1 in 100 year storm;
\t\t\t-\twith a freeboard
\t(ii)\ta management company.
(b)\tMembers asked for the junction design.
"""


def test_import_of_three_nested_levels_keeps_two_and_every_word(tmp_path: Path) -> None:
    source = tmp_path / "deep.txt"
    source.write_text(DEEP, encoding="utf-8")
    db = tmp_path / "c.db"
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", str(db), "import", str(source)], out=out, err=err) == 0, err.getvalue()
    conn = sqlite3.connect(db)
    try:
        deep = conn.execute(
            "SELECT count(*) FROM points p JOIN points q ON p.parent_id = q.id "
            "WHERE q.parent_id IS NOT NULL"
        ).fetchone()[0]
        texts = " ".join(t for (t,) in conn.execute("SELECT text FROM points"))
    finally:
        conn.close()
    assert deep == 0
    for words in ("attenuation pond", "1 in 100 year storm", "freeboard", "management company"):
        assert words in texts
    exported = tmp_path / "out.txt"
    code = main(["--db", str(db), "export", out.getvalue().strip(), "--to", str(exported)])
    assert code == 0
    text = exported.read_text(encoding="utf-8")
    for words in ("attenuation pond", "1 in 100 year storm", "freeboard", "management company"):
        assert words in text
