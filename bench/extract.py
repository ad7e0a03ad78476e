"""Benchmark: classification + field extraction over a ~500-page generated package.

Prints pages per second for our pipeline (PyMuPDF text trace → lines → classify → extract →
cross-checks), in-process and through the worker process the importer uses, and the same
pages' words extracted with pdfplumber in the same process, with the ratio between them.
Aim (issue 4): ≥ 300 pages/s and ≥ 10× pdfplumber. Run:

    .venv/bin/python bench/extract.py [--pages 500] [--repeat 3]

pdfplumber is only in the ``bench`` extra; nothing here runs in the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path


def _ours(files: list[Path]) -> tuple[float, float, int, list[object]]:
    from slq_desk.ingest.analyse import analyse_file

    start, cpu = time.perf_counter(), time.process_time()
    reports = [analyse_file(f.name, f.read_bytes()) for f in files]
    return (time.perf_counter() - start, time.process_time() - cpu,
            sum(r.pages for r in reports), reports)


def _ours_in_worker(files: list[Path]) -> tuple[float, float]:
    from slq_desk.ingest.worker import ParseWorker

    start = time.perf_counter()
    with ParseWorker() as worker:
        first = worker.analyse(files[0].name, files[0].read_bytes())
        started = time.perf_counter() - start
        for f in files[1:]:
            worker.analyse(f.name, f.read_bytes())
    assert first.readable
    return time.perf_counter() - start, started


def _plumber(files: list[Path]) -> tuple[float, float, int, int]:
    import pdfplumber

    start, cpu = time.perf_counter(), time.process_time()
    pages = words = 0
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                words += len(page.extract_words())
                pages += 1
    return time.perf_counter() - start, time.process_time() - cpu, pages, words


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from slq_desk.demo.generate import generate_packages

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        package_id = f"wuhan-large-{args.pages}"
        generate_packages(out, seed=1, large_pages=args.pages, only={package_id})
        folder = out / package_id
        files = sorted(p for p in folder.iterdir() if p.suffix == ".pdf")
        expected = json.loads((out / f"{package_id}.expected.json").read_text(encoding="utf-8"))

        best = min((_ours(files) for _ in range(args.repeat)), key=lambda r: r[1])
        elapsed, cpu, pages, reports = best
        kinds_ok = sum(1 for d, r in zip(sorted(expected["documents"], key=lambda d: d["file"]),
                                          reports, strict=False) if d["kind"] == r.kind)  # type: ignore[attr-defined]
        items = sum(r.extraction.item_count for r in reports)  # type: ignore[attr-defined]
        worker_elapsed, worker_start = _ours_in_worker(files)
        p_elapsed, p_cpu, p_pages, p_words = _plumber(files)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"package: {package_id}, {len(files)} PDFs, {pages} pages "
          f"({kinds_ok}/{len(files)} kinds right, {items} line/day items read); "
          f"load average {load:.1f} on {os.cpu_count()} CPUs")
    print(f"slq-desk in-process:   {elapsed:7.3f} s wall {pages / elapsed:7.1f} pages/s | "
          f"{cpu:7.3f} s CPU {pages / cpu:7.1f} pages/CPU-s  (best of {args.repeat})")
    print(f"slq-desk via worker:   {worker_elapsed:7.3f} s wall {pages / worker_elapsed:7.1f} pages/s "
          f"(incl. {worker_start:.2f} s process start + first file)")
    print(f"pdfplumber words only: {p_elapsed:7.3f} s wall {p_pages / p_elapsed:7.1f} pages/s | "
          f"{p_cpu:7.3f} s CPU {p_pages / p_cpu:7.1f} pages/CPU-s  ({p_words} words)")
    ratio_wall = (pages / elapsed) / (p_pages / p_elapsed)
    ratio_cpu = (pages / cpu) / (p_pages / p_cpu)
    print(f"ratio slq-desk / pdfplumber: {ratio_wall:.1f}x wall, {ratio_cpu:.1f}x CPU")
    ok = pages / cpu >= 300 and ratio_cpu >= 10
    print("aim (>= 300 pages/s, >= 10x pdfplumber):", "met" if ok else "NOT met",
          "(CPU time; wall time is only meaningful on an idle machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
