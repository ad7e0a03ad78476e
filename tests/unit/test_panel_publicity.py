"""公示 and 异议: the list carries the main list's amounts as exact text and the experts; an
objection is logged with its Beijing/UTC time, answered once, and only an upheld one reopens."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from slq_desk.errors import BadInput
from slq_desk.models.schema import Application
from slq_desk.panel.demo import add_applications
from slq_desk.panel.publicity import (
    answer_objection,
    build_publicity,
    objections,
    publicity_pdf,
    publicity_xlsx,
    record_objection,
)
from slq_desk.panel.rank_allocate import Candidate, rank_and_allocate
from slq_desk.workspace import Workspace


def cand(app: str, name: str, score: str, amount: str) -> Candidate:
    return Candidate(app, name, f"91430100MA4L{app[-2:]}XX", "hunan-2026", Decimal(score), 3, 0,
                     datetime(2026, 6, 1, tzinfo=UTC), Decimal(amount), Decimal(amount),
                     "computed")


def test_publicity_lists_the_main_list_and_the_experts(tmp_path: Path) -> None:
    plist = rank_and_allocate([cand("A-01", "甲公司", "90", "12345678901234567.89"),
                               cand("A-02", "乙公司", "80", "300000.10"),
                               cand("A-03", "丙公司", "50", "100.00")],
                              budget=Decimal("99999999999999999999"), mode="rank",
                              cut_off=Decimal("60"),
                              policy_id="hunan-2026")
    pub = build_publicity(plist, "平均分", [("张伟", "湖南大学"), ("李娜", "")], date(2026, 12, 8), 5)
    assert [r.applicant for r in pub.rows] == ["甲公司", "乙公司"]
    assert pub.rows[0].amount == "12345678901234567.89"  # exact, never through float
    assert pub.period == "2026年12月08日至2026年12月12日"
    book = load_workbook(filename=io.BytesIO(publicity_xlsx(pub)))
    cells = [r for r in book["公示名单"].iter_rows(min_row=2, values_only=True)]
    assert cells[0][4] == "12345678901234567.89" and all(isinstance(v, str) for v in cells[0])
    assert [r[1] for r in book["评审专家"].iter_rows(min_row=2, values_only=True)] == ["张伟", "李娜"]
    assert publicity_pdf(pub).startswith(b"%PDF")
    with pytest.raises(BadInput):
        build_publicity(plist, "平均分", [], date(2026, 12, 8))


def test_objection_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(tmp_path / "data"))
    ws = Workspace.open(tmp_path / "ws")
    app = add_applications(ws, 3, tmp_path / "pkgs")[0]
    beijing = timezone(timedelta(hours=8))
    with ws.session() as s:
        with pytest.raises(BadInput):
            record_objection(s, "组长", "no-such-app", "某公司", "理由")
        with pytest.raises(BadInput, match="时区"):
            record_objection(s, "组长", app, "某公司", "理由", datetime(2026, 12, 9, 10, 30))
        one = record_objection(s, "组长", app, "某公司", "使用记录重复计算",
                               datetime(2026, 12, 9, 10, 30, tzinfo=beijing))
        two = record_objection(s, "组长", app, "某人", "金额有误")
        assert one.received_at == datetime(2026, 12, 9, 2, 30, tzinfo=UTC)
        with pytest.raises(BadInput, match="不成立"):
            answer_objection(s, "组长", two.id, "经核查不成立", "rejected", reopen=True)
        answer_objection(s, "组长", two.id, "经核查不成立", "rejected")
        with pytest.raises(BadInput, match="已答复"):
            answer_objection(s, "组长", two.id, "再答", "upheld")
        answer_objection(s, "组长", one.id, "部分成立，重新评审", "partly", reopen=True)
        row = s.get(Application, app)
        assert row is not None and row.status == "reviewing"
        # in the order received: "now" (no time given) is before 9 December
        log = objections(s, app)
        assert [(o.objector, o.outcome, o.reopened) for o in log] == sorted(
            [("某公司", "partly", True), ("某人", "rejected", False)],
            key=lambda x: {"某公司": one.received_at, "某人": two.received_at}[x[0]])
