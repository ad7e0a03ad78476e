"""`slq-desk init W` and `slq-desk demo-workspace W`: create workspaces.

The demo workspace is built from the demo package generator and the importer, the same code
paths an official uses, so `make run` shows what a real import looks like.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", help="create an empty workspace folder")
    p.add_argument("workspace")
    p.set_defaults(func=_init)

    d = sub.add_parser("demo-workspace", help="build a workspace from the demo packages")
    d.add_argument("workspace")
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--panel", action="store_true",
                   help="also build a demo panel: three reviewers' signed opinions, imported "
                        "for the panel chair")
    d.set_defaults(func=_demo)


def _init(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace

    ws = open_workspace(args, create=True)
    print(f"工作区已就绪 / workspace ready: {ws.path}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.demo.generate import generate_packages
    from slq_desk.ingest.importer import import_package
    from slq_desk.ingest.worker import ParseWorker

    ws = open_workspace(args, create=True)
    out = ws.path / "demo-packages"
    index = generate_packages(out, seed=args.seed)
    total = len(index)
    # One reader process for every package: each start costs an interpreter and PyMuPDF.
    from slq_desk.extract.ocr import CACHE_DIR

    with ParseWorker(ocr_cache=ws.path / CACHE_DIR) as reader:
        for n, entry in enumerate(index, 1):
            result = import_package(ws, out / str(entry["path"]), reader=reader)
            print(f"[{n}/{total}] {entry['id']}: {result.summary()}", file=sys.stderr)
    # Run the 初审 checks too, so the workspace opens with findings and computed amounts.
    from slq_desk.desk.service import Desk

    desk = Desk(ws)
    for app_id in desk.application_ids():
        desk.run_checks(app_id)
    if args.panel:
        from slq_desk.panel.demo import build_demo_panel

        build_demo_panel(ws, args.seed)
    print(f"演示工作区已生成 / demo workspace ready: {Path(ws.path)} ({total} packages)")
    return 0
