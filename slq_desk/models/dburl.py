"""A shared database's address without its password on the command line.

A URL given with ``--database-url`` is visible to every user of the machine (``ps``, shell
history), so one that embeds a password is refused. The password comes instead from, in order:

* the URL in a file (``--database-url-file F``; the file should be readable by its owner only,
  and a warning says so when it is not);
* libpq's own sources, untouched by slq-desk: the password file (``~/.pgpass`` or
  ``PGPASSFILE``) and the connection service file (``PGSERVICEFILE``, with
  ``postgresql+psycopg:///?service=NAME``);
* the OS keyring (service ``slq-desk-db``, stored by ``slq-desk db remember-password``), only
  when it is a real keyring (see ``opinion.passphrase.keyring_available``: a plaintext backend is
  never used);
* a prompt on the terminal (``--database-password-prompt``).
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from slq_desk.errors import BadInput

KEYRING_SERVICE = "slq-desk-db"

PASSWORD_REFUSED = (
    "--database-url 中不能包含口令（命令行对本机所有用户可见）；请改用 --database-url-file、"
    "PostgreSQL 口令文件（~/.pgpass 或 PGPASSFILE）、服务文件（PGSERVICEFILE）、系统钥匙串"
    "（slq-desk db remember-password）或 --database-password-prompt / the --database-url "
    "contains a password, which every user of this machine can read (ps, shell history): use "
    "--database-url-file, a PostgreSQL password file (~/.pgpass or PGPASSFILE), a service file "
    "(PGSERVICEFILE), the OS keyring (slq-desk db remember-password) or "
    "--database-password-prompt; nothing was opened"
)


def parse(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError:
        raise BadInput("--database-url is not a database URL (e.g. "
                       "postgresql+psycopg://user@host/db)") from None


def refuse_embedded_password(url: str | None) -> None:
    """A URL typed on the command line must not carry a password."""
    if url and parse(url).password is not None:
        raise BadInput(PASSWORD_REFUSED)


def read_url_file(path: str | os.PathLike[str]) -> str:
    """The URL in ``path`` (first non-empty line); warns when others may read the file."""
    p = Path(path)
    try:
        text = p.read_text("utf-8")
    except OSError as err:
        raise BadInput(f"--database-url-file {p}: {err.strerror or err}") from None
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        raise BadInput(f"--database-url-file {p} is empty")
    url = lines[0]
    parse(url)
    try:
        mode = p.stat().st_mode
    except OSError:
        mode = 0
    if parse(url).password is not None and mode & (stat.S_IRWXG | stat.S_IRWXO):
        print(f"注意 / warning: {p} 含有数据库口令，但其他用户可读；请执行 chmod 600 {p} / holds a "
              f"database password and can be read by other users: chmod 600 {p}", file=sys.stderr)
    return url


def keyring_account(url: URL) -> str:
    return f"{url.username or ''}@{url.host or ''}:{url.port or 5432}/{url.database or ''}"


def keyring_password(url: URL) -> str | None:
    """The password kept for this user/server/database in a real OS keyring, if any."""
    from slq_desk import userenv as passphrase

    if not passphrase.keyring_available():
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_account(url))
    except KeyringError:
        return None


def remember_password(url: URL, password: str) -> None:
    from slq_desk import userenv as passphrase

    if not passphrase.keyring_available():
        raise BadInput(passphrase.unavailable_reason() + " — use ~/.pgpass (PGPASSFILE) instead")
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, keyring_account(url), password)
    except KeyringError as err:
        raise BadInput(f"the keyring refused to store the password: {err}") from None


def prompt_password(url: URL) -> str:
    import getpass

    if not sys.stdin or not sys.stdin.isatty():
        raise BadInput("--database-password-prompt: there is no terminal to ask on")
    try:
        secret = getpass.getpass(f"{url.username or ''}@{url.host or ''}/{url.database or ''} "
                                 "数据库口令 (database password): ")
    except EOFError:
        raise BadInput("no password given") from None
    if not secret:
        raise BadInput("no password given")
    return secret


def connect_password(url_text: str, prompt: bool = False) -> str | None:
    """The password to hand to the driver (never into the URL): None lets libpq find it
    (pgpass, service file) or the URL (from a file) carries it."""
    url = parse(url_text)
    if url.get_backend_name() != "postgresql" or url.password is not None:
        return None
    if prompt:
        return prompt_password(url)
    return keyring_password(url)
