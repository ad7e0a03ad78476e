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
from slq_desk.errors import BadInput, SlqError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="slq-desk",
        description="算力券 subsidy review workstation (offline). Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"slq-desk {__version__}")
    parser.add_argument(
        "--database-url",
        help="SQLAlchemy URL of a shared workspace database, without a password "
        "(e.g. postgresql+psycopg://user@host/db); default: WORKSPACE/workspace.db",
    )
    parser.add_argument(
        "--database-url-file", metavar="F",
        help="read the database URL (which may hold the password) from file F (chmod 600)",
    )
    parser.add_argument(
        "--database-password-prompt", action="store_true",
        help="ask for the database password on the terminal (else ~/.pgpass/PGPASSFILE, "
        "PGSERVICEFILE or the OS keyring)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    import slq_desk.cli as pkg

    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        if info.name.endswith("_cmd"):
            module = importlib.import_module(f"slq_desk.cli.{info.name}")
            module.register(sub)
    return parser


# Options that belong to `slq-desk` itself (before the command) and whether they take a value.
_GLOBAL_OPTIONS = {"--database-url": True, "--database-url-file": True,
                   "--database-password-prompt": False, "-h": False, "--help": False,
                   "--version": False}


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


def _database_url(args: argparse.Namespace) -> None:
    """--database-url must not carry a password; --database-url-file may (and sets the URL)."""
    from slq_desk.models.dburl import read_url_file, refuse_embedded_password

    refuse_embedded_password(getattr(args, "database_url", None))
    url_file = getattr(args, "database_url_file", None)
    if url_file:
        if getattr(args, "database_url", None):
            raise BadInput("give --database-url or --database-url-file, not both")
        args.database_url = read_url_file(url_file)
        args.database_url_file = None  # read once


def _database_refusal(err: BaseException) -> str | None:
    """The server's message when it refused on privilege grounds (row-level security, a
    missing grant, the audit trigger), else None."""
    orig = getattr(err, "orig", None)
    if type(err).__name__ == "OperationalError" and "connection" in str(orig or err):
        first = str(orig or err).strip().splitlines()[0]
        raise BadInput(f"无法连接数据库 / cannot connect to the database: {first} — the password "
                       "comes from ~/.pgpass or PGPASSFILE, a service file (PGSERVICEFILE), the "
                       "OS keyring (slq-desk db remember-password), --database-url-file or "
                       "--database-password-prompt")
    sqlstate = getattr(orig, "sqlstate", None) or getattr(getattr(orig, "diag", None),
                                                            "sqlstate", None)
    if sqlstate in ("42501",):
        message = getattr(getattr(orig, "diag", None), "message_primary", None) or str(orig)
        return str(message).strip()
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    raw = list(sys.argv[1:] if argv is None else argv)
    commands = {name for action in parser._actions
                if isinstance(action, argparse._SubParsersAction) for name in action.choices}
    args = parser.parse_args(_with_default_command(raw, commands))
    secret_var = getattr(args, "passphrase_env", None)
    if secret_var:
        # Out of the environment before any command can start a child process (the importer's
        # reader, a signing helper): children must not inherit the passphrase.
        from slq_desk.opinion.passphrase import take_env

        take_env(secret_var)
    try:
        _database_url(args)
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
    except Exception as err:
        try:
            refusal = _database_refusal(err)
        except BadInput as connect_error:
            print(f"slq-desk: {connect_error}", file=sys.stderr)
            return connect_error.exit_code
        if refusal is None:
            raise
        print(f"slq-desk: 数据库拒绝了此操作 / the database refused this: {refusal}",
              file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `slq-desk … | head` closed the pipe: not an error of ours. Point stdout at devnull so
        # the interpreter's final flush does not raise again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
