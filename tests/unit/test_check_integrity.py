"""初审 integrity rules: related party, duplicate invoice/contract, price against the reference
table, documents nothing could be read from."""

from __future__ import annotations

from slq_desk.checks.rules import integrity as i
from tests.unit.check_builders import (
    APPLICANT,
    APPLICANT_ID,
    SUPPLIER,
    codes,
    contract,
    doc,
    form,
    invoice,
    params,
    view,
)


def test_supplier_among_shareholders_is_related() -> None:
    v = view("hunan-2026", docs=[contract(), form("declaration", shareholders=["张三", SUPPLIER])])
    found = i.related_party(v, params("hunan-2026"))
    assert codes(found) == ["related_party"] and found[0].article == "二（一）4"
    assert found[0].evidence[0].field == "items[1].name"
    assert i.related_party(view("hunan-2026", docs=[contract(), form("declaration")]),
                           params("hunan-2026")) == []


def test_supplier_that_is_the_applicant_is_related() -> None:
    v = view(docs=[contract(supplier_name=APPLICANT, supplier_id=APPLICANT_ID)])
    assert codes(i.related_party(v, params())) == ["related_party"]


def test_duplicate_invoice_in_another_application_or_twice_here() -> None:
    v = view(docs=[invoice()], invoices_elsewhere={"26420000000000000001": ["app-0"]})
    found = i.duplicate_invoice(v, params())
    assert codes(found) == ["duplicate_invoice"] and "app-0" in found[0].message_zh
    assert found[0].article == "第九条（二）"
    twice = view(docs=[invoice(), invoice(file="03-发票-2.pdf")])
    assert codes(i.duplicate_invoice(twice, params())) == ["duplicate_invoice"]
    assert i.duplicate_invoice(view(), params()) == []


def test_older_invoices_are_keyed_by_code_and_number() -> None:
    old = invoice(number="12345678", invoice_code="042001900111")
    other_code = view(docs=[old], invoices_elsewhere={"042001900112-12345678": ["app-0"]})
    assert i.duplicate_invoice(other_code, params()) == []
    same = view(docs=[old], invoices_elsewhere={"042001900111-12345678": ["app-0"]})
    assert codes(i.duplicate_invoice(same, params())) == ["duplicate_invoice"]


def test_duplicate_contract() -> None:
    v = view("dazhou-2026", docs=[contract()], contracts_elsewhere={"HT-2026-001": ["app-0"]})
    found = i.duplicate_contract(v, params("dazhou-2026"))
    assert codes(found) == ["duplicate_contract"] and found[0].article == "第七条"


def test_price_above_market_from_the_reference_table() -> None:
    dear = view(docs=[contract(unit_price="38.40", card_model="NVIDIA A800"),
                      invoice(spec="NVIDIA A800", unit_price="38.40")])
    found = i.unit_price(dear, params("hunan-2026"))
    assert codes(found) == ["price_above_market"], "one finding per model and price"
    assert found[0].article == "三（二）" and found[0].evidence[0].field == "unit_price"
    assert i.unit_price(view(), params()) == []
    cheap = view(docs=[contract(unit_price="1.00")])
    assert codes(i.unit_price(cheap, params())) == ["price_below_market"]


def test_readable_document_without_any_field_needs_a_person() -> None:
    blank = doc("invoice", "03-发票-9.pdf", {})
    assert codes(i.image_only(view(docs=[blank]), params())) == ["nothing_extracted"]
    assert i.image_only(view(), params()) == []


def test_the_first_claim_keeps_a_shared_invoice() -> None:
    from datetime import datetime

    from tests.unit.check_builders import CST

    early = datetime(2026, 3, 1, tzinfo=CST)
    first = view(docs=[invoice()], invoices_elsewhere={"26420000000000000001": ["app-0"]},
                 claimed_elsewhere={"app-0": datetime(2026, 4, 1, tzinfo=CST)}, claimed=early)
    assert not i.duplicate_left_out(first, first.documents[0])
    assert "申领在先" in i.duplicate_invoice(first, params())[0].message_zh
    later = view(docs=[invoice()], invoices_elsewhere={"26420000000000000001": ["app-0"]},
                 claimed_elsewhere={"app-0": datetime(2026, 2, 1, tzinfo=CST)}, claimed=early)
    assert i.duplicate_left_out(later, later.documents[0])
    assert "不计入补贴基数" in i.duplicate_invoice(later, params())[0].message_zh
