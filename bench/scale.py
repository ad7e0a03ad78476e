"""Scale benchmark: a province's worth of applications (issue 18, item 4).

Generates N applications (default 10,000) as database rows — documents, extracted fields and
findings, no PDFs — in a SQLite workspace and, when the PostgreSQL server binaries are here
(``tests/support/postgres.py``), in a throw-away shared PostgreSQL workspace, then measures what
a reviewer and a chair do at that size, each beside its peer: the same data read with raw SQL
(``sqlite3`` / ``psycopg``) in the same run.

- queue shown: ``Desk.applications()`` and the list model filled (Qt offscreen);
- queue search and status filter (``ApplicationFilter``), p95 over many needles;
- opening an application: the desk calls the window makes (``documents``, ``checklist``,
  ``calculation``), p95 over random applications;
- 查重 over every invoice (``checks/dedup.refresh_findings``);
- panel aggregate + rank over 2,000 applications × 7 experts (``Desk.panel_rank`` then
  ``rank_and_allocate``);
- export of the 名单 (CSV and XLSX).

Aims: queue interactions < 50 ms p95, open < 150 ms p95, aggregate + rank < 1 s.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/scale.py [--n 10000] [--docs 12]
        [--panel 2000] [--experts 7] [--repeat 30] [--no-postgres]
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert  # noqa: E402

from slq_desk.desk.service import Desk  # noqa: E402
from slq_desk.models.panel import PanelOpinion  # noqa: E402
from slq_desk.models.schema import Application, Document, ExtractedField, Finding  # noqa: E402
from slq_desk.workspace import Workspace  # noqa: E402

POLICIES = ("wuhan-2026", "chengdu-2026", "hunan-2026", "dazhou-2026", "beijing-2026")
STATUSES = ("pending_check", "checking", "pending_review", "reviewed", "signed")
KINDS = ("invoice", "invoice", "invoice", "invoice", "contract", "bank_receipt", "usage_log",
         "application_form", "business_license", "commitment_letter", "report", "other")
CRITERIA = [{"key": f"c{i}", "name": f"指标{i}", "max_score": "20"} for i in range(1, 6)]
BATCH = 20_000


def build(ws: Workspace, n: int, docs_per_app: int, panel: int, experts: int,
          seed: int = 18) -> None:
    """N applications with ``docs_per_app`` documents each (4 fields per document, invoices
    with numbers a few of which repeat), 3 findings each, and ``experts`` imported opinions on
    the first ``panel`` applications."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    apps: list[dict[str, Any]] = []
    docs: list[dict[str, Any]] = []
    fields: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    numbers: list[str] = []
    doc_id = 0
    for i in range(n):
        app_id = f"app-{i:05d}"
        # The panel's applications are one policy's (a panel ranks one policy at a time).
        policy = "hunan-2026" if i < panel else POLICIES[i % len(POLICIES)]
        apps.append({"id": app_id, "policy_id": policy,
                     "applicant_name": f"湖南算力科技有限公司{i}", "applicant_uscc": f"9143{i:014d}",
                     "status": rng.choice(STATUSES), "package_name": f"pkg-{i}.zip",
                     "package_sha256": f"{i:064x}", "claimed_at": start + timedelta(minutes=i),
                     "created_at": start + timedelta(seconds=i),
                     "computed_subsidy": Decimal(rng.randrange(10_000, 5_000_000)) / 100})
        for k in range(docs_per_app):
            doc_id += 1
            kind = KINDS[k % len(KINDS)]
            docs.append({"id": doc_id, "application_id": app_id, "sha256": f"{doc_id:064x}",
                         "kind": kind, "original_name": f"{k:02d}-{kind}.pdf",
                         "stored_path": f"packages/{app_id}/{k:02d}.pdf", "pages": 3,
                         "created_at": start})
            if kind == "invoice":
                number = "".join(rng.choice("0123456789") for _ in range(20))
                if numbers and rng.random() < 0.002:
                    number = rng.choice(numbers)  # a duplicate claim
                numbers.append(number)
                named = {"invoice_number": number, "total": f"{rng.randrange(1000, 90000)}.00",
                         "payer_name": f"湖南算力科技有限公司{i}", "payee_name": "某云计算有限公司"}
            elif kind == "contract":
                named = {"contract_number": f"HT-{i:05d}", "total": "100000.00",
                         "signed_on": "2026-01-05", "term_end": "2026-12-31"}
            else:
                named = {f"field_{j}": f"{kind}-{i}-{j}" for j in range(4)}
            for name, value in named.items():
                fields.append({"document_id": doc_id, "name": name, "value": value, "page": 0,
                               "bbox": ["10", "10", "100", "20"]})
        for j, severity in enumerate(("block", "warn", "info")):
            findings.append({"application_id": app_id, "document_id": doc_id - j % docs_per_app,
                             "code": f"code_{severity}", "severity": severity,
                             "message_zh": f"问题{j}", "message_en": f"issue {j}",
                             "article": "第五条", "stage": "check", "created_at": start})
    opinions: list[dict[str, Any]] = []
    for i in range(min(panel, n)):
        for e in range(experts):
            scores = {c["key"]: str(rng.randrange(8, 21)) for c in CRITERIA}
            total = sum(int(v) for v in scores.values())
            opinions.append({"sha256": f"{i:032x}{e:032x}", "application_id": f"app-{i:05d}",
                             "reviewer": f"专家{e}", "rubric_id": "bench", "total": str(total),
                             "scores": scores, "recommendation": "推荐" if total > 50 else "不推荐",
                             "recommended_amount": Decimal(rng.randrange(100, 5000)) * 100,
                             "data": {"criteria": CRITERIA}, "warnings": [], "status": "active",
                             "imported_at": start})
    with ws.session() as s:
        for model, rows in ((Application, apps), (Document, docs), (ExtractedField, fields),
                            (Finding, findings), (PanelOpinion, opinions)):
            for at in range(0, len(rows), BATCH):
                s.execute(insert(model), rows[at:at + BATCH])


