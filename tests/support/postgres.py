"""A throw-away PostgreSQL server on loopback for the shared-workspace tests.

Uses the Debian server binaries (``/usr/lib/postgresql/<v>/bin``). initdb refuses to run as root,
so as root the cluster is created and started as the ``postgres`` system user. The server
listens on 127.0.0.1 only, on a free port, inside a temp folder, and is stopped when the test
session ends. The ``postgres`` superuser connects with trust authentication (what the fixtures
use); every other role needs its password (SCRAM), so the per-reviewer roles of
``slq-desk db add-reviewer`` are tested with real credentials.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


class NoPostgres(RuntimeError):
    """No server binaries here; the reason is shown as the skip reason."""


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise NoPostgres(
        "PostgreSQL server binaries not found; `make test` installs Debian's `postgresql` "
        "package as root (see scripts/sysdeps.sh)"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresServer:
    bin_dir: Path
    data_dir: Path
    port: int
    run_as: str | None

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True, timeout=120)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.data_dir.parent, ignore_errors=True)


def start() -> PostgresServer:
    bin_dir = _bin_dir()
    root = Path(tempfile.mkdtemp(prefix="slq-pg-"))
    data = root / "data"
    run_as = None
    if os.geteuid() == 0:
        run_as = "postgres"
        try:
            pw = pwd.getpwnam(run_as)
        except KeyError as err:
            raise NoPostgres("running as root and there is no `postgres` user to run the server") from err
        os.chown(root, pw.pw_uid, pw.pw_gid)
    server = PostgresServer(bin_dir, data, _free_port(), run_as)
    server._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                "--locale=C.UTF-8")
    hba = data / "pg_hba.conf"
    hba_text = ("local all postgres trust\n"
                "host all postgres 127.0.0.1/32 trust\n"
                "host all all 127.0.0.1/32 scram-sha-256\n")
    if run_as:
        # The data folder belongs to the server's user: write the file as that user.
        subprocess.run(["runuser", "-u", run_as, "--", "sh", "-c", f"cat > '{hba}'"],
                       input=hba_text, text=True, check=True, timeout=30)
    else:
        hba.write_text(hba_text)
    server._run(
        "pg_ctl", "-D", str(data), "-l", str(root / "log"), "-w", "-t", "60",
        "-o", f"-h 127.0.0.1 -p {server.port} -k {root} -c fsync=off -c full_page_writes=off",
        "start",
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", server.port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.stop()
    raise NoPostgres("PostgreSQL did not start listening within 30 s")
