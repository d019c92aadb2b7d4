"""The action log as a Word table: fixed column widths, header row repeated on each page.

Built in lxml like the paragraphs (python-docx's add_row copies and re-validates the whole
row each time), and with a real ``w:tblGrid`` because LibreOffice sizes columns from the grid
and ignores cell widths.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from clerk_app.core.blocks import ACTION_COLUMN_SHARES, ACTION_COLUMNS, ActionTable
from clerk_app.export.docx_xml import add_run, paragraph_element, w


def _set(element: Any, **attrs: str) -> Any:
    for name, value in attrs.items():
        element.set(w(name), value)
    return element


def _row(table: Any, values: tuple[str, ...], widths: list[int], style_id: str, head: bool) -> None:
    tr = etree.SubElement(table, w("tr"))
    if head:
        trpr = etree.SubElement(tr, w("trPr"))
        etree.SubElement(trpr, w("tblHeader"))
    for value, width in zip(values, widths, strict=True):
        tc = etree.SubElement(tr, w("tc"))
        tcpr = etree.SubElement(tc, w("tcPr"))
        _set(etree.SubElement(tcpr, w("tcW")), w=str(width), type="dxa")
        p = paragraph_element(style_id)
        if value:
            add_run(p, value, bold=head)
        tc.append(p)


def action_table(block: ActionTable, *, width: int, table_style: str, text_style: str) -> Any:
    """A ``w:tbl`` element ``width`` twips wide, ready to append to the body."""
    rows = [(r.ref, r.item, r.summary, r.owners, r.due, r.status) for r in block.rows]
    return grid_table(
        ACTION_COLUMNS,
        ACTION_COLUMN_SHARES,
        rows,
        width=width,
        table_style=table_style,
        text_style=text_style,
    )


def grid_table(
    columns: tuple[str, ...],
    shares: tuple[float, ...],
    rows: Sequence[tuple[str, ...]],
    *,
    width: int,
    table_style: str,
    text_style: str,
) -> Any:
    """A ``w:tbl`` with a header row (repeated on each page) of ``columns``."""
    widths = [int(width * share) for share in shares]
    table = etree.Element(w("tbl"))
    tblpr = etree.SubElement(table, w("tblPr"))
    _set(etree.SubElement(tblpr, w("tblStyle")), val=table_style)
    _set(etree.SubElement(tblpr, w("tblW")), w=str(sum(widths)), type="dxa")
    _set(etree.SubElement(tblpr, w("tblLayout")), type="fixed")
    grid = etree.SubElement(table, w("tblGrid"))
    for column in widths:
        _set(etree.SubElement(grid, w("gridCol")), w=str(column))
    _row(table, columns, widths, text_style, head=True)
    for values in rows:
        _row(table, values, widths, text_style, head=False)
    return table
