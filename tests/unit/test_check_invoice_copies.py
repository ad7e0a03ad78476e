"""One invoice sent in two formats (its OFD beside its XML) is one invoice: counted once in
every sum and in the base, said as information, not blocked as a second claim; and the usage
log is compared with the invoices on the tax basis it states."""

from __future__ import annotations

from dataclasses import replace

from slq_desk.checks.model import BLOCK, CheckFinding
from slq_desk.checks.rules import consistency as c
from slq_desk.checks.rules import integrity as i
from slq_desk.checks.runner import _left_out, calculation_findings
from slq_desk.checks.view import invoice_copies
from slq_desk.policy.trace import INELIGIBLE, Reason
from tests.unit.check_builders import codes, contract, doc, invoice, params, payment, usage_log, view

OFD, XML = "application/ofd", "application/xml"


def _copies() -> tuple:
    pdf = invoice(file="发票.pdf")
    ofd = replace(invoice(file="dzfp.ofd"), media_type=OFD)
    xml = replace(invoice(file="dzfp.xml"), media_type=XML)
    return pdf, ofd, xml


def test_one_invoice_in_three_formats_is_counted_once() -> None:
    pdf, ofd, xml = _copies()
    v = view(docs=[contract(), pdf, ofd, xml, payment(), usage_log()])
    assert set(invoice_copies(v)) == {ofd.id, xml.id}
    found = i.duplicate_invoice(v, params())
    assert codes(found) == ["invoice_copy", "invoice_copy"]
    assert all(f.severity == "info" for f in found)
    assert c.invoices_vs_payments(v, params()) == []
    assert c.invoices_vs_contract(v, params()) == []
    assert c.usage_vs_invoices(v, params()) == []
    assert _left_out(v, found) == {ofd.id, xml.id}


def test_same_format_or_other_figures_stay_a_duplicate() -> None:
    twice = view(docs=[contract(), invoice(), invoice(file="发票-副本.pdf")])
    assert invoice_copies(twice) == {}
    assert codes(i.duplicate_invoice(twice, params())) == ["duplicate_invoice"]
    other = replace(invoice(file="dzfp.ofd", total="206000.00"), media_type=OFD)
    differ = view(docs=[contract(), invoice(), other])
    assert invoice_copies(differ) == {}
    assert codes(i.duplicate_invoice(differ, params())) == ["duplicate_invoice"]
    assert codes(c.invoices_vs_payments(view(docs=[invoice(), other, payment()]), params())) \
        == ["invoice_payment_mismatch"]


def test_usage_log_with_tax_is_compared_with_tax() -> None:
    # Invoice lines: 100,000.00 + 6,000.00 tax. A log headed 含税 shows 106,000.00: agreed.
    with_tax = usage_log("106000.00")
    with_tax.fields["amount_includes_tax"] = replace(with_tax.fields["amount"], value="true")
    assert c.usage_vs_invoices(view(docs=[contract(), invoice(), with_tax]), params()) == []
    # The same log saying 不含税 disagrees, and so does 100,000.00 said to include tax.
    without = usage_log("106000.00")
    without.fields["amount_includes_tax"] = replace(without.fields["amount"], value="false")
    found = c.usage_vs_invoices(view(docs=[contract(), invoice(), without]), params())
    assert codes(found) == ["usage_invoice_mismatch"] and "不含税" in found[0].message_zh
    said_with = usage_log("100000.00")
    said_with.fields["amount_includes_tax"] = replace(said_with.fields["amount"], value="true")
    found = c.usage_vs_invoices(view(docs=[contract(), invoice(), said_with]), params())
    assert codes(found) == ["usage_invoice_mismatch"] and "含税" in found[0].message_zh
    # A log that does not say agrees with either figure.
    assert c.usage_vs_invoices(view(docs=[contract(), invoice(), usage_log("106000.00")]),
                               params()) == []


def test_usage_log_not_compared_with_an_invoice_whose_lines_were_not_read() -> None:
    read = invoice(amount="160000.00", tax="9600.00", total="169600.00")
    unread = doc("invoice", "发票扫描.pdf", {"invoice_number": "26510000050000000009",
                                          "amount": "160000.00", "tax": "9600.00",
                                          "total": "169600.00"})
    v = view(docs=[contract(), read, unread, usage_log("320000.00")])
    assert c.usage_vs_invoices(v, params()) == []
    # Both read: 320,000.00 against 160,000.00 is a real mismatch.
    half = view(docs=[contract(), read, usage_log("320000.00")])
    assert codes(c.usage_vs_invoices(half, params())) == ["usage_invoice_mismatch"]


def test_no_eligible_lines_is_said_by_the_missing_direction() -> None:
    nil = Reason("no_eligible_lines", "二（一）", INELIGIBLE, {})
    missing = CheckFinding("direction_missing", BLOCK, "未明确申报方向", "no direction")
    assert calculation_findings([nil], [missing]) == []
    assert codes(calculation_findings([nil], [])) == ["no_eligible_lines"]
