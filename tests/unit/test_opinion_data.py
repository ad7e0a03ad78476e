"""OpinionData ⇄ JSON: exact decimals, refusal of floats and foreign data."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from slq_desk.errors import BadInput
from slq_desk.opinion.data import (
    Criterion,
    DocumentRef,
    FindingRef,
    OpinionData,
    SubsidyStep,
)


def sample() -> OpinionData:
    return OpinionData(
        application_id="hunan-x-1", applicant_name="长沙星算智能科技有限公司",
        policy_id="hunan-2026", reviewer="王五", review_date=date(2026, 11, 23),
        applicant_uscc="91430100MA4L0XXXX0", direction=2,
        documents=[DocumentRef("01-服务合同.pdf", "contract", 6, "ab" * 32)],
        findings=[FindingRef("buyer_mismatch", "block", "购买方不一致", "三", "02.pdf", 0)],
        rubric_id="hunan-2026", rubric_version="2026.1",
        criteria=[Criterion("real_usage", "真实算力使用情况", Decimal("26.5"), Decimal("30"),
                            Decimal("30"), "相互印证")],
        total=Decimal("81.50"), recommendation="推荐",
        computed_subsidy=Decimal("318000.10"), recommended_subsidy=Decimal("300000.00"),
        recommendation_reason="酌减", subsidy_steps=[SubsidyStep("补贴", Decimal("0.10"), "三")],
        coi_declared=True, coi_at=datetime(2026, 11, 20, 8, 0, tzinfo=UTC),
    )


def test_round_trip_is_exact() -> None:
    data = sample()
    raw = json.loads(data.json_bytes())
    assert raw["subsidy"]["computed"] == "318000.10"
    assert raw["criteria"][0]["score"] == "26.5"
    back = OpinionData.from_json(raw)
    assert back == data
    assert back.computed_subsidy == Decimal("318000.10")


def test_no_float_anywhere_in_the_json() -> None:
    def walk(node: object) -> None:
        assert not isinstance(node, float), node
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(json.loads(sample().json_bytes()))


def test_float_amount_is_refused() -> None:
    raw = sample().to_json()
    raw["subsidy"]["computed"] = 318000.1
    with pytest.raises(BadInput, match="malformed"):
        OpinionData.from_json(raw)


@pytest.mark.parametrize("mutate", [
    lambda r: r.update(schema="other/thing"),
    lambda r: r.update(schema_version=99),
    lambda r: r.pop("application"),
    lambda r: r.update(review_date="23/11/2026"),
    lambda r: r["documents"].append({"name": "x"}),
])
def test_malformed_data_is_bad_input(mutate: object) -> None:
    raw = sample().to_json()
    mutate(raw)  # type: ignore[operator]
    with pytest.raises(BadInput):
        OpinionData.from_json(raw)


def test_severity_counts() -> None:
    data = sample()
    data.findings.append(FindingRef("x", "warn", "w"))
    data.findings.append(FindingRef("y", "warn", "w"))
    assert data.severity_counts() == {"block": 1, "warn": 2, "info": 0}
