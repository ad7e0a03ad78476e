"""Dazhou 第十一条: the service contract's term ends by 31 December of the voucher's year.

"算力服务合同（服务合同期限不超过当年12月31日）". Which year is "当年"? 第十一条 describes the
申领 (claim) step: the applicant submits the contract when it claims the voucher, and 第十四条
says the voucher "发放后当年有效，过期自动失效": it lapses at the end of the year it was issued,
i.e. the year of the claim. A contract running past that 31 December would be served partly by
a voucher that no longer exists, which is what the limit prevents. So "当年" is the claim
(voucher) year, not the year the contract was signed: a contract signed 2025-12-20 running to
2026-06-30 and claimed in 2026 is within the limit. The calculator and the 初审 both call this
one function with the claim day, so they cannot disagree again.

A contract beyond the limit leaves the base (effect ``excluded``); with no other contract the
application has nothing eligible, which blocks it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from slq_desk.policy.rules import ParamReader
from slq_desk.policy.trace import EXCLUDED, Reason


def term_limit(p: ParamReader, claim_day: date) -> date | None:
    """The latest day a contract's service may end, for a claim on ``claim_day``."""
    if not p.has("contract_term_end"):
        return None
    month, day = (int(x) for x in str(p.get("contract_term_end")).split("-"))
    return date(claim_day.year, month, day)


def contract_term(
    p: ParamReader, claim_day: date, contracts: Iterable[tuple[str, date, list[Any]]]
) -> list[Reason]:
    """One reason per contract (id, service end, evidence) ending after the limit."""
    limit = term_limit(p, claim_day)
    if limit is None:
        return []
    article = p.article("contract_term_end")
    return [Reason("contract_term_beyond_year_end", article, EXCLUDED,
                   {"contract": contract, "end": end, "year": limit.year, "limit": limit},
                   evidence)
            for contract, end, evidence in contracts if end > limit]
