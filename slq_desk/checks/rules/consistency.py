"""Consistency: do the documents agree with each other and with the applicant?

Parties (invoice buyer = applicant, invoice seller = contract supplier, payer and payee), sums
(Σ invoices, contract total, Σ payments, usage log; the tolerance is a policy parameter), dates
(invoices and payments after signing), excluded services in invoice or contract lines, and the
invoice's own 大写/小写 and QR figures when reading the file did not already compare them.

A sum is compared only when every document it needs could be read: an encrypted usage log or a
truncated receipt already blocks with its own finding, and a "mismatch" caused by the missing
file would only send the reviewer looking for a second problem that is not there.
"""

from __future__ import annotations

from decimal import Decimal

from slq_desk.checks.model import BLOCK, WARN, CheckFinding, Evidence
from slq_desk.checks.params import PolicyParams
from slq_desk.checks.rules import rule
from slq_desk.checks.services import compute_class_of, item_label, item_service, model_origin
from slq_desk.checks.values import amount, day, flag, id_key, name_key
from slq_desk.checks.view import ApplicationView, DocView, invoice_copies, invoice_key
from slq_desk.money import ZERO, D, fmt

SERVICE_NAMES = {"foreign_model": "非国产模型", "supercomputing": "超算", "quantum": "量子算力",
                 "storage": "存储", "network": "网络", "database": "数据库", "security": "安全",
                 "general": "通用算力", "other": "其他服务", "tech_support": "技术支持",
                 "token": "Token服务", "model": "模型服务", "adaptation": "适配服务",
                 "compute": "算力"}


def tolerance(params: PolicyParams) -> Decimal:
    value = params.value("amount_tolerance")
    return value if value is not None else D("0.01")


def counted_invoices(view: ApplicationView) -> list[DocView]:
    """The readable invoices, each once: a second file of one invoice (its OFD beside its XML,
    ``invoice_copies``) would count the same money twice in every sum."""
    copies = invoice_copies(view)
    return [d for d in view.readable("invoice") if d.id not in copies]


def duplicate_invoice_docs(view: ApplicationView) -> set[int]:
    """Invoices already submitted by another application: reported once, as duplicate_invoice;
    and the later files of an invoice delivered twice in this package (counted once)."""
    out = set(invoice_copies(view))
    for doc in view.readable("invoice"):
        key = invoice_key(doc)
        if key and key in view.invoices_elsewhere and doc.id is not None:
            out.add(doc.id)
    return out


def _party_mismatch(doc: DocView, name_field: str, id_field: str, name: str, uscc: str
                    ) -> list[Evidence]:
    """Evidence of the fields that disagree with (name, uscc); empty when they agree."""
    wrong = []
    got_name, got_id = doc.get(name_field), doc.get(id_field)
    if got_name and name and name_key(got_name) != name_key(name):
        wrong.append(doc.evidence(name_field))
    if got_id and uscc and id_key(got_id) != id_key(uscc):
        wrong.append(doc.evidence(id_field))
    return wrong


