"""The 初审 rules, one small module per family; each rule is a function of (view, params).

A rule returns the findings it makes (often none). It is registered with the codes it can
report, so the list of what 初审 checks is data the UI and tests can read. Rules never touch the
database and never raise on odd input: a value they cannot read means they cannot check, and
they say so only where that matters to the reviewer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from slq_desk.checks.model import CheckFinding
from slq_desk.checks.params import PolicyParams
from slq_desk.checks.view import ApplicationView

RuleFn = Callable[[ApplicationView, PolicyParams], list[CheckFinding]]


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
    from slq_desk.checks.rules import consistency, eligibility, integrity, materials  # noqa: F401

    order = {"materials": 0, "eligibility": 1, "consistency": 2, "integrity": 3}
    return sorted(_RULES, key=lambda r: order.get(r.family, 9))
