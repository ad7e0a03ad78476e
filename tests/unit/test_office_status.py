"""The status workflow: one table of moves, guards, a named person and a reason, audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.models.schema import STATUSES, Application, Review
from slq_desk.office import status as wf
from tests.unit.office_builders import add_application, workspace


def test_every_status_has_its_moves_and_every_move_reaches_a_status() -> None:
    assert set(wf.TRANSITIONS) == set(STATUSES)
    for targets in wf.TRANSITIONS.values():
        assert set(targets) <= set(STATUSES)
    assert wf.TRANSITIONS[wf.PAID] == () and wf.TRANSITIONS[wf.WITHDRAWN] == ()


@pytest.mark.parametrize(("given", "code"), [
    ("初审通过", "check_passed"), ("check_passed", "check_passed"), ("补正中", "supplementing"),
    ("Supplementing", "supplementing"), ("撤销", "withdrawn"), ("pending_review", "check_passed"),
    ("已兑付", "paid"), ("published", "publicised")])
def test_statuses_are_read_in_chinese_english_and_old_codes(given: str, code: str) -> None:
    assert wf.parse_status(given) == code


def test_unknown_status_is_refused_with_the_choices() -> None:
    with pytest.raises(BadInput, match="初审通过"):
        wf.parse_status("done")


def test_moves_follow_the_table_and_are_audited(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    add_application(ws, "a1")
    with pytest.raises(wf.MoveRefused, match="not an allowed move"):
        wf.move_status(ws, "a1", "已兑付", "想付", "李四")
    with pytest.raises(BadInput, match="reason"):
        wf.move_status(ws, "a1", "初审通过", "  ", "李四")
    with pytest.raises(BadInput, match="who"):
        wf.move_status(ws, "a1", "初审通过", "齐全", "")
    move = wf.move_status(ws, "a1", "初审通过", "材料齐全", "李四")
    assert (move.before, move.after) == ("pending_check", "check_passed")
    moved = wf.move_status(ws, "a1", "评审中", "送专家", "王五")
    with ws.session() as s:
        assert s.get(Application, "a1").status == "reviewing"  # type: ignore[union-attr]
        assert audit.verify(s).ok
    hist = wf.history(ws, "a1")
    assert [(h["by"], h["to"], h["reason"]) for h in hist] == [
        ("李四", "check_passed", "材料齐全"), ("王五", "reviewing", "送专家")]
    assert moved.audit_seq == hist[-1]["seq"]


def test_blocking_findings_hold_back_check_passed_unless_overridden(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    add_application(ws, "a1", blocking=["material_missing"])
    with pytest.raises(wf.MoveRefused, match="material_missing"):
        wf.move_status(ws, "a1", "初审通过", "看过了", "李四")
    move = wf.move_status(ws, "a1", "初审通过", "承诺函原件已当面核验", "李四", override=True)
    assert move.overridden == ["material_missing: 阻断：material_missing"]
    assert wf.history(ws, "a1")[0]["override"] == move.overridden


def test_supplementing_needs_a_signed_notice_or_an_override(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    add_application(ws, "a1")
    with pytest.raises(wf.MoveRefused, match="补正材料通知书"):
        wf.move_status(ws, "a1", "补正中", "通知", "李四")
    assert wf.move_status(ws, "a1", "补正中", "纸质通知已送达", "李四", override=True).after \
        == "supplementing"


def test_reviewed_needs_a_submitted_review(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    add_application(ws, "a1", status="reviewing")
    with pytest.raises(wf.MoveRefused, match="submitted review"):
        wf.move_status(ws, "a1", "已评审", "评完", "李四", override=True)
    with ws.session() as s:
        s.add(Review(application_id="a1", reviewer="专家甲", rubric_id="r", status="draft"))
    with pytest.raises(wf.MoveRefused):
        wf.move_status(ws, "a1", "已评审", "评完", "李四")
    with ws.session() as s:
        s.add(Review(application_id="a1", reviewer="专家乙", rubric_id="r", status="submitted"))
    assert wf.move_status(ws, "a1", "已评审", "评完", "李四").after == "reviewed"


def test_old_workspaces_statuses_are_mapped_by_the_migration(tmp_path: Path) -> None:
    from slq_desk.models.session import make_engine, migrate

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate(engine, "0002")
    with engine.begin() as conn:
        for app_id, status in (("a", "checking"), ("b", "pending_review"), ("c", "signed"),
                               ("d", "reviewing")):
            conn.execute(text(
                "INSERT INTO application (id, policy_id, applicant_name, applicant_uscc, status, "
                "package_name, package_sha256, created_at) VALUES "
                "(:id, 'wuhan-2026', '', '', :st, '', '', '2026-01-01T00:00:00+00:00')"),
                {"id": app_id, "st": status})
    migrate(engine)
    with engine.connect() as conn:
        rows: dict[str, str] = {r[0]: r[1] for r in conn.execute(
            text("SELECT id, status FROM application"))}
    engine.dispose()
    assert rows == {"a": "pending_check", "b": "check_passed", "c": "reviewed", "d": "reviewing"}
