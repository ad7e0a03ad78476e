"""Policy parameters as the checks read them: value and the article it comes from, on a day.

The calculator reads through its own recording accessor; the checks only need the bare value and
its citation, so that every finding names the article (条/款) of the rule it applies. A
parameter the policy does not state on that day is simply absent: the rule does not apply.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from slq_desk.policy.model import Citation, Policy


def rule_day(policy: Policy, claim_day: date) -> date:
    """The day whose parameters judge a claim: the claim day, or — for a claim made outside the
    policy's period in force (itself a blocking finding) — the nearest day in force, so every
    other rule still tells the reviewer what it finds."""
    if not policy.has("in_force"):
        return claim_day
    values = policy.parameter("in_force").values
    if not values or any(v.holds_on(claim_day) for v in values):
        return claim_day
    starts = [v.valid_from for v in values]
    if claim_day < min(starts):
        return min(starts)
    ends = [v.valid_to for v in values if v.valid_to is not None]
    return max(ends) if ends else claim_day


class PolicyParams:
    def __init__(self, policy: Policy, day: date) -> None:
        self.policy = policy
        self.day = rule_day(policy, day)
        self.claim_day = day

    @property
    def id(self) -> str:
        return self.policy.id

    def has(self, name: str) -> bool:
        return self.policy.has(name) and self.policy.parameter(name).at(self.day) is not None

    def value(self, name: str, default: Any = None) -> Any:
        if not self.has(name):
            return default
        return self.policy.parameter(name).at(self.day).value  # type: ignore[union-attr]

    def citation(self, name: str) -> Citation | None:
        if not self.has(name):
            return None
        return self.policy.parameter(name).at(self.day).citation  # type: ignore[union-attr]

    def get(self, name: str) -> Any:
        """The value, as the shared rules (``policy/rules``) read it; None when not stated."""
        return self.value(name)

    def get_key(self, name: str, key: str) -> Any:
        """Entry ``key`` (or "*") of a map parameter, or None."""
        mapping = self.value(name) or {}
        return mapping.get(key, mapping.get("*"))

    def articles(self, *names: str) -> str:
        return self.article(*names)

    def article(self, *names: str) -> str:
        """The distinct articles behind these parameters, joined with "；"."""
        seen: list[str] = []
        for name in names:
            cite = self.citation(name)
            if cite is not None and cite.article and cite.article not in seen:
                seen.append(cite.article)
        return "；".join(seen)
