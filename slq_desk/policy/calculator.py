"""The subsidy calculator: application facts + policy → subsidy with reasons and a cited trace.

A pure function. Every rule below is switched and sized by policy parameters read through
``params.Params`` (so every figure carries its articles); the readings of POLICIES.md are
parameters too. The order of the rules is the order the texts imply: what counts (services,
classes, windows) → base → rate → per-contract limit → rounding/cap/minimum.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.money import CONTEXT, FEN, ROUNDING_MODES, ZERO, fmt, quantize
from slq_desk.policy.facts import Application, Line, parse_application
from slq_desk.policy.loader import load_policy
from slq_desk.policy.model import Policy, Window
from slq_desk.policy.params import Params
from slq_desk.policy.trace import (
    EXCLUDED,
    INELIGIBLE,
    INFO,
    LIMITED,
    Reason,
    Step,
    TraceItem,
    as_step,
    calc,
    step_dict,
)

ONE = Decimal(1)


def to_fen(value: Decimal) -> Decimal:
    """money.to_fen without its general machinery: this runs several times per application."""
    return value.quantize(FEN, rounding=ROUND_HALF_UP, context=CONTEXT)


def _round(value: Decimal, quantum: Decimal, mode: str) -> Decimal:
    if quantum == FEN:
        return value.quantize(FEN, rounding=ROUNDING_MODES[mode], context=CONTEXT)
    return quantize(value, quantum, mode)


@dataclass(slots=True)
class Result:
    id: str
    policy: str
    eligible: bool
    subsidy: Decimal
    base: Decimal
    rate_is_ceiling: bool
    reasons: list[Reason]
    trace: list[TraceItem]
    claimed_at: datetime
    score: Decimal | None = None
    # The figure before the eligibility decision (what an eligible applicant would get).
    computed: Decimal = field(default=ZERO)

    @property
    def steps(self) -> list[Step]:
        return [as_step(item) for item in self.trace]

    @property
    def articles(self) -> list[str]:
        seen: dict[str, None] = {}
        for step in self.steps:
            for article in step.article.split("；"):
                if article:
                    seen.setdefault(article, None)
        return list(seen)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "policy": self.policy,
            "eligible": self.eligible,
            "subsidy": fmt(self.subsidy),
            "base": fmt(self.base),
            "rate_is_ceiling": self.rate_is_ceiling,
            "reasons": [r.to_dict() for r in self.reasons],
            "steps": [step_dict(item) for item in self.trace],
            "articles": self.articles,
        }


def _policy(policy: Policy | str | None, app: Application) -> Policy:
    if isinstance(policy, Policy):
        return policy
    policy_id = policy if policy is not None else app.policy
    if policy_id is None:
        raise BadInput("policy: missing (give it in the application or as an argument)")
    return load_policy(policy_id)


def compute(app: Application | dict[str, Any], policy: Policy | str | None = None) -> Result:
    """Compute one application under ``policy`` (a Policy, an id, or None: the app's own)."""
    facts = app if isinstance(app, Application) else parse_application(app)
    pol = _policy(policy, facts)
    day = facts.claim_day
    steps: list[TraceItem] = []
    reasons: list[Reason] = []
    p = Params(pol.resolved(day), steps)

    if not p.has("in_force"):
        # No value holds on this day, so the accessor has nothing to read: cite the article
        # that sets the period in force directly.
        cite = pol.parameter("in_force").values[0].citation
        steps.append(
            Step("parameter:in_force", cite.article, False, {"day": day}, cite.quote, cite.document)
        )
        reasons.append(Reason("not_in_force", cite.article, INELIGIBLE, {"day": day}))
        return Result(facts.id, pol.id, False, ZERO, ZERO, False, reasons, steps,
                      facts.claimed_at, facts.score)
    p.get("in_force")

    applicant = facts.applicant
    if applicant.kind not in p.get("applicant_kinds"):
        reasons.append(Reason("applicant_kind", p.article("applicant_kinds"), INELIGIBLE,
                              {"kind": applicant.kind}))

    direction = _direction(p, facts, reasons)
    excluded_contracts = _contract_term(p, facts, day, reasons)

    includes_tax = p.get("base_includes_tax")
    covered = p.get("covered_services")
    classes = p.get("covered_compute_classes")
    excluded_services = p.get("excluded_services") if p.has("excluded_services") else ()
    excluded_classes = (
        p.get("excluded_compute_classes") if p.has("excluded_compute_classes") else ()
    )
    domestic_only = (
        p.get("domestic_required_services") if p.has("domestic_required_services") else ()
    )
    window = p.get("service_window") if p.has("service_window") else None
    if window is not None:
        p.get("proration")  # the only method so far; read so the trace cites reading 7
    bonus = None
    bonus_multiplies = False
    if applicant.sme and p.has("sme_rate_bonus"):
        if applicant.kind in p.get("sme_applicant_kinds"):
            bonus = p.get("sme_rate_bonus")
            bonus_multiplies = p.get("sme_bonus_mode") == "multiply"
        else:
            reasons.append(Reason("sme_not_applicable", p.article("sme_applicant_kinds"), INFO,
                                  {"kind": applicant.kind}))

    base_article = p.articles("base_includes_tax", "covered_services")
    window_article = p.articles("service_window", "proration")
    contract_base: dict[str, Decimal] = {}
    contract_gross: dict[str, Decimal] = {}
    for number, line in enumerate(facts.lines, 1):
        if line.contract in excluded_contracts:
            continue
        service = line.service
        if service in excluded_services:
            reasons.append(Reason("service_excluded", p.article("excluded_services"), EXCLUDED,
                                  {"line": number, "service": service}))
            continue
        if service not in covered:
            reasons.append(Reason("service_not_covered", p.article("covered_services"),
                                  EXCLUDED, {"line": number, "service": service}))
            continue
        if service == "compute":
            cls = line.compute_class
            if cls in excluded_classes or cls not in classes:
                name = ("excluded_compute_classes" if cls in excluded_classes
                        else "covered_compute_classes")
                reasons.append(Reason("compute_class_excluded", p.article(name), EXCLUDED,
                                      {"line": number, "compute_class": cls}))
                continue
        if service in domestic_only and not line.domestic:
            reasons.append(Reason("not_domestic", p.article("domestic_required_services"),
                                  EXCLUDED, {"line": number, "service": service}))
            continue
        rate = p.rate(service, "domestic" if line.domestic else "foreign", direction)
        if rate is None:
            reasons.append(Reason("no_rate", p.article("rate"), EXCLUDED,
                                  {"line": number, "service": service}))
            continue
        if bonus is not None:
            boosted = rate * (ONE + bonus) if bonus_multiplies else rate + bonus
            boosted = min(boosted, ONE)
            steps.append(calc("sme_rate", p.articles("sme_rate_bonus", "rate"), boosted,
                              (("line", number), ("rate", rate), ("bonus", bonus))))
            rate = boosted

        line_base = line.amount + line.tax if includes_tax else line.amount
        steps.append(calc("line_base", base_article, line_base,
                          (("line", number), ("contract", line.contract), ("service", service),
                           ("amount", line.amount), ("tax", line.tax))))
        if window is not None:
            in_window = _in_window(line, line_base, window, includes_tax)
            if in_window is None:
                reasons.append(Reason("outside_window", p.article("service_window"), EXCLUDED,
                                      {"line": number, "start": line.period_start,
                                       "end": line.period_end}))
                continue
            counted, method = in_window
            if counted != line_base or method == "usage_log":
                steps.append(calc("line_in_window", window_article, counted,
                                  (("line", number), ("method", method),
                                   ("window_start", window.start), ("window_end", window.end),
                                   ("start", line.period_start), ("end", line.period_end))))
            if counted != line_base:
                reasons.append(Reason("prorated", window_article, LIMITED,
                                      {"line": number, "method": method, "base": counted}))
            line_base = counted
        line_subsidy = line_base * rate
        steps.append(calc("line_subsidy", p.article("rate"), line_subsidy,
                          (("line", number), ("base", line_base), ("rate", rate))))
        contract_base[line.contract] = contract_base.get(line.contract, ZERO) + line_base
        contract_gross[line.contract] = contract_gross.get(line.contract, ZERO) + line_subsidy

    base = sum(contract_base.values(), ZERO)
    steps.append(calc("eligible_base", base_article, base))
    if base == 0:
        reasons.append(Reason("no_eligible_lines", p.article("covered_services"), INELIGIBLE, {}))
    if p.has("threshold"):
        threshold = p.get("threshold")
        if base < threshold:
            reasons.append(Reason("below_threshold", p.article("threshold"), INELIGIBLE,
                                  {"base": base, "threshold": threshold}))

    if p.has("fiscal_support_ratio"):
        _fiscal_limit(p, facts, contract_base, contract_gross, steps, reasons)
    gross = sum(contract_gross.values(), ZERO)
    steps.append(calc("gross_subsidy", p.article("rate"), gross))

    subsidy = _round_cap_minimum(p, facts, direction, gross, steps, reasons)
    rate_is_ceiling = bool(p.get("rate_is_ceiling"))

    blocked = False
    for reason in reasons:
        if reason.effect == INELIGIBLE:
            blocked = True
            break
    eligible = subsidy > 0 and not blocked
    if not eligible and not blocked:
        reasons.append(Reason("zero_subsidy", p.article("rate"), INELIGIBLE, {}))
    if eligible and rate_is_ceiling:
        reasons.append(Reason("rate_is_ceiling", p.article("rate_is_ceiling"), INFO, {}))
    payout = subsidy if eligible else to_fen(ZERO)
    steps.append(calc("subsidy", p.articles("rate", "cap", "rounding_quantum"), payout,
                      (("eligible", eligible),)))
    return Result(facts.id, pol.id, eligible, payout, base, rate_is_ceiling, reasons, steps,
                  facts.claimed_at, facts.score, subsidy)


def _direction(p: Params, facts: Application, reasons: list[Reason]) -> str:
    """The key of the declared direction ("*" where the policy has no directions)."""
    if not p.has("directions"):
        return "*"
    directions = p.get("directions")
    article = p.article("directions")
    if facts.direction is None:
        reasons.append(Reason("direction_missing", article, INELIGIBLE, {}))
        return "*"
    key = str(facts.direction)
    if key not in directions:
        reasons.append(Reason("direction_invalid", article, INELIGIBLE, {"direction": key}))
        return "*"
    if p.has("direction_applicant_kinds"):
        kinds = p.get_key("direction_applicant_kinds", key)
        if kinds is not None and facts.applicant.kind not in kinds:
            reasons.append(Reason("direction_applicant_kind",
                                  p.article("direction_applicant_kinds"), INELIGIBLE,
                                  {"direction": key, "kinds": "、".join(kinds),
                                   "kind": facts.applicant.kind}))
    if p.has("direction_contract_minimum"):
        minimum = p.get_key("direction_contract_minimum", key)
        if minimum is not None:
            total = sum((c.total for c in facts.contracts), ZERO)
            if total < minimum:
                reasons.append(Reason("contract_total_below_direction_minimum",
                                      p.article("direction_contract_minimum"), INELIGIBLE,
                                      {"direction": key, "minimum": minimum, "total": total}))
    return key


def _contract_term(
    p: Params, facts: Application, day: date, reasons: list[Reason]
) -> set[str]:
    """Contracts whose service runs past the allowed end of the claim year (Dazhou 第十一条)."""
    if not p.has("contract_term_end"):
        return set()
    limit = date.fromisoformat(f"{day.year}-{p.get('contract_term_end')}")
    ends: dict[str, date] = {}
    for line in facts.lines:
        if line.period_end > ends.get(line.contract, date.min):
            ends[line.contract] = line.period_end
    excluded = set()
    for contract, end in ends.items():
        if end > limit:
            excluded.add(contract)
            reasons.append(Reason("contract_term_beyond_year_end", p.article("contract_term_end"),
                                  EXCLUDED, {"contract": contract, "end": end}))
    return excluded


def _in_window(
    line: Line, line_base: Decimal, window: Window, includes_tax: bool
) -> tuple[Decimal, str] | None:
    """The part of a line's base inside the window, and how it was found; None if none."""
    if line.in_window_amount is not None:
        if line.in_window_amount == 0:
            return None
        if not includes_tax or line.in_window_amount == line.amount:
            share = line.in_window_amount if not includes_tax else line_base
        else:
            # The log gives the tax-excluded part; its tax follows in proportion.
            share = to_fen(CONTEXT.divide(line_base * line.in_window_amount, line.amount))
        return share, "usage_log"
    start, end = line.period_start, line.period_end
    if end < window.start or start > window.end:
        return None
    if window.start <= start and end <= window.end:
        return line_base, "calendar_days"
    inside = (min(end, window.end) - max(start, window.start)).days + 1
    total = (end - start).days + 1
    return to_fen(CONTEXT.divide(line_base * inside, Decimal(total))), "calendar_days"


def _fiscal_limit(
    p: Params,
    facts: Application,
    contract_base: dict[str, Decimal],
    contract_gross: dict[str, Decimal],
    steps: list[TraceItem],
    reasons: list[Reason],
) -> None:
    """All fiscal support on one contract ≤ ratio × approved cost (Beijing 二(四), reading 8)."""
    ratio = p.get("fiscal_support_ratio")
    article = p.article("fiscal_support_ratio")
    other = {c.id: c.other_fiscal_support for c in facts.contracts}
    for contract, gross in contract_gross.items():
        limit = max(ZERO, contract_base[contract] * ratio - other[contract])
        steps.append(calc("contract_fiscal_limit", article, limit,
                          (("contract", contract), ("approved_cost", contract_base[contract]),
                           ("ratio", ratio), ("other_fiscal_support", other[contract]))))
        if gross > limit:
            reasons.append(Reason("fiscal_support_limit", article, LIMITED,
                                  {"contract": contract, "ratio": ratio, "before": to_fen(gross),
                                   "after": to_fen(limit)}))
            contract_gross[contract] = limit


def _round_cap_minimum(
    p: Params,
    facts: Application,
    direction: str,
    gross: Decimal,
    steps: list[TraceItem],
    reasons: list[Reason],
) -> Decimal:
    quantum = p.get("rounding_quantum")
    mode = p.get("rounding_mode")
    before_cap = p.get("rounding_stage") == "before_cap"
    rounding_article = p.article("rounding_quantum")
    amount = gross
    if before_cap:
        amount = _round(gross, quantum, mode)
        steps.append(calc("rounding", rounding_article, amount,
                          (("amount", gross), ("quantum", quantum), ("mode", mode))))

    cap = p.get_key("cap", direction)
    if cap is None:  # only when no valid direction was declared: already ineligible
        cap = ZERO
    received = facts.applicant.received_this_year if p.get("cap_counts_received") else ZERO
    remaining = max(ZERO, cap - received)
    cap_article = p.articles("cap", "cap_counts_received")
    steps.append(calc("cap_remaining", cap_article, remaining,
                      (("cap", cap), ("received", received))))
    if amount > remaining:
        if remaining == 0:
            reasons.append(Reason("cap_exhausted", cap_article, INELIGIBLE, {"received": received}))
        else:
            reasons.append(Reason("capped", cap_article, LIMITED,
                                  {"before": to_fen(amount), "after": to_fen(remaining),
                                   "remaining": remaining}))
        amount = remaining
        steps.append(calc("capped", cap_article, amount))
    if not before_cap:
        rounded = _round(amount, quantum, mode)
        steps.append(calc("rounding", rounding_article, rounded,
                          (("amount", amount), ("quantum", quantum), ("mode", mode))))
        amount = rounded
    amount = to_fen(amount)

    if amount > 0 and p.has("minimum_subsidy"):
        minimum = p.get("minimum_subsidy")
        if amount < minimum:
            article = p.articles("minimum_subsidy", "below_minimum")
            if p.get("below_minimum") == "top_up":
                reasons.append(Reason("topped_up", article, LIMITED,
                                      {"subsidy": amount, "minimum": minimum}))
                amount = to_fen(min(minimum, remaining))
            else:
                reasons.append(Reason("below_minimum", article, INELIGIBLE,
                                      {"subsidy": amount, "minimum": minimum}))
            steps.append(calc("minimum", article, amount, (("minimum", minimum),)))
    return amount
