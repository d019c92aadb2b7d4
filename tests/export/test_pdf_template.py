"""A body's own Typst template (house style) lays the PDF out; a broken one falls back, warned."""

from __future__ import annotations

from pathlib import Path

from clerk_app.export.files import export_meeting
from clerk_app.export.pdf import TEMPLATE
from tests.export.minutes_factory import sample_meeting
from tests.export.readers import flowing, pdftotext

HOUSE_LINE = "Parish of Little Wickham: house style"


def house_template(folder: Path) -> Path:
    """Clerk's default with the council's own line after the minutes."""
    text = TEMPLATE.read_text(encoding="utf-8")
    text += f"\n// The council's own closing line\n{HOUSE_LINE}\n"
    path = folder / "house.typ"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_house_template_changes_the_pdf(tmp_path: Path) -> None:
    warnings: list[str] = []
    plain = export_meeting(sample_meeting(), tmp_path / "plain.pdf")
    house = export_meeting(
        sample_meeting(),
        tmp_path / "house.pdf",
        pdf_template=house_template(tmp_path),
        warn=warnings.append,
    )
    assert warnings == []
    assert HOUSE_LINE in flowing(pdftotext(house))
    assert HOUSE_LINE not in flowing(pdftotext(plain))
    # The minutes are all still there.
    assert "a member learning session was planned" in flowing(pdftotext(house))


def test_a_broken_template_warns_and_the_default_lays_the_minutes_out(tmp_path: Path) -> None:
    broken = tmp_path / "letterhead.typ"
    broken.write_text("#let data = json(bytes(sys.inputs.data))\n#data.nonsense(\n")
    warnings: list[str] = []
    written = export_meeting(
        sample_meeting(), tmp_path / "m.pdf", pdf_template=broken, warn=warnings.append
    )
    assert len(warnings) == 1
    assert "letterhead.typ" in warnings[0] and "Clerk's default is used" in warnings[0]
    plain = export_meeting(sample_meeting(), tmp_path / "plain.pdf")
    assert flowing(pdftotext(written)) == flowing(pdftotext(plain))


def test_a_missing_template_warns_and_the_default_is_used(tmp_path: Path) -> None:
    warnings: list[str] = []
    written = export_meeting(
        sample_meeting(), tmp_path / "m.pdf", pdf_template=tmp_path / "gone.typ",
        warn=warnings.append,
    )  # fmt: skip
    assert warnings == [
        "PDF template gone.typ could not be used (it is not there); Clerk's default is used"
    ]
    assert "a member learning session was planned" in flowing(pdftotext(written))
