"""Policy data types: parameters with dated values, each value carrying its citation.

A policy is data (OpenFisca's lesson): every figure the calculator uses is a ``Parameter`` whose
``DatedValue``s say from when to when they hold and which article (条/款) of which document, in
which quoted words, they come from. Nothing here reads files; ``loader.py`` builds these objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

# Re-exported: money_value lived here before it moved down to money.py (no policy types needed).
from slq_desk.money import money_value as money_value
from slq_desk.policy.params import Resolved

# The kinds a parameter value may take; the loader converts and checks each one.
AMOUNT = "amount"  # Decimal yuan, from a string, >= 0
RATE = "rate"  # Decimal fraction, from a string, 0 <= r <= 1
BOOL = "bool"
INT = "int"
TEXT = "text"
TEXTS = "texts"  # list of strings
DATE = "date"
WINDOW = "window"  # {"from": date, "to": date}, both ends counted
AMOUNT_MAP = "amount_map"  # {key: Decimal}
RATE_MAP = "rate_map"  # {key: Decimal fraction}
TEXTS_MAP = "texts_map"  # {key: [str]}

KINDS = frozenset(
    {AMOUNT, RATE, BOOL, INT, TEXT, TEXTS, DATE, WINDOW, AMOUNT_MAP, RATE_MAP, TEXTS_MAP}
)


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a value comes from: document, article and the quoted phrase of the text.

    ``reading`` numbers the POLICIES.md reading applied where the text is open; ``note`` says in
    a sentence what the project decided and why, for a value the text does not state outright.
    """

    document: str
    article: str
    quote: str
    reading: int | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "document": self.document,
            "article": self.article,
            "quote": self.quote,
        }
        if self.reading is not None:
            out["reading"] = self.reading
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True, slots=True)
class Window:
    """A closed date range; both ends are counted (POLICIES.md reading 7)."""

    start: date
    end: date

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class DatedValue:
    """One value of a parameter, valid from ``valid_from`` to ``valid_to`` (inclusive, or open)."""

    valid_from: date
    valid_to: date | None
    value: Any
    citation: Citation

    def holds_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    kind: str
    description: str
    values: tuple[DatedValue, ...]

    def at(self, day: date) -> DatedValue | None:
        for value in self.values:
            if value.holds_on(day):
                return value
        return None


@dataclass(frozen=True)
class Policy:
    """One policy file: identity, the document it encodes, and its parameters by name."""

    id: str
    name: str
    document: str
    region: str
    source: str
    path: Path
    parameters: dict[str, Parameter]
    _resolved: dict[date, Resolved] = field(default_factory=dict, compare=False, repr=False)

    def parameter(self, name: str) -> Parameter:
        return self.parameters[name]

    def has(self, name: str) -> bool:
        return name in self.parameters

    def value_on(self, name: str, day: date) -> Any:
        """The bare value of a parameter on a day, for callers outside the calculator (checks,
        UI) that only display it; the calculator reads through ``params.Params`` instead."""
        dated = self.parameters[name].at(day)
        return None if dated is None else dated.value

    def resolved(self, day: date) -> Resolved:
        """Parameters pre-resolved for one day (cached): see ``params.Resolved``."""
        found = self._resolved.get(day)
        if found is None:
            found = Resolved.build(self, day)
            if len(self._resolved) > 4096:  # claims spread over years: keep memory bounded
                self._resolved.clear()
            self._resolved[day] = found
        return found


