"""The PDF is accessible and archival: veraPDF's PDF/UA-1 and PDF/A-2a checks, the structure
tree (headings, lists, tables) in the minutes' order, language, title and artifacts."""

from __future__ import annotations

import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pikepdf
import pytest

from clerk_app.core.blocks import ActionTable, DecisionBlock, Heading, LabelledParagraph, Stub
from clerk_app.core.document import compose
from tests.export.minutes_factory import sample_meeting
from tests.export.readers import children, need, structure

REPO = Path(__file__).resolve().parents[2]
VERAPDF = Path("shared", "tools", "verapdf", "verapdf.sh")


def verapdf_script() -> Path:
    """``<repo>/../shared/tools/verapdf/verapdf.sh`` (a worktree may sit one folder deeper)."""
    for folder in (REPO.parent, REPO.parent.parent):
        if (folder / VERAPDF).is_file():
            return folder / VERAPDF
    pytest.fail(f"veraPDF's script is not at {REPO.parent / VERAPDF}: clone shared/ beside Clerk")


def validate(flavour: str, pdf: Path) -> tuple[str, int, str]:
    done = subprocess.run(
        ["bash", str(verapdf_script()), flavour, str(pdf)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return f"{flavour} {pdf.name}", done.returncode, done.stdout + done.stderr[-2000:]


def test_every_pdf_passes_verapdf_ua1_and_approved_minutes_pdfa_2a(pdf_files):
    # PDF/A-2a for what is approved (the record) and the hostile text, which is approved too.
    runs = [("ua1", path) for path in pdf_files.values()]
    runs += [("2a", pdf_files["approved"]), ("2a", pdf_files["hostile"])]
    # One Java start per file is most of the cost; two at a time halves the wait.
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda run: validate(*run), runs))
    for name, code, report in results:
        assert code != 2, f"veraPDF could not run on {name}:\n{report}"
        assert code == 0 and report.startswith("PASS"), f"{name}:\n{report}"


def test_tagged_in_british_english_with_the_title_shown(pdf_files):
    out = subprocess.run(
        [need("pdfinfo"), str(pdf_files["public"])], capture_output=True, text=True, check=True
    ).stdout
    assert "Tagged:          yes" in out
    for path in pdf_files.values():
        with pikepdf.open(path) as pdf:
            assert str(pdf.Root.Lang) == "en-GB"
            assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
            assert bool(pdf.Root.MarkInfo.Marked)


def _expected_roles(document) -> list[str]:
    """H2 / L / Table in the order the composed minutes have them."""
    out: list[str] = []
    previous_list = None
    for block in document.blocks:
        if isinstance(block, Heading | Stub):
            out.append("H2")
        elif isinstance(block, LabelledParagraph):
            if block.list_id != previous_list:
                out.append("L")
            previous_list = block.list_id
            continue
        elif isinstance(block, DecisionBlock) and block.resolutions:
            out.append("L")
        elif isinstance(block, ActionTable) and block.rows:
            out.append("Table")
        previous_list = None
    return out


def test_structure_tree_has_headings_lists_and_tables_in_minutes_order(pdf_files):
    tree = structure(pdf_files["public"])
    document = compose(sample_meeting(), action_log=True)
    assert tree[0] == (0, "Document")
    top = [tree[i][1] for i in children(tree, 0)]
    assert top.count("H1") == 1 and top.index("H1") < top.index("H2")
    assert [role for role in top if role in ("H2", "L", "Table")] == _expected_roles(document)

    # Every point is a list item: its label (Lbl) and its text (LBody); sub-points are a list
    # nested in their point's list, right after the point.
    lists = [i for i in children(tree, 0) if tree[i][1] == "L"]
    points = [b for b in document.blocks if isinstance(b, LabelledParagraph)]
    decisions = [b for b in document.blocks if isinstance(b, DecisionBlock)]
    resolutions = [r for b in decisions for r in b.resolutions]
    items, nested = 0, 0
    for index in lists:
        kids = children(tree, index)
        for position, kid in enumerate(kids):
            role = tree[kid][1]
            if role == "LI":
                assert [tree[k][1] for k in children(tree, kid)] == ["Lbl", "LBody"]
                items += 1
            else:
                assert role == "L" and position > 0 and tree[kids[position - 1]][1] == "LI"
                for sub in children(tree, kid):
                    assert tree[sub][1] == "LI"
                    assert [tree[k][1] for k in children(tree, sub)] == ["Lbl", "LBody"]
                    nested += 1
    assert nested == sum(1 for p in points if p.level == 1) == 2
    assert items == sum(1 for p in points if p.level == 0) + len(resolutions)

    # The action log: a table whose first row is header cells, one body row per action.
    table = next(i for i in children(tree, 0) if tree[i][1] == "Table")
    head, body = children(tree, table)
    assert (tree[head][1], tree[body][1]) == ("THead", "TBody")
    header_row = children(tree, head)
    assert [tree[c][1] for c in children(tree, header_row[0])] == ["TH"] * 6
    rows = next(b for b in document.blocks if isinstance(b, ActionTable)).rows
    assert len(children(tree, body)) == len(rows) > 0


def test_confidential_version_says_so_in_its_properties_and_on_every_page(pdf_files):
    with pikepdf.open(pdf_files["confidential"]) as pdf:
        info = pdf.docinfo
        assert str(info.Title).startswith("CONFIDENTIAL \u2013 ")
        assert str(info.Subject).startswith("CONFIDENTIAL: ")
        watermarks = [_watermark_shapes(page) for page in pdf.pages]
    assert len(watermarks) > 1 and all(watermarks)
    with pikepdf.open(pdf_files["public"]) as pdf:
        assert "CONFIDENTIAL" not in str(pdf.docinfo.Title) + str(pdf.docinfo.Subject)
        assert all(_watermark_shapes(page) for page in pdf.pages)  # the DRAFT watermark
    with pikepdf.open(pdf_files["approved"]) as pdf:
        assert not any(_watermark_shapes(page) for page in pdf.pages)  # no watermark at all
    with pikepdf.open(pdf_files["actions"]) as pdf:
        assert str(pdf.docinfo.Title).startswith("CONFIDENTIAL")
        assert all(_watermark_shapes(page) for page in pdf.pages)


def _watermark_shapes(page: pikepdf.Page) -> int:
    """Filled shapes drawn as the page's background artifact (the watermark); 0 if none.

    Text shown there would count against it: the watermark must be shapes, never text.
    """
    shapes, depth, inside = 0, 0, 0
    for instruction in pikepdf.parse_content_stream(page):
        operands, op = instruction.operands, str(instruction.operator)
        if op in ("BDC", "BMC"):
            depth += 1
            props = operands[1] if op == "BDC" and len(operands) > 1 else None
            background = (
                isinstance(props, pikepdf.Dictionary) and props.get("/Type") == "/Background"
            )
            if not inside and str(operands[0]) == "/Artifact" and background:
                inside = depth
        elif op == "EMC":
            if depth == inside:
                inside = 0
            depth -= 1
        elif inside and op in ("f", "f*", "F"):
            shapes += 1
        elif inside and op in ("Tj", "TJ", "'", '"'):
            return 0
    return shapes
