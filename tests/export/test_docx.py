"""The Word minutes, read back with python-docx and an independent numbering evaluator."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from clerk_app.core.blocks import DecisionBlock, LabelledParagraph
from clerk_app.core.document import compose
from clerk_app.core.model import LabelStyle, Status
from clerk_app.export.files import export_meeting
from tests.export.minutes_factory import (
    SECRETS,
    giant_meeting,
    hostile_meeting,
    many_points_meeting,
    sample_meeting,
)
from tests.export.readers import word_list_labels


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("docx")
    return {
        "public": export_meeting(sample_meeting(), folder / "public.docx", action_log=True),
        "confidential": export_meeting(
            sample_meeting(), folder / "confidential.docx", confidential=True, action_log=True
        ),
        "approved": export_meeting(
            sample_meeting(status=Status.APPROVED), folder / "approved.docx"
        ),
        "hostile": export_meeting(hostile_meeting(), folder / "hostile.docx"),
    }


def _all_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".xml")
        )


def _expected_labels(meeting) -> list[tuple[str, str]]:
    out = []
    for block in compose(meeting).blocks:
        if isinstance(block, LabelledParagraph):
            out.append((block.label, block.text))
        elif isinstance(block, DecisionBlock):
            out.extend((r.label, r.text) for r in block.resolutions)
    return out


def test_a4_page_and_margins(files):
    section = docx.Document(str(files["public"])).sections[0]
    # Word stores twips: 210 mm is 11906 twips, a few hundred EMU off exact millimetres.
    assert abs(section.page_width - Mm(210)) < Mm(0.1)
    assert abs(section.page_height - Mm(297)) < Mm(0.1)
    assert Mm(15) <= section.left_margin <= Mm(30)


def test_real_styles_title_heading_body(files):
    document = docx.Document(str(files["public"]))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Title"] == ["Overview and Scrutiny Committee"]
    assert by_style["Heading 1"][:5] == [
        "12.\tApologies for absence",
        "13.\tMinutes",
        "14.\tPerformance update",
        "15.\tExclusion of the press and public",
        "16.\tLeisure contract",
    ]
    assert by_style["Heading 1"][-1] == "Action log"
    assert "Minutes Point" in by_style and "Minutes Sub-point" in by_style
    heading = document.styles["Heading 1"]
    assert heading.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}").get(qn("w:val")) == "0"
    assert heading.font.bold and heading.base_style.name == "Normal"
    assert document.styles["Normal"].font.name == "Arial"
    # Nothing the minutes use may name a theme font (Calibri/Cambria in the template).
    assert "asciiTheme" not in document.styles.element.xml.split("<w:style ")[0]
    for style in ("Normal", "Heading 1", "Title", "Subtitle", "Minutes Point", "Minutes Body"):
        assert "Theme" not in document.styles[style].element.xml


def test_numbering_definitions_letters_over_roman(files):
    document = docx.Document(str(files["public"]))
    numbering = document.part.numbering_part.element
    points = [p for p in document.paragraphs if p.style.name == "Minutes Point"]
    num_id = points[0]._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == abstract_id)  # fmt: skip
    levels = {int(lvl.get(qn("w:ilvl"))): lvl for lvl in abstract.findall(qn("w:lvl"))}

    def val(lvl, tag):
        return lvl.find(qn(tag)).get(qn("w:val"))

    assert (val(levels[0], "w:numFmt"), val(levels[0], "w:lvlText")) == ("lowerLetter", "%1.")
    assert (val(levels[1], "w:numFmt"), val(levels[1], "w:lvlText")) == ("lowerRoman", "%2.")
    ind0 = levels[0].find(f"{qn('w:pPr')}/{qn('w:ind')}")
    ind1 = levels[1].find(f"{qn('w:pPr')}/{qn('w:ind')}")
    assert int(ind0.get(qn("w:hanging"))) > 0  # hanging indent: wrapped lines align with text
    assert int(ind1.get(qn("w:left"))) > int(ind0.get(qn("w:left")))  # sub-points further in
    override = num.find(qn("w:lvlOverride"))
    assert override.get(qn("w:ilvl")) == "0"
    assert override.find(qn("w:startOverride")).get(qn("w:val")) == "1"


def test_letters_restart_per_item(files):
    document = docx.Document(str(files["confidential"]))
    points = [p for p in document.paragraphs if p.style.name == "Minutes Point"]
    ids = {
        p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val")) for p in points
    }
    assert len(ids) == 2  # items 14 and 16 each have their own list instance
    labels = word_list_labels(files["confidential"])
    assert ("a.", "Members discussed the Quixotic-point bid (Action: Xylophone-owner).") in labels


@pytest.mark.parametrize("name", ["public", "hostile"])
def test_every_point_label_and_text_in_order(files, name):
    meeting = sample_meeting() if name == "public" else hostile_meeting()
    assert word_list_labels(files[name]) == _expected_labels(meeting)


@pytest.mark.parametrize("style", [LabelStyle.PAREN, LabelStyle.NUMBER, LabelStyle.DECIMAL])
def test_other_label_styles_map_to_word_formats(tmp_path, style):
    meeting = sample_meeting(label_style=style)
    path = export_meeting(meeting, tmp_path / "m.docx")
    assert word_list_labels(path) == _expected_labels(meeting)


def test_labels_beyond_z_are_written_as_text(tmp_path):
    path = export_meeting(many_points_meeting(30), tmp_path / "many.docx")
    document = docx.Document(str(path))
    points = [p.text for p in document.paragraphs if p.style.name.startswith("Minutes")]
    assert "aa.\tPoint number 27 was made." in points
    assert "ad.\tPoint number 30 was made." in points
    assert "i.\ta sub-point of the last point" in points
    numbered = [label for label, _ in word_list_labels(path)]
    assert numbered[0] == "a." and numbered[25] == "z."


def test_header_marks_and_page_n_of_m_footer(files):
    for name, marks in (("public", ["DRAFT \u2013 subject to approval"]),
                        ("confidential", ["DRAFT \u2013 subject to approval",
                                          "CONFIDENTIAL \u2013 not for publication"]),
                        ("approved", [])):  # fmt: skip
        section = docx.Document(str(files[name])).sections[0]
        header = [p.text for p in section.header.paragraphs if p.text]
        assert header == marks
        footer = section.footer.paragraphs[0]
        codes = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
        assert codes == ["PAGE", "NUMPAGES"]
        assert footer.text.startswith("Page ") and " of " in footer.text


def test_core_properties(files):
    props = docx.Document(str(files["public"])).core_properties
    assert props.title == "Overview and Scrutiny Committee minutes, Tuesday 21 May 2024"
    assert props.author == "Royal Borough of Kingsmere"
    assert "21 May 2024" in props.subject


def test_exempt_text_absent_from_public_version(files):
    public = _all_xml(files["public"])
    assert "considered in private: exempt under paragraph 3 of Part 1 of Schedule 12A" in public
    for secret in SECRETS:
        assert secret not in public
    confidential = _all_xml(files["confidential"])
    for secret in SECRETS:
        assert secret in confidential


def test_action_log_table(files):
    table = docx.Document(str(files["public"])).tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Ref", "Item", "Summary", "Owners", "Due", "Status"]
    assert [row[0] for row in rows[1:]] == ["14 b.ii.", "14 c.", "14 d."]
    assert rows[3][3] == "Chair/Clerk"
    assert table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


def test_hostile_text_round_trips(files):
    document = docx.Document(str(files["hostile"]))
    text = "\n".join(p.text for p in document.paragraphs)
    for expected in (
        "Typed <b>tags</b> and &amp; and 5 < 6 & 7 > 3 print as typed",
        "Łódź, Wójcik, Żółć",
        "Siobhán Ó Briain",
        "مرحبا بالعالم",
        "👍🏽 🦀",
        "CJK 中文 and a lone surrogate and a noncharacter here",
        "Line one\nline two\nline three\nand a tab here",
        "THE-END-OF-THE-LONG-POINT",
        "Objections <script>alert(1)</script> & more",
    ):
        assert expected in text, expected
    assert "" not in [p.text for p in document.paragraphs if p.style.name == "Minutes Point"][:7]


def test_long_minute_number_widens_the_title_not_the_points(files):
    document = docx.Document(str(files["hostile"]))
    heading = document.styles["Heading 1"].paragraph_format
    body = document.styles["Minutes Body"].paragraph_format
    assert heading.left_indent == body.left_indent > Mm(12.7)  # body under the title
    numbering = document.part.numbering_part.element
    point = next(p for p in document.paragraphs if p.style.name == "Minutes Point")
    num_id = point._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == abstract_id)  # fmt: skip
    ind = abstract.find(f"{qn('w:lvl')}/{qn('w:pPr')}/{qn('w:ind')}")
    assert int(ind.get(qn("w:left"))) - int(ind.get(qn("w:hanging"))) == body.left_indent.twips
    assert int(ind.get(qn("w:hanging"))) == 720  # the label step stays half an inch


def test_every_field_giant_still_exports(tmp_path):
    path = export_meeting(giant_meeting(), tmp_path / "giant.docx", action_log=True)
    assert path.stat().st_size > 10_000
