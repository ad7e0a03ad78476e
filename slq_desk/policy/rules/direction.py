"""Beijing 一（四）: one direction per applicant, and each direction's own conditions.

- the direction is declared and exists (一（四） "可申报以下方向之一");
- direction 1 is for new R&D institutions (``direction_applicant_kinds``);
- direction 2: "所申项目使用智能算力的合同总额不低于2000万" (``direction_contract_minimum``).
  Reading 17: the sum of the intelligent-compute amounts of *all* the applicant's contracts in
  the application; storage, network and security (一（五）) do not count. Each caller gives the
  per-contract intelligent-compute amounts (``compute_amounts``), so the sum and the comparison
  happen here, once.

The other conditions of directions 2–4 (揭榜 list, open-source scene, model filed after
2026-01-01) are in ``registers``: a list or a person decides them.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from slq_desk.money import ZERO
from slq_desk.policy.rules import ParamReader
from slq_desk.policy.trace import INELIGIBLE, Reason

NO_DIRECTION = "*"


def declared_direction(p: ParamReader, direction: int | str | None,
                       evidence: list[Any] | None = None) -> tuple[str, Reason | None]:
    """The key of the declared direction ("*" where there is none to use) and what is wrong."""
    if not p.has("directions"):
        return NO_DIRECTION, None
    directions = p.get("directions")
    article = p.article("directions")
    if direction is None:
        return NO_DIRECTION, Reason("direction_missing", article, INELIGIBLE, {}, evidence)
    key = str(direction)
    if key not in directions:
        return NO_DIRECTION, Reason("direction_invalid", article, INELIGIBLE,
                                    {"direction": key}, evidence)
    return key, None


def direction_applicant_kind(p: ParamReader, key: str, kind: str,
                             evidence: list[Any] | None = None) -> Reason | None:
    if key == NO_DIRECTION or not p.has("direction_applicant_kinds"):
        return None
    kinds = p.get_key("direction_applicant_kinds", key)
    if kinds is None or kind in kinds:
        return None
    return Reason("direction_applicant_kind", p.article("direction_applicant_kinds"), INELIGIBLE,
                  {"direction": key, "kinds": "、".join(kinds), "kind": kind}, evidence)


def direction_contract_total(
    p: ParamReader, key: str, compute_amounts: Iterable[tuple[str, Decimal, list[Any]]]
) -> Reason | None:
    """Reading 17: Σ intelligent-compute amounts of all contracts ≥ the direction's minimum.

    ``compute_amounts`` is (contract id, its intelligent-compute amount, evidence) per contract.
    """
    if key == NO_DIRECTION or not p.has("direction_contract_minimum"):
        return None
    minimum = p.get_key("direction_contract_minimum", key)
    if minimum is None:
        return None
    total = ZERO
    evidence: list[Any] = []
    for _, amount, ev in compute_amounts:
        total += amount
        evidence.extend(ev)
    if total >= minimum:
        return None
    return Reason("contract_total_below_direction_minimum", p.article("direction_contract_minimum"),
                  INELIGIBLE, {"direction": key, "minimum": minimum, "total": total}, evidence)


def is_intelligent_compute(service: str, compute_class: str | None) -> bool:
    """What counts toward direction 2's total: intelligent compute only (一（五）, reading 17)."""
    return service == "compute" and compute_class in (None, "intelligent")
