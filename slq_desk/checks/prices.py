"""The reference table of card-hour prices (resources/checks/reference_prices.toml).

Market data, not policy: the office keeps it current. Amounts are strings in the file and
Decimals here; a float in the file is refused like everywhere else.
"""

from __future__ import annotations

import functools
import tomllib
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.money import D, MoneyError
from slq_desk.resources import resource_path


@dataclass(frozen=True)
class CardPrice:
    model: str
    aliases: tuple[str, ...]
    domestic: bool
    reference: Decimal
    low: Decimal
    high: Decimal


@dataclass(frozen=True)
class PriceTable:
    models: tuple[CardPrice, ...]
    articles: dict[str, tuple[str, str]]  # policy id → (article, quote)
    source: str


def _amount(value: Any, where: str) -> Decimal:
    if not isinstance(value, str):
        raise BadInput(f"reference_prices.toml: {where} must be a string amount, got {value!r}")
    try:
        return D(value)
    except MoneyError as err:
        raise BadInput(f"reference_prices.toml: {where}: {err}") from None


@functools.cache
def load_prices() -> PriceTable:
    path = resource_path("checks", "reference_prices.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise BadInput(f"cannot read {path}: {err}") from None
    models = []
    for name, row in (data.get("models") or {}).items():
        models.append(CardPrice(
            name, tuple(row.get("aliases") or ()), bool(row.get("domestic")),
            _amount(row.get("reference"), f"{name}.reference"),
            _amount(row.get("low"), f"{name}.low"), _amount(row.get("high"), f"{name}.high")))
    articles = {pid: (str(a.get("article", "")), str(a.get("quote", "")))
                for pid, a in (data.get("articles") or {}).items()}
    return PriceTable(tuple(models), articles, str((data.get("meta") or {}).get("source", "")))


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).upper().replace(" ", "")


def find_model(text: str | None) -> CardPrice | None:
    """The card model named in ``text`` (a contract's card_model or an invoice line's spec)."""
    if not text:
        return None
    key = _key(text)
    best: CardPrice | None = None
    best_len = 0
    for model in load_prices().models:
        for name in (model.model, *model.aliases):
            n = _key(name)
            # The longest matching name wins: “H100” must not match inside “H1000”-like specs
            # shorter than the full model name when a fuller one also matches.
            if n and n in key and len(n) > best_len:
                best, best_len = model, len(n)
    return best
