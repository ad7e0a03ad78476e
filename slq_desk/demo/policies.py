"""What the generator needs to know about each policy to build believable packages.

These are the applicant's view (what rate it expects, which window it must respect), not the
calculator's rules: the calculator reads resources/policies/*.toml. Windows are those of
POLICIES.md: Hunan 2025-10-27 … 2028-10-26 (三), Beijing 2025-09-08 … 2026-03-31 (一(六)).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from slq_desk.money import D

POLICIES = ("wuhan-2026", "dazhou-2026", "chengdu-2026", "hunan-2026", "beijing-2026")


@dataclass(frozen=True)
class PolicyFacts:
    policy: str
    city_key: str
    window: tuple[date, date] | None
    tax_excluded_base: bool
    cap: Decimal


FACTS: dict[str, PolicyFacts] = {
    "wuhan-2026": PolicyFacts("wuhan-2026", "wuhan", None, True, D("3000000")),
    "dazhou-2026": PolicyFacts("dazhou-2026", "dazhou", None, False, D("500000")),
    "chengdu-2026": PolicyFacts("chengdu-2026", "chengdu", None, False, D("5000000")),
    "hunan-2026": PolicyFacts("hunan-2026", "hunan", (date(2025, 10, 27), date(2028, 10, 26)), False, D("10000000")),
    "beijing-2026": PolicyFacts("beijing-2026", "beijing", (date(2025, 9, 8), date(2026, 3, 31)), False, D("30000000")),
}

BEIJING_DIRECTIONS: dict[int, tuple[str, Decimal]] = {
    1: ("50%", D("30000000")),
    2: ("20%", D("5000000")),
    3: ("20%", D("1000000")),
    4: ("10%", D("300000")),
}


def expected_rate(policy: str, domestic: bool, sme: bool, direction: int | None) -> str:
    """The rate an applicant writes on its form (the policy's maximum, POLICIES.md reading 9)."""
    if policy == "wuhan-2026":
        return "30%" if domestic else "20%"
    if policy == "dazhou-2026":
        return "50%"
    if policy == "chengdu-2026":
        return {(True, False): "50%", (False, False): "30%", (True, True): "60%", (False, True): "40%"}[(domestic, sme)]
    if policy == "hunan-2026":
        return "30%"
    return BEIJING_DIRECTIONS[direction or 2][0]


def cap_for(policy: str, direction: int | None) -> Decimal:
    if policy == "beijing-2026":
        return BEIJING_DIRECTIONS[direction or 2][1]
    return FACTS[policy].cap
