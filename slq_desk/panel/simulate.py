"""Budget and cut-off simulation: change the pool or the cut-off score, see who moves.

Every scenario is a full ``rank_and_allocate`` over the same candidates, compared with the
baseline (the budget and cut-off the chair starts from): who enters the main list, who leaves
it, and how the granted total changes. Nothing is stored; the chair decides, then exports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.money import fmt
from slq_desk.panel.rank_allocate import (
    MAIN,
    RESERVE,
    Candidate,
    PanelList,
    rank_and_allocate,
)
from slq_desk.review.ranking import DEFAULT_ORDER

MAX_SCENARIOS = 200


@dataclass(frozen=True)
class Scenario:
    budget: Decimal | None
    cut_off: Decimal | None
    result: PanelList
    moved_in: tuple[str, ...]  # main now, not in the baseline's main list
    moved_out: tuple[str, ...]  # in the baseline's main list, not main now
    to_reserve: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        r = self.result
        return {
            "budget": None if self.budget is None else fmt(self.budget),
            "cut_off": None if self.cut_off is None else str(self.cut_off),
            "main": [e.candidate.application_id for e in r.of(MAIN)],
            "reserve": [e.candidate.application_id for e in r.of(RESERVE)],
            "granted": fmt(r.granted),
            "moved_in": list(self.moved_in), "moved_out": list(self.moved_out),
        }


@dataclass
class Simulation:
    baseline: PanelList
    scenarios: list[Scenario] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"baseline": {"budget": None if self.baseline.pool is None else fmt(self.baseline.pool),
                             "cut_off": None if self.baseline.cut_off is None
                             else str(self.baseline.cut_off),
                             "main": [e.candidate.application_id for e in self.baseline.of(MAIN)],
                             "granted": fmt(self.baseline.granted)},
                "scenarios": [s.to_json() for s in self.scenarios]}


def budget_steps(start: Decimal, stop: Decimal, step: Decimal) -> list[Decimal]:
    """``start``, ``start + step`` … up to ``stop`` (inclusive), for a sweep."""
    if step <= 0:
        raise BadInput("步长须为正数 / the step must be positive")
    if stop < start:
        raise BadInput("终值须不小于起值 / the sweep's end must not be below its start")
    out: list[Decimal] = []
    value = start
    while value <= stop:
        out.append(value)
        value += step
        if len(out) > MAX_SCENARIOS:
            raise BadInput(f"情景过多（> {MAX_SCENARIOS}）/ too many scenarios; use a larger step")
    return out


def simulate(cands: list[Candidate], *, budgets: list[Decimal | None] | None = None,
             cut_offs: list[Decimal | None] | None = None, base_budget: Decimal | None = None,
             base_cut_off: Decimal | None = None, mode: str | None = None,
             order: tuple[str, ...] | list[str] = DEFAULT_ORDER,
             policy_id: str | None = None) -> Simulation:
    """Every combination of ``budgets`` × ``cut_offs`` against the baseline."""
    budgets = budgets or [base_budget]
    cut_offs = cut_offs or [base_cut_off]
    if len(budgets) * len(cut_offs) > MAX_SCENARIOS:
        raise BadInput(f"情景过多（> {MAX_SCENARIOS}）/ too many scenarios")
    kw: dict[str, Any] = {"mode": mode, "order": order, "policy_id": policy_id}
    baseline = rank_and_allocate(cands, budget=base_budget, cut_off=base_cut_off, **kw)
    base_main = {e.candidate.application_id for e in baseline.of(MAIN)}
    sim = Simulation(baseline)
    for b in budgets:
        for c in cut_offs:
            r = rank_and_allocate(cands, budget=b, cut_off=c, **kw)
            main = [e.candidate.application_id for e in r.of(MAIN)]
            sim.scenarios.append(Scenario(
                b, c, r, tuple(a for a in main if a not in base_main),
                tuple(e.candidate.application_id for e in baseline.of(MAIN)
                      if e.candidate.application_id not in set(main))))
    return sim
