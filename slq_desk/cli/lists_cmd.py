"""`slq-desk lists import KIND FILE --workspace W [--source TEXT --date YYYY-MM-DD]` and
`slq-desk lists show --workspace W`: the reference lists the 初审 rules consult."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from slq_desk.workspace import Workspace


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from slq_desk.policy.rules.registers import LIST_KINDS

    p = sub.add_parser("lists", help="reference lists for the 初审 (registries, blacklists, …)")
    lsub = p.add_subparsers(dest="lists_command", metavar="ACTION", required=True)
    imp = lsub.add_parser("import", help="load a CSV/XLSX list as the newest of its kind")
    imp.add_argument("kind", choices=sorted(LIST_KINDS))
    imp.add_argument("file")
    imp.add_argument("--workspace", required=True)
    imp.add_argument("--source", default="", help="where the list comes from (notice, URL, office)")
    imp.add_argument("--date", help="the date the list is dated (YYYY-MM-DD; default today)")
    imp.set_defaults(func=_import)
    show = lsub.add_parser("show", help="the imported lists, newest of each kind first")
    show.add_argument("--workspace", required=True)
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=_show)


def _open(args: argparse.Namespace) -> Workspace:
    from slq_desk.cli.common import open_workspace

    return open_workspace(args, create=False)


def _import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from slq_desk.checks.lists import import_list
    from slq_desk.errors import BadInput

    as_of = None
    if args.date:
        try:
            as_of = date.fromisoformat(args.date)
        except ValueError:
            raise BadInput(f"--date: {args.date!r} is not a date (YYYY-MM-DD)") from None
    ws = _open(args)
    done = import_list(ws, args.kind, Path(args.file), args.source, as_of)
    print(f"已导入 / imported {done.kind}: {done.entries} entries, dated {done.as_of.isoformat()}, "
          f"sha256 {done.sha256[:16]}…")
    return 0


def _show(args: argparse.Namespace) -> int:
    from slq_desk.checks.lists import list_summaries

    rows = list_summaries(_open(args))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("尚未导入任何名单 / no list imported")
    for r in rows:
        mark = "*" if r["in_use"] else " "
        print(f"{mark} {r['kind']:<30} {r['as_of']}  {r['entries']:>6} entries  "
              f"{r['label']}  来源/source: {r['source'] or '—'}  ({r['file']})")
    return 0
