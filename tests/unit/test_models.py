"""Workspace database: migrations to head, exact money round-trips, optimistic locking."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.orm.exc import StaleDataError

from slq_desk.models import Application, Base, Document, ExtractedField, Review
from slq_desk.workspace import Workspace


def _populate(ws: Workspace) -> None:
    with ws.session() as s:
        app = Application(
            id="APP-1", policy_id="wuhan-2026", applicant_name="武汉某智能科技有限公司",
            applicant_uscc="91420100MA4KXXXX0Q", claimed_at=datetime(2026, 6, 1, 1, 0, tzinfo=UTC),
            computed_subsidy=Decimal("212000.00"),
        )
        doc = Document(sha256="a" * 64, kind="invoice", original_name="发票.pdf",
                       stored_path="packages/aa/" + "a" * 64, pages=1)
        doc.fields.append(ExtractedField(name="total", value="1060000.00", page=0,
                                         bbox=["10.5", "20", "30", "40.25"]))
        app.documents.append(doc)
        app.reviews.append(Review(reviewer="专家甲", rubric_id="hunan-2026",
                                  scores={"real_usage": "27.5"},
                                  recommended_amount=Decimal("99999999999.99")))
        s.add(app)


def _check_round_trip(ws: Workspace) -> None:
    with ws.session() as s:
        app = s.get(Application, "APP-1")
        assert app is not None
        assert app.computed_subsidy == Decimal("212000.00")
        assert isinstance(app.computed_subsidy, Decimal)
        assert app.claimed_at == datetime(2026, 6, 1, 1, 0, tzinfo=UTC)
        assert app.documents[0].fields[0].bbox == ["10.5", "20", "30", "40.25"]
        assert app.reviews[0].recommended_amount == Decimal("99999999999.99")
        assert app.reviews[0].scores == {"real_usage": "27.5"}


def _schema_matches_models(ws: Workspace) -> None:
    with ws.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"migrations and models disagree: {diff}"


def test_sqlite_workspace_migrates_and_round_trips(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "ws")
    _schema_matches_models(ws)
    _populate(ws)
    _check_round_trip(ws)
    with ws.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    ws.close()
    # Reopening runs migrations again (no-op) and keeps the data.
    _check_round_trip(Workspace.open(tmp_path / "ws"))


def test_money_columns_are_integer_fen_not_float(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "ws")
    _populate(ws)
    ws.close()
    con = sqlite3.connect(tmp_path / "ws" / "workspace.db")
    row = con.execute("SELECT computed_subsidy, typeof(computed_subsidy) FROM application").fetchone()
    assert row == (21200000, "integer")
    cols = {c["name"]: str(c["type"]) for c in inspect(ws.engine).get_columns("review")}
    assert cols["recommended_amount"] == "BIGINT"


def test_sub_fen_money_is_refused(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "ws")
    with pytest.raises(Exception, match="below the fen"):
        with ws.session() as s:
            s.add(Application(id="X", policy_id="p", computed_subsidy=Decimal("1.001")))
    with ws.session() as s:
        assert s.get(Application, "X") is None


def test_concurrent_review_edit_is_detected(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "ws")
    _populate(ws)
    s1, s2 = ws._sessions(), ws._sessions()
    r1 = s1.get(Review, 1)
    r2 = s2.get(Review, 1)
    assert r1 is not None and r2 is not None
    r1.comments = {"real_usage": "first"}
    s1.commit()
    r2.comments = {"real_usage": "second"}
    with pytest.raises(StaleDataError):
        s2.commit()
    s2.rollback()
    with ws.session() as s:
        review = s.get(Review, 1)
        assert review is not None
        assert review.comments == {"real_usage": "first"} and review.version == 2


@pytest.mark.postgres
def test_postgres_workspace_migrates_and_round_trips(tmp_path: Path, postgres_url: str) -> None:
    ws = Workspace.open(tmp_path / "ws", database_url=postgres_url)
    assert ws.engine.dialect.name == "postgresql"
    _schema_matches_models(ws)
    _populate(ws)
    _check_round_trip(ws)
    cols = {c["name"]: str(c["type"]) for c in inspect(ws.engine).get_columns("application")}
    assert cols["computed_subsidy"] == "BIGINT"
    ws.close()
