"""Eligibility: who may apply, where, for what period, above which threshold, which direction.

Every limit is a policy parameter and every finding cites the parameter's article. The
calculator applies the same parameters to the amount; these rules say *why* to the reviewer, with
the page that shows it, and catch what the calculator cannot see (region, the filing form's date,
the contract's clause on other subsidies).
"""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal

from slq_desk.checks.facts import infer_applicant_kind
from slq_desk.checks.model import BLOCK, INFO, WARN, CheckFinding, Evidence
from slq_desk.checks.params import PolicyParams
from slq_desk.checks.rules import rule
from slq_desk.checks.services import item_service
from slq_desk.checks.values import amount, day, flag, id_key
from slq_desk.checks.view import ApplicationView, DocView
from slq_desk.extract.uscc import IdStatus, check_id
from slq_desk.money import ZERO, fmt
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
    if not params.policy.has("in_force") or view.claimed_at is None:
        return []
    values = params.policy.parameter("in_force").values
    if any(v.holds_on(params.claim_day) and v.value is True for v in values):
        return []
    article = params.article("in_force")
    span = "、".join(f"{v.valid_from.isoformat()}至{v.valid_to.isoformat() if v.valid_to else '今'}"
                    for v in values if v.value is True)
    when = params.claim_day.isoformat()
    return [CheckFinding("claim_outside_period", BLOCK,
                         f"申报日期{when}不在政策有效期（{span}）内",
                         f"the claim date {when} is outside the policy's period in force ({span})",
                         article)]


@rule("eligibility", "applicant_kind_not_supported")
def applicant_kind(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    kinds = params.value("applicant_kinds")
    if not kinds:
        return []
    kind = view.overrides.get("applicant_kind") or infer_applicant_kind(view.applicant_name, params)
    if kind in kinds:
        return []
    allowed = "、".join(KIND_NAMES.get(k, k) for k in kinds)
    return [CheckFinding(
        "applicant_kind_not_supported", BLOCK,
        f"申报主体“{view.applicant_name}”类型为{KIND_NAMES.get(kind, kind)}，本政策支持对象为{allowed}",
        f"applicant '{view.applicant_name}' is a {kind}; the policy supports {', '.join(kinds)}",
        params.article("applicant_kinds"), _applicant_evidence(view))]


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
    with_tax = bool(params.value("base_includes_tax"))
    total, evidence = ZERO, []
    for doc in view.readable("invoice"):
        for i, item in enumerate(doc.items):
            service = item_service(item)
            if service in excluded or (covered and service not in covered):
                continue
            value = amount(item["amount"].value) if "amount" in item else None
            if value is None:
                return None
            tax = amount(item["tax"].value) if "tax" in item else ZERO
            total += value + ((tax or ZERO) if with_tax else ZERO)
            evidence.append(doc.item_evidence(i, "amount"))
    return total, evidence


@rule("eligibility", "below_threshold")
def threshold(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    limit = params.value("threshold")
    if limit is None or not view.readable("invoice"):
        return []
    found = covered_purchase(view, params)
    if found is None:
        return []
    total, evidence = found
    if total >= limit:
        return []
    return [CheckFinding(
        "below_threshold", BLOCK,
        f"符合条件的算力购买金额{fmt(total)}元，低于{fmt(limit)}元（含）的申报门槛",
        f"qualifying purchases of {fmt(total)} yuan are below the {fmt(limit)} yuan threshold",
        params.article("threshold"), evidence)]


def service_period(view: ApplicationView) -> tuple[date, date, list[Evidence]] | None:
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
      "contract_below_direction_minimum")
def direction(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    directions = params.value("directions")
    if not directions:
        return []
    article = params.article("directions")
    evidence = [d.evidence("direction") for d in view.of_kind("application_form") if d.get("direction")]
    if view.direction is None:
        return [CheckFinding("direction_missing", BLOCK, "未选择申报方向（须且只能申报一个方向）",
                             "no direction declared (exactly one is required)", article, evidence)]
    key = str(view.direction)
    if key not in directions:
        return [CheckFinding("direction_invalid", BLOCK, f"申报方向{key}不存在",
                             f"direction {key} does not exist", article, evidence)]
    out = []
    # The forms must agree with the declared direction: one direction per applicant.
    for doc in view.of_kind("application_form"):
        said = doc.get("direction")
        if said and said != key:
            out.append(CheckFinding(
                "direction_invalid", BLOCK,
                f"“{doc.file}”所填申报方向（{said}）与申报的方向{key}不一致",
                f"'{doc.file}' declares direction {said}, the application direction {key}",
                article, [doc.evidence("direction")]))
    kinds = (params.value("direction_applicant_kinds") or {}).get(key)
    kind = view.overrides.get("applicant_kind") or infer_applicant_kind(view.applicant_name, params)
    if kinds and kind not in kinds:
        out.append(CheckFinding(
            "direction_applicant_kind", BLOCK,
            f"方向{key}仅支持{'、'.join(KIND_NAMES.get(k, k) for k in kinds)}，申报单位为{KIND_NAMES.get(kind, kind)}",
            f"direction {key} is only for {', '.join(kinds)}; the applicant is a {kind}",
            params.article("direction_applicant_kinds"), _applicant_evidence(view)))
    minimum = (params.value("direction_contract_minimum") or {}).get(key)
    if minimum is not None:
        for doc in view.readable("contract"):
            total = amount(doc.get("total"))
            if total is not None and total < minimum:
                out.append(CheckFinding(
                    "contract_below_direction_minimum", BLOCK,
                    f"方向{key}要求合同总额不低于{fmt(minimum)}元，合同“{doc.get('contract_number') or doc.file}”为{fmt(total)}元",
                    f"direction {key} needs a contract total of at least {fmt(minimum)}; this one is {fmt(total)}",
                    params.article("direction_contract_minimum"), [doc.evidence("total")]))
    return out


@rule("eligibility", "contract_term_beyond_year_end")
def contract_term(view: ApplicationView, params: PolicyParams) -> list[CheckFinding]:
    """Dazhou 第十一条: the contract term may not run past 31 December of the voucher year."""
    month_day = params.value("contract_term_end")
    if not month_day:
        return []
    month, dd = (int(x) for x in str(month_day).split("-"))
    out = []
    for doc in view.readable("contract"):
        end = day(doc.get("term_end"))
        if end is None:
            continue
        limit = date(view.claim_day.year, month, dd)
        signed = day(doc.get("signed_on"))
        if signed is not None:
            limit = date(signed.year, month, dd)  # “当年”: the year the contract was made
        if end > limit:
            out.append(CheckFinding(
                "contract_term_beyond_year_end", BLOCK,
                f"合同期限至{end.isoformat()}，超过当年{limit.isoformat()}",
                f"the contract runs to {end.isoformat()}, past {limit.isoformat()}",
                params.article("contract_term_end"), [doc.evidence("term_end")]))
    return out


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
    dates = [(d, x) for d in view.readable("invoice") if (x := day(d.get("issue_date")))]
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
