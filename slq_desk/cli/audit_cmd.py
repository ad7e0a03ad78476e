"""`slq-desk audit verify|log WORKSPACE`: check the hash chain, list recent events."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("audit", help="the workspace's hash-chained audit log")
    asub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = asub.add_parser("verify", help="check the chain; exit 1 at the first broken link")
    v.add_argument("workspace")
    v.set_defaults(func=_verify)
    log = asub.add_parser("log", help="print the latest events")
    log.add_argument("workspace")
    log.add_argument("--limit", type=int, default=50)
    log.add_argument("--json", action="store_true")
    log.set_defaults(func=_log)


def _verify(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.desk.service import Desk

    report = Desk(open_workspace(args, create=False)).verify_audit()
    if report.ok:
        print(f"审计链完整 / audit chain intact: {report.events} events")
        return 0
    print(f"审计链断裂 / audit chain broken at event {report.broken_seq}: {report.reason}")
    return 1


def _log(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.desk.service import Desk

    rows = Desk(open_workspace(args, create=False)).audit_events(args.limit)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r['seq']:>6}  {r['at']}  {r['actor']}  {r['action']}  {r['entity']}:{r['entity_id']}")
    return 0
