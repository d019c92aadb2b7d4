"""How long the live print preview takes to catch up with an edit in a 400-point meeting.

    .venv/bin/python benchmarks/preview_speed.py [--edits 20] [--items 40] [--points 10]

An update is what the preview does once typing pauses: compose the meeting (GUI thread),
then on the worker have Typst lay it out as SVG pages (``ui/capture/preview.lay_out``), then
on the GUI thread rasterise the pages in view whose SVG changed (``preview.rasterised``), at
the size the pane shows them.  Each edit
appends words to a point somewhere in the meeting, as typing does, and the pane (``--pane``
pixels, the dock's default width) is scrolled to the edited page: the figure is from the edit
to that page, and those around it in view, drawn anew.  Pages out of view that changed are
drawn afterwards, a page per turn of the event loop (timed as "the rest").  The first layout,
when the pane opens at the first page, is reported separately (its pages in view, then the
rest).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from capture_data import big_meeting  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage  # noqa: E402

from clerk_app.services.previewing import preview_document, preview_pages  # noqa: E402
from clerk_app.ui.capture.preview import fill_in, lay_out, rasterised  # noqa: E402
from clerk_app.ui.capture.preview_pages import A4_RATIO, GAP, InView  # noqa: E402


def scrolled_to_edit(
    known: dict[bytes, QImage], width: int, height: int
) -> Callable[[list[bytes]], set[int]]:
    """The pane scrolled so the first page that changed (the edited one) is at its top."""

    def wanted(pages: list[bytes]) -> set[int]:
        edited = next((n for n, svg in enumerate(pages) if svg not in known), 0)
        page_width = width - 2 * GAP
        top = GAP + edited * (round(page_width * A4_RATIO) + GAP)
        return InView(top, top + height, page_width, A4_RATIO).pages(len(pages))

    return wanted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--points", type=int, default=10, help="points per item")
    parser.add_argument("--pane", default="320x900", help="the pane's size, WIDTHxHEIGHT")
    args = parser.parse_args()
    app = QGuiApplication(sys.argv[:1])
    meeting = big_meeting(args.items, args.points)
    points = [p for _i, p, _parent in meeting.all_points()]
    pane_width, pane_height = (int(n) for n in args.pane.split("x"))
    raster = pane_width - 2 * GAP  # the pane's page width, at a device pixel ratio of 1

    start = time.perf_counter()
    top = InView(0, pane_height, raster, A4_RATIO)  # the pane opens at the first page
    laid = lay_out(preview_document(meeting))
    laid = rasterised(laid, {}, top.pages(len(laid.pages)), raster)
    first = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    known: dict[bytes, QImage] = dict(zip(laid.pages, fill_in(laid), strict=True))
    first_rest = (time.perf_counter() - start) * 1000

    composing: list[float] = []
    typst_ms: list[float] = []
    totals: list[float] = []
    redrawn: list[int] = []
    rest: list[float] = []
    step = max(1, len(points) // args.edits)
    for n in range(args.edits):
        point = points[(n * step + step // 2) % len(points)]
        point.text += " and asked for a further report"
        start = time.perf_counter()
        document = preview_document(meeting)
        composed = time.perf_counter()
        laid = lay_out(document)  # on the worker
        wanted = scrolled_to_edit(known, pane_width, pane_height)
        laid = rasterised(laid, known, wanted(laid.pages), raster)  # back on the GUI thread
        totals.append((time.perf_counter() - start) * 1000)
        composing.append((composed - start) * 1000)
        redrawn.append(
            sum(1 for s, im in zip(laid.pages, laid.images, strict=True) if s not in known and im)
        )
        filling = time.perf_counter()
        images = fill_in(laid)
        rest.append((time.perf_counter() - filling) * 1000)
        again = time.perf_counter()
        preview_pages(document)  # the same layout again: Typst's share, without rasterising
        typst_ms.append((time.perf_counter() - again) * 1000)
        known = dict(zip(laid.pages, images, strict=True))

    print(f"meeting: {len(points)} points, {len(laid.pages)} pages; pane {args.pane}")
    print(f"first layout (Typst cold), pages in view: {first:7.1f} ms")
    print(f"  then the other pages (a page a turn):    {first_rest:7.1f} ms")
    print(
        f"update after an edit: p50 {statistics.median(totals):6.1f} ms   "
        f"max {max(totals):6.1f} ms   (target < 300 ms)"
    )
    print(f"  of which compose on the GUI thread: p50 {statistics.median(composing):5.1f} ms")
    print(f"  Typst laying out the pages (again):  p50 {statistics.median(typst_ms):5.1f} ms")
    print(f"  pages in view rasterised per edit:  p50 {statistics.median(redrawn):4.0f}")
    print(f"then the rest, out of view (a page a turn): p50 {statistics.median(rest):6.1f} ms")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
