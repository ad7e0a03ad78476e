"""Rules of the shape that a linter cannot state: no widget touches the database."""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "slq_desk" / "ui"


def test_no_database_session_in_the_ui() -> None:
    # Every read and write goes through the desk service (slq_desk/desk); a session opened on
    # the GUI thread would freeze the window behind a row lock on the shared PostgreSQL.
    pattern = re.compile(r"\.session\(|sessionmaker|from sqlalchemy|import sqlalchemy")
    offenders = [f"{path.relative_to(UI.parent)}:{n}"
                 for path in sorted(UI.rglob("*.py"))
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if pattern.search(line)]
    assert offenders == []
