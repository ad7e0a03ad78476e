"""A workspace: a folder with ``workspace.db`` and the imported packages' original bytes.

``Workspace.open`` creates the folder if needed, connects (SQLite in the folder, or a shared
PostgreSQL URL), runs migrations and hands out sessions. Original files live under
``packages/<sha256[:2]>/<sha256>`` and are made read-only once written.
"""

from __future__ import annotations

import getpass
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from slq_desk.errors import BadInput

if TYPE_CHECKING:  # SQLAlchemy is imported when a workspace is opened, not with this module:
    # the window imports it to show itself first (issue 18, item 1).
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

DB_NAME = "workspace.db"
PACKAGES_DIR = "packages"
MARKER = ".slq-desk-workspace"


@dataclass
class Workspace:
    path: Path
    engine: Engine
    _sessions: sessionmaker[Session] = field(repr=False)
    actor: str = field(default_factory=lambda: os.environ.get("SLQ_DESK_USER") or _os_user())

    @classmethod
    def open(cls, path: str | os.PathLike[str], database_url: str | None = None,
             create: bool = True, password: str | None = None) -> Workspace:
        from slq_desk.models.session import make_engine, migrate, session_factory

        folder = Path(path).expanduser().resolve()
        if folder.exists() and not folder.is_dir():
            raise BadInput(f"workspace {folder} is a file, not a folder")
        if not folder.exists():
            if not create:
                raise BadInput(f"no workspace at {folder}")
            folder.mkdir(parents=True)
        (folder / PACKAGES_DIR).mkdir(exist_ok=True)
        (folder / MARKER).touch(exist_ok=True)
        url = database_url or f"sqlite:///{folder / DB_NAME}"
        if database_url and password is None:
            from slq_desk.models.dburl import connect_password

            password = connect_password(database_url)  # the OS keyring, if one holds it
        engine = make_engine(url, password)
        migrate(engine)
        ws = cls(path=folder, engine=engine, _sessions=session_factory(engine))
        if engine.dialect.name == "postgresql":
            # On a shared database with per-person roles, the person is who the database says
            # (the audit trigger refuses any other actor for that role).
            from slq_desk.models.roles import whoami

            with ws._sessions() as s:
                person = whoami(s)
            if person is not None:
                ws.actor = person.name
        return ws

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in a transaction: committed on success, rolled back on any error.

        When the transaction appended audit events, the new chain head is checkpointed (MACed,
        beside the database; see ``slq_desk.audit``) once the commit has succeeded."""
        from slq_desk import audit

        with self._sessions() as s:
            with s.begin():
                yield s
            pending = s.info.pop(audit.PENDING_HEAD, None)
        audit.checkpoint_after_commit(self.path, self.database_label, pending, self.actor)

    @property
    def database_label(self) -> str:
        from slq_desk import audit

        return audit.database_label(self.engine.url)

    def blob_path(self, sha256: str) -> Path:
        return self.path / PACKAGES_DIR / sha256[:2] / sha256

    def store_blob(self, sha256: str, data: bytes) -> Path:
        """Keep an original file's bytes once, read-only; return its absolute path."""
        target = self.blob_path(sha256)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".part")
            tmp.write_bytes(data)
            os.replace(tmp, target)
            target.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        return target

    def relative(self, path: Path) -> str:
        return path.relative_to(self.path).as_posix()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()  # a command's workspace is closed however the command ends


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (containers, services): still record something true
        return "unknown"
