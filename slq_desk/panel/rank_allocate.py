"""Rank the panel's applications and spend the pool: a main list and a reserve list.

Ranking is ``review.ranking.rank`` with the configured tie-breaks (default: score, then the
earlier claim, then the smaller request). The pool is spent by the calculator's ``allocate``
in the policy's own mode (POLICIES.md readings 12 and 13): rank order, first come first served
or scaled. For rank order the panel's ranking *is* the order, so ``allocate`` is handed
position numbers as its scores — its built-in order (score, claim, id) then reproduces the
chair's configured tie-breaks exactly instead of silently replacing them.

Each application's amount is the panel conclusion's amount when the chair set one, else the
median of the active opinions' recommended amounts (rounded down to the fen: the panel never
grants more than its members proposed), else the computed subsidy. An application below the
cut-off score, or that the panel does not recommend (its conclusion, or before there is one
the majority of its members, says 不推荐), is on neither list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from slq_desk.errors import BadInput
from slq_desk.models.panel import ACTIVE, PanelConclusion, PanelOpinion
from slq_desk.models.schema import Application
from slq_desk.money import FEN, ZERO, fmt, quantize, yuan
from slq_desk.panel.aggregate import PanelAggregate
from slq_desk.panel.bulk import gc_paused
from slq_desk.review.aggregate import quantum, round_for_display
from slq_desk.review.ranking import DEFAULT_ORDER, LABELS, RankInput, rank

MAIN, RESERVE, OUT = "main", "reserve", "out"
LIST_LABELS = {MAIN: "正选", RESERVE: "备选", OUT: "未入选"}


@dataclass(frozen=True)
class Candidate:
    """What ranking and allocation need to know about one application."""

    application_id: str
    applicant_name: str
    applicant_uscc: str
    policy_id: str
    score: Decimal
    reviewers: int
    alerts: int
    claimed_at: datetime
    requested: Decimal  # the computed subsidy (what the application is worth by the policy)
    amount: Decimal  # what the panel proposes to grant
    amount_source: str  # conclusion | opinions | computed
    not_recommended: bool = False


@dataclass(frozen=True)
class ListEntry:
    rank: int
    candidate: Candidate
    decided_by: str | None
    unresolved: bool
    granted: Decimal
    status: str  # main | reserve | out
    reason: str = ""

    def to_json(self, places: int = 2) -> dict[str, Any]:
        c = self.candidate
        return {
            "rank": self.rank, "application_id": c.application_id,
            "applicant_name": c.applicant_name, "applicant_uscc": c.applicant_uscc,
            "policy_id": c.policy_id,
            "score": str(round_for_display(c.score, quantum(places))),
            "reviewers": c.reviewers, "alerts": c.alerts,
            "claimed_at": c.claimed_at.isoformat(), "requested": fmt(c.requested),
            "amount": fmt(c.amount), "amount_source": c.amount_source,
            "granted": fmt(self.granted), "list": self.status,
            "list_label": LIST_LABELS[self.status], "decided_by": self.decided_by,
            "unresolved_tie": self.unresolved, "reason": self.reason,
        }


@dataclass
class PanelList:
    policy_id: str
    mode: str
    pool: Decimal | None
    pool_source: str
    cut_off: Decimal | None
    order: tuple[str, ...]
    entries: list[ListEntry]
    steps: list[dict[str, Any]] = field(default_factory=list)

    def of(self, status: str) -> list[ListEntry]:
        return [e for e in self.entries if e.status == status]

    @property
    def granted(self) -> Decimal:
        return sum((e.granted for e in self.entries), ZERO)

    def to_json(self, places: int = 2) -> dict[str, Any]:
        return {
            "policy": self.policy_id, "mode": self.mode,
            "pool": None if self.pool is None else fmt(self.pool),
            "pool_source": self.pool_source,
            "cut_off": None if self.cut_off is None else str(self.cut_off),
            "order": list(self.order),
            "totals": {"granted": fmt(self.granted),
                       "remaining": None if self.pool is None else fmt(self.pool - self.granted),
                       "main": len(self.of(MAIN)), "reserve": len(self.of(RESERVE)),
                       "out": len(self.of(OUT))},
            "entries": [e.to_json(places) for e in self.entries],
            "steps": self.steps,
        }


def majority(rows: Sequence[Any]) -> str | None:
    """The recommendation more than half the members gave, else None (the chair decides)."""
    counts: dict[str, int] = {}
    for r in rows:
        if r.recommendation:
            counts[r.recommendation] = counts.get(r.recommendation, 0) + 1
    if not counts:
        return None
    # The most given; among equals the first given (as ``Counter.most_common`` picks).
    rec, n = max(counts.items(), key=lambda item: item[1])
    return rec if n * 2 > len(rows) else None


def _median_down(values: list[Decimal]) -> Decimal:
    ordered = sorted(values)
    n = len(ordered)
    mid = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    return quantize(mid, FEN, "down")


@gc_paused
def candidates(s: Session, agg: PanelAggregate, policy_id: str | None = None) -> list[Candidate]:
    out: list[Candidate] = []
    by_app = agg.by_id()
    # Applications, conclusions and proposed amounts of the whole panel in one query each (a
    # query per application made 2,000 applications × 7 experts take seconds: bench/scale.py).
    ids = sorted(by_app)
    # The application's columns ranking reads, not whole rows as ORM objects.
    apps = {a.id: a for chunk in _chunks(ids) for a in s.execute(
        select(Application.id, Application.applicant_name, Application.applicant_uscc,
               Application.policy_id, Application.computed_subsidy, Application.claimed_at,
               Application.created_at).where(Application.id.in_(chunk)))}
    conclusions = {c.application_id: c for chunk in _chunks(ids) for c in s.scalars(
        select(PanelConclusion).where(PanelConclusion.application_id.in_(chunk)))}
    active: dict[str, list[Any]] = {}
    if agg.source == "opinions":
        # The columns ranking reads, not whole opinions (their JSON is what costs).
        for o in s.execute(select(PanelOpinion.application_id, PanelOpinion.recommendation,
                                  PanelOpinion.recommended_amount)
                           .where(PanelOpinion.status == ACTIVE)
                           .order_by(PanelOpinion.application_id, PanelOpinion.reviewer,
                                     PanelOpinion.id)):
            active.setdefault(o.application_id, []).append(o)
    proposed = _proposed_amounts(s, agg.source, active)
    for app_id in ids:
        app = apps.get(app_id)
        if app is None:
            continue
        if policy_id is not None and app.policy_id != policy_id:
            continue
        a = by_app[app_id]
        conclusion = conclusions.get(app_id)
        amounts = proposed.get(app_id, [])
        computed = app.computed_subsidy if app.computed_subsidy is not None else ZERO
        if conclusion is not None and conclusion.recommended_amount is not None:
            amount, source = conclusion.recommended_amount, "conclusion"
        elif amounts:
            amount, source = _median_down(amounts), "opinions"
        else:
            amount, source = computed, "computed"
        if conclusion is not None and conclusion.recommendation:
            against = conclusion.recommendation == "不推荐"
        else:
            # No conclusion yet: the members' majority speaks for the panel.
            against = agg.source == "opinions" and majority(active.get(app_id, [])) == "不推荐"
        out.append(Candidate(
            application_id=app_id, applicant_name=app.applicant_name,
            applicant_uscc=app.applicant_uscc, policy_id=app.policy_id, score=a.score,
            reviewers=len(a.reviewers), alerts=len(a.alerts),
            # No claim time recorded (a hand-made application): the time it entered the
            # workspace is the best evidence of order there is.
            claimed_at=app.claimed_at or app.created_at, requested=computed, amount=amount,
            amount_source=source,
            not_recommended=against))
    return out


def _chunks(ids: list[str], size: int = 500) -> list[list[str]]:
    """Ids in slices small enough for one ``IN (…)`` (SQLite's parameter limit)."""
    return [ids[at:at + size] for at in range(0, len(ids), size)]


def _proposed_amounts(s: Session, source: str,
                      active: dict[str, list[Any]]) -> dict[str, list[Decimal]]:
    """Each application's amounts proposed by the members: from their active opinions, or from
    the submitted reviews of members without a conflict of interest."""
    out: dict[str, list[Decimal]] = {}
    if source == "opinions":
        for app_id, rows in active.items():
            out[app_id] = [o.recommended_amount for o in rows if o.recommended_amount is not None]
        return out
    from slq_desk.models.schema import Review

    for r in s.scalars(select(Review).where(Review.status == "submitted").order_by(Review.id)):
        if r.recommended_amount is not None and not r.coi_conflict:
            out.setdefault(r.application_id, []).append(r.recommended_amount)
    return out


@gc_paused
def rank_and_allocate(cands: list[Candidate], *, budget: Decimal | None = None,
                      mode: str | None = None, cut_off: Decimal | None = None,
                      order: tuple[str, ...] | list[str] = DEFAULT_ORDER,
                      policy_id: str | None = None) -> PanelList:
    """Pure: rank ``cands`` and spend the pool in the policy's mode (or ``mode``)."""
    from slq_desk.policy.allocation import MAIN as A_MAIN
    from slq_desk.policy.allocation import allocate
    from slq_desk.policy.calculator import Result
    from slq_desk.policy.trace import step_dict

    if not cands:
        raise BadInput("没有可排序的申报 / no applications to rank (aggregate scores first)")
    policies = sorted({c.policy_id for c in cands})
    if policy_id is None:
        if len(policies) > 1:
            raise BadInput(f"评审组包含多个政策的申报（{', '.join(policies)}），请用 --policy 指定 / "
                           "the panel holds applications under several policies; name one with "
                           "--policy")
        policy_id = policies[0]
    cands = [c for c in cands if c.policy_id == policy_id]
    if not cands:
        raise BadInput(f"没有政策 {policy_id} 的申报 / no applications under {policy_id}")
    if budget is not None and budget < 0:
        raise BadInput(f"预算不能为负 / the budget cannot be negative: {budget}")

    ranked = rank([RankInput(c.application_id, c.score, c.claimed_at, c.requested)
                   for c in cands], order, cut_off)
    by_id = {c.application_id: c for c in cands}
    n = len(ranked)
    results = []
    for r in ranked:
        c = by_id[r.entry.application_id]
        eligible = r.eligible and not c.not_recommended and c.amount > 0
        # Position as score: allocate's (score desc, claim, id) order becomes the ranking's.
        results.append(Result(c.application_id, policy_id, eligible, c.amount, c.amount, False,
                              [], [], c.claimed_at, Decimal(n - r.rank + 1), c.amount))
    allocation = allocate(results, policy_id, budget=budget, mode=mode)
    grants = {g.id: g for g in allocation.grants}
    entries: list[ListEntry] = []
    for r in ranked:
        c = by_id[r.entry.application_id]
        g = grants[c.application_id]
        if g.status == A_MAIN:
            status, reason = MAIN, ""
            if g.granted != c.amount and allocation.mode == "scaled":
                reason = (f"按预算等比例核减，拨付 {yuan(g.granted)}（建议 {yuan(c.amount)}）"
                          f" / scaled to the pool: {fmt(g.granted)} of {fmt(c.amount)}")
            elif g.granted != c.amount:
                reason = (f"预算余额不足，获部分金额 {yuan(g.granted)}（建议 "
                          f"{yuan(c.amount)}） / partly granted: {fmt(g.granted)} of {fmt(c.amount)}")
        elif g.status == "reserve":
            status, reason = RESERVE, "预算已用完 / the pool was spent before its turn"
        else:
            status = OUT
            if not r.eligible:
                reason = f"得分低于分数线 {cut_off} / score below the cut-off {cut_off}"
            elif c.not_recommended:
                reason = "评审组意见：不推荐 / the panel does not recommend it"
            else:
                reason = "建议金额为零 / proposed amount is zero"
        entries.append(ListEntry(r.rank, c, r.decided_by, r.unresolved, g.granted, status, reason))
    steps = [step_dict(item) for item in allocation.trace]
    return PanelList(policy_id, allocation.mode, allocation.pool, allocation.pool_source,
                     cut_off, tuple(order), entries, steps)


def default_cut_off(agg: PanelAggregate) -> Decimal | None:
    """The pass threshold of the rubric the opinions were scored with, when they all used one
    rubric the workspace knows; otherwise no cut-off (the chair sets one)."""
    from slq_desk.review.rubric import RubricError, resolve

    if len(agg.rubrics) != 1 or not next(iter(agg.rubrics)):
        return None
    try:
        return resolve(next(iter(agg.rubrics))).pass_threshold
    except RubricError:
        return None


def describe_tie_break(key: str | None) -> str:
    return "" if key is None else LABELS.get(key, key)
