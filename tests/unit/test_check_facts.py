"""Facts for the calculator assembled from extracted fields, each with its evidence."""

from __future__ import annotations

from datetime import datetime

from slq_desk.checks.facts import assemble, infer_applicant_kind
from slq_desk.checks.runner import check_view
from slq_desk.policy import compute, load_policy
from tests.unit.check_builders import CST, contract, form, invoice, params, usage_log, view


def test_invoice_lines_grouped_by_service_with_evidence() -> None:
    storage = {"name": "*信息技术服务*存储服务", "spec": "", "unit": "TB", "amount": "2000.00",
               "tax": "120.00"}
    second = invoice(file="03-发票-2.pdf", number="26420000000000000002", amount="50000.00",
                     tax="3000.00", total="53000.00", extra_items=[storage])
    facts = assemble(view(docs=[contract(), invoice(), second]), params())
    lines = facts.application["lines"]
    assert [(l["service"], l["amount"], l["tax"], l["domestic"]) for l in lines] == [
        ("compute", "150000.00", "9000.00", True), ("storage", "2000.00", "120.00", False)]
    files = [e.file for e in facts.evidence["lines[0].amount"]]
    assert files == ["03-发票-1.pdf", "03-发票-2.pdf"]
    assert facts.evidence["contracts[0].total"][0].field == "total"
    result = compute(facts.application, load_policy("wuhan-2026"))
    assert result.eligible and str(result.base) == "150000.00"


def test_left_out_invoices_do_not_count() -> None:
    other = invoice(file="03-发票-2.pdf", number="2")
    facts = assemble(view(docs=[contract(), invoice(), other]), params(), {other.id})  # type: ignore[arg-type]
    assert facts.application["lines"][0]["amount"] == "100000.00"
    assert facts.left_out == ["03-发票-2.pdf"]


def test_in_window_amount_from_the_usage_log_days() -> None:
    log = usage_log(days=[("2026-03-30", "40000.00"), ("2026-04-01", "60000.00")])
    v = view("beijing-2026", docs=[contract(term_start="2026-03-01", term_end="2026-04-30"),
                                   invoice(), log], direction=4,
             claimed=datetime(2026, 5, 10, tzinfo=CST))
    facts = assemble(v, params("beijing-2026", v))
    assert facts.application["lines"][0]["in_window_amount"] == "40000.00"


def test_sme_from_the_form_and_kind_from_the_name() -> None:
    facts = assemble(view("chengdu-2026", docs=[form("declaration", sme="false"), invoice()]),
                     params("chengdu-2026"))
    assert facts.application["applicant"]["sme"] is False
    assert facts.application["contracts"][0]["id"] == "（未提供合同）"
    assert infer_applicant_kind("北京知行人工智能研究院", params("beijing-2026")) == "new_rnd_institution"
    assert infer_applicant_kind("武汉某某研究院", params()) == "research_institute"


def test_calculator_ineligibility_is_reported_when_no_rule_blocked() -> None:
    # Chengdu 第六条: a first voucher below 10,000 is not granted (reading 4); the calculator's
    # reason is the finding, with its own code.
    small = invoice(amount="10000.00", tax="600.00", total="10600.00")
    report = check_view(view("chengdu-2026", docs=[contract(total="10600.00"), small]),
                        load_policy("chengdu-2026"))
    [below] = [f for f in report.findings if f.code == "below_minimum"]
    assert below.severity == "block" and below.article == "第六条"
    assert below.evidence and all(e.file == "03-发票-1.pdf" for e in below.evidence)


def test_claim_day_is_the_beijing_date() -> None:
    from datetime import timezone

    # 23:30 UTC on 5 May is 07:30 on 6 May in Beijing: Hunan's 细则 is in force that day.
    utc = datetime(2026, 5, 5, 23, 30, tzinfo=timezone.utc)
    v = view("hunan-2026", docs=[contract(), invoice()], claimed=utc)
    assert v.claim_day.isoformat() == "2026-05-06"
    facts = assemble(v, params("hunan-2026", v))
    assert facts.application["claimed_at"].startswith("2026-05-06T07:30")


def test_other_fiscal_support_declared_on_a_form_reaches_the_calculator() -> None:
    declared = form("usage_table", other_fiscal_support="20000.00")
    v = view("beijing-2026", docs=[contract(), invoice(), declared], direction=4,
             claimed=datetime(2026, 5, 10, tzinfo=CST))
    facts = assemble(v, params("beijing-2026", v))
    assert facts.application["contracts"][0]["other_fiscal_support"] == "20000.00"
    assert facts.evidence["contracts[0].other_fiscal_support"][0].field == "other_fiscal_support"


def test_every_assumption_is_a_warning_with_its_page() -> None:
    """An unread contract, a period taken from the invoices, an invoice whose lines could not
    be read and an unknown card are each a visible warning, never a silent default."""
    from tests.unit.check_builders import doc

    unread = contract(total="", term_start="", term_end="")
    bare = doc("invoice", "03-发票-2.pdf", {"invoice_number": "2", "issue_date": "2026-02-20",
                                          "amount": "5000.00", "tax": "300.00", "total": "5300.00"})
    odd = invoice(spec="XG-9000")
    facts = assemble(view(docs=[unread, odd, bare]), params())
    found = {f.code: f for f in facts.assumptions}
    assert set(found) >= {"contract_not_used", "contract_from_invoices", "period_from_invoices",
                          "invoice_lines_assumed_compute", "domestic_unknown"}
    assert all(f.severity == "warn" for f in facts.assumptions)
    assert found["contract_not_used"].evidence[0].file == "01-服务合同.pdf"
    period = found["period_from_invoices"]
    assert {e.file for e in period.evidence} == {"03-发票-1.pdf", "03-发票-2.pdf"}
    assert all(e.page == 0 for e in period.evidence)
    assert any("XG-9000" in f.message_zh for f in facts.assumptions if f.code == "domestic_unknown")
    # The same warnings reach the 初审 findings (and so the checklist and `check` output).
    report = check_view(view(docs=[unread, odd, bare]), load_policy("wuhan-2026"))
    assert {"contract_not_used", "period_from_invoices"} <= {f.code for f in report.findings}
