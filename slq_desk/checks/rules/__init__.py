"""The 初审 rules, one small module per family; each rule is a function of (view, params).

A rule returns the findings it makes (often none). It is registered with the codes it can
report, so the list of what 初审 checks is data the UI and tests can read. Rules never touch the
database and never raise on odd input: a value they cannot read means they cannot check, and
they say so only where that matters to the reviewer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from slq_desk.checks.model import BLOCK, INFO, WARN, CheckFinding
from slq_desk.checks.params import PolicyParams
from slq_desk.checks.view import ApplicationView
from slq_desk.policy import trace
from slq_desk.policy.trace import Reason

RuleFn = Callable[[ApplicationView, PolicyParams], list[CheckFinding]]

# How a policy rule's effect shows in the 初审: what takes the whole application out blocks; what
# takes a contract or line out is a warning (the amount left may still be paid); the rest informs.
SEVERITY_OF_EFFECT = {trace.INELIGIBLE: BLOCK, trace.EXCLUDED: WARN, trace.LIMITED: INFO,
                      trace.INFO: INFO}


def finding(reason: Reason, severity: str | None = None) -> CheckFinding:
    """The 初审 finding of a policy rule's verdict: same code, article, messages and evidence
    as the calculator's reason (``policy/rules``), so the two cannot say different things."""
    zh, en = reason.messages()
    return CheckFinding(reason.code, severity or SEVERITY_OF_EFFECT[reason.effect], zh, en,
                        reason.article, list(reason.evidence))


def findings(*reasons: Reason | None) -> list[CheckFinding]:
    return [finding(r) for r in reasons if r is not None]


@dataclass(frozen=True)
class Rule:
    family: str
    codes: tuple[str, ...]
    fn: RuleFn

    @property
    def name(self) -> str:
        return self.fn.__name__


_RULES: list[Rule] = []


def rule(family: str, *codes: str) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        _RULES.append(Rule(family, codes, fn))
        return fn
    return register


def all_rules() -> list[Rule]:
    # Importing the families registers their rules, in this order (the order of the opinion).
    from slq_desk.checks.rules import (  # noqa: F401
        consistency,
        eligibility,
        integrity,
        materials,
        registers,
    )

    order = {"materials": 0, "eligibility": 1, "registers": 2, "consistency": 3, "integrity": 4}
    return sorted(_RULES, key=lambda r: order.get(r.family, 9))
