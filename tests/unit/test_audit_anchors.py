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


def test_signed_opinion_carries_the_chain_head_and_shows_a_later_cut(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The head goes into the signed opinion.json; a log cut below it is found from the PDF
    even when every checkpoint beside the database is gone."""
    import shutil

    from slq_desk.opinion import identity
    from slq_desk.opinion.export import export_opinion
    from slq_desk.opinion.sample import REVIEWER, add_reviewed_application
    from slq_desk.opinion.verify import verify_file

    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(tmp_path / "data"))
    ws = Workspace.open(tmp_path / "ws")
    add_reviewed_application(ws, "hunan-1", tmp_path / "pkg1")
    for i in range(3):
        with ws.session() as s:
            audit.record(s, REVIEWER, "review.update", "review", 1, None, {"n": i})
    with ws.session() as s:
        head = audit.head(s)
    ident = identity.unlock(identity.create_self_signed(REVIEWER, "", "pw"), "pw")
    out = tmp_path / "hunan-1.pdf"
    export_opinion(ws, "hunan-1", out, ident)
    ws.close()
    from slq_desk.cli.audit_cmd import export_anchor

    assert export_anchor(out) == {"seq": head[0], "hash": head[1]}
    assert verify_file(out, tmp_path / "pkg1").valid  # still a valid signed opinion
    code, out_text = _verify(tmp_path / "ws", capsys, "--export", str(out))
    assert code == 0, out_text
    shutil.rmtree(tmp_path / "ws" / "audit-checkpoints")
    shutil.rmtree(tmp_path / "data" / "audit-checkpoints")
    _sql(tmp_path / "ws", f"DELETE FROM audit_event WHERE seq >= {head[0]}")
    code, out_text = _verify(tmp_path / "ws", capsys, "--export", str(out))
    assert code == 1 and CUT in out_text and "hunan-1.pdf" in out_text


def test_preliminary_opinion_carries_the_chain_head(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from slq_desk.cli.audit_cmd import export_anchor
    from slq_desk.opinion.preliminary import write_preliminary_opinion
    from slq_desk.opinion.sample import add_reviewed_application

    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(tmp_path / "data"))
    ws = Workspace.open(tmp_path / "ws")
    add_reviewed_application(ws, "hunan-1", tmp_path / "pkg1")
    out = tmp_path / "初审意见.pdf"
    write_preliminary_opinion(ws, "hunan-1", out, official="李初审")
    from sqlalchemy import select

    from slq_desk.models import AuditEvent

    with ws.session() as s:
        events = list(s.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
    ws.close()
    # The head just before the export recorded itself.
    assert events[-1].action == "opinion.preliminary"
    assert export_anchor(out) == {"seq": events[-2].seq, "hash": events[-2].hash}
