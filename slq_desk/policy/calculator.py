"""The subsidy calculator: application facts + policy → subsidy with reasons and a cited trace.

A pure function. Every rule below is switched and sized by policy parameters read through
``params.Params`` (so every figure carries its articles); the readings of POLICIES.md are
parameters too. The order of the rules is the order the texts imply: what counts (services,
classes, windows) → base → rate → per-contract limit → rounding/cap/quota/minimum. Each stage is
its own function; rules the 初审 also applies live in ``policy/rules`` and are called from here,
so the calculation's reason and the 初审 finding for one article are one evaluation.
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
from slq_desk.policy.rules import amounts as amount_rules
from slq_desk.policy.rules import applicant as applicant_rules
from slq_desk.policy.rules import contract as contract_rules
from slq_desk.policy.rules import direction as direction_rules
from slq_desk.policy.rules import period
from slq_desk.policy.rules import threshold as threshold_rules
from slq_desk.policy.rules.direction import NO_DIRECTION
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
    # "征求意见稿" when the policy is a draft for comment (reading 14), else None.
    draft: str | None = None

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
        reasons = [r.to_dict() for r in self.reasons]
        if self.draft:
            # Reading 14: nobody may mistake a draft's figure for a binding one.
            for reason in reasons:
                reason["message"] = f"（{self.draft}）{reason['message']}"
                reason["message_en"] = f"(draft for comment) {reason['message_en']}"
        out: dict[str, Any] = {
            "id": self.id,
            "policy": self.policy,
            "eligible": self.eligible,
            "subsidy": fmt(self.subsidy),
            "base": fmt(self.base),
            "rate_is_ceiling": self.rate_is_ceiling,
            "reasons": reasons,
            "steps": [step_dict(item) for item in self.trace],
            "articles": self.articles,
        }
        if self.draft:
            out["draft"] = self.draft
        return out


def _policy(policy: Policy | str | None, app: Application) -> Policy:
    if isinstance(policy, Policy):
        return policy
    policy_id = policy if policy is not None else app.policy
    if policy_id is None:
        raise BadInput("policy: missing (give it in the application or as an argument)")
    return load_policy(policy_id)


@dataclass(slots=True)
class _Run:
    """One computation's state, handed from stage to stage."""

    facts: Application
    policy: Policy
    day: date
    p: Params
    steps: list[TraceItem]
    reasons: list[Reason]
    direction: str = NO_DIRECTION
    # Per contract: the eligible base and the gross subsidy of its lines.
    contract_base: dict[str, Decimal] = field(default_factory=dict)
    contract_gross: dict[str, Decimal] = field(default_factory=dict)
    # The qualifying amount before window proration (Hunan's threshold, reading 16).
    before_window: Decimal = ZERO


def compute(app: Application | dict[str, Any], policy: Policy | str | None = None) -> Result:
    """Compute one application under ``policy`` (a Policy, an id, or None: the app's own).

    The stages, in the order the texts imply: in force → who may apply → direction → which
    contracts count → each line (service, class, origin, rate, window) → threshold → per-contract
    fiscal limit → rounding, cap, quota, minimum → verdict. Rules shared with the 初审 are called
    from ``policy/rules``; the stages here only put their reasons and figures in the trace.
    """
    facts = app if isinstance(app, Application) else parse_application(app)
    pol = _policy(policy, facts)
    day = facts.claim_day
    steps: list[TraceItem] = []
    run = _Run(facts, pol, day, Params(pol.resolved(day), steps), steps, [])

    draft = period.draft_notice(run.p)  # reading 14: said on every result, refused ones too
    if draft is not None:
        run.reasons.append(draft)
    refused = _in_force(run)
    if refused is not None:
        return refused
    p = run.p
    _add(run, applicant_rules.applicant_kind(p, facts.applicant.kind))
    _direction(run)
    excluded = _excluded_contracts(run)
    _lines(run, excluded)

    base = sum(run.contract_base.values(), ZERO)
    steps.append(calc("eligible_base", p.articles("base_includes_tax", "covered_services"), base))
    if base == 0:
        run.reasons.append(Reason("no_eligible_lines", p.article("covered_services"), INELIGIBLE,
                                  {}))
    _threshold(run, base)
    if p.has("fiscal_support_ratio"):
        _fiscal_limit(run)
    gross = sum(run.contract_gross.values(), ZERO)
    steps.append(calc("gross_subsidy", p.article("rate"), gross))
    subsidy = _round_cap_minimum(run, gross)
    return _verdict(run, base, subsidy)


def _add(run: _Run, reason: Reason | None) -> None:
    if reason is not None:
        run.reasons.append(reason)


