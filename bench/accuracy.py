"""Accuracy on a corpus written by a second author: classification, key fields, subsidies.

The corpus (``tests/corpus/build.py OUT``, truth in ``OUT/truth.json``, see tests/corpus/TRUTH.md)
was written without reading the demo generator or the extractors, so agreement here means the
extractors read documents in styles they were not built against. Prints:

* classification accuracy (all documents, and per true kind);
* per-field accuracy per kind and overall, and separately for fields on scanned pages (OCR);
* subsidies right: each package imported with the project's importer into a fresh workspace,
  checked, and its subsidy compared with the truth's ``expected_subsidy``; blocking findings
  per package listed (the receipt date is a registry fact, not a document: it is set from the
  truth, as the office's register would; nothing else is corrected);
* the real public e-invoices of ``real_einvoices.json`` when their files are present
  (``SLQ_DESK_REAL_SAMPLES`` or /work/samples/einvoice), else says they were skipped.

Run (it builds the corpus into a temporary folder unless given one):

    PYTHONPATH=. .venv/bin/python bench/accuracy.py [--corpus OUT] [--build tests/corpus/build.py]
                                                     [--no-subsidies] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

# The truth's names for fields the extractors call otherwise: (kind, truth name) → ours.
ALIASES: dict[tuple[str, str], str] = {}


def _norm(value: str | None) -> str | None:
    if value is None:
        return None
    return unicodedata.normalize("NFKC", str(value)).strip()


def _read(out: Path, doc: dict[str, Any]) -> tuple[str, bytes]:
    path = out / doc["path"]
    member = doc.get("member")
    if not member:
        return path.name, path.read_bytes()
    encoding = doc.get("member_name_encoding")
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            name = info.filename
            if encoding and not info.flag_bits & 0x800:
                name = name.encode("cp437").decode(encoding, errors="replace")
            if name == member or name.endswith("/" + member) or member.endswith(name):
                return PurePosix(name), archive.read(info)
    raise FileNotFoundError(f"{member} in {path}")


def PurePosix(name: str) -> str:  # noqa: N802 - a tiny helper, named like the class it mimics
    return name.rsplit("/", 1)[-1]


class Tally:
    def __init__(self) -> None:
        self.right: dict[str, int] = defaultdict(int)
        self.total: dict[str, int] = defaultdict(int)
        self.misses: list[str] = []

    def add(self, key: str, ok: bool, miss: str = "") -> None:
        self.total[key] += 1
        self.right[key] += int(ok)
        if not ok and miss:
            self.misses.append(miss)

    def pct(self, key: str) -> str:
        total = self.total.get(key, 0)
        return f"{self.right.get(key, 0)}/{total} ({100 * self.right.get(key, 0) / total:.1f}%)" \
            if total else "—"


def documents(out: Path, truth: dict[str, Any], verbose: bool) -> None:
    from slq_desk.ingest.analyse import analyse_file

    kinds, fields, scanned, pdf_only = Tally(), Tally(), Tally(), Tally()
    for doc in truth["documents"]:
        name, data = _read(out, doc)
        report = analyse_file(name, data)
        kind = doc["kind"]
        kinds.add("all", report.kind == kind, f"{doc['path']} {doc.get('member', '')}: "
                  f"{kind} read as {report.kind} ({report.kind_reason})")
        kinds.add(kind, report.kind == kind)
        got = {k: v.value for k, v in report.extraction.fields.items()}
        on_scan = set(doc.get("scanned_fields") or [])
        for field, expected in (doc.get("fields") or {}).items():
            value = got.get(ALIASES.get((kind, field), field))
            ok = report.kind == kind and _norm(value) == _norm(expected)
            where = f"{doc['path']} {kind}.{field}: expected {expected!r}, got {value!r}"
            fields.add("all", ok, where)
            fields.add(kind, ok)
            fields.add(f"{kind}.{field}", ok)
            if field in on_scan:
                scanned.add("all", ok, where)
            if doc.get("format", "pdf") == "pdf":
                pdf_only.add("all", ok)
    print(f"classification: {kinds.pct('all')}")
    for kind in sorted(k for k in kinds.total if k != "all"):
        print(f"  {kind:<24} {kinds.pct(kind)}")
    print(f"key fields: {fields.pct('all')}   (of which on scanned pages: {scanned.pct('all')}; "
          f"in PDF files, OFD/XML left aside: {pdf_only.pct('all')})")
    for kind in sorted({k.split('.')[0] for k in fields.total if k != "all"}):
        print(f"  {kind:<24} {fields.pct(kind)}")
        if verbose:
            for key in sorted(k for k in fields.total if k.startswith(kind + ".")):
                print(f"      {key.split('.', 1)[1]:<22} {fields.pct(key)}")
    if verbose:
        print("misclassified:")
        for miss in kinds.misses:
            print("  " + miss)
        print("fields missed:")
        for miss in fields.misses:
            print("  " + miss)


def subsidies(out: Path, truth: dict[str, Any], verbose: bool) -> None:
    from slq_desk.checks import run_checks
    from slq_desk.ingest.importer import import_package
    from slq_desk.models.schema import Application
    from slq_desk.workspace import Workspace

    right, blocking_total = 0, 0
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp) / "ws")
        try:
            for pkg in truth["packages"]:
                try:
                    result = import_package(ws, out / pkg["path"], policy=pkg["policy"])
                except Exception as err:  # a crash is a result here, not the end of the bench
                    rows.append((pkg["id"], "CRASH", pkg["expected_subsidy"], [repr(err)]))
                    continue
                claimed = datetime.fromisoformat(pkg["application"]["claimed_at"])
                with ws.session() as s:
                    app = s.get(Application, result.application_id)
                    if app is not None and app.claimed_at is None:
                        app.claimed_at = claimed
                report = run_checks(ws, result.application_id)
                got = None if report.subsidy is None else f"{report.subsidy:.2f}"
                expected = f"{Decimal(pkg['expected_subsidy']):.2f}"
                blocks = [f.code for f in report.findings if f.severity == "block"]
                blocking_total += len(blocks)
                right += int(got == expected)
                warns = [f.code for f in report.findings if f.severity == "warn"]
                rows.append((pkg["id"], got, expected, blocks + ([f"warn:{w}" for w in warns]
                                                                 if verbose else [])))
        finally:
            ws.close()
    print(f"subsidies right: {right}/{len(truth['packages'])}; blocking findings: {blocking_total}")
    for pid, got, expected, codes in rows:
        mark = "ok " if got == expected else "BAD"
        print(f"  {mark} {pid:<28} got {got} expected {expected}  {' '.join(codes)}")


def real_invoices(truth_file: Path, verbose: bool) -> None:
    from slq_desk.ingest.analyse import analyse_file

    spec = json.loads(truth_file.read_text(encoding="utf-8"))
    folder = Path(os.environ.get(spec.get("samples_dir_env", ""), "") or spec["default_dir"])
    present = [inv for inv in spec["invoices"] if (folder / inv["file"]).is_file()]
    if not present:
        print(f"real e-invoices: skipped (no sample files in {folder})")
        return
    tally = Tally()
    for inv in present:
        report = analyse_file(inv["file"], (folder / inv["file"]).read_bytes())
        got = {k: v.value for k, v in report.extraction.fields.items()}
        for field, expected in inv["fields"].items():
            tally.add("all", _norm(got.get(field)) == _norm(expected),
                      f"{inv['file']} {field}: expected {expected!r}, got {got.get(field)!r}")
            tally.add(inv.get("layout", "?"), _norm(got.get(field)) == _norm(expected))
    print(f"real e-invoices ({len(present)} files): {tally.pct('all')}  "
          + "  ".join(f"{k}: {tally.pct(k)}" for k in sorted(tally.total) if k != "all"))
    if verbose:
        for miss in tally.misses:
            print("  " + miss)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, help="a built corpus folder (with truth.json)")
    ap.add_argument("--build", type=Path, default=ROOT / "tests" / "corpus" / "build.py",
                    help="the corpus builder to run when --corpus is not given")
    ap.add_argument("--real", type=Path, help="real_einvoices.json (default: beside the builder)")
    ap.add_argument("--no-subsidies", action="store_true")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.corpus
        if out is None:
            out = Path(tmp) / "corpus"
            env = {**os.environ, "PYTHONPATH": str(args.build.resolve().parents[2])}
            subprocess.run([sys.executable, str(args.build), str(out)], check=True, env=env)
        truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
        documents(out, truth, args.verbose)
        if not args.no_subsidies:
            subsidies(out, truth, args.verbose)
        real = args.real or args.build.parent / "real_einvoices.json"
        if real.is_file():
            real_invoices(real, args.verbose)
        else:
            print(f"real e-invoices: skipped ({real} not found)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
