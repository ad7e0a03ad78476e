"""Hand-built ApplicationViews for the 初审 rule tests: one consistent application per policy,
which each test bends in exactly one place."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from slq_desk.checks.params import PolicyParams
from slq_desk.checks.view import ApplicationView, DocView, FieldView
from slq_desk.policy import load_policy

CST = timezone(timedelta(hours=8))

APPLICANT = "武汉知行数字科技有限公司"
APPLICANT_ID = "91420106MA4KX12342"
SUPPLIER = "武汉算力云科技有限公司"
SUPPLIER_ID = "91420106MA4KX56786"
BEIJING_ID = "91110108MA01AB123T"

_next_id = [0]


def doc(kind: str, file: str, fields: dict[str, str] | None = None,
        items: list[dict[str, str]] | None = None, readable: bool = True) -> DocView:
    _next_id[0] += 1
    n = _next_id[0]
    box = ["10.00", "20.00", "110.00", "32.00"]
    return DocView(
        n, f"{n:064x}", file, kind, 1, readable, None if readable else "pdf_encrypted",
        {k: FieldView(v, 0, box) for k, v in (fields or {}).items()},
        [{k: FieldView(v, 0, box) for k, v in item.items()} for item in (items or [])])


def invoice(file: str = "03-发票-1.pdf", number: str = "26420000000000000001",
            amount: str = "100000.00", tax: str = "6000.00", total: str = "106000.00",
            spec: str = "昇腾910B", unit_price: str = "12.50", quantity: str = "8000",
            extra_items: list[dict[str, str]] | None = None, **fields: str) -> DocView:
    values = {"invoice_type": "31", "invoice_number": number, "issue_date": "2026-02-10",
              "buyer_name": APPLICANT, "buyer_id": APPLICANT_ID, "seller_name": SUPPLIER,
              "seller_id": SUPPLIER_ID, "amount": amount, "tax": tax, "total": total,
              "total_in_words": "壹拾万零陆仟圆整"}
    values.update(fields)
    items = [{"name": "*信息技术服务*算力租赁服务", "spec": spec, "unit": "卡时",
              "quantity": quantity, "unit_price": unit_price, "amount": amount, "tax_rate": "6%",
              "tax": tax}]
    return doc("invoice", file, values, items + (extra_items or []))


def contract(**fields: str) -> DocView:
    values = {"contract_number": "HT-2026-001", "buyer_name": APPLICANT, "buyer_id": APPLICANT_ID,
              "supplier_name": SUPPLIER, "supplier_id": SUPPLIER_ID, "signed_on": "2026-01-05",
              "term_start": "2026-01-10", "term_end": "2026-06-30", "card_model": "昇腾910B",
              "domestic": "true", "card_hours": "8000", "unit_price": "12.50",
              "total": "106000.00", "other_subsidy_clause": "true"}
    values.update(fields)
    return doc("contract", "01-服务合同.pdf", values,
               [{"name": "智能算力租赁服务", "service": "compute", "amount": "100000.00"}])


def payment(amount: str = "106000.00", file: str = "04-付款回单-1.pdf") -> DocView:
    return doc("payment_receipt", file, {"payer_name": APPLICANT, "payee_name": SUPPLIER,
                                          "amount": amount, "pay_date": "2026-02-20"})


def usage_log(amount: str = "100000.00", days: list[tuple[str, str]] | None = None) -> DocView:
    rows = days or [("2026-02-01", "100000.00")]
    return doc("usage_log", "05-算力使用记录.pdf",
               {"period_start": "2026-01-10", "period_end": "2026-06-30", "card_model": "昇腾910B",
                "card_hours": "8000", "amount": amount},
               [{"date": d, "card_hours": "1", "amount": a} for d, a in rows])


def form(form_type: str, file: str | None = None, shareholders: list[str] | None = None,
         **fields: str) -> DocView:
    values = {"form_type": form_type, "applicant_name": APPLICANT, "applicant_id": APPLICANT_ID,
              "sme": "true"}
    values.update(fields)
    items = [{"name": n, "share": "30.00"} for n in (shareholders or ["张三", "李四"])]
    return doc("application_form", file or f"02-{form_type}.pdf", values, items)


def view(policy: str = "wuhan-2026", docs: list[DocView] | None = None,
         claimed: datetime | None = None, **kw: Any) -> ApplicationView:
    base = {"wuhan-2026": [contract(), doc("commitment_letter", "02-承诺函.pdf",
                                            {"applicant_name": APPLICANT}),
                           doc("authorisation_letter", "03-法人授权书.pdf", {}),
                           invoice(), payment(), usage_log(),
                           doc("voucher_certificate", "09-算力券凭证.pdf", {})]}
    return ApplicationView(
        id=kw.pop("id", "app-1"), policy_id=policy, applicant_name=kw.pop("name", APPLICANT),
        applicant_uscc=kw.pop("uscc", APPLICANT_ID), direction=kw.pop("direction", None),
        claimed_at=claimed or datetime(2026, 7, 1, 10, 0, tzinfo=CST),
        documents=docs if docs is not None else base[policy], **kw)


def params(policy: str = "wuhan-2026", v: ApplicationView | None = None) -> PolicyParams:
    claimed = v.claim_day if v else datetime(2026, 7, 1).date()
    return PolicyParams(load_policy(policy), claimed)


def codes(findings: list[Any]) -> list[str]:
    return [f.code for f in findings]