def _in_force(run: _Run) -> Result | None:
    """Outside every period in force (judged on the Beijing date, reading 15): nothing to
    compute. No value holds that day, so the accessor has nothing to read: the step cites the
    article that sets the period directly."""
    reason = period.in_force(run.policy, run.day)
    if reason is None:
        run.p.get("in_force")
        return None
    cite = run.policy.parameter("in_force").values[0].citation
    run.steps.append(Step("parameter:in_force", reason.article, False, {"day": run.day},
                          cite.quote, cite.document))
    run.reasons.append(reason)
    facts = run.facts
    return Result(facts.id, run.policy.id, False, ZERO, ZERO, False, run.reasons, run.steps,
                  facts.claimed_at, facts.score, draft=period.draft_label(run.policy, run.day))


def _direction(run: _Run) -> None:
    """Beijing 一（四）: the declared direction and its conditions (policy/rules/direction)."""
    p, facts = run.p, run.facts
    key, wrong = direction_rules.declared_direction(p, facts.direction)
    _add(run, wrong)
    run.direction = key
    _add(run, direction_rules.direction_applicant_kind(p, key, facts.applicant.kind))
    if key != NO_DIRECTION and p.has("direction_contract_minimum"):
        _add(run, direction_rules.direction_contract_total(p, key, _compute_amounts(run)))


def _compute_amounts(run: _Run) -> list[tuple[str, Decimal, list[Any]]]:
    """Each contract's intelligent-compute amount (reading 17): its ``compute_total`` when
    given, else the sum of its intelligent-compute lines (tax as in the base)."""
    includes_tax = bool(run.p.get("base_includes_tax"))
    out: list[tuple[str, Decimal, list[Any]]] = []
    for contract in run.facts.contracts:
        if contract.compute_total is not None:
            out.append((contract.id, contract.compute_total, []))
            continue
        total = ZERO
        for line in run.facts.lines:
            if line.contract == contract.id and direction_rules.is_intelligent_compute(
                    line.service, line.compute_class):
                total += line.amount + (line.tax if includes_tax else ZERO)
        out.append((contract.id, total, []))
    return out


def _excluded_contracts(run: _Run) -> set[str]:
    """Contracts whose service runs past the voucher year's end (Dazhou 第十一条)."""
    if not run.p.has("contract_term_end"):
        return set()  # the rule is not stated: skip gathering its inputs (the hot path)
    ends: dict[str, date] = {}
    for line in run.facts.lines:
        if line.period_end > ends.get(line.contract, date.min):
            ends[line.contract] = line.period_end
    found = contract_rules.contract_term(run.p, run.day,
                                         ((c, end, []) for c, end in ends.items()))
    run.reasons.extend(found)
    return {r.details["contract"] for r in found}


@dataclass(slots=True)
class _LineRules:
    """The parameters every line is judged by, read once per computation."""

    includes_tax: bool
    covered: Any
    classes: Any
    excluded_services: Any
    excluded_classes: Any
    domestic_only: Any
    window: Window | None
    bonus: Decimal | None
    bonus_multiplies: bool


def _line_rules(run: _Run) -> _LineRules:
    p, applicant = run.p, run.facts.applicant
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
            run.reasons.append(Reason("sme_not_applicable", p.article("sme_applicant_kinds"),
                                      INFO, {"kind": applicant.kind}))
    return _LineRules(
        includes_tax=p.get("base_includes_tax"),
        covered=p.get("covered_services"),
        classes=p.get("covered_compute_classes"),
        excluded_services=p.get("excluded_services") if p.has("excluded_services") else (),
        excluded_classes=(p.get("excluded_compute_classes")
                          if p.has("excluded_compute_classes") else ()),
        domestic_only=(p.get("domestic_required_services")
                       if p.has("domestic_required_services") else ()),
        window=window, bonus=bonus, bonus_multiplies=bonus_multiplies,
    )


def _lines(run: _Run, excluded_contracts: set[str]) -> None:
    rules = _line_rules(run)
    for number, line in enumerate(run.facts.lines, 1):
        if line.contract not in excluded_contracts:
            _line(run, rules, number, line)


def _line_excluded(run: _Run, rules: _LineRules, number: int, line: Line) -> Reason | None:
    """What the texts say a line is not for: service, compute class, origin."""
    p, service = run.p, line.service
    if service in rules.excluded_services:
        return Reason("service_excluded", p.article("excluded_services"), EXCLUDED,
                      {"line": number, "service": service})
    if service not in rules.covered:
        return Reason("service_not_covered", p.article("covered_services"), EXCLUDED,
                      {"line": number, "service": service})
    if service == "compute":
        cls = line.compute_class
        if cls in rules.excluded_classes or cls not in rules.classes:
            name = ("excluded_compute_classes" if cls in rules.excluded_classes
                    else "covered_compute_classes")
            return Reason("compute_class_excluded", p.article(name), EXCLUDED,
                          {"line": number, "compute_class": cls})
    if service in rules.domestic_only and not line.domestic:
        return Reason("not_domestic", p.article("domestic_required_services"), EXCLUDED,
                      {"line": number, "service": service})
    return None


