"""Benchmark: OCR throughput through slq-desk's pipeline vs the raw engine, same pages, same run.

The pages are scans made here (``tests/support/scanned.py``: typeset, rendered at 150 dpi,
turned 0.8°, noisy, embedded as image-only pages). Three figures, in this order:

* **raw**: RapidOCR called directly on each page already rendered to an image (the engine
  alone, no rendering, no PDF, no process);
* **pipeline**: the same PDF read by the importer's reader process (``ParseWorker``, no OCR
  cache): open, detect the image-only page, render, OCR, map boxes to page space, build
  lines, classify, extract, mark OCR fields, send the report back;
* the ratio pipeline ÷ raw (aim, issue 13: ≤ 1.2×).

The two are measured alternately ``--repeat`` times and the best of each is kept, so a busy
machine (other processes taking the cores) disturbs both alike. Run:

    .venv/bin/python bench/ocr.py [--pages 6] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import pymupdf

    from slq_desk.extract import ocr
    from slq_desk.ingest.worker import ParseWorker
    from tests.support.scanned import scanned_contract

    if not ocr.available():
        print("rapidocr is not installed", file=sys.stderr)
        return 2
    pdf = scanned_contract(pages=args.pages, seed=11)
    warm = scanned_contract(pages=1, seed=12)

    # Raw engine: pre-rendered images, the engine's own call only.
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        images = [ocr.render(page)[0] for page in doc]
    with pymupdf.open(stream=warm, filetype="pdf") as doc:
        ocr.recognise(ocr.render(doc[0])[0])  # load the models and warm the engine
    raws: list[float] = []
    ourses: list[float] = []
    boxes = 0
    with ParseWorker() as worker:
        worker.analyse("warm.pdf", warm)  # the reader's engine loaded and warm too
        for _ in range(args.repeat):
            start = time.perf_counter()
            boxes = sum(len(ocr.recognise(image)) for image in images)
            raws.append(time.perf_counter() - start)
            start = time.perf_counter()
            report = worker.analyse("scan.pdf", pdf)  # no cache: every page is OCR'd
            ourses.append(time.perf_counter() - start)
    raw, ours = min(raws), min(ourses)
    assert report.ocr_pages == list(range(args.pages)), report.ocr_pages
    fields = sum(1 for f in report.extraction.fields.values() if f.source == "ocr")

    print(f"pages: {args.pages} scanned A4 at {ocr.OCR_ZOOM * 72:g} dpi, engine {ocr.engine_id()}")
    print(f"raw engine     : {raw:7.2f} s  {raw / args.pages:5.2f} s/page  ({boxes} text boxes)")
    print(f"slq-desk reader: {ours:7.2f} s  {ours / args.pages:5.2f} s/page  "
          f"(kind {report.kind}, {fields} OCR fields)")
    print(f"ratio pipeline/raw: {ours / raw:.2f}x  (aim <= 1.2x; best of {args.repeat} "
          f"alternating runs; all raw: {', '.join(f'{t:.1f}' for t in raws)} s, "
          f"all pipeline: {', '.join(f'{t:.1f}' for t in ourses)} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
