"""The PDF minutes, read back with poppler's pdftotext/pdffonts and with pypdf."""

from __future__ import annotations

import re
import subprocess
import time

import pypdf
import pytest

from clerk_app.core.blocks import DecisionBlock, LabelledParagraph
from clerk_app.core.document import compose
from clerk_app.core.model import LabelStyle
from clerk_app.core.text import clean_text
from clerk_app.export.files import export_meeting
from tests.export.minutes_factory import (
    HOSTILE_TEXTS,
    SECRETS,
    giant_meeting,
    many_points_meeting,
    sample_meeting,
)
from tests.export.readers import (
    find_in_order,
    flowing,
    need,
    pdf_pages,
    pdftotext,
    squash,
    word_boxes,
)

A4 = (595.28, 841.89)  # points
MARGIN = 2.2 / 2.54 * 72  # 2.2 cm
STEP = 72 / 2  # 1.27 cm, half an inch


@pytest.fixture(scope="module")
def files(pdf_files):
    return pdf_files


def test_every_point_label_and_text_in_order(files):
    document = compose(sample_meeting())
    expected = []
    for block in document.blocks:
        if isinstance(block, LabelledParagraph):
            expected.append(squash(f"{block.label} {block.text}"))
        elif isinstance(block, DecisionBlock):
            expected.append(block.keyword)
            expected.extend(squash(f"{r.label} {r.text}") for r in block.resolutions)
    text = flowing(pdftotext(files["public"]))
    find_in_order(text, expected)


def test_item_headings_number_title_and_body_in_order(files):
    text = flowing(pdftotext(files["confidential"]))
    find_in_order(
        text,
        [
            "Royal Borough of Kingsmere",
            "Overview and Scrutiny Committee",
            "Minutes of the meeting held on Tuesday 21 May 2024",
            "6.30 pm, Civic Centre, High Road",
            "Present: Councillors Emma Russell (Chair), Barbara Blake",
            "12. Apologies for absence",
            "13. Minutes",
            "RESOLVED: That the minutes of the meeting held on 12 March 2024",
            "14. Performance update",
            "Clerk's note - this item was taken after item 15.",
            "Supporting documents: agenda pack pages 53-114",
            "Performance Report, item 8 (PDF)",
            "15. Exclusion of the press and public",
            "16. Leisure contract",
            "EXEMPT: not for publication",
            "The meeting ended at 8.45 pm",
            "CHAIR:",
            "Date:",
            "Action log",
        ],
    )


def test_hanging_indent_puts_wrapped_lines_under_the_text(files):
    lines = pdftotext(files["public"]).splitlines()
    start = next(
        i for i, line in enumerate(lines) if "c." in line and "further information" in line
    )
    label_line, wrapped = lines[start], lines[start + 1]
    text_column = label_line.index("The Committee")
    assert label_line.index("c.") < text_column
    assert len(wrapped) - len(wrapped.lstrip()) == text_column


def test_page_n_of_m_on_every_page(files):
    for name in ("public", "hostile"):
        pages = pdf_pages(files[name])
        assert len(pages) == len(pypdf.PdfReader(files[name]).pages)
        for number, page in enumerate(pages, start=1):
            assert f"Page {number} of {len(pages)}" in page


def test_draft_marked_on_every_page_and_watermark_not_in_text(files):
    for page in pdf_pages(files["public"]):
        # Once per page, from the header: the watermark is drawn as shapes, not text.
        assert page.count("DRAFT") == 1
        assert "DRAFT \u2013 subject to approval" in page
        assert not re.search(r"^\s*(DR|AF|T)\s*$", page, re.MULTILINE)
    assert "DRAFT" not in pdftotext(files["approved"])


def test_confidential_marked_on_every_page(files):
    for page in pdf_pages(files["confidential"]):
        assert "CONFIDENTIAL \u2013 not for publication" in page
    assert "CONFIDENTIAL" not in pdftotext(files["public"])


def test_exempt_text_absent_from_public_version_and_its_action_log(files):
    public = pdftotext(files["public"], layout=False)
    assert "This item was considered in private: exempt under paragraph 3 of Part 1" in squash(
        public
    )
    reader_text = "".join(page.extract_text() for page in pypdf.PdfReader(files["public"]).pages)
    for secret in SECRETS:
        assert secret not in public
        assert secret not in reader_text
    confidential = pdftotext(files["confidential"])
    for secret in SECRETS:
        assert secret in confidential


