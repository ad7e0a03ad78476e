"""Ranking with configurable tie-breaks, the policy's pool mode, main and reserve lists, and the
budget / cut-off simulation (pure: no database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from slq_desk.errors import BadInput
from slq_desk.panel.charts import simulation_svg
from slq_desk.panel.rank_allocate import (
    MAIN,
    OUT,
    RESERVE,
    Candidate,
    rank_and_allocate,
)
from slq_desk.panel.simulate import budget_steps, simulate

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def cand(app_id: str, score: str, amount: str, day: int = 0, policy: str = "hunan-2026",
         requested: str | None = None) -> Candidate:
    return Candidate(app_id, f"{app_id} 公司", "", policy, Decimal(score), 3, 0,
                     T0 + timedelta(days=day), Decimal(requested or amount), Decimal(amount),
                     "opinions")


CANDS = [cand("A", "90", "300000.00", 3), cand("B", "80", "250000.00", 1),
         cand("C", "80", "150000.00", 2), cand("D", "70", "100000.00", 0),
         cand("E", "55", "90000.00", 4)]


def ids(plist, status: str) -> list[str]:
    return [e.candidate.application_id for e in plist.of(status)]


def test_rank_order_spends_the_pool_and_the_edge_gets_the_remainder() -> None:
    plist = rank_and_allocate(CANDS, budget=Decimal("600000"), cut_off=Decimal("60"))
    assert [e.candidate.application_id for e in plist.entries] == ["A", "B", "C", "D", "E"]
    assert ids(plist, MAIN) == ["A", "B", "C"] and ids(plist, RESERVE) == ["D"]
    assert ids(plist, OUT) == ["E"] and "cut-off" in plist.entries[-1].reason
    granted = {e.candidate.application_id: e.granted for e in plist.entries}
    assert granted["C"] == Decimal("50000.00")  # the remainder (reading 13)
    assert plist.granted == Decimal("600000") and plist.mode == "rank"
    # B and C tie on score: B claimed earlier, and the list says so.
    assert plist.entries[2].decided_by == "claimed_at"


def test_tie_breaks_are_configurable_and_change_who_is_paid() -> None:
    # By smaller request first, C (150,000) goes before B (250,000).
    plist = rank_and_allocate(CANDS, budget=Decimal("450000"), cut_off=None,
                              order=["score:desc", "requested:asc", "claimed_at:asc"])
    assert [e.candidate.application_id for e in plist.entries][:3] == ["A", "C", "B"]
    assert ids(plist, MAIN) == ["A", "C"]
    default = rank_and_allocate(CANDS, budget=Decimal("450000"), cut_off=None)
    assert ids(default, MAIN) == ["A", "B"]
    with pytest.raises(BadInput, match="unknown tie-break"):
        rank_and_allocate(CANDS, order=["colour"])


def test_first_come_and_scaled_modes() -> None:
    fc = rank_and_allocate(CANDS, budget=Decimal("300000"), mode="first_come", cut_off=None)
    # Claim order: D (day 0) in full, then B (day 1) gets the remainder; the list keeps the
    # panel's ranking order for display.
    assert set(ids(fc, MAIN)) == {"D", "B"}
    assert {e.candidate.application_id: e.granted for e in fc.of(MAIN)} == {
        "B": Decimal("200000.00"), "D": Decimal("100000.00")}
    scaled = rank_and_allocate(CANDS, budget=Decimal("444500"), mode="scaled", cut_off=None)
    assert not ids(scaled, RESERVE)
    assert all(e.granted < e.candidate.amount for e in scaled.entries)
    assert all("scaled to the pool" in e.reason for e in scaled.entries)
    assert scaled.granted <= Decimal("444500")
    assert all(e.granted == e.granted.quantize(Decimal("0.01")) for e in scaled.entries)


def test_without_a_budget_every_eligible_application_is_granted_in_full() -> None:
    # Beijing's texts set no pool and no order.
    cands = [cand("X", "80", "100000.00", policy="beijing-2026"),
             cand("Y", "50", "50000.00", policy="beijing-2026")]
    plist = rank_and_allocate(cands, cut_off=Decimal("60"))
    assert ids(plist, MAIN) == ["X"] and ids(plist, OUT) == ["Y"]


def test_refusals_are_clear() -> None:
    with pytest.raises(BadInput, match="several policies"):
        rank_and_allocate([cand("A", "80", "1.00"), cand("B", "80", "1.00", policy="beijing-2026")])
    with pytest.raises(BadInput, match="negative"):
        rank_and_allocate(CANDS, budget=Decimal("-1"))
    with pytest.raises(BadInput, match="no applications"):
        rank_and_allocate([])


def test_simulation_shows_who_moves_in_and_out() -> None:
    sim = simulate(CANDS, budgets=[Decimal("300000"), Decimal("600000"), Decimal("900000")],
                   base_budget=Decimal("600000"), base_cut_off=Decimal("60"))
    small, same, large = sim.scenarios
    assert small.moved_out == ("B", "C") and not small.moved_in
    assert not same.moved_in and not same.moved_out
    assert large.moved_in == ("D",)
    cut = simulate(CANDS, cut_offs=[Decimal("50"), Decimal("85")], base_budget=Decimal("900000"),
                   base_cut_off=Decimal("60"))
    assert cut.scenarios[0].moved_in == ("E",)
    assert cut.scenarios[1].moved_out == ("B", "C", "D")
    svg = simulation_svg(sim)
    assert svg.startswith("<svg") and "预算模拟" in svg and "+1 −0" in svg


def test_budget_sweep() -> None:
    assert budget_steps(Decimal("100"), Decimal("300"), Decimal("100")) == [
        Decimal("100"), Decimal("200"), Decimal("300")]
    with pytest.raises(BadInput):
        budget_steps(Decimal("1"), Decimal("1000000"), Decimal("1"))


def test_the_panel_core_never_imports_qt() -> None:
    import subprocess
    import sys

    code = ("import sys, pkgutil, importlib, slq_desk.panel as p\n"
            "for m in pkgutil.iter_modules(p.__path__): importlib.import_module('slq_desk.panel.' + m.name)\n"
            "import slq_desk.cli.panel_cmd\n"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
            "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_partial_grant_reason_reads_in_chinese_with_amounts() -> None:
    from slq_desk.vocabulary import bilingual

    reason = bilingual("预算余额不足，获部分金额 ¥282,000.00（建议 ¥420,000.00） / partly granted: 282000.00 of 420000.00")
    assert reason.zh == "预算余额不足，获部分金额 ¥282,000.00（建议 ¥420,000.00）"
    assert reason.en == "partly granted: 282000.00 of 420000.00"
    assert bilingual("无斜杠").zh == "无斜杠"