def _line_rate(run: _Run, rules: _LineRules, number: int, line: Line) -> Decimal | None:
    p = run.p
    rate = p.rate(line.service, "domestic" if line.domestic else "foreign", run.direction)
    if rate is None:
        run.reasons.append(Reason("no_rate", p.article("rate"), EXCLUDED,
                                  {"line": number, "service": line.service}))
        return None
    if rules.bonus is not None:
        boosted = rate * (ONE + rules.bonus) if rules.bonus_multiplies else rate + rules.bonus
        boosted = min(boosted, ONE)
        run.steps.append(calc("sme_rate", p.articles("sme_rate_bonus", "rate"), boosted,
                              (("line", number), ("rate", rate), ("bonus", rules.bonus))))
        rate = boosted
    return Decimal(rate)


def _line(run: _Run, rules: _LineRules, number: int, line: Line) -> None:
    p = run.p
    excluded = _line_excluded(run, rules, number, line)
    if excluded is not None:
        run.reasons.append(excluded)
        return
    rate = _line_rate(run, rules, number, line)
    if rate is None:
        return
    line_base = line.amount + line.tax if rules.includes_tax else line.amount
    run.steps.append(calc("line_base", p.articles("base_includes_tax", "covered_services"),
                          line_base,
                          (("line", number), ("contract", line.contract),
                           ("service", line.service), ("amount", line.amount),
                           ("tax", line.tax))))
    run.before_window += line_base
    if rules.window is not None:
        counted = _line_window(run, rules.window, rules.includes_tax, number, line, line_base)
        if counted is None:
            return
        line_base = counted
    line_subsidy = line_base * rate
    run.steps.append(calc("line_subsidy", p.article("rate"), line_subsidy,
                          (("line", number), ("base", line_base), ("rate", rate))))
    run.contract_base[line.contract] = run.contract_base.get(line.contract, ZERO) + line_base
    run.contract_gross[line.contract] = (run.contract_gross.get(line.contract, ZERO)
                                         + line_subsidy)


def _line_window(run: _Run, window: Window, includes_tax: bool, number: int, line: Line,
                 line_base: Decimal) -> Decimal | None:
    """Hunan 三, Beijing 一（六）: only the part inside the window (reading 7)."""
    p = run.p
    window_article = p.articles("service_window", "proration")
    in_window = _in_window(line, line_base, window, includes_tax)
    if in_window is None:
        run.reasons.append(Reason("outside_window", p.article("service_window"), EXCLUDED,
                                  {"line": number, "start": line.period_start,
                                   "end": line.period_end}))
        return None
    counted, method = in_window
    if counted != line_base or method == "usage_log":
        run.steps.append(calc("line_in_window", window_article, counted,
                              (("line", number), ("method", method),
                               ("window_start", window.start), ("window_end", window.end),
                               ("start", line.period_start), ("end", line.period_end))))
    if counted != line_base:
        run.reasons.append(Reason("prorated", window_article, LIMITED,
                                  {"line": number, "method": method, "base": counted}))
    return counted


def _threshold(run: _Run, base: Decimal) -> None:
    """Wuhan 第七条 (reading 2), Dazhou 第七条, Hunan 二（一）2 (reading 16)."""
    p, applicant = run.p, run.facts.applicant
    if not p.has("threshold"):
        return
    measured = run.before_window if threshold_rules.before_window(p) else base
    if measured != base:
        run.steps.append(calc("threshold_base", p.articles("threshold", "threshold_before_window"),
                              measured, (("before_window", measured), ("in_window", base))))
    _add(run, threshold_rules.threshold(p, measured, applicant.purchased_this_year,
                                        applicant.received_this_year))


def _verdict(run: _Run, base: Decimal, subsidy: Decimal) -> Result:
    p, facts, reasons = run.p, run.facts, run.reasons
    rate_is_ceiling = bool(p.get("rate_is_ceiling"))
    blocked = any(reason.effect == INELIGIBLE for reason in reasons)
    eligible = subsidy > 0 and not blocked
    if not eligible and not blocked:
        reasons.append(Reason("zero_subsidy", p.article("rate"), INELIGIBLE, {}))
    if eligible and rate_is_ceiling:
        reasons.append(Reason("rate_is_ceiling", p.article("rate_is_ceiling"), INFO, {}))
    payout = subsidy if eligible else to_fen(ZERO)
    run.steps.append(calc("subsidy", p.articles("rate", "cap", "rounding_quantum"), payout,
                          (("eligible", eligible),)))
    return Result(facts.id, run.policy.id, eligible, payout, base, rate_is_ceiling, reasons,
                  run.steps, facts.claimed_at, facts.score, subsidy,
                  draft=period.draft_label(run.policy, run.day))


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


