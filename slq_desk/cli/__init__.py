"""The `slq-desk` command line: argparse subcommands over the same core functions as the GUI.

Each ``slq_desk/cli/*_cmd.py`` module contributes subcommands through ``register(subparsers)``
and keeps its heavy imports inside the handler, so ``slq-desk --help`` and start-up stay fast.
Handlers return an exit code: 0 done/valid, 1 something blocks or is invalid, 2 bad input.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from slq_desk import __version__
from slq_desk.errors import SlqError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="slq-desk",
        description="算力券 subsidy review workstation (offline). Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"slq-desk {__version__}")
    parser.add_argument(
        "--database-url",
        help="SQLAlchemy URL of a shared workspace database "
        "(e.g. postgresql+psycopg://user@host/db); default: WORKSPACE/workspace.db",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    import slq_desk.cli as pkg

    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        if info.name.endswith("_cmd"):
            module = importlib.import_module(f"slq_desk.cli.{info.name}")
            module.register(sub)
    return parser


# Options that belong to `slq-desk` itself (before the command) and whether they take a value.
_GLOBAL_OPTIONS = {"--database-url": True, "-h": False, "--help": False, "--version": False}


def _with_default_command(argv: list[str], commands: set[str]) -> list[str]:
    """`slq-desk`, `slq-desk WORKSPACE` and `slq-desk --screenshot x.png` all mean `gui`."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        name = arg.split("=", 1)[0]
        if name in _GLOBAL_OPTIONS:
            if name in ("-h", "--help", "--version"):
                return argv
            i += 1 if "=" in arg or not _GLOBAL_OPTIONS[name] else 2
            continue
        if arg in commands:
            return argv
        break
    return [*argv[:i], "gui", *argv[i:]]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    raw = list(sys.argv[1:] if argv is None else argv)
    commands = {name for action in parser._actions
                if isinstance(action, argparse._SubParsersAction) for name in action.choices}
    args = parser.parse_args(_with_default_command(raw, commands))
    try:
        # Imported here, after argparse: `--help` and `--version` stay instant (the check loads
        # every policy and rubric, about 0.15 s).
        from slq_desk.desk.startup import check_resources

        check_resources()
        return int(args.func(args) or 0)
    except SlqError as err:
        print(f"slq-desk: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("slq-desk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `slq-desk … | head` closed the pipe: not an error of ours. Point stdout at devnull so
        # the interpreter's final flush does not raise again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