@rule("consistency", "buyer_mismatch")
def invoice_buyer(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    out = []
    for doc in view.readable("invoice"):
        wrong = _party_mismatch(doc, "buyer_name", "buyer_id", view.applicant_name, view.applicant_uscc)
        if wrong:
            got = f"{doc.get('buyer_name') or '?'}（{doc.get('buyer_id') or '?'}）"
            out.append(CheckFinding(
                "buyer_mismatch", BLOCK,
                f"发票“{doc.file}”的购买方为{got}，不是申报单位{view.applicant_name}（{view.applicant_uscc}），该发票不计入补贴基数",
                f"invoice '{doc.file}' was issued to {got}, not the applicant; it is kept out of the base",
                params.article("materials_payout", "materials_apply"), wrong))
    return out


@rule("consistency", "contract_party_mismatch")
def contract_buyer(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    out = []
    for doc in view.readable("contract"):
        wrong = _party_mismatch(doc, "buyer_name", "buyer_id", view.applicant_name, view.applicant_uscc)
        if wrong:
            out.append(CheckFinding(
                "contract_party_mismatch", BLOCK,
                f"合同“{doc.file}”的需求方（甲方）{doc.get('buyer_name') or '?'}不是申报单位{view.applicant_name}",
                f"the contract's buyer {doc.get('buyer_name') or '?'} is not the applicant",
                params.article("materials_apply", "materials_payout"), wrong))
    return out


@rule("consistency", "seller_mismatch")
def invoice_seller(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    suppliers = [(c, c.get("supplier_name") or "", c.get("supplier_id") or "")
                 for c in view.readable("contract")]
    if not suppliers:
        return []
    out = []
    for doc in view.readable("invoice"):
        if all(_party_mismatch(doc, "seller_name", "seller_id", n, i) for _, n, i in suppliers):
            contract, name, uscc = suppliers[0]
            out.append(CheckFinding(
                "seller_mismatch", BLOCK,
                f"发票“{doc.file}”的销售方{doc.get('seller_name') or '?'}不是合同约定的算力供给方{name}",
                f"invoice '{doc.file}' was issued by {doc.get('seller_name') or '?'}, not the "
                f"contract's supplier {name}",
                params.article("materials_payout", "materials_apply"),
                _party_mismatch(doc, "seller_name", "seller_id", name, uscc)
                + [contract.evidence("supplier_name")]))
    return out


@rule("consistency", "payment_party_mismatch")
def payment_parties(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    suppliers = {name_key(c.get("supplier_name")) for c in view.readable("contract")} - {""}
    out = []
    for doc in view.readable("payment_receipt"):
        payer, payee = doc.get("payer_name"), doc.get("payee_name")
        wrong = []
        if payer and view.applicant_name and name_key(payer) != name_key(view.applicant_name):
            wrong.append(doc.evidence("payer_name"))
        if payee and suppliers and name_key(payee) not in suppliers:
            wrong.append(doc.evidence("payee_name"))
        if wrong:
            out.append(CheckFinding(
                "payment_party_mismatch", WARN,
                f"付款凭证“{doc.file}”的付款方/收款方（{payer or '?'} → {payee or '?'}）与申报单位或供给方不符",
                f"payment '{doc.file}' ({payer or '?'} → {payee or '?'}) is not from the applicant "
                "to the supplier",
                params.article("materials_payout", "materials_apply"), wrong))
    return out


def _sum(docs: list[DocView], name: str) -> tuple[Decimal, list[Evidence]] | None:
    total, evidence = ZERO, []
    for doc in docs:
        value = amount(doc.get(name))
        if value is None:
            return None
        total += value
        evidence.append(doc.evidence(name))
    return total, evidence


@rule("consistency", "invoice_payment_mismatch")
def invoices_vs_payments(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    invoices, payments = counted_invoices(view), view.readable("payment_receipt")
    if not invoices or not payments or view.unreadable("invoice", "payment_receipt"):
        return []
    inv, pay = _sum(invoices, "total"), _sum(payments, "amount")
    if inv is None or pay is None or abs(inv[0] - pay[0]) <= tolerance(params):
        return []
    return [CheckFinding(
        "invoice_payment_mismatch", BLOCK,
        f"发票价税合计{fmt(inv[0])}元，付款凭证合计{fmt(pay[0])}元，相差{fmt(inv[0] - pay[0])}元",
        f"invoices total {fmt(inv[0])} yuan, payments {fmt(pay[0])} yuan "
        f"(difference {fmt(inv[0] - pay[0])})",
        params.article("amount_tolerance"), inv[1] + pay[1])]


@rule("consistency", "invoice_contract_mismatch")
def invoices_vs_contract(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    contracts = view.readable("contract")
    duplicates = duplicate_invoice_docs(view)
    invoices = [d for d in view.readable("invoice") if d.id not in duplicates]
    if len(contracts) != 1 or not invoices or view.unreadable("invoice"):
        return []
    total = amount(contracts[0].get("total"))
    inv = _sum(invoices, "total")
    if total is None or inv is None or inv[0] <= total + tolerance(params):
        return []
    # Invoicing less than the contract is normal (a contract still running); more is not.
    return [CheckFinding(
        "invoice_contract_mismatch", WARN,
        f"发票价税合计{fmt(inv[0])}元，超过合同金额{fmt(total)}元",
        f"invoices total {fmt(inv[0])} yuan, more than the contract's {fmt(total)} yuan",
        params.article("amount_tolerance"), inv[1] + [contracts[0].evidence("total")])]


def _compute_amount(invoices: list[DocView]) -> tuple[Decimal, Decimal, list[Evidence]] | None:
    """Σ of the invoices' compute lines: (amount, tax, evidence); None when a line's amount
    could not be read, or an invoice's lines could not be read at all (the sum would be part
    of what was billed, and a "mismatch" would only be the unread invoice)."""
    total, tax, evidence = ZERO, ZERO, []
    for doc in invoices:
        if not doc.items:
            return None
        for i, item in enumerate(doc.items):
            if item_service(item) != "compute":
                continue
            value = amount(item["amount"].value) if "amount" in item else None
            if value is None:
                return None
            total += value
            tax += (amount(item["tax"].value) if "tax" in item else None) or ZERO
            evidence.append(doc.item_evidence(i, "amount"))
    return total, tax, evidence


@rule("consistency", "usage_invoice_mismatch")
def usage_vs_invoices(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """The usage log's amount against the compute lines invoiced: tax excluded, or tax included
    when the log says its amounts include tax (a settlement sheet headed 含税). A log that does
    not say agrees when either figure matches."""
    logs = view.readable("usage_log")
    duplicates = duplicate_invoice_docs(view)
    invoices = [d for d in view.readable("invoice") if d.id not in duplicates]
    if not logs or not invoices or view.unreadable("invoice", "usage_log"):
        return []
    used = _sum(logs, "amount")
    billed = _compute_amount(invoices)
    if used is None or billed is None or not billed[2]:
        return []
    excl, incl = billed[0], billed[0] + billed[1]
    says = {flag(d.get("amount_includes_tax")) for d in logs}
    candidates = [incl] if says == {True} else [excl] if says == {False} else [excl, incl]
    if any(abs(used[0] - c) <= tolerance(params) for c in candidates):
        return []
    compared = candidates[0]
    zh_tax, en_tax = ("含税", "tax included") if compared == incl and says == {True} else (
        "不含税", "tax excluded")
    return [CheckFinding(
        "usage_invoice_mismatch", WARN,
        f"算力使用记录金额{fmt(used[0])}元，发票算力服务金额（{zh_tax}）{fmt(compared)}元，二者不一致",
        f"the usage log shows {fmt(used[0])} yuan, the invoices' compute lines {fmt(compared)} "
        f"yuan ({en_tax})",
        params.article("amount_tolerance"), used[1] + billed[2])]


@rule("consistency", "dated_before_signing")
def dates_after_signing(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    signed_dates = [(c, s) for c in view.readable("contract") if (s := day(c.get("signed_on")))]
    if not signed_dates:
        return []
    contract, signed = min(signed_dates, key=lambda t: t[1])
    duplicates = duplicate_invoice_docs(view)
    out = []
    for kind, name, label in (("invoice", "issue_date", "开票"), ("payment_receipt", "pay_date", "付款")):
        for doc in view.readable(kind):
            when = day(doc.get(name))
            if when is None or when >= signed or doc.id in duplicates:
                continue
            out.append(CheckFinding(
                "dated_before_signing", WARN,
                f"“{doc.file}”{label}日期{when.isoformat()}早于合同签订日期{signed.isoformat()}",
                f"'{doc.file}' is dated {when.isoformat()}, before the contract was signed "
                f"({signed.isoformat()})",
                params.article("materials_payout", "materials_apply"),
                [doc.evidence(name), contract.evidence("signed_on")]))
    return out


@rule("consistency", "excluded_service")
def excluded_services(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """Lines for services the policy does not support, in invoices or the contract: flagged and
    kept out of the base (the calculator leaves them out by the same parameters). Each hit
    remembers the parameter that excludes it, so the finding cites the right articles."""
    covered = set(params.value("covered_services") or ())
    excluded = set(params.value("excluded_services") or ())
    if not covered and not excluded:
        return []
    classes = set(params.value("covered_compute_classes") or ())
    bad_classes = set(params.value("excluded_compute_classes") or ())
    domestic_only = set(params.value("domestic_required_services") or ())
    out = []
    for doc in counted_invoices(view) + view.readable("contract"):
        hits: list[tuple[int, str, str, str]] = []  # line, what, label, parameter
        for i, item in enumerate(doc.items):
            name = item["name"].value if "name" in item else ""
            if doc.kind == "contract" and "service" in item:
                service = item["service"].value
            else:
                service = item_service(item)
            if service == "other":
                continue  # unknown lines are for a person, not a rule, to judge
            spec = item["spec"].value if "spec" in item else ""
            if service in excluded:
                hits.append((i, service, item_label(name), "excluded_services"))
            elif covered and service not in covered:
                hits.append((i, service, item_label(name), "covered_services"))
            elif service == "compute" and doc.kind == "invoice":
                cls = compute_class_of(name, spec)
                if cls in bad_classes:
                    hits.append((i, cls, item_label(name), "excluded_compute_classes"))
                elif classes and cls not in classes:
                    hits.append((i, cls, item_label(name), "covered_compute_classes"))
            elif service in domestic_only and model_origin(spec, name) is False:
                hits.append((i, "foreign_model", item_label(name), "domestic_required_services"))
        if not hits:
            continue
        names = "、".join(f"{label}（{SERVICE_NAMES.get(s, s)}）" for _, s, label, _ in hits)
        out.append(CheckFinding(
            "excluded_service", WARN,
            f"“{doc.file}”含本政策不支持的服务：{names}，相应金额不计入补贴基数",
            f"'{doc.file}' bills services the policy does not support "
            f"({', '.join(s for _, s, _, _ in hits)}); they are kept out of the base",
            params.article(*dict.fromkeys(h[3] for h in hits)),
            [doc.item_evidence(i, "name") for i, _, _, _ in hits]))
    return out


@rule("consistency", "amount_words_mismatch")
def amount_in_words(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """价税合计 in 大写 against 小写, unless reading the invoice already compared them."""
    from slq_desk.extract.chinese_amount import ChineseAmountError, parse_chinese_amount

    out = []
    for doc in view.readable("invoice"):
        if "amount_words_mismatch" in view.ingest_codes(doc.id):
            continue
        words, total = doc.get("total_in_words"), amount(doc.get("total"))
        if not words or total is None:
            continue
        try:
            parsed = parse_chinese_amount(words)
        except ChineseAmountError:
            continue
        if parsed != total:
            out.append(CheckFinding(
                "amount_words_mismatch", BLOCK,
                f"发票“{doc.file}”价税合计大写{words}（{fmt(parsed)}）与小写¥{fmt(total)}不符",
                f"invoice '{doc.file}': total in words {fmt(parsed)} ≠ figures {fmt(total)}",
                params.article("materials_payout", "materials_apply"),
                [doc.evidence("total_in_words"), doc.evidence("total")]))
    return out


@rule("consistency", "qr_mismatch")
def qr_figures(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """The e-invoice QR code's number, date and amount against the printed ones."""
    pairs = (("qr_invoice_number", "invoice_number"), ("qr_issue_date", "issue_date"),
             ("qr_amount", "amount"))
    out = []
    for doc in view.readable("invoice"):
        if "qr_mismatch" in view.ingest_codes(doc.id):
            continue
        wrong = []
        for qr_name, printed in pairs:
            a, b = doc.get(qr_name), doc.get(printed)
            if not a or not b:
                continue
            same = (amount(a) == amount(b)) if printed == "amount" else (
                day(a) == day(b) if printed == "issue_date" else a == b)
            if not same:
                wrong += [doc.evidence(qr_name), doc.evidence(printed)]
        if wrong:
            out.append(CheckFinding(
                "qr_mismatch", BLOCK,
                f"发票“{doc.file}”二维码信息与票面不符",
                f"invoice '{doc.file}': the QR code disagrees with the printed figures",
                params.article("materials_payout", "materials_apply"), wrong))
    return out
