"""The one accessor through which the calculator reads parameters, recording every read.

``Resolved`` holds a policy's parameters as they stand on one day, each with a ready-made
``Step`` (rule, article, quoted phrase, value); ``Params`` wraps it for one computation and
appends that step to the trace on every read. So no figure can come out of the calculator
without the articles that produced it, and the recording costs one list append.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from slq_desk.errors import SlqError
from slq_desk.policy.trace import Step, TraceItem

if TYPE_CHECKING:
    from slq_desk.policy.model import Policy

WILDCARD = "*"


class PolicyDataError(SlqError):
    """The policy file lacks something the calculator needs: a defect in data, not in input."""


class Resolved:
    """A policy's parameters on one day: value and read-step per name (and per map key)."""

    __slots__ = ("policy_id", "day", "values", "steps", "articles", "_keyed", "_rates", "_joined")

    def __init__(self, policy_id: str, day: date) -> None:
        self.policy_id = policy_id
        self.day = day
        self.values: dict[str, Any] = {}
        self.steps: dict[str, Step] = {}
        self.articles: dict[str, str] = {}
        self._keyed: dict[tuple[str, str], tuple[Any, Step] | None] = {}
        self._rates: dict[tuple[str, str, str], tuple[Any, Step] | None] = {}
        self._joined: dict[tuple[str, ...], str] = {}

    @classmethod
    def build(cls, policy: Policy, day: date) -> Resolved:
        resolved = cls(policy.id, day)
        for name, parameter in policy.parameters.items():
            dated = parameter.at(day)
            if dated is None:
                continue
            cite = dated.citation
            resolved.values[name] = dated.value
            resolved.articles[name] = cite.article
            resolved.steps[name] = Step(
                f"parameter:{name}", cite.article, dated.value, None, cite.quote, cite.document,
                cite.reading,
            )
        return resolved

    def joined(self, names: tuple[str, ...]) -> str:
        """The distinct articles behind several parameters, in order, as one string."""
        try:
            return self._joined[names]
        except KeyError:
            pass
        seen: list[str] = []
        for name in names:
            article = self.articles.get(name)
            if article and article not in seen:
                seen.append(article)
        text = "；".join(seen)
        self._joined[names] = text
        return text

    def keyed(self, name: str, key: str) -> tuple[Any, Step] | None:
        """Entry ``key`` of a map parameter, falling back to the "*" entry."""
        cache_key = (name, key)
        try:
            return self._keyed[cache_key]
        except KeyError:
            pass
        found: tuple[Any, Step] | None = None
        mapping = self.values.get(name)
        if mapping is not None:
            base = self.steps[name]
            for candidate in (key, WILDCARD):
                if candidate in mapping:
                    value = mapping[candidate]
                    step = Step(
                        f"parameter:{name}[{candidate}]", base.article, value, None,
                        base.quote, base.document, base.reading,
                    )
                    found = (value, step)
                    break
        self._keyed[cache_key] = found
        return found

    def rate(self, service: str, origin: str, direction: str) -> tuple[Any, Step] | None:
        """The most specific entry of the ``rate`` table for service/origin/direction.

        Keys are "service/origin/direction" with "*" for any; a more specific service wins over
        a more specific origin, which wins over a more specific direction.
        """
        cache_key = (service, origin, direction)
        try:
            return self._rates[cache_key]
        except KeyError:
            pass
        table = self.values.get("rate") or {}
        base = self.steps.get("rate")
        found: tuple[Any, Step] | None = None
        for s in (service, WILDCARD):
            for o in (origin, WILDCARD):
                for d in (direction, WILDCARD):
                    key = f"{s}/{o}/{d}"
                    if key in table and base is not None:
                        value = table[key]
                        found = (
                            value,
                            Step(f"parameter:rate[{key}]", base.article, value, None,
                                 base.quote, base.document, base.reading),
                        )
                        break
                if found:
                    break
            if found:
                break
        self._rates[cache_key] = found
        return found


class Params:
    """The recording accessor for one computation."""

    __slots__ = ("_r", "steps")

    def __init__(self, resolved: Resolved, steps: list[TraceItem]) -> None:
        self._r = resolved
        self.steps = steps

    def has(self, name: str) -> bool:
        """Whether the policy states this rule on the day (absent rules do not apply)."""
        return name in self._r.values

    def get(self, name: str) -> Any:
        try:
            step = self._r.steps[name]
        except KeyError:
            raise PolicyDataError(
                f"policy {self._r.policy_id} has no value for parameter {name!r} "
                f"on {self._r.day.isoformat()}"
            ) from None
        self.steps.append(step)
        return step.value

    def get_key(self, name: str, key: str) -> Any:
        """Entry ``key`` (or "*") of a map parameter, or None when the map has neither."""
        found = self._r.keyed(name, key)
        if found is None:
            return None
        self.steps.append(found[1])
        return found[0]

    def rate(self, service: str, origin: str, direction: str) -> Any:
        found = self._r.rate(service, origin, direction)
        if found is None:
            return None
        self.steps.append(found[1])
        return found[0]

    def article(self, name: str) -> str:
        """The article behind a parameter, for computation steps and reasons that use it."""
        return self._r.articles.get(name, "")

    def articles(self, *names: str) -> str:
        """The articles behind several parameters, for a computation that used them all."""
        return self._r.joined(names)
