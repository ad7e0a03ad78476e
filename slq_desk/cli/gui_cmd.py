"""`slq-desk gui [WORKSPACE] [--open APP_ID] [--screenshot OUT.png]`: the desktop window.

`slq-desk` without a command lands here too. Qt is imported only inside the handler, so the
rest of the CLI starts without it.
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "gui",
        help="open the review window (default when no command is given)",
        description="Open the review window on WORKSPACE (default: the last one opened).",
    )
    parser.add_argument("workspace", nargs="?", metavar="WORKSPACE", help="workspace folder")
    parser.add_argument("--open", dest="open_app", metavar="APP_ID",
                        help="open this application's documents at start")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="wait until the visible pages are rendered, save a PNG of the window "
                             "and quit (renders offscreen when there is no display)")
    parser.add_argument("--tab", choices=("checklist", "scoring", "calculation"),
                        help="show this review tab (with --open)")
    parser.add_argument("--lang", choices=("zh_CN", "en"),
                        help="interface language for this run (default: the remembered one)")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                        help="longest wait for rendering before the screenshot (default 60)")
    # Also accepted after `gui`; SUPPRESS keeps a top-level --database-url from being overwritten.
    parser.add_argument("--database-url", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from slq_desk.errors import BadInput
    from slq_desk.ui.app import run_gui

    if args.timeout <= 0:
        raise BadInput("--timeout must be positive")
    return run_gui(
        workspace=args.workspace,
        database_url=getattr(args, "database_url", None),
        screenshot=args.screenshot,
        open_app=args.open_app,
        timeout=args.timeout,
        tab=args.tab,
        language=args.lang,
    )
