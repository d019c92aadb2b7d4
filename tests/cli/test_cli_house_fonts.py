"""``clerk-app export --to minutes.pdf`` lays the PDF out ahead of opening the database
(services/pdf_ahead.py): it too prints what the body's house template's own fonts draw."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_app.export.coverage import REPLACEMENT
from tests.cli.test_cli import run
from tests.cli.test_cli_house_style import SERIF, house_template
from tests.export.readers import flowing, pdftotext
from tests.export.test_house_fonts import VEND


@pytest.mark.skipif(not (SERIF / "DejaVuSerif.ttf").is_file(), reason="needs DejaVu Serif")
def test_the_command_line_pdf_prints_what_the_house_fonts_draw(tmp_path: Path) -> None:
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(
        "Committee: Heritage Committee\n"
        "Date: Tuesday 4 March 2025\n"
        "\n"
        "7.\tRUNIC STONES\n"
        f"a.\tThe inscription reads {VEND}.\n",
        encoding="utf-8",
    )
    db = tmp_path / "c.db"
    code, out, err = run(db, "import", str(minutes))
    assert code == 0, err
    meeting_id = out.strip()
    target = tmp_path / "minutes.pdf"
    assert run(db, "export", meeting_id, "--to", str(target))[0] == 0
    assert f"The inscription reads {REPLACEMENT}." in flowing(pdftotext(target))  # Clerk's fonts

    house = house_template(tmp_path / "house", serif=True)
    assert run(db, "body", "Heritage Committee", "--pdf-template", str(house))[0] == 0
    code, out, err = run(db, "export", meeting_id, "--to", str(target))
    assert (code, out.strip(), err) == (0, str(target), "")
    text = flowing(pdftotext(target))
    assert f"The inscription reads {VEND}." in text and REPLACEMENT not in text
