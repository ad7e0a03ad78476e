"""Granting a pool: first come first served, rank order, scaled (POLICIES.md readings 12, 13)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from test_calc_helpers import application

from slq_desk.errors import BadInput
from slq_desk.policy import allocate, compute, load_policy


def _app(app_id: str, time: str, amount: str, score: float | None = None,
         **applicant: Any) -> dict[str, Any]:
    app = application(id=app_id, claimed_at=f"2026-06-01T{time}:00+08:00", score=score)
    app["lines"][0].update(amount=amount, tax="0", period_end="2026-12-31")
    app["applicant"].update(applicant)
    return app


def _granted(allocation: Any) -> dict[str, tuple[str, str, int | None]]:
    return {g.id: (f"{g.granted:.2f}", g.status, g.rank) for g in allocation.grants}


def test_first_come_gives_the_edge_the_remainder() -> None:
    wuhan = load_policy("wuhan-2026")
    # 30% of 1,000,000 / 2,000,000 / 500,000 → 300,000 / 600,000 / 150,000
    apps = [_app("late", "11:00", "500000.00"), _app("first", "08:00", "1000000.00"),
            _app("second", "09:30", "2000000.00")]
    results = [compute(a, wuhan) for a in apps]
    allocation = allocate(results, wuhan, budget=Decimal("700000"))
    assert _granted(allocation) == {
        "first": ("300000.00", "main", 1),
        "second": ("400000.00", "main", 2),
        "late": ("0.00", "reserve", 3),
    }
    assert allocation.granted == Decimal("700000")
    assert allocation.to_dict()["totals"]["remaining"] == "0.00"


def test_first_come_uses_the_policy_pool_by_default() -> None:
    dazhou = load_policy("dazhou-2026")
    results = [compute(_app(f"A{i}", f"{8 + i:02d}:00", "1000000.00"), dazhou) for i in range(7)]
    allocation = allocate(results, dazhou)
    assert allocation.pool == Decimal("3000000") and allocation.pool_source == "policy"
    # six vouchers of 500,000 fill the 3,000,000 pool; the seventh waits
    assert [g.status for g in allocation.grants] == ["main"] * 6 + ["reserve"]
    assert any(s.rule == "parameter:pool_size" and s.article == "第七条" for s in allocation.steps)


def test_rank_order_by_score_then_claim_time() -> None:
    hunan = load_policy("hunan-2026")
    apps = [
        _app("low", "08:00", "1000000.00", score=70),
        _app("tie-late", "10:00", "1000000.00", score=90),
        _app("tie-early", "09:00", "1000000.00", score=90),
    ]
    results = [compute(a, hunan) for a in apps]  # 300,000 each
    allocation = allocate(results, hunan, budget=Decimal("500000"))
    assert _granted(allocation) == {
        "tie-early": ("300000.00", "main", 1),
        "tie-late": ("200000.00", "main", 2),
        "low": ("0.00", "reserve", 3),
    }


def test_rank_order_needs_scores() -> None:
    hunan = load_policy("hunan-2026")
    results = [compute(_app("nos", "08:00", "1000000.00"), hunan)]
    with pytest.raises(BadInput, match="nos: score"):
        allocate(results, hunan, budget=Decimal("1"))


def test_scaled_when_demand_exceeds_the_pool() -> None:
    chengdu = load_policy("chengdu-2026")
    # 50% of 100,000 / 200,000 / 300,000 (no tax) → 50,000 / 100,000 / 150,000 = 300,000
    apps = [_app("a", "08:00", "100000.00"), _app("b", "09:00", "200000.00"),
            _app("c", "10:00", "300000.00")]
    results = [compute(a, chengdu) for a in apps]
    allocation = allocate(results, chengdu, budget=Decimal("100000"))
    # factor 1/3: 16,666.666… → 16,666.66 (down), 33,333.33, 50,000.00
    assert _granted(allocation) == {
        "a": ("16666.66", "main", 1),
        "b": ("33333.33", "main", 2),
        "c": ("50000.00", "main", 3),
    }
    assert allocation.granted <= Decimal("100000")


def test_scaled_under_the_pool_grants_in_full() -> None:
    chengdu = load_policy("chengdu-2026")
    results = [compute(_app("a", "08:00", "100000.00"), chengdu)]
    allocation = allocate(results, chengdu)
    assert _granted(allocation) == {"a": ("50000.00", "main", 1)}


def test_ineligible_gets_none_status() -> None:
    wuhan = load_policy("wuhan-2026")
    poor = _app("poor", "08:00", "1000.00")
    results = [compute(poor, wuhan), compute(_app("ok", "09:00", "100000.00"), wuhan)]
    allocation = allocate(results, wuhan)
    assert _granted(allocation) == {"ok": ("30000.00", "main", 1), "poor": ("0.00", "none", None)}


def test_no_pool_policy() -> None:
    beijing = load_policy("beijing-2026")
    app = _app("bj", "08:00", "1000000.00")
    app["direction"] = 4
    app["lines"][0].update(period_start="2025-10-01", period_end="2026-03-31")
    results = [compute(app, beijing)]
    allocation = allocate(results, beijing)
    assert allocation.pool is None and _granted(allocation) == {"bj": ("100000.00", "main", 1)}
    with pytest.raises(BadInput, match="--mode"):
        allocate(results, beijing, budget=Decimal("10"))
    forced = allocate(results, beijing, budget=Decimal("10"), mode="first_come")
    assert _granted(forced) == {"bj": ("10.00", "main", 1)}


def test_results_from_another_policy_are_refused() -> None:
    result = compute(application(), "wuhan-2026")
    with pytest.raises(BadInput, match="wuhan-2026"):
        allocate([result], load_policy("dazhou-2026"))
