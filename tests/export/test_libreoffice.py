"""The .docx as another word processor lays it out: LibreOffice, when it is installed.

LibreOffice computes the list labels from numbering.xml itself, so "a." and "i." in its plain
text output prove the numbering is real, not typed.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from clerk_app.export.files import export_meeting
from tests.export.minutes_factory import sample_meeting

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(OFFICE is None, reason="LibreOffice is not installed")


def _convert(source, target_format: str, folder) -> str:
    profile = folder / "profile"  # a private profile: no clash with a running LibreOffice
    subprocess.run(
        [str(OFFICE), f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", target_format, "--outdir", str(folder), str(source)],
        capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    converted = folder / f"{source.stem}.{target_format.split(':')[0]}"
    return str(converted.read_text(encoding="utf-8"))


def test_lists_render_with_letters_and_roman_numerals(tmp_path):
    source = export_meeting(sample_meeting(), tmp_path / "minutes.docx")
    (tmp_path / "out").mkdir()
    text = _convert(source, "txt:Text (encoded):UTF8", tmp_path / "out").lstrip("\ufeff")
    lines = text.splitlines()
    start = lines.index("Clerk's note - this item was taken after item 15.") + 1
    # LibreOffice writes each list paragraph as indent, label, space, text.
    assert [line.strip() for line in lines[start : start + 6]] == [
        "a. The AD Commissioning advised that a member learning session was planned.",
        "b. In response to a query about carers, officers acknowledged a gap in knowledge.",
        "i. the carers' survey would be repeated in the spring; and",
        "ii. results would come back to the Committee (Action: Clerk).",
        lines[start + 4].strip(),
        "d. The Chair noted that the panels would review the profile (Actions: Chair/Clerk).",
    ]
    assert lines[start + 4].strip().startswith("c. The Committee requested further information")
    sub_indent = len(lines[start + 2]) - len(lines[start + 2].lstrip())
    point_indent = len(lines[start]) - len(lines[start].lstrip())
    assert sub_indent > point_indent  # sub-points sit deeper than points
    resolutions = lines.index("That the Committee:") + 1
    assert [line.strip() for line in lines[resolutions : resolutions + 2]] == [
        "i. noted the report; and",
        "ii. agreed to receive a further update in September.",
    ]


def test_a_council_template_keeps_the_letters(tmp_path):
    """Numbering linked to the council's restyled point styles, as LibreOffice computes it."""
    from tests.export.test_docx_template import council_template

    template = council_template(tmp_path / "council.docx")
    source = export_meeting(
        sample_meeting(), tmp_path / "styled.docx", template=template, confidential=True
    )
    (tmp_path / "out").mkdir()
    text = _convert(source, "txt:Text (encoded):UTF8", tmp_path / "out").lstrip("\ufeff")
    lines = [line.strip() for line in text.splitlines()]
    assert "i. the carers' survey would be repeated in the spring; and" in lines
    # The second item's list starts again at "a.", with its sub-point at "i.".
    second = lines.index("a. Members discussed the Quixotic-point bid (Action: Xylophone-owner).")
    assert lines[second + 1] == "i. the Vortigern-sub clause was noted."
    assert "Replace this text with the minutes" not in text
