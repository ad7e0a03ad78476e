"""Who may apply (the ``applicant_kinds`` article of each policy).

Wuhan 第四条, Dazhou 第四条, Chengdu 第四条, Hunan 二（一）1, Beijing 一（一）. The kind is a fact
(enterprise, OPC, research institute, university, new R&D institution); the 初审 infers it from
the name unless a person set it, the calculator takes it as given.
"""

from __future__ import annotations

from typing import Any

from slq_desk.policy.rules import ParamReader
from slq_desk.policy.trace import INELIGIBLE, Reason


def applicant_kind(p: ParamReader, kind: str, evidence: list[Any] | None = None) -> Reason | None:
    """The applicant's kind is among those the policy supports."""
    if not p.has("applicant_kinds"):
        return None
    kinds = p.get("applicant_kinds")
    if kind in kinds:
        return None
    return Reason("applicant_kind_not_supported", p.article("applicant_kinds"), INELIGIBLE,
                  {"kind": kind, "kinds": "、".join(kinds)}, evidence)
