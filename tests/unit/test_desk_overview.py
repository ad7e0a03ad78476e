"""Notes, the dashboard, the filtered audit log and the application's outputs through ``Desk``
(issue 19 item 13), on a real SQLite workspace migrated to head."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from slq_desk import audit
from slq_desk.desk.overview import AuditFilter
from slq_desk.desk.service import Desk
from slq_desk.errors import BadInput
from slq_desk.models import AuditEvent, OfficeNotice, Opinion, Review
from slq_desk.office.status import move_status
from tests.unit.office_builders import add_application, workspace


@pytest.fixture()
def desk(tmp_path: Path) -> Desk:
    ws = workspace(tmp_path)
    add_application(ws, "w-1", documents=[("01-合同.pdf", "contract", {"contract_total": "100"})],
                    blocking=["material_missing", "material_missing", "uscc_invalid"])
    add_application(ws, "w-2", status="supplementing")
    add_application(ws, "h-1", policy="hunan-2026", applicant="长沙乙公司", status="reviewing")
    add_application(ws, "h-2", policy="hunan-2026", applicant="长沙丙公司", status="reviewing")
    add_application(ws, "h-3", policy="hunan-2026", status="paid")
    with ws.session() as s:
        s.add(Review(application_id="h-1", reviewer="张伟", rubric_id="hunan-2026",
                     rubric_version="2026.1", status="draft"))
        s.add(Review(application_id="h-1", reviewer="李娜", rubric_id="hunan-2026",
                     rubric_version="2026.1", status="submitted"))
        s.add(Review(application_id="h-2", reviewer="李娜", rubric_id="hunan-2026",
                     rubric_version="2026.1", status="submitted"))
        s.add(OfficeNotice(application_id="w-2", kind="supplement", office="武汉市数据局",
                           year=2026, seq=1, number="武数补〔2026〕1号", status="signed",
                           deadline="2026-12-20", file_path=str(tmp_path / "notice.pdf")))
        s.add(Opinion(application_id="h-1", kind="expert", file_path=str(tmp_path / "op.pdf"),
                      sha256="a" * 64, signature_status="signed", signer="李娜",
                      signed_at=datetime(2026, 12, 1, 2, tzinfo=UTC)))
    (tmp_path / "op.pdf").write_bytes(b"%PDF-1.7\n")
    return Desk(ws)


def test_notes_are_kept_in_order_with_author_and_time(desk: Desk) -> None:
    before = datetime.now(UTC)
    first = desk.add_note("w-1", "张评审", "  合同第 3 页的金额与发票不符，待申报单位说明。 ")
    second = desk.add_note("w-1", "张评审", "已电话联系，12 月 5 日前补交。")
    assert first.text == "合同第 3 页的金额与发票不符，待申报单位说明。"  # trimmed
    assert first.author == "张评审" and first.created_at >= before - timedelta(seconds=1)
    assert first.created_at.tzinfo is not None
    assert [n.id for n in desk.notes("w-1")] == [first.id, second.id]
    assert desk.notes("w-2") == []
    # Audited under the person's name, with the text.
    events = desk.audit_log(AuditFilter(action="note.add"))
    assert [e.after["text"] for e in events] == [second.text, first.text]
    assert {e.actor for e in events} == {"张评审"} and {e.application_id for e in events} == {"w-1"}


@pytest.mark.parametrize(("app", "author", "text", "match"), [
    ("w-1", "", "内容", "署名"),
    ("w-1", "张评审", "   ", "为空"),
    ("w-1", "张评审", "长" * 10_001, "过长"),
    ("nope", "张评审", "内容", "没有申报"),
])
def test_bad_notes_are_refused(desk: Desk, app: str, author: str, text: str, match: str) -> None:
    with pytest.raises(BadInput, match=match):
        desk.add_note(app, author, text)
    assert desk.audit_log(AuditFilter(action="note.add")) == []


def test_dashboard_counts_blocks_and_waits(desk: Desk) -> None:
    board = desk.dashboard()
    assert board.total == 5
    assert board.by_status == {"pending_check": 1, "supplementing": 1, "reviewing": 2, "paid": 1}
    assert board.by_policy == {"wuhan-2026": 2, "hunan-2026": 3}
    assert board.by_policy_status[("hunan-2026", "reviewing")] == 2
    assert [(b.application_id, b.findings) for b in board.blocked] == [
        ("w-1", (("material_missing", 2), ("uscc_invalid", 1)))]
    assert board.blocking_codes == [("material_missing", 1), ("uscc_invalid", 1)]
    waiting = {w.application_id: w for w in board.waiting}
    assert set(waiting) == {"w-1", "w-2", "h-1", "h-2"}  # paid waits for nobody
    assert waiting["w-1"].waiting_for == "official"
    assert waiting["w-2"].waiting_for == "applicant" and waiting["w-2"].deadline == "2026-12-20"
    assert waiting["h-1"].waiting_for == "experts" and waiting["h-1"].who == ("张伟",)
    assert waiting["h-2"].waiting_for == "chair" and waiting["h-2"].who == ()


def test_dashboard_since_follows_the_last_status_move(desk: Desk) -> None:
    move_status(desk.workspace, "w-1", "supplementing", "缺材料，已发补正通知（纸质）", "王经办",
                override=True)
    waiting = {w.application_id: w for w in desk.dashboard().waiting}
    assert waiting["w-1"].waiting_for == "applicant" and waiting["w-1"].since is not None


def _event(desk: Desk, actor: str, action: str, entity: str, entity_id: str,
           after: dict | None = None, at: datetime | None = None) -> None:
    with desk.workspace.session() as s:
        audit.record(s, actor, action, entity, entity_id, None, after)
        if at is not None:  # a back-dated event for the date filter (its hash no longer holds)
            ev = s.query(AuditEvent).order_by(AuditEvent.seq.desc()).first()
            assert ev is not None
            ev.at = at


def test_audit_log_filters(desk: Desk) -> None:
    with desk.workspace.session() as s:
        review_id = s.query(Review.id).filter_by(application_id="h-1", reviewer="张伟").scalar()
    _event(desk, "张伟", "review.update", "review", str(review_id), {"scores": {}})
    _event(desk, "王经办", "application.status", "application", "w-1", {"status": "x"})
    _event(desk, "王经办", "document.add", "document", "999", {"application": "w-2"})
    _event(desk, "李娜", "review.submit", "review", "12345", {"application_id": "h-2"},
           at=datetime(2026, 1, 1, 17, 0, tzinfo=UTC))  # 2026-01-02 01:00 in Beijing
    rows = desk.audit_log()
    assert [r.seq for r in rows] == sorted((r.seq for r in rows), reverse=True)
    assert [r.action for r in desk.audit_log(AuditFilter(actor="王"))] == [
        "document.add", "application.status"]
    assert {r.action for r in desk.audit_log(AuditFilter(action="review."))} == {
        "review.update", "review.submit"}
    assert [r.application_id for r in desk.audit_log(AuditFilter(application_id="h-1"))] == ["h-1"]
    assert [r.action for r in desk.audit_log(AuditFilter(application_id="w-2"))] == ["document.add"]
    # Dates are Beijing calendar days: the event at 17:00 UTC on 1 January is on 2 January.
    assert [r.action for r in desk.audit_log(AuditFilter(since=date(2026, 1, 2),
                                                         until=date(2026, 1, 2)))] == ["review.submit"]
    assert desk.audit_log(AuditFilter(until=date(2026, 1, 1))) == []
    with pytest.raises(BadInput, match="晚于"):
        desk.audit_log(AuditFilter(since=date(2026, 2, 1), until=date(2026, 1, 1)))
    actors, actions = desk.audit_filter_choices()
    assert "李娜" in actors and "review.submit" in actions
    assert len(desk.audit_log(limit=2)) == 2


def test_outputs_of_an_application(desk: Desk, tmp_path: Path) -> None:
    found = desk.outputs("h-1")
    assert [(o.source, o.kind, o.signed, o.label, o.exists) for o in found] == [
        ("opinion", "expert", True, "李娜", True)]
    notice = desk.outputs("w-2")
    assert notice[0].source == "notice" and notice[0].label == "武数补〔2026〕1号"
    assert not notice[0].exists and notice[0].path == tmp_path / "notice.pdf"
    assert desk.outputs("w-1") == []


def test_every_audited_action_has_a_name() -> None:
    """The viewer names each action in Chinese: an action recorded anywhere has a label."""
    import re

    from slq_desk.vocabulary import AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS

    root = Path(__file__).resolve().parents[2] / "slq_desk"
    found: set[tuple[str, str]] = set()
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r'audit\.record\(\s*\w+,\s*[^,]+,\s*((?:"[a-z_.]+"\s*(?:if[^,]*else\s*)?)+),'
                             r'\s*"([a-z_]+)"', text):
            for action in re.findall(r'"([a-z_.]+)"', m.group(1)):
                found.add((action, m.group(2)))
    assert len(found) > 40
    assert sorted(a for a, _ in found if a not in AUDIT_ACTION_LABELS) == []
    assert sorted({e for _, e in found if e not in AUDIT_ENTITY_LABELS}) == []