def _fiscal_limit(run: _Run) -> None:
    """All fiscal support on one contract ≤ ratio × approved cost (Beijing 二(四), reading 8)."""
    p = run.p
    ratio = p.get("fiscal_support_ratio")
    article = p.article("fiscal_support_ratio")
    other = {c.id: c.other_fiscal_support for c in run.facts.contracts}
    for contract, gross in run.contract_gross.items():
        approved = run.contract_base[contract]
        limit = max(ZERO, approved * ratio - other[contract])
        run.steps.append(calc("contract_fiscal_limit", article, limit,
                              (("contract", contract), ("approved_cost", approved),
                               ("ratio", ratio), ("other_fiscal_support", other[contract]))))
        if gross > limit:
            run.reasons.append(Reason("fiscal_support_limit", article, LIMITED,
                                      {"contract": contract, "ratio": ratio,
                                       "before": to_fen(gross), "after": to_fen(limit)}))
            run.contract_gross[contract] = limit


def _rounded(run: _Run, amount: Decimal) -> Decimal:
    """Wuhan "精确到千元" (reading 1); elsewhere half-up to the fen (reading 10)."""
    p = run.p
    quantum = p.get("rounding_quantum")
    mode = p.get("rounding_mode")
    rounded = _round(amount, quantum, mode)
    run.steps.append(calc("rounding", p.article("rounding_quantum"), rounded,
                          (("amount", amount), ("quantum", quantum), ("mode", mode))))
    return rounded


def _capped(run: _Run, amount: Decimal) -> tuple[Decimal, Decimal]:
    """The yearly cap less what was already received (reading 6); (amount, what remains)."""
    p, facts = run.p, run.facts
    cap = p.get_key("cap", run.direction)
    if cap is None:  # only when no valid direction was declared: already ineligible
        cap = ZERO
    received = facts.applicant.received_this_year if p.get("cap_counts_received") else ZERO
    remaining = max(ZERO, cap - received)
    cap_article = p.articles("cap", "cap_counts_received")
    run.steps.append(calc("cap_remaining", cap_article, remaining,
                          (("cap", cap), ("received", received))))
    if amount <= remaining:
        return amount, remaining
    if remaining == 0:
        run.reasons.append(Reason("cap_exhausted", cap_article, INELIGIBLE,
                                  {"received": received}))
    else:
        run.reasons.append(Reason("capped", cap_article, LIMITED,
                                  {"before": to_fen(amount), "after": to_fen(remaining),
                                   "remaining": remaining}))
    run.steps.append(calc("capped", cap_article, remaining))
    return remaining, remaining


def _quota(run: _Run, amount: Decimal) -> Decimal:
    """Chengdu 第十二条: no more than the quota granted (policy/rules/amounts)."""
    limited, reason = amount_rules.within_quota(run.p, amount, run.facts.quota_granted)
    if reason is not None:
        run.reasons.append(reason)
        run.steps.append(calc("quota", reason.article, limited,
                              (("quota_granted", run.facts.quota_granted),)))
    return limited


def _minimum(run: _Run, amount: Decimal, remaining: Decimal) -> Decimal:
    """Chengdu 第六条 (reading 4, yearly cumulative): refuse, or top up where a policy says so."""
    p = run.p
    reason = amount_rules.below_minimum(p, amount, run.facts.applicant.received_this_year)
    if reason is None:
        return amount
    minimum = p.get("minimum_subsidy")
    if p.get("below_minimum") == "top_up":
        reason = Reason("topped_up", reason.article, LIMITED,
                        {"subsidy": amount, "minimum": minimum})
        amount = to_fen(min(minimum, remaining))
    run.reasons.append(reason)
    run.steps.append(calc("minimum", reason.article, amount, (("minimum", minimum),)))
    return amount


def _round_cap_minimum(run: _Run, gross: Decimal) -> Decimal:
    before_cap = run.p.get("rounding_stage") == "before_cap"
    amount = _rounded(run, gross) if before_cap else gross
    amount, remaining = _capped(run, amount)
    if not before_cap:
        amount = _rounded(run, amount)
    amount = _quota(run, to_fen(amount))
    return _minimum(run, amount, remaining)
