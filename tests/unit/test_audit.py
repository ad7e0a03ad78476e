"""Audit chain: appended in the change's transaction; edits, deletions and reorders detected."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from slq_desk import audit
from slq_desk.cli import main
from slq_desk.workspace import Workspace


@pytest.fixture()
def ws_with_events(tmp_path: Path) -> Path:
    ws = Workspace.open(tmp_path / "ws")
    with ws.session() as s:
        for i in range(5):
            audit.record(s, "审核员甲", "field.correct", "extracted_field", i,
                         before={"value": f"{i}00.00"}, after={"value": f"{i}01.00"})
    ws.close()
    return tmp_path / "ws"


def _sql(path: Path, statement: str) -> None:
    con = sqlite3.connect(path / "workspace.db")
    con.executescript(statement)
    con.commit()
    con.close()


def test_intact_chain_verifies(ws_with_events: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify", str(ws_with_events)]) == 0
    assert "5 events" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("statement", "broken_at"),
    [
        # An edited value: the event's own hash no longer matches its content.
        ("UPDATE audit_event SET after = '{\"value\": \"999.00\"}' WHERE seq = 3", 3),
        # A deleted event: the sequence has a hole.
        ("DELETE FROM audit_event WHERE seq = 2", 3),
        # Two events swapped (content and hashes moved): the links no longer follow.
        ("UPDATE audit_event SET seq = -1 WHERE seq = 2; UPDATE audit_event SET seq = 2 WHERE seq = 4;"
         " UPDATE audit_event SET seq = 4 WHERE seq = -1", 2),
        # Who did it rewritten on the very first event.
        ("UPDATE audit_event SET actor = '别人' WHERE seq = 1", 1),
    ],
)
def test_tampering_is_found(ws_with_events: Path, statement: str, broken_at: int,
                            capsys: pytest.CaptureFixture[str]) -> None:
    _sql(ws_with_events, statement)
    assert main(["audit", "verify", str(ws_with_events)]) == 1
    out = capsys.readouterr().out
    assert f"broken at event {broken_at}" in out


def test_event_rolls_back_with_its_change(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "ws")
    with pytest.raises(RuntimeError):
        with ws.session() as s:
            audit.record(s, "a", "x", "y", 1)
            raise RuntimeError("the change failed")
    with ws.session() as s:
        assert audit.count(s) == 0
        audit.record(s, "a", "x", "y", 1)
    with ws.session() as s:
        assert audit.verify(s).ok


def test_decimals_survive_exactly(tmp_path: Path) -> None:
    from decimal import Decimal

    ws = Workspace.open(tmp_path / "ws")
    with ws.session() as s:
        ev = audit.record(s, "a", "amount.set", "application", "APP-1",
                          before={"amount": Decimal("0.10")}, after={"amount": Decimal("1060000.00")})
        assert ev.after == {"amount": "1060000.00"}
    with ws.session() as s:
        assert audit.verify(s).ok


@pytest.mark.postgres
def test_chain_on_postgres(tmp_path: Path, postgres_url: str) -> None:
    ws = Workspace.open(tmp_path / "ws", database_url=postgres_url)
    with ws.session() as s:
        for i in range(3):
            audit.record(s, "a", "x", "y", i)
    with ws.session() as s:
        report = audit.verify(s)
    assert report.ok and report.events == 3
