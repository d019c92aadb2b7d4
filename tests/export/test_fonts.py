"""The PDF's shipped fonts: Liberation Sans first, DejaVu Sans where it lacks a character."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.export.coverage import REPLACEMENT, covered, drawable
from clerk_app.export.files import export_meeting
from clerk_app.export.pdf import FONTS
from tests.export.readers import need, pdftotext, squash

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def test_fonts_and_their_licences_are_shipped():
    for name in ("LiberationSans-Regular", "LiberationSans-Bold", "LiberationSans-Italic",
                 "LiberationSans-BoldItalic", "DejaVuSans", "DejaVuSans-Bold"):  # fmt: skip
        assert (RESOURCES / f"{name}.ttf").stat().st_size > 100_000
    assert "SIL Open Font License" in (RESOURCES / "LICENSE-LiberationSans.txt").read_text()
    assert "Bitstream" in (RESOURCES / "LICENSE-DejaVuSans.txt").read_text()
    assert FONTS == RESOURCES  # the PDF uses the shipped copies, never the machine's


def test_coverage_is_read_from_the_fonts_themselves():
    have = covered(FONTS)
    for char in "aZ£€Łó–“…" + "Αθ" + "Київ" + "مرحبا" + "→≤∑✓☺" + REPLACEMENT:
        assert ord(char) in have, char
    for char in "中文👍🦀":
        assert ord(char) not in have, char


def test_only_characters_no_font_has_are_replaced():
    text = "Łódź – مرحبا ✓ 中 👍🏽 ok\nnext"
    assert (
        drawable(text, FONTS) == f"Łódź – مرحبا ✓ {REPLACEMENT} {REPLACEMENT}{REPLACEMENT} ok\nnext"
    )
    assert drawable("plain text", FONTS) == "plain text"


def _fonts_in(path: Path) -> set[str]:
    out = subprocess.run([need("pdffonts"), str(path)], capture_output=True, text=True, check=True)
    return {line.split()[0].split("+")[-1] for line in out.stdout.splitlines()[2:] if line.strip()}


def _meeting(title: str, point: str) -> Meeting:
    return Meeting(
        committee="Fonts",
        date=dt.date(2025, 2, 3),
        items=[AgendaItem(title=title, number="1", points=[Point(point)])],
    )


def test_latin_text_stays_in_liberation(tmp_path):
    text = "Łódź Wójcik Siobhán Ó Briain – £4.2m “quoted” …"
    path = export_meeting(_meeting("Latin", text), tmp_path / "latin.pdf")
    assert not any(name.startswith("DejaVu") for name in _fonts_in(path))
    assert text in squash(pdftotext(path, layout=False))


def test_characters_liberation_lacks_fall_back_to_dejavu_in_the_right_weight(tmp_path):
    path = export_meeting(_meeting("Done ✓", "Arabic مرحبا بالعالم ok"), tmp_path / "fb.pdf")
    fonts = _fonts_in(path)
    assert {"LiberationSans", "LiberationSans-Bold", "DejaVuSans", "DejaVuSans-Bold"} <= fonts
    text = squash(pdftotext(path, layout=False))
    assert "Done ✓" in text
    # Shaped right to left and read back in logical order: the words as typed.
    assert "مرحبا" in text and "بالعالم" in text


def test_characters_no_font_has_anywhere_in_the_minutes_still_export(tmp_path):
    # Committee, council, venue, minute number, title, attendee: every field a clerk types.
    from clerk_app.core.model import Attendee

    meeting = Meeting(
        committee="Youth 🦀 Panel",
        council="中文 Council",
        venue="Hall 👍",
        date=dt.date(2025, 2, 3),
        attendees=[Attendee("Ana 🦀")],
        items=[AgendaItem(title="Title 中", number="7🦀", points=[Point("ok")])],
    )
    path = export_meeting(meeting, tmp_path / "marks.pdf")
    text = squash(pdftotext(path, layout=False))
    assert f"Youth {REPLACEMENT} Panel" in text and f"Title {REPLACEMENT}" in text


def test_looking_up_one_code_agrees_with_listing_every_code() -> None:
    """drawable asks about a few characters at a time; the answer must be the fonts' cmaps."""
    have = covered(FONTS)
    listed = have.codes()
    assert 5_000 < len(listed) < 20_000
    for code in range(0x20000):
        assert (code in have) == (code in listed), hex(code)
    assert drawable("Siobhán Ó Briain, Łukasz Wójcik, مرحبا", FONTS).count(REPLACEMENT) == 0
