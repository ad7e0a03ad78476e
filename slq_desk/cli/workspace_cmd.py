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
    from slq_desk.desk.first_run import fill_demo_workspace

    ws = open_workspace(args, create=True)
    counted: list[str] = []
    packages = [0]

    def progress(_done: int, total: int, _step: str) -> None:
        # Two steps per package (import, check), and one for the panel.
        packages[0] = (total - (1 if args.panel else 0)) // 2

    def imported(app_id: str, result: object) -> None:
        counted.append(app_id)
        summary = result.summary()  # type: ignore[attr-defined]
        print(f"[{len(counted)}/{packages[0]}] {app_id}: {summary}", file=sys.stderr)

    # The same build as the window's start page (desk.first_run), so both make one workspace.
    with ws:
        total = fill_demo_workspace(ws, progress, seed=args.seed, panel=args.panel,
                                    imported=imported)
    print(f"演示工作区已生成 / demo workspace ready: {Path(ws.path)} ({total} packages)")
    return 0