def test_a4_metadata_and_one_bookmark_per_item(files):
    reader = pypdf.PdfReader(files["public"])
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            A4, abs=0.5
        )
    meta = reader.metadata
    assert meta.title == "Overview and Scrutiny Committee minutes, Tuesday 21 May 2024"
    assert meta.author == "Royal Borough of Kingsmere"
    assert "21 May 2024" in meta.subject
    titles = [entry.title for entry in reader.outline]
    assert titles == [
        "12. Apologies for absence",
        "13. Minutes",
        "14. Performance update",
        "15. Exclusion of the press and public",
        "16. Leisure contract",
        "Action log",
    ]
    entry = reader.outline[-1]
    assert not isinstance(entry, list)  # a top-level bookmark, not a nested list
    last = reader.get_destination_page_number(entry)
    assert last == len(reader.pages) - 1  # the appendix starts a page of its own


def test_fonts_are_embedded_liberation_with_dejavu_fallback(files):
    pdffonts = need("pdffonts")
    for name, wanted in (("public", {"LiberationSans", "LiberationSans-Bold"}),
                         ("hostile", {"LiberationSans", "DejaVuSans"})):  # fmt: skip
        out = subprocess.run(
            [pdffonts, str(files[name])], capture_output=True, text=True, check=True
        )
        rows = [line.split() for line in out.stdout.splitlines()[2:] if line.strip()]
        fonts = {row[0].split("+")[-1] for row in rows}
        assert wanted <= fonts
        assert all("yes" == row[-5] for row in rows), out.stdout  # the "emb" column


def test_hostile_text_comes_back_where_the_fonts_can_draw_it(files):
    text = squash(pdftotext(files["hostile"], layout=False))
    for expected in (
        "Controlcharsandescapes gone",
        "Typed <b>tags</b> and &amp; and 5 < 6 & 7 > 3 print as typed",
        "Łódź, Wójcik, Żółć, Kraków; Irish: Siobhán Ó Briain, Seán Ní Bhriain",
        "Greek: Αθήνα and Cyrillic: Київ",
        "→ ≤ ∑ ✓ ☺",
        "Licensing <Sub> & Committee",
        "Objections <script>alert(1)</script> & more",
        "THE-END-OF-THE-LONG-POINT",
        "after-the-long-word",
        "a sub-point under an empty point",
    ):
        # pdftotext joins a line ending in a hyphen to the next without it ("LONG-" "POINT").
        assert expected in text or expected.replace("-", "") in text.replace("-", ""), expected
    arabic = "مرحبا بالعالم"
    assert all(word in text or word[::-1] in text for word in arabic.split())
    assert "word3456" in text and "word6999" in text  # the 60,000-character point, all of it


def test_fifty_thousand_characters_flow_over_pages(files):
    assert len(pypdf.PdfReader(files["hostile"]).pages) >= 8


@pytest.mark.parametrize(
    ("style", "labels"),
    [
        (LabelStyle.PAREN, ["(a)", "(b)", "(i)", "(ii)", "(c)"]),
        (LabelStyle.NUMBER, ["1)", "2)", "i)", "ii)", "3)"]),
        (LabelStyle.DECIMAL, ["14.1", "14.2", "14.2.1", "14.2.2", "14.3"]),
    ],
)
def test_other_label_styles(tmp_path, style, labels):
    path = export_meeting(sample_meeting(label_style=style), tmp_path / "m.pdf")
    lines = [line.strip() for line in pdftotext(path).splitlines()]
    found = [line.split()[0] for line in lines if line and line.split()[0] in labels]
    assert found == labels


def test_labels_beyond_z(tmp_path):
    path = export_meeting(many_points_meeting(30), tmp_path / "many.pdf")
    text = flowing(pdftotext(path))
    find_in_order(text, ["y. Point number 25", "z. Point number 26", "aa. Point number 27",
                         "ad. Point number 30", "i. a sub-point of the last point"])  # fmt: skip


def test_cleaned_intro_text_survives(files):
    assert squash(clean_text("Intro with \x0b vertical tab")) in squash(pdftotext(files["hostile"]))
    # Characters no shipped font has print as a visible mark (a tagged PDF may not show the
    # empty ".notdef" box); cleaning itself (the lone surrogate) leaves none behind.
    text = squash(pdftotext(files["hostile"], layout=False))
    assert "neither font has: \ufffd\ufffd \ufffd" in text
    assert "CJK \ufffd\ufffd and a lone surrogate and a noncharacter here" in text
    assert len(HOSTILE_TEXTS) == 7


