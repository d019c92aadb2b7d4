"""A house template's own fonts (a ``fonts`` folder beside it) count when Clerk decides which
characters can be printed: what they draw is printed, not replaced by U+FFFD as it is for
Clerk's own fonts, and the PDF is still PDF/UA-1."""

from __future__ import annotations

import datetime as dt
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import typst

from clerk_app.core.document import compose
from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.export.coverage import REPLACEMENT, covered, covered_by
from clerk_app.export.files import export_meeting
from clerk_app.export.pdf import FONTS, font_paths, render_pages, render_with, typst_inputs
from tests.cli.test_cli_house_style import SERIF, house_template
from tests.export.readers import flowing, pdftotext
from tests.export.test_pdf_accessibility import validate

# ꝩ (Latin small letter vend): DejaVu Serif draws it; neither Clerk's fonts nor the fonts
# built into Typst do (an arrow such as U+2900 would not do: Typst's own maths font has it).
VEND = "\ua769"
POINT = f"The route {VEND} was agreed."

pytestmark = pytest.mark.skipif(
    not (SERIF / "DejaVuSerif.ttf").is_file(), reason="needs DejaVu Serif"
)


def test_the_chosen_character_is_one_only_the_house_font_draws(tmp_path: Path) -> None:
    assert ord(VEND) not in covered(FONTS)
    house = house_template(tmp_path / "house", serif=True)
    assert ord(VEND) in covered(house.parent / "fonts")
    assert ord(VEND) in covered_by(font_paths(house))


def meeting() -> Meeting:
    return Meeting(
        committee="Highways Committee",
        date=dt.date(2025, 3, 4),
        items=[AgendaItem(title=f"Signs {VEND}", number="7", points=[Point(POINT)])],
    )


def test_a_house_templates_font_prints_what_clerks_fonts_cannot(tmp_path: Path) -> None:
    house = house_template(tmp_path / "house", serif=True)
    warnings: list[str] = []
    styled = export_meeting(
        meeting(), tmp_path / "styled.pdf", pdf_template=house, warn=warnings.append
    )
    plain = export_meeting(meeting(), tmp_path / "plain.pdf")
    assert warnings == []
    styled_text, plain_text = flowing(pdftotext(styled)), flowing(pdftotext(plain))
    assert POINT in styled_text and f"Signs {VEND}" in styled_text
    assert REPLACEMENT not in styled_text
    assert POINT.replace(VEND, REPLACEMENT) in plain_text and VEND not in plain_text
    with ThreadPoolExecutor(max_workers=2) as pool:
        for name, result, report in pool.map(lambda p: validate("ua1", p), [styled, plain]):
            assert result == 0 and report.startswith("PASS"), f"{name}:\n{report}"


def test_the_inputs_depend_on_the_template(tmp_path: Path) -> None:
    house = house_template(tmp_path / "house", serif=True)
    document = compose(meeting())
    assert POINT in typst_inputs(document, house)["data"]
    assert POINT not in typst_inputs(document)["data"]
    assert POINT.replace(VEND, REPLACEMENT) in typst_inputs(document)["data"]


def test_when_the_house_template_fails_the_text_is_worked_out_again_for_clerks_fonts(
    tmp_path: Path,
) -> None:
    house = house_template(tmp_path / "house", serif=True)
    document = compose(meeting())
    inputs = typst_inputs(document, house)  # as services/pdf_ahead works them out
    house.write_text("#let data = (\n", encoding="utf-8")  # broken; its fonts still beside it
    warnings: list[str] = []
    pdf = tmp_path / "fallback.pdf"
    pdf.write_bytes(render_with(document, house, warnings.append, inputs))
    assert len(warnings) == 1 and warnings[0].startswith("PDF template house.typ")
    text = flowing(pdftotext(pdf))
    assert POINT.replace(VEND, REPLACEMENT) in text and VEND not in text


def test_a_font_added_beside_the_template_is_used_at_the_next_layout(tmp_path: Path) -> None:
    house = house_template(tmp_path / "house")  # no fonts of its own yet
    document = compose(meeting())
    before = render_pages(document, house)
    (house.parent / "fonts").mkdir()
    shutil.copy(SERIF / "DejaVuSerif.ttf", house.parent / "fonts" / "DejaVuSerif.ttf")
    after = render_pages(document, house)
    fresh = typst.compile(  # a compiler of its own, with the fonts as they are now
        house,
        root=house.parent,
        font_paths=[FONTS, house.parent / "fonts"],
        ignore_system_fonts=True,
        sys_inputs=typst_inputs(document, house),
        format="svg",
    )
    assert after == (fresh if isinstance(fresh, list) else [fresh])
    assert after != before
