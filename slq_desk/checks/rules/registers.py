"""初审 rules a list or a person decides (policy/rules/registers.py): supplier registries, credit,
Wuhan's five-year ban, Beijing's unsafe devices, industries and direction conditions, and the
materials only a person can place (Chengdu's platform quota ledger).

These rules read the parties and devices from the documents (with evidence) and the lists an
official loaded into the workspace (``view.lists``, see ``checks/lists.py``). Without a list,
each says what to check by hand and under which article: an ``info`` finding (``ASKS``), never a
silent pass.
"""

from __future__ import annotations

from slq_desk.checks.model import CheckFinding, Evidence
from slq_desk.checks.params import PolicyParams
from slq_desk.checks.rules import findings, rule
from slq_desk.checks.values import day
from slq_desk.checks.view import ApplicationView
from slq_desk.policy.rules import registers as reg
from slq_desk.policy.rules.direction import declared_direction
from slq_desk.policy.trace import INFO, Reason

# Findings that ask a person to check something: never a defect by themselves.
ASKS = frozenset({
    "supplier_list_unchecked", "supplier_registration_unchecked", "credit_unchecked",
    "ban_list_unchecked", "unsafe_devices_unchecked", "industry_to_confirm",
    "direction_condition_to_confirm", "quota_ledger_to_confirm", "judgement_required",
})

reg.register_messages({
    "quota_ledger_to_confirm": (
        "请核对线上平台算力券额度申领和使用明细，并录入已申领额度（兑现金额不得超过已申领额度）",
        "check the platform's quota ledger and record the quota granted (the payout may not "
        "exceed it)",
    ),
})


def _party(view: ApplicationView, role: str) -> reg.Party:
    if role == "applicant":
        for kind, name, uscc in (("business_licence", "name", "uscc"),
                                 ("application_form", "applicant_name", "applicant_id")):
            for doc in view.readable(kind):
                if doc.get(name):
                    return reg.Party(role, view.applicant_name or doc.get(name) or "",
                                     view.applicant_uscc or doc.get(uscc) or "",
                                     (doc.evidence(name),))
        return reg.Party(role, view.applicant_name, view.applicant_uscc)
    for kind, name, uscc in (("contract", "supplier_name", "supplier_id"),
                             ("invoice", "seller_name", "seller_id")):
        for doc in view.readable(kind):
            if doc.get(name) or doc.get(uscc):
                return reg.Party(role, doc.get(name) or "", doc.get(uscc) or "",
                                 (doc.evidence(name),))
    return reg.Party(role, "")


def _parties(view: ApplicationView) -> list[reg.Party]:
    supplier = _party(view, "supplier")
    return [_party(view, "applicant")] + ([supplier] if supplier.name or supplier.uscc else [])


@rule("registers", "supplier_list_unchecked", "supplier_not_listed",
      "supplier_registration_unchecked", "supplier_registered_too_recently")
def supplier_listed(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    supplier = _party(view, "supplier")
    if not (supplier.name or supplier.uscc):
        return []  # no supplier read: the materials and consistency rules already say so
    return findings(*reg.supplier_listed(params, supplier, view.lists, params.claim_day))


@rule("registers", "credit_unchecked", "credit_listed")
def credit(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    return findings(*reg.credit(params, _parties(view), view.lists))


@rule("registers", "ban_list_unchecked", "banned_from_subsidies")
def banned(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    return findings(*reg.banned(params, _parties(view), view.lists, params.claim_day))


@rule("registers", "unsafe_devices_unchecked", "unsafe_device")
def unsafe_devices(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    devices: list[tuple[str, list[Evidence]]] = []
    for doc in view.readable("contract"):
        if doc.get("card_model"):
            devices.append((doc.get("card_model") or "", [doc.evidence("card_model")]))
    for doc in view.readable("invoice"):
        for i, item in enumerate(doc.items):
            spec = item["spec"].value.strip() if "spec" in item else ""
            if spec:
                devices.append((spec, [doc.item_evidence(i, "spec")]))
    return findings(*reg.unsafe_devices(params, devices, view.lists))


@rule("registers", "industry_to_confirm", "industry_not_supported")
def industry(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    from slq_desk.checks.rules.eligibility import applicant_kind_of

    declared = view.overrides.get("industry")
    return findings(reg.industry(params, applicant_kind_of(view, params),
                                 str(declared) if declared else None))


@rule("registers", "direction_condition_to_confirm", "model_filed_too_early")
def direction_conditions(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    if not params.has("directions"):
        return []
    key, wrong = declared_direction(params, view.direction)
    if wrong is not None:
        return []  # the direction rule reports it
    filed, evidence = None, []
    if view.overrides.get("model_filed_on"):
        filed = day(str(view.overrides["model_filed_on"]))
    for doc in view.readable("model_filing"):
        for name in ("filed_on", "filing_date", "date"):
            if filed is None and day(doc.get(name)):
                filed, evidence = day(doc.get(name)), [doc.evidence(name)]
    return findings(*reg.direction_conditions(params, key, _party(view, "applicant"), view.lists,
                                              filed, evidence))


@rule("registers", "quota_ledger_to_confirm")
def quota_ledger(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """Chengdu 第十二条 6: the platform's quota ledger has no document kind of its own; a person
    reads it and records the quota granted, which the calculator then applies."""
    if not params.has("payout_within_quota") or "quota_granted" in view.overrides:
        return []
    return findings(Reason("quota_ledger_to_confirm", params.article("payout_within_quota"),
                           INFO, {}))


@rule("registers", "judgement_required")
def judgements(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """Every condition of the text only a person can judge (``judge_*`` parameters): one info
    finding each, with its article, so the 初审 record shows it was looked at."""
    out: list[CheckFinding] = []
    for name, parameter in params.policy.parameters.items():
        if name.startswith(reg.JUDGEMENT_PREFIX):
            out += findings(reg.judgement(params, name, parameter.description))
    return out