def test_long_minute_number_widens_the_title_not_the_points(files):
    boxes = word_boxes(files["hostile"])

    def x_of(word: str) -> float:
        return next(x for _, x, _, w in boxes if w == word)

    title = x_of("Objections")
    assert x_of("OSC") == pytest.approx(MARGIN, abs=0.5)
    assert title > MARGIN + STEP  # widened for "OSC 12/24"
    assert x_of("Intro") == pytest.approx(title, abs=0.5)  # the body lines up with the title
    assert x_of("a.") == pytest.approx(title, abs=0.5)
    assert x_of("Controlcharsandescapes") == pytest.approx(title + STEP, abs=0.5)  # usual step


def test_points_hang_from_their_labels(files):
    boxes = word_boxes(files["public"])
    first = next(
        i for i, box in enumerate(boxes) if box[3] == "further" and boxes[i - 1][3] == "requested"
    )
    line_y = boxes[first][2]
    label = next(b for b in boxes if b[3] == "c." and abs(b[2] - line_y) < 1)
    text_x = next(
        b[1] for b in boxes if b[3] == "The" and abs(b[2] - line_y) < 1 and b[1] > label[1]
    )
    wrapped = [b for b in boxes[first:] if b[2] > line_y + 1]
    assert wrapped[0][1] == pytest.approx(text_x, abs=0.5)  # wrapped line starts under the text
    assert text_x - label[1] == pytest.approx(STEP, abs=0.5)
    assert label[1] == pytest.approx(MARGIN + STEP, abs=0.5)
    sub = next(b for b in boxes if b[3] == "ii.")
    assert sub[1] == pytest.approx(text_x, abs=0.5)  # sub-point labels under the point's text


def test_every_field_giant_still_exports(tmp_path):
    path = export_meeting(giant_meeting(), tmp_path / "giant.pdf", action_log=True)
    assert path.stat().st_size > 10_000


def test_more_letters_than_one_font_subset_holds(tmp_path):
    # Hundreds of distinct letters in one document: every one printed as typed, none as a box.
    from clerk_app.core.model import AgendaItem, Meeting, Point
    from clerk_app.export.coverage import covered
    from clerk_app.export.pdf import FONTS

    have = covered(FONTS)
    ranges = [*range(0x100, 0x250), *range(0x391, 0x3CE), *range(0x400, 0x4FF)]
    letters = [chr(c) for c in ranges if c in have and chr(c).isalpha()]
    assert len(letters) > 300
    lines = ["".join(letters[i : i + 40]) for i in range(0, len(letters), 40)]
    meeting = Meeting(
        committee="Alphabet",
        date=sample_meeting().date,
        items=[AgendaItem(title="Letters", points=[Point(line) for line in lines * 2])],
    )
    text = pdftotext(export_meeting(meeting, tmp_path / "letters.pdf"), layout=False)
    text = text.replace("\u200b", "")  # the invisible break opportunity in very long words
    for line in lines:
        assert text.count(line) == 2, line


def test_a_missing_or_broken_template_is_a_clear_message_and_leaves_nothing(tmp_path, monkeypatch):
    from clerk_app.export import pdf
    from clerk_app.export.files import ExportError

    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(pdf, "TEMPLATE", tmp_path / "gone.typ")
    with pytest.raises(ExportError, match=r"Cannot make m\.pdf: gone\.typ is missing.*reinstall"):
        export_meeting(sample_meeting(), folder / "m.pdf")
    broken = tmp_path / "broken.typ"
    broken.write_text("#let x = (\n", encoding="utf-8")
    monkeypatch.setattr(pdf, "TEMPLATE", broken)
    with pytest.raises(ExportError, match=r"Cannot lay out m\.pdf as PDF .*export to Word"):
        export_meeting(sample_meeting(), folder / "m.pdf")
    assert list(folder.iterdir()) == []


def test_a_half_million_character_point_exports_in_bounded_time(tmp_path):
    from clerk_app.core.model import AgendaItem, Meeting, Point

    words = " ".join(f"w{n}" for n in range(100_000))  # about 590,000 characters
    text = words[:500_000].rsplit(" ", 1)[0] + " LAST-WORD-OF-IT"
    meeting = Meeting(
        committee="Long",
        date=sample_meeting().date,
        items=[AgendaItem(title="A long point", points=[Point(text)])],
    )
    started = time.perf_counter()
    path = export_meeting(meeting, tmp_path / "long.pdf")
    seconds = time.perf_counter() - started
    assert seconds < 30, seconds  # about 2 s here; line breaking must not go quadratic
    assert "LAST-WORD-OF-IT" in pdftotext(path, layout=False)


def test_minutes_without_committee_or_titles_still_make_a_tagged_pdf(files):
    text = flowing(pdftotext(files["untitled"]))
    find_in_order(text, ["Minutes of the meeting held on Monday 2 June 2025", "3.",
                         "A point under a bare number.", "Untitled item",
                         "A point under nothing at all."])  # fmt: skip
