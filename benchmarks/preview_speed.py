"""How long the live print preview takes to catch up with an edit in a 400-point meeting.

    .venv/bin/python benchmarks/preview_speed.py [--edits 20] [--items 40] [--points 10]

An update is what the preview does once typing pauses: compose the meeting (GUI thread),
then on the worker have Typst lay it out as SVG pages and rasterise the pages whose SVG
changed (``ui/capture/preview.lay_out``).  Each edit appends words to a point somewhere in
the meeting, as typing does; the figure is from the edit to the new page images.  The first
layout (every page rasterised, when the pane opens) is reported separately.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from capture_data import big_meeting  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage  # noqa: E402

from clerk_app.services.previewing import preview_document, preview_pages  # noqa: E402
from clerk_app.ui.capture.preview import lay_out  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--points", type=int, default=10, help="points per item")
    args = parser.parse_args()
    app = QGuiApplication(sys.argv[:1])
    meeting = big_meeting(args.items, args.points)
    points = [p for _i, p, _parent in meeting.all_points()]

    start = time.perf_counter()
    laid = lay_out(preview_document(meeting), {})
    first = (time.perf_counter() - start) * 1000
    known: dict[bytes, QImage] = dict(zip(laid.pages, laid.images, strict=True))

    composing: list[float] = []
    typst_ms: list[float] = []
    totals: list[float] = []
    redrawn: list[int] = []
    step = max(1, len(points) // args.edits)
    for n in range(args.edits):
        point = points[(n * step + step // 2) % len(points)]
        point.text += " and asked for a further report"
        start = time.perf_counter()
        document = preview_document(meeting)
        composed = time.perf_counter()
        laid = lay_out(document, known)
        totals.append((time.perf_counter() - start) * 1000)
        composing.append((composed - start) * 1000)
        redrawn.append(sum(1 for svg in laid.pages if svg not in known))
        again = time.perf_counter()
        preview_pages(document)  # the same layout again: Typst's share, without rasterising
        typst_ms.append((time.perf_counter() - again) * 1000)
        known = dict(zip(laid.pages, laid.images, strict=True))

    print(f"meeting: {len(points)} points, {len(laid.pages)} pages")
    print(f"first layout (all pages rasterised):      {first:7.1f} ms")
    print(
        f"update after an edit: p50 {statistics.median(totals):6.1f} ms   "
        f"max {max(totals):6.1f} ms   (target < 300 ms)"
    )
    print(f"  of which compose on the GUI thread: p50 {statistics.median(composing):5.1f} ms")
    print(f"  Typst laying out the pages (again):  p50 {statistics.median(typst_ms):5.1f} ms")
    print(f"  pages rasterised again per edit:    p50 {statistics.median(redrawn):4.0f}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
