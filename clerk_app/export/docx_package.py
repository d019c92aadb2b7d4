"""The Word file's package parts: properties, language, compatibility mode, no stale preview.

python-docx starts from a template saved in 2013 by "Microsoft Macintosh Word": its core and
app properties, its thumbnail (a blank page shown as the file's preview) and its settings
(Word 2010 compatibility, so Word 365 opens the minutes in Compatibility Mode) all travel into
every document unless replaced here.  A council's own template gets the same treatment.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from clerk_app import __version__
from clerk_app.core.blocks import MinutesDocument
from clerk_app.core.document import PROPERTY_LIMIT
from clerk_app.core.wording import shorten

LANGUAGE = "en-GB"
WORD_2013_AND_LATER = "15"  # compatibilityMode: Word 2013, 2016, 2019, 2021 and 365
_WORD_URI = "http://schemas.microsoft.com/office/word"
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_EXTENDED_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
# What may follow w:compat inside w:settings (schema order); w:compat goes before the first.
_AFTER_COMPAT = (
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
# What may follow w:lang inside w:rPr.
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def set_properties(doc: Any, minutes: MinutesDocument, now: dt.datetime) -> None:
    """Core properties: created and modified now, by the clerk, with the minutes' title."""
    props = doc.core_properties
    props.title = minutes.title
    props.subject = minutes.subject
    props.author = props.last_modified_by = minutes.author
    words = ("minutes", minutes.header.committee, "draft" if minutes.draft else "")
    keywords = "; ".join(word for word in words if word)
    if minutes.confidential:  # first, so that shortening never cuts it off
        keywords = f"CONFIDENTIAL; {keywords}"
    props.keywords = shorten(keywords, PROPERTY_LIMIT)
    props.comments = "Draft minutes, subject to approval" if minutes.draft else ""
    props.category = "Minutes"
    props.language = LANGUAGE
    props.created = props.modified = now.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    printed = props._element.find(qn("cp:lastPrinted"))  # a template's printing date
    if printed is not None:
        props._element.remove(printed)
    props.revision = 1
    _app_properties(doc)


def _app_properties(doc: Any) -> None:
    """docProps/app.xml names Clerk as the application, and says nothing stale."""
    root = etree.Element(f"{{{_EXTENDED}}}Properties", nsmap={None: _EXTENDED})
    etree.SubElement(root, f"{{{_EXTENDED}}}Application").text = "Clerk"
    etree.SubElement(root, f"{{{_EXTENDED}}}DocSecurity").text = "0"
    # AppVersion must look like "XX.YYYY"; Clerk's own major and minor version.
    major, minor = ([*__version__.split("."), "0"])[:2]
    version = f"{int(major or 0):02d}.{int(''.join(c for c in minor if c.isdigit()) or 0):04d}"
    etree.SubElement(root, f"{{{_EXTENDED}}}AppVersion").text = version
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = doc.part.package
    for rel in package.rels.values():
        if rel.reltype == _APP and not rel.is_external:
            rel.target_part._blob = blob  # a plain Part: python-docx saves its blob as it is
            return
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    part = Part(PackURI("/docProps/app.xml"), _EXTENDED_TYPE, blob, package)
    package.relate_to(part, _APP)


def drop_thumbnail(doc: Any) -> None:
    """No preview picture: the template's is a blank page, which is worse than none."""
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == _THUMBNAIL:
            del package.rels[rid]  # a part nothing relates to is not written


def set_compatibility(doc: Any) -> None:
    """Current Word layout (no Compatibility Mode), no preview saved, en-GB theme language."""
    settings = doc.settings.element
    preview = settings.find(qn("w:savePreviewPicture"))
    if preview is not None:
        settings.remove(preview)
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        settings.insert_element_before(compat, *_AFTER_COMPAT)
    mode = next(
        (
            s
            for s in compat.findall(qn("w:compatSetting"))
            if s.get(qn("w:name")) == "compatibilityMode"
        ),
        None,
    )
    if mode is None:
        mode = OxmlElement("w:compatSetting")
        compat.append(mode)
    mode.set(qn("w:name"), "compatibilityMode")
    mode.set(qn("w:uri"), _WORD_URI)
    mode.set(qn("w:val"), WORD_2013_AND_LATER)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANGUAGE)


def set_language(rpr: Any) -> None:
    """``w:lang`` en-GB in a run-properties element (spelling and hyphenation language)."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, *_AFTER_LANG)
    lang.set(qn("w:val"), LANGUAGE)


def set_document_language(doc: Any, style_names: list[str]) -> None:
    """en-GB in the document defaults and in every style the minutes use."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        doc.styles.element.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    set_language(rpr)
    for name in style_names:
        set_language(doc.styles[name].element.get_or_add_rPr())