# --- measuring --------------------------------------------------------------------------------


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def times(fn: Callable[[], Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


class Report:
    def __init__(self, label: str) -> None:
        self.label = label
        self.rows: list[tuple[str, float, float, str]] = []

    def add(self, what: str, ours: list[float], peer: list[float], aim_ms: float | None,
            stat: str = "p95") -> None:
        f = p95 if stat == "p95" else statistics.median
        a, b = f(ours), f(peer)
        verdict = "" if aim_ms is None else ("aim met" if a < aim_ms else f"aim < {aim_ms:g} ms NOT met")
        self.rows.append((what, a, b, verdict))
        print(f"[{self.label}] {what:<46} {stat} {a:9.1f} ms  peer {b:8.1f} ms  "
              f"{a / b if b else float('inf'):7.1f}×  {verdict}", flush=True)


@contextmanager
def raw_sqlite(path: Path) -> Iterator[Callable[[str, tuple[Any, ...]], list[Any]]]:
    conn = sqlite3.connect(path)
    try:
        yield lambda sql, params=(): conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@contextmanager
def raw_postgres(url: str) -> Iterator[Callable[[str, tuple[Any, ...]], list[Any]]]:
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        def run(sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
            return conn.execute(sql.replace("?", "%s"), params).fetchall()  # type: ignore[arg-type]
        yield run


QUEUE_SQL = """
SELECT a.id, a.policy_id, a.applicant_name, a.status, a.computed_subsidy, a.applicant_uscc,
       a.claimed_at, coalesce(d.n, 0), coalesce(b.b, 0)
FROM application a
LEFT JOIN (SELECT application_id, count(id) AS n FROM document GROUP BY application_id) d
  ON d.application_id = a.id
LEFT JOIN (SELECT application_id, count(id) AS b FROM finding WHERE severity = 'block'
           GROUP BY application_id) b ON b.application_id = a.id
ORDER BY a.created_at, a.id
"""
OPEN_SQL = (
    "SELECT * FROM application WHERE id = ?",
    "SELECT * FROM document WHERE application_id = ?",
    "SELECT f.* FROM extracted_field f JOIN document d ON d.id = f.document_id "
    "WHERE d.application_id = ?",
    "SELECT * FROM finding WHERE application_id = ? ORDER BY id",
)
DEDUP_SQL = """
SELECT a.application_id, b.application_id, a.key FROM dedup_key a
JOIN dedup_key b ON a.kind = b.kind AND a.key = b.key AND a.application_id < b.application_id
"""
PANEL_SQL = """
SELECT o.application_id, avg(CAST(o.total AS REAL)) AS score, count(*), a.applicant_name,
       a.policy_id, a.claimed_at
FROM panel_opinion o JOIN application a ON a.id = o.application_id
WHERE o.status = 'active' GROUP BY o.application_id, a.applicant_name, a.policy_id, a.claimed_at
ORDER BY score DESC, a.claimed_at
"""


def run_all(label: str, ws: Workspace, raw: Any, args: argparse.Namespace) -> Report:
    from slq_desk.checks import dedup
    from slq_desk.panel.exports import list_csv_bytes, list_xlsx_bytes
    from slq_desk.panel.rank_allocate import rank_and_allocate
    from slq_desk.review.aggregate import PanelSettings
    from slq_desk.ui.app import create_application

    report = Report(label)
    rng = random.Random(5)
    desk = Desk(ws)
    repeat = args.repeat

    # -- the queue ----------------------------------------------------------------------------
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from slq_desk.ui.main_window import MainWindow

    create_application(language="zh_CN")
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "scale.ini"), QSettings.Format.IniFormat)
    shown_ms: list[float] = []
    windows: list[Any] = []

    def shown() -> None:
        # The window as a person gets it: built, the queue filled, shown, painted.
        t0 = time.perf_counter()
        win = MainWindow(ws, settings, remember_geometry=False)
        win.resize(1400, 900)
        win.show()
        QApplication.processEvents()
        shown_ms.append((time.perf_counter() - t0) * 1000)
        windows.append(win)

    for _ in range(3):
        shown()
        if len(windows) > 1:
            windows.pop(0).close()
    t_shown = time.monotonic()
    win = windows[-1]
    assert win.app_filter.rowCount() == args.n
    # Let the window's start-up work (the export pre-warm on a worker) finish first, so the
    # interactions below are measured on their own.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (time.monotonic() - t_shown < 2 or win.operations):
        QApplication.processEvents()
        time.sleep(0.02)
    report.add("window shown with the queue", shown_ms, times(lambda: raw(QUEUE_SQL), 3), None,
               "median")
    report.add("queue refreshed (desk + list)", times(win.refresh_applications, max(5, repeat // 3)),
               times(lambda: raw(QUEUE_SQL), max(5, repeat // 3)), None, "median")

    def interact(change: Callable[[], Any]) -> float:
        t0 = time.perf_counter()
        change()
        QApplication.processEvents()  # the list laid out and painted again
        return (time.perf_counter() - t0) * 1000

    needles = [f"科技有限公司{rng.randrange(args.n)}" for _ in range(repeat)] + ["app-0", "湖南"]
    search_ours, search_peer = [], []
    for needle in needles:
        search_ours.append(interact(lambda n=needle: win.search_edit.setText(n)))
        t0 = time.perf_counter()
        raw("SELECT id FROM application WHERE lower(id) LIKE ? OR lower(applicant_name) LIKE ? "
            "OR lower(policy_id) LIKE ? ORDER BY id", (f"%{needle}%",) * 3)
        search_peer.append((time.perf_counter() - t0) * 1000)
    interact(win.search_edit.clear)
    report.add("queue search (free text)", search_ours, search_peer, 50)
    filter_ours, filter_peer = [], []
    for status in [rng.choice(STATUSES) for _ in range(repeat)]:
        filter_ours.append(interact(lambda st=status: win.status_filter.setCurrentIndex(
            win.status_filter.findData(st))))
        t0 = time.perf_counter()
        raw("SELECT id FROM application WHERE status = ? ORDER BY id", (status,))
        filter_peer.append((time.perf_counter() - t0) * 1000)
    interact(lambda: win.status_filter.setCurrentIndex(0))
    report.add("queue status filter", filter_ours, filter_peer, 50)
    sort_ours, sort_peer = [], []
    for column, order in [(5, Qt.SortOrder.DescendingOrder), (2, Qt.SortOrder.AscendingOrder),
                          (6, Qt.SortOrder.DescendingOrder), (0, Qt.SortOrder.AscendingOrder)] * 3:
        sort_ours.append(interact(lambda c=column, o=order: win.app_table.sortByColumn(c, o)))
        t0 = time.perf_counter()
        raw("SELECT id FROM application ORDER BY computed_subsidy DESC")
        sort_peer.append((time.perf_counter() - t0) * 1000)
    report.add("queue sort by a column header", sort_ours, sort_peer, 50)
    win.close()
    QApplication.processEvents()

    # -- opening an application ---------------------------------------------------------------
    ids = [f"app-{rng.randrange(args.n):05d}" for _ in range(repeat)]
    open_ours, open_peer, open_docs = [], [], []
    for app_id in ids:
        t0 = time.perf_counter()
        docs = desk.documents(app_id)
        t1 = time.perf_counter()
        desk.checklist(app_id)
        desk.calculation(app_id)
        t2 = time.perf_counter()
        assert docs is not None and len(docs) == args.docs
        open_docs.append((t1 - t0) * 1000)
        open_ours.append((t2 - t0) * 1000)
        t0 = time.perf_counter()
        for sql in OPEN_SQL:
            raw(sql, (app_id,))
        open_peer.append((time.perf_counter() - t0) * 1000)
    report.add("open: documents (UI thread)", open_docs, open_peer, 50)
    report.add("open: documents + checklist + calculation", open_ours, open_peer, 150)

    # -- 查重 -----------------------------------------------------------------------------------
    # The rebuild is the long step: it reports progress (the dialog's bar, the CLI's lines);
    # the longest gap between two reports is what a person waits without news.
    heard: list[float] = []
    t0 = time.perf_counter()
    dedup.reindex(ws, progress=lambda done, total, text: heard.append(time.perf_counter()))
    reindex_ms = (time.perf_counter() - t0) * 1000
    gaps = [b - a for a, b in zip([t0, *heard], [*heard, time.perf_counter()], strict=True)]
    dd_ours = times(lambda: dedup.refresh_findings(ws), 3)
    dd_peer = times(lambda: raw(DEDUP_SQL), 3)
    report.add("查重 over all invoices (refresh_findings)", dd_ours, dd_peer, None, "median")
    print(f"[{label}]   (reindex of every application once: {reindex_ms:.0f} ms, "
          f"{len(heard)} progress reports, longest gap {max(gaps) * 1000:.0f} ms)")

    # -- panel --------------------------------------------------------------------------------
    panel_settings = PanelSettings()
    plists: list[Any] = []

    def aggregate_rank() -> None:
        _agg, cands = desk.panel_rank(panel_settings)
        assert len(cands) == min(args.panel, args.n)
        plists.append(rank_and_allocate(cands, budget=Decimal("50000000"), mode="rank",
                                        cut_off=None, policy_id=None))

    agg_ours = times(aggregate_rank, 3)
    agg_peer = times(lambda: raw(PANEL_SQL), 3)
    report.add(f"aggregate + rank {args.panel} × {args.experts} experts", agg_ours, agg_peer,
               1000, "median")
    plist = plists[-1]

    def export() -> None:
        list_csv_bytes(plist)
        list_xlsx_bytes(plist)

    def export_peer() -> None:
        out = io.StringIO()
        csv.writer(out).writerows(raw(PANEL_SQL))

    report.add("export 名单 (CSV + XLSX)", times(export, 3), times(export_peer, 3), None, "median")
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--docs", type=int, default=12)
    parser.add_argument("--panel", type=int, default=2_000)
    parser.add_argument("--experts", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    print(f"load average: {open('/proc/loadavg').read().split()[:3]}")
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp) / "ws")
        t0 = time.perf_counter()
        build(ws, args.n, args.docs, args.panel, args.experts)
        print(f"[sqlite] built {args.n} applications × {args.docs} documents in "
              f"{time.perf_counter() - t0:.1f} s")
        with raw_sqlite(Path(tmp) / "ws" / "workspace.db") as raw:
            run_all("sqlite", ws, raw, args)
        ws.close()
    if args.no_postgres:
        return 0
    sys.path.insert(0, str(ROOT / "tests"))
    from support import postgres

    try:
        server = postgres.start()
    except postgres.NoPostgres as err:
        print(f"[postgresql] skipped: {err}")
        return 0
    try:
        url = server.create_database("scale")
        with tempfile.TemporaryDirectory() as tmp:
            ws = Workspace.open(Path(tmp) / "ws", database_url=url, password="")
            t0 = time.perf_counter()
            build(ws, args.n, args.docs, args.panel, args.experts)
            print(f"[postgresql] built in {time.perf_counter() - t0:.1f} s")
            with raw_postgres(url) as raw:
                run_all("postgresql", ws, raw, args)
            ws.close()
    finally:
        server.stop()
    print(f"load average: {open('/proc/loadavg').read().split()[:3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
