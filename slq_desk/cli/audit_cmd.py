"""`slq-desk audit verify|log|checkpoint WORKSPACE`: check the hash chain against its anchors.

``verify`` walks the chain (first broken link), then compares it with the workspace's MACed
checkpoints and with the chain heads carried in signed exports (``--export F.pdf``): an emptied
log, a cut tail, a recomputed chain and a forged checkpoint each have their own message, and
each is exit status 1 (see ``slq_desk.audit``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("audit", help="the workspace's hash-chained audit log")
    asub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = asub.add_parser("verify", help="check the chain and its checkpoints; exit 1 if not intact")
    v.add_argument("workspace")
    v.add_argument("--export", action="append", default=[], metavar="PDF",
                   help="a signed export (opinion, 初审意见, panel summary) whose embedded chain "
                   "head must still be in the log; may be repeated")
    v.set_defaults(func=_verify)
    c = asub.add_parser("checkpoint", help="write a checkpoint of the chain head now")
    c.add_argument("workspace")
    c.set_defaults(func=_checkpoint)
    log = asub.add_parser("log", help="print the latest events")
    log.add_argument("workspace")
    log.add_argument("--limit", type=int, default=50)
    log.add_argument("--json", action="store_true")
    log.set_defaults(func=_log)


def export_anchor(path: Path) -> dict[str, Any] | None:
    """The ``audit_anchor`` in a signed export's embedded JSON (any attachment that has one)."""
    import pymupdf

    from slq_desk.errors import BadInput

    try:
        doc = pymupdf.open(path)
    except Exception as err:  # noqa: BLE001 — not a PDF we can open: said plainly
        raise BadInput(f"{path}: cannot be opened as a PDF ({type(err).__name__})") from None
    try:
        for name in doc.embfile_names():
            try:
                raw = json.loads(doc.embfile_get(name))
            except (ValueError, RuntimeError):
                continue
            if isinstance(raw, dict) and isinstance(raw.get("audit_anchor"), dict):
                return dict(raw["audit_anchor"])
    finally:
        doc.close()
    return None


def _verify(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.desk.service import Desk
    from slq_desk.errors import BadInput

    anchors: list[tuple[str, dict[str, Any]]] = []
    for name in args.export:
        found = export_anchor(Path(name))
        if found is None:
            raise BadInput(f"{name}: 没有审计链锚点 / carries no audit anchor (exported by an "
                           "older slq-desk, or not an slq-desk export)")
        anchors.append((Path(name).name, found))
    report, anchored = Desk(open_workspace(args, create=False)).verify_audit_anchored(anchors)
    status = 0
    if report.ok:
        print(f"审计链完整 / audit chain intact: {report.events} events")
    else:
        print(f"审计链断裂 / audit chain broken at event {report.broken_seq}: {report.reason}")
        status = 1
    for problem in anchored.problems:
        print(problem.message)
        status = 1
    if anchored.checked:
        print(f"已与 {anchored.checked} 个检查点/锚点比对（最新为第 {anchored.newest} 条）/ compared "
              f"with {anchored.checked} checkpoints and anchors (newest at event {anchored.newest})")
    else:
        print("注意：没有可比对的检查点，无法发现尾部截断 / note: no checkpoint to compare with; "
              "a cut tail could not be seen")
    if anchored.other_keys:
        print(f"注意：{anchored.other_keys} 个检查点由他人的密钥生成，本机无法核验 / note: "
              f"{anchored.other_keys} checkpoints were made with another person's key and "
              "cannot be checked here")
    return status


def _checkpoint(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.desk.service import Desk

    entry = Desk(open_workspace(args, create=False)).audit_checkpoint()
    print(f"检查点已写入 / checkpoint written: event {entry['seq']} {entry['hash'][:16]}…")
    return 0


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
