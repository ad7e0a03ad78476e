"""The shared policy rules (slq_desk/policy/rules) on their own: each takes plain inputs and a
ParamReader, so the calculator's recording accessor and the 初审's PolicyParams get the same
answer from the same function."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from slq_desk.checks.params import PolicyParams
from slq_desk.policy import load_policy
from slq_desk.policy.params import Params
from slq_desk.policy.rules import (
    ParamReader,
    amounts,
    contract,
    direction,
    period,
    threshold,
)
from slq_desk.policy.trace import INELIGIBLE, INFO


def readers(policy_id: str, day: date = date(2026, 7, 1)) -> list[ParamReader]:
    """Both accessors for the same policy and day."""
    policy = load_policy(policy_id)
    return [Params(policy.resolved(day), []), PolicyParams(policy, day)]


def test_beijing_time() -> None:
    utc = datetime(2026, 5, 12, 16, 30, tzinfo=timezone.utc)
    assert period.beijing_day(utc) == date(2026, 5, 13)
    assert period.beijing_day(datetime(2026, 5, 12, 23, 59)) == date(2026, 5, 12)  # naive: Beijing
    new_york = datetime(2026, 5, 12, 12, 0, tzinfo=timezone(timedelta(hours=-4)))
    assert period.beijing_day(new_york) == date(2026, 5, 13)


def test_in_force_boundaries_and_span() -> None:
    chengdu = load_policy("chengdu-2026")
    assert period.in_force(chengdu, date(2026, 5, 13)) is None
    refused = period.in_force(chengdu, date(2026, 5, 12))
    assert refused is not None and refused.code == "claim_outside_period"
    assert refused.article == "第十九条" and "2026-05-13至今" in refused.messages()[0]
    dazhou = load_policy("dazhou-2026")
    assert period.in_force(dazhou, date(2026, 3, 16)) is not None
    assert period.in_force(dazhou, date(2026, 3, 17)) is None
    assert period.draft_label(dazhou, date(2026, 7, 1)) == "征求意见稿"
    # What the expert opinion (document) and the 初审意见 (name) print under the policy.
    assert "征求意见稿" in dazhou.document and "征求意见稿" in dazhou.name
    assert period.draft_label(load_policy("wuhan-2026"), date(2026, 7, 1)) is None


@pytest.mark.parametrize("which", [0, 1])
def test_dazhou_term_is_the_claim_year(which: int) -> None:
    p = readers("dazhou-2026", date(2026, 7, 1))[which]
    # Signed 2025-12-20, ends 2026-06-30, claimed 2026: within 31 Dec of the claim year.
    assert contract.contract_term(p, date(2026, 7, 1), [("HT", date(2026, 6, 30), [])]) == []
    [late] = contract.contract_term(p, date(2026, 7, 1), [("HT", date(2027, 1, 1), ["ev"])])
    assert late.article == "第十一条" and late.evidence == ["ev"] and "2026年" in late.messages()[0]
    assert contract.contract_term(readers("wuhan-2026")[which], date(2026, 7, 1),
                                  [("HT", date(2030, 1, 1), [])]) == []


@pytest.mark.parametrize("which", [0, 1])
def test_threshold_readings(which: int) -> None:
    wuhan = readers("wuhan-2026")[which]
    assert threshold.threshold(wuhan, Decimal("30000"), Decimal("20000")) is None
    below = threshold.threshold(wuhan, Decimal("30000"), Decimal("19999.99"))
    assert below is not None and below.effect == INELIGIBLE and below.details["base"] == Decimal("49999.99")
    met = threshold.threshold(wuhan, Decimal("30000"), received_this_year=Decimal("1"))
    assert met is not None and met.code == "threshold_met_by_payout" and met.effect == INFO
    # Dazhou does not count the year's earlier purchases (no such reading).
    dazhou = readers("dazhou-2026")[which]
    assert threshold.threshold(dazhou, Decimal("30000"), Decimal("30000")) is not None
    assert threshold.before_window(readers("hunan-2026")[which])
    assert not threshold.before_window(wuhan)


@pytest.mark.parametrize("which", [0, 1])
def test_chengdu_minimum_and_quota(which: int) -> None:
    p = readers("chengdu-2026")[which]
    assert amounts.below_minimum(p, Decimal("9999.99"), Decimal("0")) is not None
    assert amounts.below_minimum(p, Decimal("6000"), Decimal("20000")) is None
    assert amounts.below_minimum(p, Decimal("10000"), Decimal("0")) is None
    limited, reason = amounts.within_quota(p, Decimal("50000"), Decimal("30000"))
    assert limited == Decimal("30000") and reason is not None and reason.article == "第十二条"
    assert amounts.within_quota(p, Decimal("50000"), None) == (Decimal("50000"), None)
    assert amounts.within_quota(readers("wuhan-2026")[which], Decimal("5"), Decimal("1"))[1] is None


@pytest.mark.parametrize("which", [0, 1])
def test_beijing_direction_two_sums_all_contracts(which: int) -> None:
    p = readers("beijing-2026", date(2026, 4, 20))[which]
    key, wrong = direction.declared_direction(p, 2)
    assert key == "2" and wrong is None
    twelve_eight: list[tuple[str, Decimal, list[object]]] = [("HT-1", Decimal("12000000"), []), ("HT-2", Decimal("8000000"), [])]
    assert direction.direction_contract_total(p, key, twelve_eight) is None
    short = direction.direction_contract_total(p, key, twelve_eight[:1])
    assert short is not None and short.details["total"] == Decimal("12000000")
    assert direction.direction_contract_total(p, "4", twelve_eight[:1]) is None
    assert direction.is_intelligent_compute("compute", "intelligent")
    assert not direction.is_intelligent_compute("storage", "intelligent")
    assert not direction.is_intelligent_compute("compute", "general")
