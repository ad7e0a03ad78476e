"""Benchmark: 查重 over a workspace of 10,000 applications, through the (kind, key) index.

Builds N applications with 3 invoices and a contract each (rows written directly, no PDFs), a
few dozen planted duplicates among them, indexes them, then times the workspace-wide
``find_duplicates`` (one self-join on the index), ``refresh_findings`` (writing the findings),
and, as the peer, the same self-join with the index dropped (what a scan costs).

    .venv/bin/python bench/dedup.py [--n 10000] [--planted 50]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

from slq_desk.checks import dedup
from slq_desk.models.schema import Application, Document, ExtractedField
from slq_desk.workspace import Workspace


def build(ws: Workspace, n: int, planted: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    apps, docs, fields = [], [], []
    numbers: list[str] = []
    doc_id = 0
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(n):
        app_id = f"app-{i:05d}"
        apps.append({"id": app_id, "policy_id": rng.choice(("wuhan-2026", "chengdu-2026")),
                     "applicant_name": f"申报单位{i}", "applicant_uscc": f"9142{i:014d}",
                     "status": "pending_check", "package_name": "", "package_sha256": "",
                     "claimed_at": start + timedelta(minutes=i), "created_at": start})
        for k in range(4):
            doc_id += 1
            kind = "contract" if k == 3 else "invoice"
            docs.append({"id": doc_id, "application_id": app_id, "sha256": f"{doc_id:064x}",
                         "kind": kind, "original_name": f"{kind}-{k}.pdf", "stored_path": "",
                         "created_at": start})
            if kind == "invoice":
                number = "".join(rng.choice("0123456789") for _ in range(20))
                if numbers and len(numbers) % (max(1, 3 * n // planted)) == 0:
                    number = rng.choice(numbers)  # a planted duplicate
                numbers.append(number)
                fields.append({"document_id": doc_id, "name": "invoice_number", "value": number})
            else:
                fields.append({"document_id": doc_id, "name": "contract_number",
                               "value": f"HT-{i:05d}"})
    with ws.session() as s:
        s.execute(insert(Application), apps)
        s.execute(insert(Document), docs)
        s.execute(insert(ExtractedField), fields)


def timed(label: str, fn: object) -> object:
    t0 = time.perf_counter()
    result = fn()  # type: ignore[operator]
    print(f"{label:<44} {time.perf_counter() - t0:8.3f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--planted", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp) / "ws")
        timed(f"build {args.n} applications", lambda: build(ws, args.n, args.planted))
        keys = timed("index every application (reindex)", lambda: dedup.reindex(ws))
        print(f"  {keys} keys")

        def find() -> int:
            with ws.session() as s:
                return len(dedup.find_duplicates(s))

        found = timed("find_duplicates, whole workspace (index)", find)
        print(f"  {found} duplicate pairs")
        timed("refresh_findings, whole workspace", lambda: dedup.refresh_findings(ws))

        def one() -> int:
            with ws.session() as s:
                return len(dedup.find_duplicates(s, ["app-05000"]))

        timed("find_duplicates for one application", one)
        with ws.session() as s:
            s.execute(text("DROP INDEX ix_dedup_key_kind_key"))
        timed("find_duplicates, whole workspace (no index)", find)
        ws.close()


if __name__ == "__main__":
    main()
