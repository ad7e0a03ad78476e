"""Opening a workspace for the window (``desk.opening``): the queue read with it, and every
failure a clear message (newer schema, locked or damaged database, unreachable server)."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest

from slq_desk.desk.opening import STEPS, open_for_window, open_workspace_clearly
from slq_desk.errors import BadInput, SlqError
from slq_desk.workspace import Workspace


def _workspace(folder: Path) -> Path:
    Workspace.open(folder).close()
    return folder


def test_opens_migrates_and_reads_the_queue(tmp_path: Path) -> None:
    steps: list[str] = []
    opened = open_for_window(_workspace(tmp_path / "ws"), report=lambda d, t, s: steps.append(s))
    try:
        assert opened.applications == []
        assert opened.desk.workspace is opened.workspace
        assert steps[0] == "load" and set(steps) == set(STEPS)
    finally:
        opened.workspace.close()


def test_an_unknown_application_is_refused_and_the_workspace_closed(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no application 'NO-SUCH'") as caught:
        open_for_window(_workspace(tmp_path / "ws"), open_app="NO-SUCH")
    assert caught.value.zh and "NO-SUCH" in caught.value.zh


def test_a_newer_schema_is_named_not_a_traceback(tmp_path: Path) -> None:
    folder = _workspace(tmp_path / "ws")
    with sqlite3.connect(folder / "workspace.db") as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(SlqError, match="newer version of slq-desk .*revision 9999") as caught:
        open_workspace_clearly(folder)
    assert caught.value.zh and "较新版本" in caught.value.zh


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "workspace.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(SlqError, match="workspace.db") as caught:
        open_workspace_clearly(folder)
    assert "Traceback" not in str(caught.value)


def test_a_locked_database_says_so(tmp_path: Path) -> None:
    folder = _workspace(tmp_path / "ws")
    holder = sqlite3.connect(folder / "workspace.db", isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")  # an exclusive lock blocks readers too
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(SlqError, match="locked by another program") as caught:
            open_workspace_clearly(folder)  # waits out the 5 s busy timeout
        assert caught.value.zh and "锁定" in caught.value.zh
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_an_unreachable_postgresql_server(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a loopback port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"postgresql+psycopg://nobody@127.0.0.1:{port}/slq"
    with pytest.raises(SlqError, match=f"cannot reach the shared database .*127.0.0.1:{port}") as caught:
        open_workspace_clearly(tmp_path / "ws", url)
    assert caught.value.zh and "无法连接" in caught.value.zh


def test_opening_from_the_start_page_says_the_same(tmp_path: Path) -> None:
    from slq_desk.desk import first_run

    folder = _workspace(tmp_path / "ws")
    with sqlite3.connect(folder / "workspace.db") as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(SlqError, match="newer version of slq-desk"):
        first_run.open_existing(folder)


def test_warm_for_opening_imports_what_an_opening_reads_with() -> None:
    import subprocess
    import sys

    probe = ("import sys; from slq_desk.desk.opening import warm_for_opening; "
             "warm_for_opening(); "
             "print(all(m in sys.modules for m in ('slq_desk.review.service', "
             "'slq_desk.review.aggregate', 'slq_desk.desk.review_data', 'slq_desk.checks.view'))); "
             "print('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         timeout=120).stdout.split()
    assert out == ["True", "False"]  # the core's modules, and no Qt
