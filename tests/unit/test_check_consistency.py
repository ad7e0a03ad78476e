"""初审 consistency rules: parties, sums, dates, excluded services, 大写/小写 and QR figures."""

from __future__ import annotations

from slq_desk.checks.model import CheckFinding, Evidence
from slq_desk.checks.rules import consistency as c
from tests.unit.check_builders import SUPPLIER, codes, contract, doc, invoice, params, payment, usage_log, view


def test_clean_application_is_consistent() -> None:
    v, p = view(), params()
    for rule in (c.invoice_buyer, c.contract_buyer, c.invoice_seller, c.payment_parties,
                 c.invoices_vs_payments, c.invoices_vs_contract, c.usage_vs_invoices,
                 c.dates_after_signing, c.excluded_services, c.amount_in_words, c.qr_figures):
        assert rule(v, p) == [], rule.__name__


def test_buyer_mismatch_points_at_the_buyer_fields() -> None:
    v = view(docs=[contract(), invoice(buyer_name="武汉别家科技有限公司", buyer_id="91420106MA4KX56786")])
    found = c.invoice_buyer(v, params())
    assert codes(found) == ["buyer_mismatch"] and found[0].severity == "block"
    assert {e.field for e in found[0].evidence} == {"buyer_name", "buyer_id"}
    # Full-width brackets and spaces are not a different company.
    same = view(name="武汉知行（光谷）科技有限公司",
                docs=[invoice(buyer_name="武汉知行(光谷) 科技有限公司")])
    assert c.invoice_buyer(same, params()) == []


def test_contract_buyer_and_invoice_seller_mismatch() -> None:
    v = view(docs=[contract(buyer_name="别人"), invoice(seller_name="另一家算力公司",
                                                      seller_id="91110108MA01AB123T")])
    assert codes(c.contract_buyer(v, params())) == ["contract_party_mismatch"]
    found = c.invoice_seller(v, params())
    assert codes(found) == ["seller_mismatch"]
    assert any(e.field == "supplier_name" for e in found[0].evidence)


def test_payment_from_someone_else_is_a_warning() -> None:
    receipt = doc("payment_receipt", "p.pdf", {"payer_name": "别人", "payee_name": SUPPLIER,
                                               "amount": "106000.00"})
    found = c.payment_parties(view(docs=[contract(), receipt]), params())
    assert codes(found) == ["payment_party_mismatch"] and found[0].severity == "warn"


def test_invoice_payment_mismatch_beyond_tolerance() -> None:
    short = view(docs=[contract(), invoice(), payment("86000.00")])
    found = c.invoices_vs_payments(short, params())
    assert codes(found) == ["invoice_payment_mismatch"] and "20000.00" in found[0].message_zh
    assert {e.file for e in found[0].evidence} == {"03-发票-1.pdf", "04-付款回单-1.pdf"}
    # One fen is within the tolerance parameter (0.01).
    assert c.invoices_vs_payments(view(docs=[invoice(), payment("105999.99")]), params()) == []


def test_sums_are_not_compared_when_a_needed_file_is_unreadable() -> None:
    broken = doc("payment_receipt", "04-付款回单-2.pdf", readable=False)
    v = view(docs=[contract(), invoice(), payment("50000.00"), broken])
    assert c.invoices_vs_payments(v, params()) == []


def test_invoices_above_contract_total_warn() -> None:
    v = view(docs=[contract(total="50000.00"), invoice()])
    found = c.invoices_vs_contract(v, params())
    assert codes(found) == ["invoice_contract_mismatch"] and found[0].severity == "warn"


def test_usage_log_against_invoiced_compute() -> None:
    v = view(docs=[contract(), invoice(), usage_log("90000.00")])
    assert codes(c.usage_vs_invoices(v, params())) == ["usage_invoice_mismatch"]


def test_invoice_dated_before_signing() -> None:
    v = view(docs=[contract(signed_on="2026-03-01"), invoice()])
    found = c.dates_after_signing(v, params())
    assert codes(found) == ["dated_before_signing"]
    assert [e.field for e in found[0].evidence] == ["issue_date", "signed_on"]


def test_excluded_service_lines_in_invoice_and_contract() -> None:
    storage = {"name": "*信息技术服务*存储服务", "spec": "并行存储", "unit": "TB·月",
               "amount": "1000.00", "tax": "60.00"}
    v = view("chengdu-2026", docs=[invoice(extra_items=[storage])])
    found = c.excluded_services(v, params("chengdu-2026"))
    assert codes(found) == ["excluded_service"] and found[0].article == "第二条"
    assert found[0].evidence[0].field == "items[1].name"
    # Wuhan has no exclusion list; storage is simply not among the covered services.
    assert codes(c.excluded_services(view(docs=[invoice(extra_items=[storage])]), params())) == [
        "excluded_service"]
    # Dazhou covers technical support for adapting compute.
    support = dict(storage, name="*信息技术服务*技术支持服务")
    assert c.excluded_services(view("dazhou-2026", docs=[invoice(extra_items=[support])]),
                               params("dazhou-2026")) == []


def test_amount_words_mismatch_unless_ingest_reported_it() -> None:
    wrong = invoice(total_in_words="壹拾万零柒仟圆整")
    v = view(docs=[wrong])
    assert codes(c.amount_in_words(v, params())) == ["amount_words_mismatch"]
    v.ingest_findings.append(CheckFinding("amount_words_mismatch", "block", "x", "x",
                                          evidence=[Evidence(wrong.id, wrong.sha256, wrong.file)],
                                          stage="ingest"))
    assert c.amount_in_words(v, params()) == []


def test_qr_figures_against_the_printed_ones() -> None:
    v = view(docs=[invoice(qr_amount="99999.00", qr_invoice_number="26420000000000000001")])
    assert codes(c.qr_figures(v, params())) == ["qr_mismatch"]


def test_general_compute_and_foreign_tokens_are_not_covered() -> None:
    cpu = {"name": "*信息技术服务*通用算力云主机", "spec": "32核CPU", "unit": "台·月",
           "amount": "3000.00", "tax": "180.00"}
    found = c.excluded_services(view("chengdu-2026", docs=[invoice(extra_items=[cpu])]),
                                params("chengdu-2026"))
    assert codes(found) == ["excluded_service"] and "通用算力" in found[0].message_zh
    gpt = {"name": "*信息技术服务*大模型API调用服务", "spec": "GPT-4o", "unit": "百万Tokens",
           "amount": "900.00", "tax": "54.00"}
    found = c.excluded_services(view(docs=[invoice(extra_items=[gpt])]), params())
    assert codes(found) == ["excluded_service"] and "非国产模型" in found[0].message_zh
    deepseek = dict(gpt, spec="DeepSeek-V3")
    assert c.excluded_services(view(docs=[invoice(extra_items=[deepseek])]), params()) == []
