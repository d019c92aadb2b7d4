"""The Word file as Word sees it: properties, language, compatibility, preview, list styles.

Each file is read back with python-docx and, for the parts python-docx does not model, with
zipfile and lxml, so the test checks what is in the file rather than what the writer meant.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from clerk_app.core.model import Status
from clerk_app.export.files import export_meeting
from tests.export.minutes_factory import sample_meeting

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
USED_STYLES = ("Normal", "Title", "Heading 1", "Minutes Body", "Minutes Point",
               "Minutes Sub-point", "Minutes Resolution", "Minutes Mark", "Footer")  # fmt: skip


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("package")
    meeting = sample_meeting()
    return {
        "public": export_meeting(meeting, folder / "public.docx", author="Priya Raman"),
        "confidential": export_meeting(
            meeting, folder / "confidential.docx", confidential=True, author="Priya Raman"
        ),
        "approved": export_meeting(
            sample_meeting(status=Status.APPROVED), folder / "approved.docx", author="P Raman"
        ),
    }


def _part(path: Path, name: str):
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def test_core_properties_are_now_by_the_clerk(files):
    before = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    props = docx.Document(str(files["public"])).core_properties
    assert props.author == props.last_modified_by == "Priya Raman"
    assert props.created >= before and props.modified >= before  # not 2013
    assert props.created.year >= 2024
    assert props.title == "Overview and Scrutiny Committee minutes, Tuesday 21 May 2024"
    assert props.subject.startswith("Minutes of the meeting held on Tuesday 21 May 2024")
    assert "minutes" in props.keywords and "Overview and Scrutiny Committee" in props.keywords
    assert "CONFIDENTIAL" not in f"{props.title} {props.subject} {props.keywords}"
    assert props.language == "en-GB"


def test_confidential_version_says_so_in_properties_and_on_every_page(files):
    document = docx.Document(str(files["confidential"]))
    props = document.core_properties
    assert props.title.startswith("CONFIDENTIAL")
    assert props.subject.startswith("CONFIDENTIAL")
    assert props.keywords.startswith("CONFIDENTIAL")
    for section in document.sections:
        # One header for every page: no different first page or even pages without it.
        assert not section.different_first_page_header_footer
        header = " ".join(p.text for p in section.header.paragraphs)
        assert "CONFIDENTIAL \u2013 not for publication" in header
    assert not document.settings.odd_and_even_pages_header_footer


def test_app_properties_name_clerk_not_a_2013_mac_word(files):
    for path in files.values():
        app = _part(path, "docProps/app.xml")
        ns = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
        assert app.findtext(f"{ns}Application") == "Clerk"
        assert b"Macintosh" not in etree.tostring(app)
        assert app.findtext(f"{ns}Template") is None  # no stale Normal.dotm


def test_no_blank_preview_picture(files):
    for path in files.values():
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            rels = archive.read("_rels/.rels").decode()
        assert not [n for n in names if "thumbnail" in n.lower()]
        assert "thumbnail" not in rels
        settings = _part(path, "word/settings.xml")
        assert settings.find(f"{W}savePreviewPicture") is None


def test_no_compatibility_mode(files):
    settings = _part(files["public"], "word/settings.xml")
    modes = [
        s.get(f"{W}val")
        for s in settings.iter(f"{W}compatSetting")
        if s.get(f"{W}name") == "compatibilityMode"
    ]
    assert modes == ["15"]
    assert settings.find(f"{W}themeFontLang").get(f"{W}val") == "en-GB"
    # w:compat sits where the schema puts it (Word refuses a settings part out of order).
    order = [child.tag for child in settings]
    assert order.index(f"{W}compat") < order.index(f"{W}rsids")


def test_language_is_british_english_on_defaults_and_styles(files):
    styles = _part(files["public"], "word/styles.xml")
    default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert default.get(f"{W}val") == "en-GB"
    document = docx.Document(str(files["public"]))
    for name in USED_STYLES:
        lang = document.styles[name].element.find(f"{W}rPr/{W}lang")
        assert lang is not None and lang.get(f"{W}val") == "en-GB", name


def test_point_styles_carry_the_list_layout(files):
    document = docx.Document(str(files["public"]))
    numbering = document.part.numbering_part.element
    abstracts = {a.get(qn("w:abstractNumId")): a for a in numbering.findall(qn("w:abstractNum"))}
    nums = {n.get(qn("w:numId")): n for n in numbering.findall(qn("w:num"))}
    for name, level in (("Minutes Point", 0), ("Minutes Sub-point", 1)):
        style = document.styles[name]
        numpr = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        assert numpr is not None, f"{name} has no list"
        assert numpr.find(qn("w:ilvl")).get(qn("w:val")) == str(level)
        num = nums[numpr.find(qn("w:numId")).get(qn("w:val"))]
        abstract = abstracts[num.find(qn("w:abstractNumId")).get(qn("w:val"))]
        lvl = next(x for x in abstract.findall(qn("w:lvl")) if x.get(qn("w:ilvl")) == str(level))
        # The level names its style back: Word's link between a list and a paragraph style.
        assert lvl.find(qn("w:pStyle")).get(qn("w:val")) == style.style_id
        fmt = style.paragraph_format
        assert fmt.first_line_indent < 0 < fmt.left_indent  # the hanging indent is the style's
    resolution = document.styles["Minutes Resolution"].element
    assert resolution.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None


def test_the_clerk_name_setting_is_the_author_and_the_os_name_the_default(
    db, tmp_path, monkeypatch
):
    from clerk_app.services import identity, meetings
    from clerk_app.services.exporting import export_minutes

    meeting_id = meetings.create_meeting(db, sample_meeting())
    named = export_minutes(db, meeting_id, tmp_path / "named.docx", author="  Jo Bloggs ").path
    assert docx.Document(str(named)).core_properties.author == "Jo Bloggs"
    monkeypatch.setattr(identity, "os_full_name", lambda: "Ann Other")
    unnamed = export_minutes(db, meeting_id, tmp_path / "unnamed.docx", author="").path
    assert docx.Document(str(unnamed)).core_properties.author == "Ann Other"


def test_the_os_full_name_is_read_from_the_account(monkeypatch):
    import pwd
    from types import SimpleNamespace

    from clerk_app.services.identity import os_full_name

    monkeypatch.setattr(
        pwd, "getpwuid", lambda uid: SimpleNamespace(pw_gecos="Priya Raman,Room 4,,")
    )
    assert os_full_name() == "Priya Raman"
    monkeypatch.setattr(pwd, "getpwuid", lambda uid: SimpleNamespace(pw_gecos=""))
    monkeypatch.setenv("LOGNAME", "jbloggs")
    assert os_full_name() == "jbloggs"  # no full name: the login name
