"""The calculator explains itself: every parameter read and every figure carries its article,
and the POLICIES.md readings are switched by policy data, not by code."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from test_calc_helpers import application

from slq_desk.policy import compute, list_policies, load_policy, load_policy_file
from slq_desk.resources import resource_path


def _variant(tmp_path: Path, policy_id: str, old: str, new: str) -> object:
    text = resource_path("policies", f"{policy_id}.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / f"{policy_id}.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_policy_file(path)


def test_parameter_reads_are_recorded_with_article_and_quote() -> None:
    result = compute(application(), "wuhan-2026")
    by_rule = {s.rule: s for s in result.steps}
    rate = by_rule["parameter:rate[compute/domestic/*]"]
    assert rate.value == Decimal("0.30")
    assert rate.article == "第七条"
    assert "自主可控算力服务，按服务实际发生金额的30%补贴" in (rate.quote or "")
    assert by_rule["parameter:cap[*]"].value == Decimal("3000000")
    assert by_rule["parameter:rounding_quantum"].reading == 1
    assert result.subsidy == Decimal("300000.00")


def test_no_step_without_an_article_under_any_policy() -> None:
    for pid in list_policies():
        for direction in (1, 2, 3, 4):
            result = compute(application(direction=direction), pid)
            assert result.steps
            for step in result.steps:
                assert step.article, (pid, step.rule)
            assert result.steps[-1].rule == "calc:subsidy"
            assert result.steps[-1].value == result.subsidy


def test_output_shape_amounts_are_strings() -> None:
    out = compute(application(), "wuhan-2026").to_dict()
    assert set(out) >= {"id", "policy", "eligible", "subsidy", "base", "reasons", "steps"}
    assert out["subsidy"] == "300000.00" and out["base"] == "1000000.00"
    text = json.dumps(out, ensure_ascii=False)
    assert "300000.00" in text
    for step in out["steps"]:
        assert {"rule", "article", "value"} <= set(step)
        assert not isinstance(step["value"], float)


def test_reasons_have_both_languages_and_an_article() -> None:
    app = application(lines=[
        {"contract": "HT-1", "service": "storage", "domestic": True, "amount": "10.00",
         "tax": "0", "period_start": "2026-01-10", "period_end": "2026-01-20"},
    ])
    out = compute(app, "chengdu-2026").to_dict()
    excluded = next(r for r in out["reasons"] if r["code"] == "service_excluded")
    assert excluded["article"] == "第二条"
    assert "存储" in excluded["message"] or "storage" in excluded["message"]
    assert "excluded" in excluded["message_en"]


def test_dict_and_facts_inputs_agree() -> None:
    from slq_desk.policy import parse_application

    app = application()
    assert compute(app, "hunan-2026").to_dict() == compute(parse_application(app),
                                                           "hunan-2026").to_dict()


def test_policy_taken_from_the_application() -> None:
    assert compute(application(policy="dazhou-2026")).policy == "dazhou-2026"


def test_ineligible_keeps_the_computed_figure_but_pays_nothing() -> None:
    app = application()
    app["applicant"]["kind"] = "new_rnd_institution"
    result = compute(app, "wuhan-2026")
    assert not result.eligible
    assert result.subsidy == 0
    assert result.computed == Decimal("300000.00")


# Readings as data: changing the parameter changes the figure, with no code change.


def test_reading_1_rounding_stage_is_data(tmp_path: Path) -> None:
    app = application()
    app["applicant"]["received_this_year"] = "2950500.00"
    app["lines"][0]["amount"] = "200000.00"
    wuhan = load_policy("wuhan-2026")
    assert compute(app, wuhan).subsidy == Decimal("49500.00")  # capped after rounding
    after = _variant(tmp_path, "wuhan-2026", 'value = "before_cap"', 'value = "after_cap"')
    assert compute(app, after).subsidy == Decimal("50000.00")  # 49,500 rounded half-up


def test_reading_5_sme_bonus_mode_is_data(tmp_path: Path) -> None:
    app = application()
    app["applicant"]["sme"] = True
    assert compute(app, "chengdu-2026").subsidy == Decimal("636000.00")
    factor = _variant(tmp_path, "chengdu-2026", 'value = "add_points"', 'value = "multiply"')
    assert compute(app, factor).subsidy == Decimal("583000.00")  # 1,060,000 × 55%


def test_reading_4_minimum_rule_is_data(tmp_path: Path) -> None:
    app = application()
    app["lines"][0].update(amount="10000.00", tax="0")
    low = compute(app, "chengdu-2026")
    assert not low.eligible and low.subsidy == 0
    top_up = _variant(tmp_path, "chengdu-2026", 'value = "not_granted"', 'value = "top_up"')
    raised = compute(app, top_up)
    assert raised.eligible and raised.subsidy == Decimal("10000.00")


def test_reading_11_tax_in_base_is_data(tmp_path: Path) -> None:
    app = application()
    assert compute(app, "wuhan-2026").base == Decimal("1000000.00")
    with_tax = _variant(tmp_path, "wuhan-2026", "value = false\ncite = { article = \"第七条\", "
                        "quote = \"按服务实际发生金额（不含税费，下同）\"",
                        "value = true\ncite = { article = \"第七条\", "
                        "quote = \"按服务实际发生金额（不含税费，下同）\"")
    assert compute(app, with_tax).base == Decimal("1060000.00")


def test_dated_values_pick_by_claim_date(tmp_path: Path) -> None:
    text = resource_path("policies", "dazhou-2026.toml").read_text(encoding="utf-8")
    old = ('[params.rate]\nkind = "rate_map"\nvalid_from = 2026-01-01\n'
           'value = { "*/*/*" = "0.50" }\n')
    assert old in text
    new = ('[params.rate]\nkind = "rate_map"\nvalues = [\n'
           '  { valid_from = 2026-01-01, valid_to = 2026-06-30, value = { "*/*/*" = "0.50" }, '
           'cite = { article = "第七条", quote = "50%" } },\n'
           '  { valid_from = 2026-07-01, value = { "*/*/*" = "0.40" }, '
           'cite = { article = "第七条", quote = "50%", note = "test" } },\n]\n'
           '[params.rate_unused]\nkind = "rate_map"\nvalid_from = 2026-01-01\n'
           'value = { "*/*/*" = "0.50" }\n')
    path = tmp_path / "dazhou-2026.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    policy = load_policy_file(path)
    early = application(claimed_at="2026-06-30T23:00:00+08:00")
    late = application(claimed_at="2026-07-01T08:00:00+08:00")
    for app in (early, late):
        app["lines"][0].update(amount="100000.00", tax="0")
    assert compute(early, policy).subsidy == Decimal("50000.00")
    assert compute(late, policy).subsidy == Decimal("40000.00")
    assert policy.resolved(date(2026, 7, 1)) is policy.resolved(date(2026, 7, 1))


@pytest.mark.parametrize("pid", ["wuhan-2026", "dazhou-2026", "chengdu-2026", "hunan-2026",
                                 "beijing-2026"])
def test_policy_exposes_checks_data(pid: str) -> None:
    policy = load_policy(pid)
    day = policy.parameter("in_force").values[0].valid_from
    assert policy.value_on("materials_apply", day) is not None
    assert policy.value_on("amount_tolerance", day) == Decimal("0.01")
    assert policy.value_on("region", day) == policy.region
    assert policy.value_on("allocation_mode", day) in {"first_come", "rank", "scaled", "none"}
