"""The calculator and the 初审 agree on every policy case (issue 15, "done when").

For each case of tests/cases/<policy>/cases.toml the calculator gives its verdict (paid, or
blocked and why). The same application is then built as documents (a contract per contract, an
invoice per line, the required materials present) and put through the 初审 (``check_view``):

- paid ⇔ no blocking finding of a policy rule (document-level rules such as the USCC check
  digit or payment consistency are about the synthetic documents, not the policy, and are left
  out);
- every reason that blocks the calculation is a blocking finding with the same code, article
  and message (the same object), unless another blocking finding explains it;
- a rule both evaluate (period, applicant kind, directions, threshold) never blocks in the 初审
  when the calculator does not block on it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from slq_desk.checks.params import PolicyParams
from slq_desk.checks.rules import all_rules
from slq_desk.checks.rules.materials import required_materials
from slq_desk.checks.runner import EXPLAINED_BY, check_view, evaluate
from slq_desk.checks.view import ApplicationView, DocView, FieldView
from slq_desk.policy import compute, load_policy, parse_application
from slq_desk.policy.trace import INELIGIBLE
from tests.cases.test_policy_cases import _application, _cases

# Rules about the documents themselves (not a policy's conditions): the synthetic documents
# carry made-up identifiers and no payment figures, so these say nothing about agreement.
DOCUMENT_RULES = {r_code for r in all_rules() if r.family in ("consistency", "integrity")
                  for r_code in r.codes} | {"uscc_invalid", "region_mismatch"}
# Rules both sides evaluate through policy/rules: the 初审 must not block on one alone.
SHARED = {"claim_outside_period", "applicant_kind_not_supported", "direction_missing",
          "direction_invalid", "direction_applicant_kind",
          "contract_total_below_direction_minimum", "below_threshold"}

NAMES = {"compute": "*信息技术服务*算力租赁服务", "token": "*信息技术服务*大模型Token服务",
         "model": "*信息技术服务*模型服务", "adaptation": "*信息技术服务*算力适配服务",
         "tech_support": "*信息技术服务*技术支持服务", "storage": "*信息技术服务*存储服务",
         "network": "*信息技术服务*网络带宽服务", "database": "*信息技术服务*数据库服务",
         "security": "*信息技术服务*安全防护服务", "other": "*信息技术服务*其他服务"}
CLASSES = {"intelligent": "智算", "supercomputing": "超算", "quantum": "量子算力",
           "general": "通用算力"}
_ids = [0]


def _doc(kind: str, fields: dict[str, str], items: list[dict[str, str]] | None = None) -> DocView:
    _ids[0] += 1
    n = _ids[0]
    return DocView(n, f"{n:064x}", f"{n:02d}-{kind}.pdf", kind, 1, True, None,
                   {k: FieldView(v, 0, None) for k, v in fields.items()},
                   [{k: FieldView(v, 0, None) for k, v in i.items()} for i in items or []])


def _line_item(line: dict[str, Any]) -> dict[str, str]:
    service = line["service"]
    name = NAMES[service]
    if service == "compute":
        name = f"*信息技术服务*{CLASSES[line['compute_class']]}算力租赁服务"
    if service in ("token", "model"):
        name = name.replace("大模型", "国产大模型" if line["domestic"] else "GPT大模型")
    return {"name": name, "spec": "", "amount": line["amount"], "tax": line.get("tax", "0"),
            "service": service}


def as_documents(app: dict[str, Any], policy_id: str) -> ApplicationView:
    """The case's application as the 初审 sees it: documents with the case's figures."""
    facts = parse_application(app)
    applicant = app["applicant"]
    docs: list[DocView] = []
    for contract in app["contracts"]:
        lines = [ln for ln in app["lines"] if ln["contract"] == contract["id"]]
        items = [_line_item(ln) for ln in lines]
        if contract.get("compute_total"):
            # The contract names its intelligent-compute part and the rest (reading 17).
            items = [{"name": "智能算力租赁服务", "service": "compute",
                      "amount": contract["compute_total"]},
                     {"name": "配套服务", "service": "other",
                      "amount": _minus(contract["total"], contract["compute_total"])}]
        starts = [ln["period_start"] for ln in lines] or [contract["signed_on"]]
        ends = [ln["period_end"] for ln in lines] or [contract["signed_on"]]
        domestic = next((ln["domestic"] for ln in lines if ln["service"] == "compute"), True)
        docs.append(_doc("contract", {
            "contract_number": contract["id"], "total": contract["total"],
            "signed_on": contract["signed_on"], "term_start": min(starts), "term_end": max(ends),
            "buyer_name": applicant["name"], "supplier_name": "示例算力服务有限公司",
            "domestic": "true" if domestic else "false", "other_subsidy_clause": "true"},
            items))
    for line in app["lines"]:
        item = _line_item(line)
        docs.append(_doc("invoice", {"invoice_number": f"{len(docs):020d}",
                                     "buyer_name": applicant["name"],
                                     "seller_name": "示例算力服务有限公司",
                                     "amount": line["amount"], "tax": line.get("tax", "0"),
                                     "issue_date": line["period_end"]}, [item]))
    overrides: dict[str, Any] = {"applicant_kind": applicant["kind"],
                                 "sme": applicant.get("sme", False),
                                 "received_this_year": applicant.get("received_this_year", "0"),
                                 "purchased_this_year": applicant.get("purchased_this_year", "0")}
    if "quota_granted" in app:
        overrides["quota_granted"] = app["quota_granted"]
    # Other fiscal support on the contract (Beijing 二（四）) is a person's figure in the 初审.
    overrides["other_fiscal_support"] = app["contracts"][0].get("other_fiscal_support", "0")
    claimed = facts.claimed_at
    view = ApplicationView(app["id"], policy_id, applicant["name"], applicant["uscc"],
                           app.get("direction"), claimed, docs, overrides=overrides)
    params = PolicyParams(load_policy(policy_id), view.claim_day)
    for material, _ in required_materials(view, params):
        kind, _, form_type = material.partition(":")
        if kind in ("contract", "invoice") or (not form_type and view.of_kind(kind)):
            continue
        fields = {"form_type": form_type} if form_type else {}
        if kind == "application_form":
            fields["applicant_name"] = applicant["name"]
        view.documents.append(_doc(kind, fields))
    return view


def _minus(a: str, b: str) -> str:
    return format(Decimal(a) - Decimal(b), "f")


@pytest.mark.parametrize(("policy_id", "data", "case"), _cases())
def test_calculator_and_checks_agree(policy_id: str, data: dict[str, Any],
                                     case: dict[str, Any]) -> None:
    policy = load_policy(policy_id)
    app = _application(data, case, policy_id)
    result = compute(app, policy)
    blocked_by = {r.code: r for r in result.reasons if r.effect == INELIGIBLE}

    view = as_documents(app, policy_id)
    report = check_view(view, policy)
    policy_blocks = {f.code: f for f in report.findings
                     if f.blocks and f.code not in DOCUMENT_RULES}

    # Paid ⇔ no policy rule blocks.
    assert bool(policy_blocks) == (not result.eligible), (
        case["name"], sorted(policy_blocks), sorted(blocked_by))
    # Each blocking reason is a blocking finding: same code, article, message.
    for code, reason in blocked_by.items():
        if code in policy_blocks:
            finding = policy_blocks[code]
            zh, _ = reason.messages()
            assert finding.article == reason.article, (case["name"], code)
            if code not in ("below_threshold", "contract_total_below_direction_minimum"):
                # (the 初审 measures these on the documents: same rule, its own figures)
                assert zh in finding.message_zh, (case["name"], code, zh, finding.message_zh)
        else:
            assert EXPLAINED_BY.get(code, set()) & set(policy_blocks), (case["name"], code)
    # No shared rule blocks in the 初审 alone.
    own = {f.code for f in evaluate(view, policy) if f.blocks}
    assert not (own & SHARED) - set(blocked_by), (case["name"], own & SHARED, sorted(blocked_by))
