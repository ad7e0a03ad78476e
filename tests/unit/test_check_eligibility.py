"""初审 eligibility rules: period in force, applicant kind, region, USCC, threshold, window,
Beijing directions, Dazhou's year-end term, Hunan's filing form, Chengdu's quota month, and the
statement on other support. Each rule: fires on the bent case, silent on the clean one."""

from __future__ import annotations

from datetime import datetime

from slq_desk.checks.rules import eligibility as e
from tests.unit.check_builders import BEIJING_ID, CST, codes, contract, form, invoice, params, view


def test_claim_outside_period() -> None:
    early = view("hunan-2026", docs=[], claimed=datetime(2026, 4, 1, tzinfo=CST))
    found = e.claim_outside_period(early, params("hunan-2026", early))
    assert codes(found) == ["claim_outside_period"] and found[0].article == "六、1"
    ok = view("hunan-2026", docs=[], claimed=datetime(2026, 6, 1, tzinfo=CST))
    assert e.claim_outside_period(ok, params("hunan-2026", ok)) == []


def test_rules_judge_an_early_claim_by_the_first_day_in_force() -> None:
    early = view("hunan-2026", docs=[], claimed=datetime(2026, 4, 1, tzinfo=CST))
    p = params("hunan-2026", early)
    assert p.day.isoformat() == "2026-05-06" and p.value("threshold") is not None


def test_applicant_kind_not_supported() -> None:
    uni = view("hunan-2026", docs=[], name="湖南某某大学")
    found = e.applicant_kind(uni, params("hunan-2026"))
    assert codes(found) == ["applicant_kind_not_supported"] and found[0].article == "二（一）1"
    assert e.applicant_kind(view("wuhan-2026", docs=[], name="武汉某某大学"), params()) == []
    overridden = view("hunan-2026", docs=[], name="湖南某某大学", overrides={"applicant_kind": "enterprise"})
    assert e.applicant_kind(overridden, params("hunan-2026")) == []


def test_region_mismatch_from_the_uscc_division() -> None:
    assert e.region(view(docs=[]), params()) == []
    found = e.region(view(docs=[], uscc=BEIJING_ID), params())
    assert codes(found) == ["region_mismatch"] and found[0].severity == "warn"
    assert found[0].article == "第四条"


def test_applicant_uscc_invalid_unless_ingest_said_so() -> None:
    bad = view(docs=[], uscc="91420106MA4KX12343")
    assert codes(e.applicant_uscc(bad, params())) == ["uscc_invalid"]
    from slq_desk.checks.model import CheckFinding
    bad.ingest_findings.append(CheckFinding("uscc_invalid", "block", "x", "x", stage="ingest"))
    assert e.applicant_uscc(bad, params()) == []
    assert e.applicant_uscc(view(docs=[]), params()) == []


def test_below_threshold_counts_covered_lines_only() -> None:
    # Wuhan measures the tax-excluded amount: 49,000 + storage 5,000 is below 50,000.
    storage = {"name": "*信息技术服务*存储服务", "spec": "", "unit": "TB", "amount": "5000.00",
               "tax": "300.00"}
    small = view(docs=[invoice(amount="49000.00", tax="2940.00", total="57240.00",
                               extra_items=[storage])])
    found = e.threshold(small, params())
    assert codes(found) == ["below_threshold"] and "49000.00" in found[0].message_zh
    assert found[0].evidence[0].file == "03-发票-1.pdf" and found[0].evidence[0].page == 0
    assert e.threshold(view(), params()) == []


def test_outside_window_blocks_when_wholly_outside_warns_when_straddling() -> None:
    wholly = view("hunan-2026", docs=[contract(term_start="2025-05-01", term_end="2025-10-20")])
    found = e.window(wholly, params("hunan-2026"))
    assert codes(found) == ["outside_window"] and found[0].severity == "block"
    assert found[0].article == "三" and found[0].evidence[0].field == "term_start"
    straddle = view("beijing-2026", docs=[contract(term_start="2026-01-05", term_end="2026-06-30")],
                    claimed=datetime(2026, 7, 20, tzinfo=CST))
    found = e.window(straddle, params("beijing-2026", straddle))
    assert codes(found) == ["outside_window"] and found[0].severity == "warn"
    inside = view("hunan-2026", docs=[contract(term_start="2026-01-05", term_end="2026-06-30")])
    assert e.window(inside, params("hunan-2026")) == []


def test_beijing_direction_rules() -> None:
    p = params("beijing-2026")
    assert codes(e.direction(view("beijing-2026", docs=[]), p)) == ["direction_missing"]
    assert codes(e.direction(view("beijing-2026", docs=[], direction=7), p)) == ["direction_invalid"]
    company = view("beijing-2026", docs=[], direction=1, name="北京某某科技有限公司")
    assert codes(e.direction(company, p)) == ["direction_applicant_kind"]
    institute = view("beijing-2026", docs=[], direction=1, name="北京某某人工智能研究院")
    assert e.direction(institute, p) == []
    small = view("beijing-2026", docs=[contract(total="1000000.00")], direction=2)
    found = e.direction(small, p)
    assert codes(found) == ["contract_total_below_direction_minimum"] and found[0].article == "一（四）"
    disagree = view("beijing-2026", docs=[form("usage_table", direction="3")], direction=2)
    assert codes(e.direction(disagree, p)) == ["direction_invalid"]


def test_dazhou_contract_term_beyond_year_end() -> None:
    long = view("dazhou-2026", docs=[contract(term_end="2027-03-31")])
    found = e.contract_term(long, params("dazhou-2026"))
    assert codes(found) == ["contract_term_beyond_year_end"] and found[0].article == "第十一条"
    assert e.contract_term(view("dazhou-2026", docs=[contract()]), params("dazhou-2026")) == []
    assert e.contract_term(view(docs=[contract(term_end="2027-03-31")]), params()) == []


def test_hunan_filing_form_within_30_days() -> None:
    p = params("hunan-2026")
    late = view("hunan-2026", docs=[contract(), form("filing", filed_on="2026-03-01")])
    found = e.filing_deadline(late, p)
    assert codes(found) == ["filing_late"] and found[0].article == "四、3"
    on_time = view("hunan-2026", docs=[contract(), form("filing", filed_on="2026-01-20")])
    assert e.filing_deadline(on_time, p) == []
    undated = view("hunan-2026", docs=[contract(), form("filing")])
    assert [f.severity for f in e.filing_deadline(undated, p)] == ["info"]


def test_chengdu_quota_lapses_after_one_month_without_invoice() -> None:
    p = params("chengdu-2026")
    late = view("chengdu-2026", docs=[form("declaration", quota_granted_on="2026-01-05"), invoice()])
    found = e.quota_validity(late, p)
    assert codes(found) == ["quota_lapsed"] and found[0].article == "第十条"
    ok = view("chengdu-2026", docs=[form("declaration", quota_granted_on="2026-01-20"), invoice()])
    assert e.quota_validity(ok, p) == []


def test_other_support_statement_required_where_support_is_limited() -> None:
    missing = view("beijing-2026", docs=[contract(other_subsidy_clause="false")])
    found = e.other_support(missing, params("beijing-2026"))
    assert codes(found) == ["other_support_undeclared"] and "二（四）" in found[0].article
    assert e.other_support(view("beijing-2026", docs=[contract()]), params("beijing-2026")) == []
    assert e.other_support(view(docs=[contract(other_subsidy_clause="false")]), params()) == []
