"""Integrity: related parties, the same invoice or contract claimed twice, prices far from the
market, and pages nobody could read by machine.

The duplicate check looks across the whole workspace (the view carries the other applications'
invoice and contract numbers); the price check reads the office's reference table
(resources/checks/reference_prices.toml), which is market data, not policy.
"""

from __future__ import annotations

from slq_desk.checks.citations import cite
from slq_desk.checks.model import BLOCK, INFO, WARN, CheckFinding, Evidence
from slq_desk.checks.params import PolicyParams
from slq_desk.checks.prices import find_model, load_prices
from slq_desk.checks.rules import rule
from slq_desk.checks.values import amount, id_key, name_key
from slq_desk.checks.view import ApplicationView, DocView, claimed_before, invoice_copies, invoice_key
from slq_desk.money import fmt


def _shareholders(view: ApplicationView) -> list[tuple[str, Evidence]]:
    out = []
    for doc in view.readable("application_form"):
        for i, item in enumerate(doc.items):
            if "name" in item and item["name"].value.strip():
                out.append((item["name"].value.strip(), doc.item_evidence(i, "name")))
    return out


@rule("integrity", "related_party")
def related_party(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """The supplier is the applicant itself, or among its (top-3) shareholders."""
    article = cite(params, "related_party", "no_related_party")
    out = []
    seen: set[str] = set()
    holders = _shareholders(view)
    for contract in view.readable("contract"):
        name, uscc = contract.get("supplier_name") or "", contract.get("supplier_id") or ""
        if not name or name_key(name) in seen:
            continue
        seen.add(name_key(name))
        same = ((uscc and id_key(uscc) == id_key(view.applicant_uscc))
                or name_key(name) == name_key(view.applicant_name))
        if same:
            out.append(CheckFinding(
                "related_party", BLOCK,
                f"算力供给方{name}与申报单位为同一主体（名称或统一社会信用代码相同）",
                f"the supplier {name} is the applicant itself (same name or USCC)",
                article, [contract.evidence("supplier_name"), contract.evidence("supplier_id")]))
            continue
        for holder, ev in holders:
            if name_key(holder) == name_key(name):
                out.append(CheckFinding(
                    "related_party", BLOCK,
                    f"算力供给方{name}为申报单位的主要股东，属关联交易",
                    f"the supplier {name} is a main shareholder of the applicant (related party)",
                    article, [ev, contract.evidence("supplier_name")]))
                break
    return out


def duplicate_left_out(view: ApplicationView, doc: DocView) -> bool:
    """Whether this copy of a shared invoice leaves the base: the application that claimed
    first keeps it (first come, first served); a second copy in one application never counts."""
    key = invoice_key(doc)
    if not key:
        return False
    copies = invoice_copies(view)
    same = [d for d in view.readable("invoice") if invoice_key(d) == key and d.id not in copies]
    if same and doc.id != same[0].id:
        return True
    return any(claimed_before(view, other) for other in view.invoices_elsewhere.get(key, []))


@rule("integrity", "duplicate_invoice", "invoice_copy")
def duplicate_invoice(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    out = []
    seen: dict[str, str] = {}
    copies = invoice_copies(view)
    for doc in view.readable("invoice"):
        key = invoice_key(doc)
        if not key:
            continue
        if doc.id in copies:
            # The same invoice in another format (its OFD beside its XML): counted once.
            kept = copies[doc.id]
            number = doc.get("invoice_number")
            out.append(CheckFinding(
                "invoice_copy", INFO,
                f"“{doc.file}”与“{kept.file}”是同一张发票（号码{number}）的不同格式，只计一次",
                f"'{doc.file}' and '{kept.file}' are one invoice ({number}) in two formats; "
                "counted once",
                cite(params, "duplicate"), [doc.evidence("invoice_number"),
                                            kept.evidence("invoice_number")]))
            continue
        where = list(view.invoices_elsewhere.get(key, []))
        if key in seen:
            where.append(f"本申报“{seen[key]}”")
        seen.setdefault(key, doc.file)
        if not where:
            continue
        number = doc.get("invoice_number")
        if duplicate_left_out(view, doc):
            zh, en = "不计入补贴基数", "kept out of the base"
        else:
            zh, en = "本申报申领在先，暂计入补贴基数", "this application claimed first; counted here"
        out.append(CheckFinding(
            "duplicate_invoice", BLOCK,
            f"发票号码{number}已在其他申报中出现（{'、'.join(where)}），疑似重复申领，{zh}",
            f"invoice number {number} also appears in {', '.join(where)} (claimed twice); {en}",
            cite(params, "duplicate"), [doc.evidence("invoice_number")]))
    return out


@rule("integrity", "duplicate_contract")
def duplicate_contract(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    article = cite(params, "duplicate", "one_claim_per_contract")
    out = []
    for doc in view.readable("contract"):
        number = doc.get("contract_number")
        where = view.contracts_elsewhere.get(number or "", [])
        if not number or not where:
            continue
        out.append(CheckFinding(
            "duplicate_contract", BLOCK,
            f"合同编号{number}已在其他申报中使用（{'、'.join(where)}），同一合同不得重复申领",
            f"contract {number} is also claimed in {', '.join(where)}",
            article, [doc.evidence("contract_number")]))
    return out


@rule("integrity", "price_above_market", "price_below_market")
def unit_price(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """Card-hour unit price (contract, else invoice lines) against the reference table."""
    table = load_prices()
    article = table.articles.get(params.id, ("", ""))[0]
    out = []
    checked: set[tuple[str, str]] = set()
    candidates: list[tuple[str | None, str | None, Evidence]] = []
    for doc in view.readable("contract"):
        candidates.append((doc.get("card_model"), doc.get("unit_price"), doc.evidence("unit_price")))
    for doc in view.readable("invoice"):
        for i, item in enumerate(doc.items):
            unit = item["unit"].value if "unit" in item else ""
            if "卡时" not in unit:
                continue
            candidates.append((item["spec"].value if "spec" in item else None,
                               item["unit_price"].value if "unit_price" in item else None,
                               doc.item_evidence(i, "unit_price")))
    for model_text, price_text, ev in candidates:
        model, price = find_model(model_text), amount(price_text)
        if model is None or price is None or (model.model, fmt(price)) in checked:
            continue
        checked.add((model.model, fmt(price)))
        if price > model.high:
            out.append(CheckFinding(
                "price_above_market", WARN,
                f"{model.model}单价{fmt(price)}元/卡时，高于市场参考价{fmt(model.reference)}元/卡时的上限{fmt(model.high)}元，请核实价格合理性",
                f"{model.model} at {fmt(price)} yuan per card-hour is above the reference "
                f"{fmt(model.reference)} (upper bound {fmt(model.high)})",
                article, [ev]))
        elif price < model.low:
            out.append(CheckFinding(
                "price_below_market", WARN,
                f"{model.model}单价{fmt(price)}元/卡时，低于市场参考价{fmt(model.reference)}元/卡时的下限{fmt(model.low)}元，请核实",
                f"{model.model} at {fmt(price)} yuan per card-hour is below the reference "
                f"{fmt(model.reference)} (lower bound {fmt(model.low)})",
                article, [ev]))
    return out


@rule("integrity", "nothing_extracted")
def image_only(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """Scanned pages are reported when the file is read (ingest); a document that is readable
    but yielded no fields at all is reported here, so a person reads it."""
    out = []
    flagged = {e.document_id for f in view.ingest_findings if f.code == "image_only_page"
               for e in f.evidence}
    for doc in view.documents:
        if not doc.readable or doc.id in flagged or doc.fields or doc.items:
            continue
        if doc.kind in ("invoice", "contract", "payment_receipt", "business_licence"):
            out.append(CheckFinding(
                "nothing_extracted", WARN,
                f"“{doc.file}”未能读出任何字段，需人工核对",
                f"nothing could be read from '{doc.file}'; check it by hand",
                "", [doc.evidence()]))
    return out
