"""Granting a pool among computed applications: first come first served, rank order, scaled.

POLICIES.md readings 12 and 13: first come first served grants in claim order until the pool is
spent (the application meeting the end of the pool gets the remainder, later ones nothing); rank
order does the same by descending composite score, ties to the earlier claim; scaled multiplies
every voucher by pool ÷ total, rounded down to the fen, when the vouchers exceed the pool. The
mode and the pool are policy parameters; ``budget`` overrides the pool.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.money import CONTEXT, FEN, ZERO, fmt, quantize
from slq_desk.policy.calculator import Result
from slq_desk.policy.loader import ENUMS, load_policy
from slq_desk.policy.model import Policy
from slq_desk.policy.params import Params
from slq_desk.policy.trace import Step, TraceItem, as_step, calc, step_dict

MAIN = "main"  # granted (in full, or the remainder at the edge of the pool)
RESERVE = "reserve"  # eligible, but the pool was spent before its turn
NONE = "none"  # not eligible
# The "article" of a figure the operator set on the command line (--budget, --mode): the
# budget notice is outside the policy text, and the trace must still say where it came from.
OPERATOR = "操作员指定（预算通知）"


@dataclass(slots=True)
class Grant:
    id: str
    subsidy: Decimal
    granted: Decimal
    rank: int | None
    status: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "subsidy": fmt(self.subsidy),
            "granted": fmt(self.granted),
            "rank": self.rank,
            "status": self.status,
        }


@dataclass(slots=True)
class Allocation:
    policy: str
    mode: str
    pool: Decimal | None
    pool_source: str  # "policy", "budget" or "none" (no pool: every voucher granted)
    grants: list[Grant]
    trace: list[TraceItem] = field(default_factory=list)

    @property
    def steps(self) -> list[Step]:
        return [as_step(item) for item in self.trace]

    @property
    def requested(self) -> Decimal:
        return sum((g.subsidy for g in self.grants if g.status != NONE), ZERO)

    @property
    def granted(self) -> Decimal:
        return sum((g.granted for g in self.grants), ZERO)

    def to_dict(self) -> dict[str, Any]:
        counts = {status: 0 for status in (MAIN, RESERVE, NONE)}
        for g in self.grants:
            counts[g.status] += 1
        return {
            "policy": self.policy,
            "mode": self.mode,
            "pool": None if self.pool is None else fmt(self.pool),
            "pool_source": self.pool_source,
            "applications": [g.to_dict() for g in self.grants],
            "totals": {
                "requested": fmt(self.requested),
                "granted": fmt(self.granted),
                "remaining": None if self.pool is None else fmt(self.pool - self.granted),
                "applications": len(self.grants),
                **counts,
            },
            "steps": [step_dict(item) for item in self.trace],
        }


def allocate(
    results: list[Result],
    policy: Policy | str,
    budget: Decimal | None = None,
    mode: str | None = None,
    day: date | None = None,
) -> Allocation:
    """Grant the pool among ``results`` (all computed under ``policy``, a Policy or an id)."""
    if isinstance(policy, str):
        policy = load_policy(policy)
    _validate(results, policy, budget, mode)
    steps: list[TraceItem] = []
    p = Params(policy.resolved(day or _pool_day(results, policy)), steps)
    chosen = _mode(p, mode, steps)
    pool, source = _pool(p, budget, steps)
    if chosen != "none" and pool is None:
        raise BadInput(
            f"{policy.id}: the text sets no pool ({chosen} allocation needs one); pass --budget"
        )
    if chosen == "none" and pool is not None:
        raise BadInput(
            f"{policy.id}: the text states no allocation order for a pool; pass --mode "
            "(first_come, rank or scaled)"
        )
    eligible = _in_order([r for r in results if r.eligible and r.subsidy > 0], chosen)
    granted = _grant(eligible, chosen, pool, p, steps)
    return Allocation(policy.id, chosen, pool, source, _grants(results, eligible, granted), steps)


def _validate(
    results: list[Result], policy: Policy, budget: Decimal | None, mode: str | None
) -> None:
    for r in results:
        if r.policy != policy.id:
            raise BadInput(f"{r.id}: computed under {r.policy}, not {policy.id}")
    if budget is not None and budget < 0:
        raise BadInput(f"budget: must not be negative ({budget})")
    if mode is not None and mode not in ENUMS["allocation_mode"]:
        raise BadInput(f"mode: {mode!r} is not one of {sorted(ENUMS['allocation_mode'])}")


def _mode(p: Params, mode: str | None, steps: list[TraceItem]) -> str:
    """The operator's mode if given (traced when it differs from the text's), else the text's."""
    policy_mode = p.get("allocation_mode") if p.has("allocation_mode") else "none"
    if mode is not None and mode != policy_mode:
        steps.append(calc("mode_override", OPERATOR, mode, (("policy_mode", policy_mode),)))
    return mode or policy_mode


def _pool(
    p: Params, budget: Decimal | None, steps: list[TraceItem]
) -> tuple[Decimal | None, str]:
    """The pool and where it came from: the operator's budget, the text's pool, or none."""
    if budget is not None:
        steps.append(calc("pool_budget", OPERATOR, budget))
        return budget, "budget"
    if p.has("pool_size"):
        return p.get("pool_size"), "policy"
    return None, "none"


def _in_order(eligible: list[Result], chosen: str) -> list[Result]:
    """Rank order by descending score (ties to the earlier claim), otherwise claim order."""
    if chosen == "rank":
        missing = [r.id for r in eligible if r.score is None]
        if missing:
            raise BadInput(f"{missing[0]}: score: missing (rank-order allocation needs it)")
        return sorted(eligible, key=lambda r: (-(r.score or ZERO), r.claimed_at, r.id))
    return sorted(eligible, key=lambda r: (r.claimed_at, r.id))


def _grant(
    eligible: list[Result],
    chosen: str,
    pool: Decimal | None,
    p: Params,
    steps: list[TraceItem],
) -> dict[str, Decimal]:
    if chosen == "none" or pool is None:
        return {r.id: r.subsidy for r in eligible}
    if chosen == "scaled":
        total = sum((r.subsidy for r in eligible), ZERO)
        if total <= pool:
            return {r.id: r.subsidy for r in eligible}
        factor = CONTEXT.divide(pool, total)
        steps.append(calc("scale_factor", p.article("allocation_mode"), factor,
                          (("pool", pool), ("requested", total))))
        return {r.id: quantize(r.subsidy * factor, FEN, "down") for r in eligible}
    # first_come and rank: grant in order until the pool is spent
    granted: dict[str, Decimal] = {}
    left = pool
    for r in eligible:
        share = min(r.subsidy, left)
        granted[r.id] = share
        left -= share
    return granted


def _grants(
    results: list[Result], eligible: list[Result], granted: dict[str, Decimal]
) -> list[Grant]:
    """One grant per application, granted ones first in their order, the ineligible last."""
    rank_of = {r.id: i for i, r in enumerate(eligible, 1)}
    grants: list[Grant] = []
    for r in results:
        if r.id in rank_of:
            g = granted[r.id]
            grants.append(Grant(r.id, r.subsidy, g, rank_of[r.id], MAIN if g > 0 else RESERVE))
        else:
            grants.append(Grant(r.id, r.subsidy, ZERO, None, NONE))
    grants.sort(key=lambda g: (g.rank is None, g.rank or 0))
    return grants


def _pool_day(results: list[Result], policy: Policy) -> date:
    """The day whose parameters set the pool: the earliest claim, else the policy's start."""
    if results:
        return min(r.claimed_at for r in results).date()
    return policy.parameter("in_force").values[0].valid_from
