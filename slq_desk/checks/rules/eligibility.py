"""Eligibility: who may apply, where, for what period, above which threshold, which direction.

Every limit is a policy parameter and every finding cites the parameter's article. Where the
calculator applies the same rule (period in force, applicant kind, directions, Dazhou's term, the
threshold), both call the one function in ``policy/rules``: these rules only read its inputs from
the documents, with the page that shows them, and turn its verdict into a finding. The rest is
what the calculator cannot see (region, the filing form's date, the contract's clause on other
subsidies).
"""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal

from slq_desk.checks.facts import contract_compute_amount, infer_applicant_kind
from slq_desk.checks.model import BLOCK, INFO, WARN, CheckFinding, Evidence
from slq_desk.checks.params import PolicyParams
from slq_desk.checks.rules import findings, rule
from slq_desk.checks.services import compute_class_of, item_service
from slq_desk.checks.values import amount, day, flag, id_key
from slq_desk.checks.view import ApplicationView, DocView
from slq_desk.extract.uscc import IdStatus, check_id
from slq_desk.money import ZERO
from slq_desk.policy.rules import applicant as applicant_rules
from slq_desk.policy.rules import contract as contract_rules
from slq_desk.policy.rules import direction as direction_rules
from slq_desk.policy.rules import period
from slq_desk.policy.rules import threshold as threshold_rules
from slq_desk.resources import read_toml
from slq_desk.vocabulary import APPLICANT_KIND_ZH

KIND_NAMES = APPLICANT_KIND_ZH


def _applicant_evidence(view: ApplicationView) -> list[Evidence]:
    for kind, name in (("business_licence", "name"), ("application_form", "applicant_name")):
        for doc, _ in view.fields_named(kind, name):
            return [doc.evidence(name)]
    return []


