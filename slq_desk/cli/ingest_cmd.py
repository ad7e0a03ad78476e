"""`slq-desk import`, `list`, `extract` and `doc set-kind`: packages in, documents and fields out."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import", help="import a submission package (folder or .zip)")
    p.add_argument("package", help="folder or .zip of the applicant's documents")
    p.add_argument("--workspace", "-w", required=True, help="workspace folder (created if new)")
    p.add_argument("--policy", help="policy id (e.g. wuhan-2026); default: manifest.json's")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--max-files", type=int, help="most files a package may hold (default 500)")
    p.add_argument("--max-total-mb", type=int,
                   help="most megabytes a package may unpack to (default 1024)")
    p.add_argument("--file-timeout", type=float,
                   help="seconds one file may take to read before it is stopped (default 30)")
    p.add_argument("--supplement", metavar="APP_ID",
                   help="补正: add the package's files to this existing application as a new "
                        "version (originals kept), re-run checks and say what changed")
    p.set_defaults(func=_import)

    ls = sub.add_parser("list", help="list the workspace's applications")
    ls.add_argument("--workspace", "-w", required=True)
    ls.add_argument("--json", action="store_true")
    ls.add_argument("--status", action="append", default=[], metavar="STATUS",
                    help="only applications in this status (code or Chinese name, e.g. 补正中 or "
                         "supplementing); repeatable")
    ls.set_defaults(func=_list)

    ex = sub.add_parser("extract", help="classify one file and print its fields with evidence")
    ex.add_argument("file")
    ex.add_argument("--json", action="store_true")
    ex.add_argument("--kind", help="read it as this kind instead of classifying it")
    ex.set_defaults(func=_extract)

    doc = sub.add_parser("doc", help="documents of imported applications")
    dsub = doc.add_subparsers(dest="doc_command", metavar="ACTION", required=True)
    sk = dsub.add_parser("set-kind", help="correct a document's kind (and read it again as that)")
    sk.add_argument("document", help="document id, or a unique prefix of its SHA-256")
    sk.add_argument("kind")
    sk.add_argument("--workspace", "-w", required=True)
    sk.add_argument("--application", help="application id, when the file is in several")
    sk.set_defaults(func=_set_kind)


def _limits(args: argparse.Namespace) -> Any:
    from slq_desk.ingest.limits import MIB, Limits

    values: dict[str, Any] = {}
    if args.max_files is not None:
        values["max_entries"] = args.max_files
    if args.max_total_mb is not None:
        values["max_total_bytes"] = args.max_total_mb * MIB
    if args.file_timeout is not None:
        values["file_timeout_s"] = args.file_timeout
    return Limits.from_mapping(values)


def _import(args: argparse.Namespace) -> int:
    from slq_desk.checks.dedup import index_imported
    from slq_desk.cli.common import open_workspace
    from slq_desk.ingest.importer import import_package

    limits = _limits(args)
    if args.supplement:
        return _supplement(args, limits)
    with open_workspace(args, create=True) as ws:
        result = import_package(ws, args.package, policy=args.policy, limits=limits)
        if result.created:  # 查重 stays a lookup: the new application joins the index now
            index_imported(ws, result.application_id)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return 0
    print(result.summary())
    if result.created:
        for r in result.reports:
            codes = ", ".join(f.code for f in r.findings)
            print(f"  {r.name}: {r.kind} ({r.confidence}%), {r.pages} 页"
                  f"{'' if r.readable else ', 无法读取 unreadable'}{' — ' + codes if codes else ''}")
        for refusal in result.refused:
            print(f"  拒收 refused {refusal.name}: {refusal.message_en}")
    return 0


def _supplement(args: argparse.Namespace, limits: Any) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.office.supplement import import_supplement

    with open_workspace(args, create=False) as ws:
        result = import_supplement(ws, args.package, args.supplement, limits=limits)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(result.text())
    return 0


def _list(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.desk.service import Desk
    from slq_desk.office.status import LEGACY, parse_status

    wanted = {parse_status(v) for v in args.status}

    desk = Desk(open_workspace(args, create=False))
    try:
        found = sorted(desk.applications(), key=lambda a: a.id)
    finally:
        desk.close()
    rows = [{"id": a.id, "policy": a.policy_id, "applicant": a.applicant_name,
             "uscc": a.applicant_uscc, "status": a.status, "status_zh": a.status_label,
             "documents": a.document_count, "blocking_findings": a.blocking,
             "claimed_at": a.claimed_at.isoformat() if a.claimed_at else None}
            for a in found if not wanted or LEGACY.get(a.status, a.status) in wanted]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("（无申报）no applications")
    for r in rows:
        print(f"{r['id']}\t{r['policy']}\t{r['applicant']}\t{r['status_zh']}\t"
              f"{r['documents']} 份材料\t{r['blocking_findings']} 项阻断问题")
    return 0


def _extract(args: argparse.Namespace) -> int:
    from pathlib import Path

    from slq_desk.errors import BadInput
    from slq_desk.ingest.limits import DEFAULT_LIMITS
    from slq_desk.ingest.worker import ParseWorker

    path = Path(args.file)
    if not path.is_file():
        raise BadInput(f"{path} is not a file")
    if path.stat().st_size > DEFAULT_LIMITS.max_file_bytes:
        raise BadInput(f"{path.name} is larger than {DEFAULT_LIMITS.max_file_bytes} bytes")
    data = path.read_bytes()
    with ParseWorker(DEFAULT_LIMITS) as worker:
        report = worker.analyse(path.name, data) if not args.kind else worker.analyse_as(
            path.name, data, _check_kind(args.kind))
    out = report.as_json()
    out["file"] = str(path)
    for name, found in report.extraction.fields.items():
        if found.source != "extracted":  # ocr | qr | xml: where the value came from, and how sure
            out["fields"][name].update(source=found.source, confidence=found.confidence)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(f"{path.name}: {report.kind} ({report.confidence}%), {report.pages} 页")
        for name, f in out["fields"].items():
            how = f", {f['source']} {f['confidence']}%" if "source" in f else ""
            print(f"  {name} = {f['value']}  (p.{(f['page'] or 0) + 1} {f['bbox']}{how})")
        for n, item in enumerate(out["items"], 1):
            print(f"  [{n}] " + "; ".join(f"{k}={v['value']}" for k, v in item.items()))
        for f in out["findings"]:
            print(f"  ! {f['severity']} {f['code']}: {f['message_zh']}")
    return 0 if report.readable else 1


def _check_kind(kind: str) -> str:
    from slq_desk.errors import BadInput
    from slq_desk.ingest.classify import KINDS

    if kind not in KINDS:
        raise BadInput(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    return kind


def _set_kind(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.ingest.relabel import set_kind

    kind = _check_kind(args.kind)
    with open_workspace(args, create=False) as ws:
        doc = set_kind(ws, args.document, kind, application_id=args.application)
    print(f"文档 {doc['id']}（{doc['name']}）类型改为 {kind} / kind set; "
          f"{doc['fields']} fields read again", file=sys.stdout)
    for name, index, value, _by, _at in doc["dropped"]:
        where = name if index is None else f"{name}[{index + 1}]"
        print(f"  更正 {where}={value} 在新类型下没有对应字段，未沿用（已记入审计）/ correction "
              f"{where}={value} has no field in the new reading: not carried (in the audit log)",
              file=sys.stdout)
    return 0
