"""Small pieces every subcommand shares: opening the workspace named on the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.workspace import DB_NAME, MARKER, Workspace


def open_workspace(args: argparse.Namespace, create: bool = False,
                   attr: str = "workspace") -> Workspace:
    """Open the workspace in ``args.<attr>`` (or the shared ``--database-url``)."""
    folder = getattr(args, attr, None)
    if not folder:
        raise BadInput("name a workspace folder (--workspace W)")
    path = Path(folder)
    url = getattr(args, "database_url", None)
    if not create and url is None and not (path / DB_NAME).exists() and not (path / MARKER).exists():
        raise BadInput(f"{path} is not an slq-desk workspace (no {DB_NAME}); "
                       "create one with `slq-desk init` or `slq-desk demo-workspace`")
    return Workspace.open(path, database_url=url, create=create, password=database_password(args))


def database_password(args: argparse.Namespace) -> str | None:
    """The shared database's password from the keyring or a prompt (None: libpq's pgpass or
    service file, or the URL read from --database-url-file, provides it)."""
    url = getattr(args, "database_url", None)
    if not url or not getattr(args, "database_password_prompt", False):
        return None  # Workspace.open looks in the keyring; libpq in pgpass/service files
    from slq_desk.models.dburl import connect_password

    return connect_password(url, prompt=True)


def load_signing_identity(key_file: Path | None, passphrase_env: str | None) -> Any:
    """The reviewer's key for signing (installed one unless ``key_file``), passphrase from the
    environment variable, the keyring or a prompt; its usage warnings go to stderr."""
    import sys

    from slq_desk.opinion import identity

    source = identity.passphrase_source(key_file, env_var=passphrase_env)
    ident = identity.load_with(key_file, source)
    for note in identity.usage_warnings(ident):
        print(f"注意 / note: {note}", file=sys.stderr)
    return ident