@rule("eligibility", "claim_outside_period")
def claim_outside_period(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """The claim's Beijing date against the period in force (policy/rules/period.py)."""
    if view.claimed_at is None:
        return []
    return findings(period.in_force(params.policy, params.claim_day))


@rule("eligibility", "draft_for_comment")
def draft_for_comment(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """Reading 14: a draft's 初审 says so (the runner also marks every finding)."""
    return findings(period.draft_notice(params))


def applicant_kind_of(view: ApplicationView, params: PolicyParams) -> str:
    return view.overrides.get("applicant_kind") or infer_applicant_kind(view.applicant_name, params)


@rule("eligibility", "applicant_kind_not_supported")
def applicant_kind(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    return findings(applicant_rules.applicant_kind(params, applicant_kind_of(view, params),
                                                   _applicant_evidence(view)))


@functools.cache
def _regions() -> dict[str, tuple[str, ...]]:
    data = read_toml("checks", "regions.toml")  # missing or broken: ResourceError, not {}
    return {k: tuple(v) for k, v in (data.get("regions") or {}).items()}


@rule("eligibility", "region_mismatch")
def region(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """The USCC's registration division against the policy's region (a person confirms)."""
    wanted = params.value("region")
    prefixes = _regions().get(wanted or "")
    uscc = id_key(view.applicant_uscc)
    if not prefixes or len(uscc) != 18 or check_id(uscc) is IdStatus.malformed:
        return []
    division = uscc[2:8]
    if any(division.startswith(p) for p in prefixes):
        return []
    return [CheckFinding(
        "region_mismatch", WARN,
        f"申报单位统一社会信用代码登记地（{division}）不在{wanted}，请核实注册或经营地",
        f"the applicant's USCC registration division {division} is not in {wanted}; "
        "confirm where it is registered or operates",
        params.article("region"), _applicant_evidence(view))]


@rule("eligibility", "uscc_invalid")
def applicant_uscc(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """The declared USCC, when reading the documents did not already flag one."""
    if "uscc_invalid" in view.ingest_codes() or not view.applicant_uscc:
        return []
    status = check_id(view.applicant_uscc)
    if status in (IdStatus.valid, IdStatus.old_format):
        return []
    return [CheckFinding(
        "uscc_invalid", BLOCK,
        f"申报单位统一社会信用代码“{view.applicant_uscc}”无效（校验位或格式错误）",
        f"the applicant's USCC '{view.applicant_uscc}' is invalid (check character or format)",
        params.article("applicant_kinds"), _applicant_evidence(view))]


def covered_purchase(view: ApplicationView, params: PolicyParams
                     ) -> tuple[Decimal, list[Evidence]] | None:
    """Σ of invoice lines for covered services (tax per the policy), or None if not judgeable."""
    if view.unreadable("invoice"):
        return None
    covered = set(params.value("covered_services") or ())
    excluded = set(params.value("excluded_services") or ())
    classes = set(params.value("covered_compute_classes") or ())
    excluded_classes = set(params.value("excluded_compute_classes") or ())
    with_tax = bool(params.value("base_includes_tax"))
    total, evidence = ZERO, []
    for doc in view.readable("invoice"):
        for i, item in enumerate(doc.items):
            service = item_service(item)
            if service in excluded or (covered and service not in covered):
                continue
            if service == "compute":
                # The classes the calculator counts (e.g. not general compute in Chengdu 第八条).
                cls = compute_class_of(item["name"].value if "name" in item else "",
                                       item["spec"].value if "spec" in item else "")
                if cls in excluded_classes or (classes and cls not in classes):
                    continue
            value = amount(item["amount"].value) if "amount" in item else None
            if value is None:
                return None
            tax = amount(item["tax"].value) if "tax" in item else ZERO
            total += value + ((tax or ZERO) if with_tax else ZERO)
            evidence.append(doc.item_evidence(i, "amount"))
    return total, evidence


@rule("eligibility", "below_threshold", "threshold_met_by_payout")
def threshold(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """The threshold on the invoices' covered lines (whole amounts: before any window, as
    reading 16 wants), plus what a person recorded of the year's earlier purchases and payouts
    (reading 2); judged by policy/rules/threshold.py like the calculator's."""
    if not params.has("threshold") or not view.readable("invoice"):
        return []
    found = covered_purchase(view, params)
    if found is None:
        return []
    total, evidence = found
    earlier = amount(str(view.overrides.get("purchased_this_year", "0"))) or ZERO
    received = amount(str(view.overrides.get("received_this_year", "0"))) or ZERO
    return findings(threshold_rules.threshold(params, total, earlier, received, evidence))


def service_period(view: ApplicationView) -> tuple[date, date, list[Evidence]] | None:
    # A period a person set wins over the documents (as in ``checks/facts._period``).
    start, end = day(str(view.overrides.get("service_start") or "")), \
        day(str(view.overrides.get("service_end") or ""))
    if start and end and start <= end:
        return start, end, []
    for kind, a, b in (("contract", "term_start", "term_end"),
                       ("usage_log", "period_start", "period_end")):
        for doc in view.readable(kind):
            start, end = day(doc.get(a)), day(doc.get(b))
            if start and end:
                return start, end, [doc.evidence(a), doc.evidence(b)]
    return None


@rule("eligibility", "outside_window")
def window(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    w = params.value("service_window")
    found = service_period(view)
    if w is None or found is None:
        return []
    start, end, evidence = found
    period = f"{start.isoformat()}至{end.isoformat()}"
    allowed = f"{w.start.isoformat()}至{w.end.isoformat()}"
    if end < w.start or start > w.end:
        return [CheckFinding(
            "outside_window", BLOCK,
            f"服务期{period}完全不在政策支持期{allowed}内",
            f"the service period {start}..{end} lies wholly outside the window {w.start}..{w.end}",
            params.article("service_window"), evidence)]
    if start < w.start or end > w.end:
        return [CheckFinding(
            "outside_window", WARN,
            f"服务期{period}部分超出政策支持期{allowed}，仅支持期内的部分计入补贴基数",
            f"the service period {start}..{end} extends outside the window {w.start}..{w.end}; "
            "only the part inside counts",
            params.article("service_window", "proration"), evidence)]
    return []


@rule("eligibility", "direction_missing", "direction_invalid", "direction_applicant_kind",
      "contract_total_below_direction_minimum")
def direction(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """Beijing 一（四）, judged by policy/rules/direction.py; the forms must also agree with the
    declared direction (one direction per applicant)."""
    if not params.has("directions"):
        return []
    evidence = [d.evidence("direction") for d in view.of_kind("application_form") if d.get("direction")]
    key, wrong = direction_rules.declared_direction(params, view.direction, evidence)
    if wrong is not None:
        return findings(wrong)
    out = []
    for doc in view.of_kind("application_form"):
        said = doc.get("direction")
        if said and said != key:
            out.append(CheckFinding(
                "direction_invalid", BLOCK,
                f"“{doc.file}”所填申报方向（{said}）与申报的方向{key}不一致",
                f"'{doc.file}' declares direction {said}, the application direction {key}",
                params.article("directions"), [doc.evidence("direction")]))
    out += findings(direction_rules.direction_applicant_kind(
        params, key, applicant_kind_of(view, params), _applicant_evidence(view)))
    amounts = [(doc.get("contract_number") or doc.file, compute, [doc.evidence("total")])
               for doc in view.readable("contract")
               for compute in [contract_compute_amount(doc)] if compute is not None]
    if amounts:  # no contract read: the materials rule says so; nothing to sum here
        out += findings(direction_rules.direction_contract_total(params, key, amounts))
    return out


@rule("eligibility", "contract_term_beyond_year_end")
def contract_term(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """Dazhou 第十一条, judged by policy/rules/contract.py on the claim (voucher) year."""
    if not params.has("contract_term_end"):
        return []
    terms = []
    for doc in view.readable("contract"):
        end = day(doc.get("term_end"))
        if end is not None:
            terms.append((doc.get("contract_number") or doc.file, end, [doc.evidence("term_end")]))
    return findings(*contract_rules.contract_term(params, params.claim_day, terms))


@rule("eligibility", "filing_late", "filing_date_unknown")
def filing_deadline(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """Hunan 四、3: an off-platform purchase needs its 备案表 within N days of signing."""
    days = params.value("filing_deadline_days")
    if days is None:
        return []
    forms = [d for d in view.readable("application_form") if d.form_type == "filing"]
    signed = next((day(d.get("signed_on")) for d in view.readable("contract") if day(d.get("signed_on"))), None)
    out = []
    for form in forms:
        on_platform = flag(form.get("on_platform"))
        if on_platform is True:
            continue
        filed_name = next((n for n in ("filed_on", "filing_date", "date") if form.get(n)), None)
        filed = day(form.get(filed_name)) if filed_name else None
        if filed is None or signed is None:
            out.append(CheckFinding(
                "filing_date_unknown", INFO,
                f"备案表未读出提交日期，请人工核对是否在合同签订后{days}日内提交",
                f"no submission date read from the filing form; check by hand that it was filed "
                f"within {days} days of signing",
                params.article("filing_deadline_days"), [form.evidence()]))
            continue
        if (filed - signed).days > int(days):
            out.append(CheckFinding(
                "filing_late", WARN,
                f"备案表提交于{filed.isoformat()}，晚于合同签订（{signed.isoformat()}）后{days}日",
                f"the filing form was submitted {filed.isoformat()}, more than {days} days after "
                f"signing ({signed.isoformat()})",
                params.article("filing_deadline_days"), [form.evidence(filed_name)]))
    return out


def _add_months(start: date, months: int) -> date:
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    for dd in (start.day, 30, 29, 28):
        try:
            return date(year, month, dd)
        except ValueError:
            continue
    raise AssertionError("unreachable")


@rule("eligibility", "quota_lapsed")
def quota_validity(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """Chengdu 第十条: a quota lapses if no invoice is uploaded within one month of it."""
    months = params.value("quota_validity_months")
    if not months:
        return []
    granted: tuple[DocView, date] | None = None
    for doc in view.readable("application_form"):
        for name in ("quota_granted_on", "quota_date"):
            when = day(doc.get(name))
            if when:
                granted = (doc, when)
                break
    if granted is None:
        return []
    doc, when = granted
    deadline = _add_months(when, int(months))
    dates = [(d, x) for d in view.readable("invoice") for x in [day(d.get("issue_date"))]
             if x is not None]
    if not dates:
        return []
    first_doc, first = min(dates, key=lambda t: t[1])
    if first <= deadline:
        return []
    return [CheckFinding(
        "quota_lapsed", BLOCK,
        f"算力券额度于{when.isoformat()}核定，首张发票开具于{first.isoformat()}，已超过{months}个月有效期",
        f"the quota was granted {when.isoformat()} and the first invoice is dated "
        f"{first.isoformat()}, after the {months}-month validity",
        params.article("quota_validity_months"),
        [doc.evidence("quota_granted_on"), first_doc.evidence("issue_date")])]


@rule("eligibility", "other_support_undeclared")
def other_support(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """Policies that limit other support need the contract's statement on it."""
    names = [n for n in ("fiscal_support_ratio", "no_other_city_support", "excluded_combinations")
             if params.has(n)]
    if not names:
        return []
    out = []
    for doc in view.readable("contract"):
        if flag(doc.get("other_subsidy_clause")) is True:
            continue
        out.append(CheckFinding(
            "other_support_undeclared", WARN,
            f"合同“{doc.get('contract_number') or doc.file}”未见关于其他财政补贴情况的说明，请核实",
            "the contract has no statement on other fiscal support; confirm it",
            params.article(*names), [doc.evidence("other_subsidy_clause")]))
    return out
