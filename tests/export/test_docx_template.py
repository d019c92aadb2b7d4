"""A council's Word template: its fonts and letterhead are used, Clerk's numbering is kept."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from clerk_app.core.document import compose
from clerk_app.export.docx_template import DEFAULT_TEMPLATE
from clerk_app.export.files import export_meeting
from tests.export.minutes_factory import sample_meeting
from tests.export.readers import word_list_labels
from tests.export.test_docx import _expected_labels

LETTERHEAD = "Kingsmere Town Council, Guildhall, KT1 1AA"
SAMPLE = "Replace this text with the minutes"


def council_template(path: Path) -> Path:
    """A council's house style: Georgia body, Verdana points, a letterhead, sample text."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Georgia", Pt(12)
    point = document.styles.add_style("Minutes Point", 1)  # 1: a paragraph style
    point.font.name = "Verdana"
    document.sections[0].header.paragraphs[0].text = LETTERHEAD
    document.add_paragraph(SAMPLE)
    document.save(str(path))
    return path


def _fonts(path: Path) -> dict[str, str | None]:
    document = docx.Document(str(path))
    return {name: document.styles[name].font.name for name in ("Normal", "Minutes Point")}


def test_a_council_template_changes_fonts_and_keeps_numbering(tmp_path):
    template = council_template(tmp_path / "council.docx")
    meeting = sample_meeting()
    plain = export_meeting(meeting, tmp_path / "plain.docx")
    styled = export_meeting(meeting, tmp_path / "styled.docx", template=template)
    assert _fonts(plain) == {"Normal": "Arial", "Minutes Point": None}  # Arial from Normal
    assert _fonts(styled) == {"Normal": "Georgia", "Minutes Point": "Verdana"}
    assert docx.Document(str(styled)).styles["Normal"].font.size == Pt(12)
    # The same letters, read back from numbering.xml as Word would print them.
    assert word_list_labels(styled) == _expected_labels(meeting) == word_list_labels(plain)
    document = docx.Document(str(styled))
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header[0] == LETTERHEAD and "DRAFT \u2013 subject to approval" in header
    body = [p.text for p in document.paragraphs]
    assert SAMPLE not in body  # the template's own text is cleared
    assert body[1] == "Overview and Scrutiny Committee"
    # The labels take the council's font: no Arial left in the numbering.
    with zipfile.ZipFile(styled) as archive:
        assert b"Arial" not in archive.read("word/numbering.xml")


def test_a_dotx_template_is_used_too(tmp_path):
    source = council_template(tmp_path / "council.docx")
    dotx = tmp_path / "council.dotx"
    with zipfile.ZipFile(source) as inp, zipfile.ZipFile(dotx, "w") as out:
        for info in inp.infolist():
            data = inp.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            out.writestr(info, data)
    styled = export_meeting(sample_meeting(), tmp_path / "styled.docx", template=dotx)
    assert _fonts(styled)["Normal"] == "Georgia"


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (None, "does not exist"),
        (b"not a zip file at all", "not a Word file"),
        (b"PK\x05\x06" + bytes(18), "damaged"),  # an empty zip: no Word parts in it
    ],
)
def test_a_template_that_fails_gives_a_message_and_the_plain_style(tmp_path, content, why):
    template = tmp_path / "broken.docx"
    if content is not None:
        template.write_bytes(content)
    heard: list[str] = []
    path = export_meeting(
        sample_meeting(), tmp_path / "m.docx", template=template, warn=heard.append
    )
    assert len(heard) == 1 and "broken.docx" in heard[0] and why in heard[0], heard
    assert "plain style" in heard[0]
    assert _fonts(path)["Normal"] == "Arial"
    assert word_list_labels(path) == _expected_labels(sample_meeting())


def test_the_shipped_default_template_gives_the_plain_style(tmp_path):
    assert DEFAULT_TEMPLATE.is_file()
    path = export_meeting(sample_meeting(), tmp_path / "m.docx", template=DEFAULT_TEMPLATE)
    fonts = _fonts(path)
    assert fonts["Normal"] == "Arial"
    assert word_list_labels(path) == _expected_labels(sample_meeting())
    assert compose(sample_meeting()).title == docx.Document(str(path)).core_properties.title


def test_confidential_mark_on_a_templates_first_and_even_page_headers_too(tmp_path):
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    document.settings.odd_and_even_pages_header_footer = True
    section.first_page_header.paragraphs[0].text = LETTERHEAD  # letterhead on page 1 only
    section.header.paragraphs[0].text = "Kingsmere Town Council"
    section.footer.paragraphs[0].text = "Kingsmere Town Council, www.kingsmere.gov.uk"
    document.save(str(tmp_path / "council.docx"))
    path = export_meeting(
        sample_meeting(), tmp_path / "m.docx", template=tmp_path / "council.docx",
        confidential=True,
    )  # fmt: skip
    section = docx.Document(str(path)).sections[0]
    for header in (section.header, section.first_page_header, section.even_page_header):
        texts = [p.text for p in header.paragraphs]
        assert "CONFIDENTIAL \u2013 not for publication" in texts, texts
    assert section.first_page_header.paragraphs[0].text == LETTERHEAD
    # The council's own footer is kept as it is, not given a second page number line.
    assert [p.text for p in section.footer.paragraphs] == [
        "Kingsmere Town Council, www.kingsmere.gov.uk"
    ]


def test_a_template_without_app_properties_gets_clerks(tmp_path):
    """Some programs save .docx without docProps/app.xml: Clerk adds its own."""
    import re

    source = council_template(tmp_path / "council.docx")
    bare = tmp_path / "bare.docx"
    with zipfile.ZipFile(source) as inp, zipfile.ZipFile(bare, "w") as out:
        for info in inp.infolist():
            if info.filename == "docProps/app.xml":
                continue
            data = inp.read(info)
            if info.filename == "_rels/.rels":
                data = re.sub(rb"<Relationship [^>]*extended-properties[^>]*/>", b"", data)
            out.writestr(info, data)
    path = export_meeting(sample_meeting(), tmp_path / "m.docx", template=bare)
    with zipfile.ZipFile(path) as archive:
        assert b"<Application>Clerk</Application>" in archive.read("docProps/app.xml")
        assert b"extended-properties+xml" in archive.read("[Content_Types].xml")
