"""The audit log's anchors: a cut tail, an emptied log, a recomputed chain and a forged
checkpoint each fail `audit verify` with their own message, on a real SQLite workspace."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from slq_desk import audit
from slq_desk.cli import main
from slq_desk.workspace import Workspace

CUT = "tail was cut"
EMPTIED = "log was emptied"
RECOMPUTED = "rewritten and recomputed"
FORGED = "forged or altered"


@pytest.fixture()
def ws_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(tmp_path / "data"))
    ws = Workspace.open(tmp_path / "ws")
    for i in range(5):  # five transactions: five checkpoints
        with ws.session() as s:
            audit.record(s, "审核员甲", "field.correct", "extracted_field", i,
                         before={"value": f"{i}00.00"}, after={"value": f"{i}01.00"})
    ws.close()
    return tmp_path / "ws"


def _sql(path: Path, statement: str) -> None:
    con = sqlite3.connect(path / "workspace.db")
    con.executescript(statement)
    con.commit()
    con.close()


def _verify(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["audit", "verify", str(path), *extra])
    return code, capsys.readouterr().out


def test_checkpoints_are_written_after_each_commit(ws_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    lines = (ws_path / "audit-checkpoints" / "checkpoints.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line)["seq"] for line in lines] == [1, 2, 3, 4, 5]
    code, out = _verify(ws_path, capsys)
    assert code == 0 and "5 events" in out and "newest at event 5" in out


def test_rolled_back_change_leaves_no_checkpoint(ws_path: Path) -> None:
    ws = Workspace.open(ws_path)
    with pytest.raises(RuntimeError), ws.session() as s:
        audit.record(s, "a", "x", "y", 1)
        raise RuntimeError("the change failed")
    lines = (ws_path / "audit-checkpoints" / "checkpoints.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == 5


def test_cut_tail_is_found(ws_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _sql(ws_path, "DELETE FROM audit_event WHERE seq > 3")
    code, out = _verify(ws_path, capsys)
    assert code == 1
    assert "audit chain intact: 3 events" in out  # the chain alone cannot see it …
    assert CUT in out and "ends at event 3" in out and "recorded event 5" in out  # … the anchor can
    assert EMPTIED not in out and RECOMPUTED not in out


def test_emptied_log_is_found(ws_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _sql(ws_path, "DELETE FROM audit_event")
    code, out = _verify(ws_path, capsys)
    assert code == 1 and EMPTIED in out and CUT not in out


def test_recomputed_chain_is_found(ws_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Edit event 3 and recompute every later hash with the project's own function: the
    chain is valid again, but the checkpoints remember the old hashes."""
    ws = Workspace.open(ws_path)
    with ws.engine.begin() as conn:
        from sqlalchemy import select

        from slq_desk.models import AuditEvent

        rows = list(conn.execute(select(AuditEvent).order_by(AuditEvent.seq)))
    con = sqlite3.connect(ws_path / "workspace.db")
    prev = audit.GENESIS
    for row in rows:
        after = {"value": "999999.00"} if row.seq == 3 else row.after
        digest = audit.event_hash(row.seq, row.at, row.actor, row.action, row.entity,
                                  row.entity_id, row.before, after, prev, row.db_role)
        con.execute("UPDATE audit_event SET after = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                    (json.dumps(after), prev, digest, row.seq))
        prev = digest
    con.commit()
    con.close()
    ws.close()
    code, out = _verify(ws_path, capsys)
    assert code == 1
    assert "audit chain intact: 5 events" in out
    assert RECOMPUTED in out and "event 5" in out


def test_forged_checkpoint_is_found(ws_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Cut the tail and rewrite the checkpoints to match: without the key the MAC fails."""
    _sql(ws_path, "DELETE FROM audit_event WHERE seq > 3")
    cp = ws_path / "audit-checkpoints" / "checkpoints.jsonl"
    entries = [json.loads(line) for line in cp.read_text("utf-8").splitlines()]
    kept = [e for e in entries if e["seq"] <= 3]
    forged = dict(entries[-1], seq=3, hash=kept[-1]["hash"])
    cp.write_text("".join(json.dumps(e) + "\n" for e in [*kept, forged]), "utf-8")
    code, out = _verify(ws_path, capsys)
    assert code == 1 and FORGED in out
    # The newest checkpoint kept in the user's data folder still says 5.
    assert CUT in out


def test_checkpoint_copy_outside_the_workspace_survives_deletion(
        ws_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (ws_path / "audit-checkpoints" / "checkpoints.jsonl").unlink()
    _sql(ws_path, "DELETE FROM audit_event WHERE seq > 2")
    code, out = _verify(ws_path, capsys)
    assert code == 1 and CUT in out and "recorded event 5" in out


def test_checkpoint_made_with_another_key_is_not_trusted(
        ws_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(tmp_path / "someone-else"))
    code, out = _verify(ws_path, capsys)
    assert code == 0 and "another person's key" in out and "no checkpoint" in out


def test_no_checkpoint_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Workspace.open(tmp_path / "fresh").close()
    code, out = _verify(tmp_path / "fresh", capsys)
    assert code == 0 and "no checkpoint" in out


def test_explicit_checkpoint_command(ws_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "checkpoint", str(ws_path)]) == 0
    assert "event 5" in capsys.readouterr().out
