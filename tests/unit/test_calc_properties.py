"""Property tests: the subsidy is never negative, never above the cap, the maximum rate × base
(up to the policy's own rounding) or the pool; monotone in the amount; grants within budget."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slq_desk.money import quantize
from slq_desk.policy import allocate, compute, load_policy

POLICIES = ["wuhan-2026", "dazhou-2026", "chengdu-2026", "hunan-2026", "beijing-2026"]
CLAIM_DAY = {  # a claim day on which each policy is in force
    "wuhan-2026": date(2026, 6, 1), "dazhou-2026": date(2026, 6, 1),
    "chengdu-2026": date(2026, 6, 1), "hunan-2026": date(2026, 6, 1),
    "beijing-2026": date(2026, 4, 20),
}
# Weighted towards what qualifies, so that most examples reach the rate, cap and rounding rules.
SERVICES = ["compute"] * 10 + ["token", "model", "adaptation", "tech_support", "storage",
                               "network", "database", "security", "other"]
CLASSES = ["intelligent"] * 6 + ["supercomputing", "quantum", "general"]
KINDS = ["enterprise"] * 6 + ["research_institute", "university", "opc", "new_rnd_institution"]
FAST = settings(max_examples=120, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow])


def _fen(n: int) -> str:
    return f"{Decimal(n) / 100:.2f}"


@st.composite
def lines(draw: st.DrawFn) -> dict[str, Any]:
    start = date(2025, 9, 1) + timedelta(days=draw(st.integers(0, 480)))
    end = min(start + timedelta(days=draw(st.integers(0, 200))), date(2026, 12, 31))
    return {
        "contract": draw(st.sampled_from(["HT-1", "HT-2"])),
        "service": draw(st.sampled_from(SERVICES)),
        "compute_class": draw(st.sampled_from(CLASSES)),
        "domestic": draw(st.booleans()),
        "amount": _fen(draw(st.integers(0, 5_000_000_000))),
        "tax": _fen(draw(st.integers(0, 300_000_000))),
        "period_start": start.isoformat(),
        "period_end": end.isoformat(),
    }


@st.composite
def applications(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    policy = draw(st.sampled_from(POLICIES))
    app = {
        "id": "P",
        "claimed_at": f"{CLAIM_DAY[policy].isoformat()}T{draw(st.integers(0, 23)):02d}:00:00+08:00",
        "applicant": {"name": "测试", "uscc": "X", "kind": draw(st.sampled_from(KINDS)),
                      "sme": draw(st.booleans()),
                      "received_this_year": _fen(draw(st.one_of(
                          st.just(0), st.just(0), st.integers(0, 3_500_000_000))))},
        "direction": draw(st.integers(1, 4)),
        "score": draw(st.integers(0, 100)),
        "contracts": [
            {"id": f"HT-{i}", "total": _fen(draw(st.integers(0, 4_000_000_000))),
             "signed_on": "2025-09-01",
             "other_fiscal_support": _fen(draw(st.integers(0, 200_000_000)))}
            for i in (1, 2)
        ],
        "lines": draw(st.lists(lines(), min_size=1, max_size=4)),
    }
    return policy, app


def _cap(policy_id: str, app: dict[str, Any]) -> Decimal:
    policy = load_policy(policy_id)
    caps = policy.value_on("cap", CLAIM_DAY[policy_id])
    cap = caps.get(str(app["direction"]), caps.get("*"))
    return max(Decimal(0), cap - Decimal(app["applicant"]["received_this_year"]))


def _max_rate(policy_id: str) -> Decimal:
    policy = load_policy(policy_id)
    day = CLAIM_DAY[policy_id]
    top = max(policy.value_on("rate", day).values())
    bonus = policy.value_on("sme_rate_bonus", day) if policy.has("sme_rate_bonus") else 0
    return min(Decimal(1), top + bonus)


@FAST
@given(applications())
def test_subsidy_bounded(case: tuple[str, dict[str, Any]]) -> None:
    policy_id, app = case
    result = compute(app, policy_id)
    policy = load_policy(policy_id)
    day = CLAIM_DAY[policy_id]
    assert result.subsidy >= 0
    assert result.subsidy <= _cap(policy_id, app)
    ceiling = quantize(_max_rate(policy_id) * result.base,
                       policy.value_on("rounding_quantum", day),
                       policy.value_on("rounding_mode", day))
    assert result.subsidy <= ceiling
    if policy.has("pool_size"):
        assert result.subsidy <= policy.value_on("pool_size", day)
    assert result.subsidy == result.subsidy.quantize(Decimal("0.01"))
    assert result.eligible == (result.subsidy > 0)


@FAST
@given(applications(), st.integers(0, 3), st.integers(1, 2_000_000_000))
def test_monotone_in_amount(case: tuple[str, dict[str, Any]], which: int, extra: int) -> None:
    policy_id, app = case
    before = compute(app, policy_id).subsidy
    line = app["lines"][which % len(app["lines"])]
    line["amount"] = f"{Decimal(line['amount']) + Decimal(extra) / 100:.2f}"
    after = compute(app, policy_id).subsidy
    assert after >= before


@FAST
@given(st.lists(applications(), min_size=1, max_size=8),
       st.sampled_from(POLICIES),
       st.integers(0, 2_000_000_000),
       st.sampled_from(["first_come", "rank", "scaled"]))
def test_grants_never_exceed_the_budget(
    cases: list[tuple[str, dict[str, Any]]], policy_id: str, budget_fen: int, mode: str
) -> None:
    policy = load_policy(policy_id)
    results = []
    for i, (_, app) in enumerate(cases):
        app["id"] = f"A{i}"
        app["claimed_at"] = f"{CLAIM_DAY[policy_id].isoformat()}T0{i}:00:00+08:00"
        results.append(compute(app, policy))
    budget = Decimal(budget_fen) / 100
    allocation = allocate(results, policy, budget=budget, mode=mode)
    assert allocation.granted <= budget
    for grant, result in zip(sorted(allocation.grants, key=lambda g: g.id),
                             sorted(results, key=lambda r: r.id), strict=False):
        assert 0 <= grant.granted <= result.subsidy
