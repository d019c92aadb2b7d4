"""The PDF's shipped fonts and the per-character fallback to DejaVu Sans."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paraparser import ParaParser

from clerk_app.export import fonts

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def test_fonts_and_their_licences_are_shipped():
    for name in ("LiberationSans-Regular", "LiberationSans-Bold", "LiberationSans-Italic",
                 "LiberationSans-BoldItalic", "DejaVuSans", "DejaVuSans-Bold"):  # fmt: skip
        assert (RESOURCES / f"{name}.ttf").stat().st_size > 100_000
    assert "SIL Open Font License" in (RESOURCES / "LICENSE-LiberationSans.txt").read_text()
    assert "Bitstream" in (RESOURCES / "LICENSE-DejaVuSans.txt").read_text()


def test_the_shipped_copy_is_preferred_to_the_system_one():
    assert fonts.font_file(fonts.REGULAR).parent == RESOURCES
    assert fonts.font_file(fonts.FALLBACK).parent == RESOURCES


def _runs(markup: str, bold: bool = False) -> list[tuple[str, str]]:
    style = ParagraphStyle("t", fontName=fonts.BOLD if bold else fonts.REGULAR, fontSize=11)
    _, frags, _ = ParaParser().parse(markup, style)
    return [(frag.fontName, frag.text) for frag in frags]


def test_markup_escapes_what_reportlab_would_read_as_tags():
    fonts.main_fonts()
    assert fonts.markup("<b>x</b> & &amp;") == "&lt;b&gt;x&lt;/b&gt; &amp; &amp;amp;"
    assert fonts.markup("one\ntwo") == "one<br/>two"
    assert Paragraph(fonts.markup("<para>&</para>"), ParagraphStyle("t")).text  # parses


def test_latin_text_stays_in_liberation():
    fonts.main_fonts()
    text = "Łódź Wójcik Siobhán Ó Briain – £4.2m “quoted” …"
    assert _runs(fonts.markup(text)) == [(fonts.REGULAR, text)]


def test_characters_liberation_lacks_fall_back_to_dejavu_in_the_right_weight():
    fonts.main_fonts()
    assert _runs(fonts.markup("Arabic مرحبا ok")) == [
        (fonts.REGULAR, "Arabic "),
        (fonts.FALLBACK, "مرحبا"),
        (fonts.REGULAR, " ok"),
    ]
    assert (fonts.FALLBACK_BOLD, "✓") in _runs(fonts.markup("done ✓", bold=True), bold=True)


def test_characters_no_font_has_do_not_split_runs():
    fonts.main_fonts()
    assert _runs(fonts.markup("crab 🦀 here")) == [(fonts.REGULAR, "crab 🦀 here")]


def test_rtl_shaping_is_optional():
    # python-bidi and arabic_reshaper are not dependencies: without them text is unchanged.
    if fonts._shaper() is None:
        assert fonts.visual_order("مرحبا") == "مرحبا"
    assert fonts.visual_order("plain") == "plain"
