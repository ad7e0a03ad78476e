"""Limits on the amount paid that are rules of their own (not just a rate or a cap).

- Chengdu 第六条 minimum "每家单位每年抵扣额度累计…最低不少于1万元（含）" (``minimum_subsidy``).
  Reading 4 (revised): the floor applies to the applicant's yearly cumulative amount, this
  voucher plus what it already received under the policy this year (``minimum_counts_received``):
  a first voucher of 9,540 is not granted, a later one of 6,000 after 20,000 received is.
- Chengdu 第十二条 "算力券申请兑现金额不得超过已申领算力券总额度" (``payout_within_quota``): the
  payout is at most the quota granted on the platform (an input fact, from the 额度申领和使用明细,
  material 6); when nobody has given it, the 初审 asks for it.
"""

from __future__ import annotations

from decimal import Decimal

from slq_desk.money import ZERO
from slq_desk.policy.rules import ParamReader, register_messages
from slq_desk.policy.trace import INELIGIBLE, LIMITED, Reason

register_messages({
    "quota_limit": (
        "兑现金额不得超过已申领算力券额度：由{before}元调整为{after}元",
        "the payout may not exceed the quota granted: {before} reduced to {after}",
    ),
})


def below_minimum(p: ParamReader, amount: Decimal, received: Decimal) -> Reason | None:
    """The yearly floor, cumulative where the policy says so; None when met or not stated."""
    if amount <= 0 or not p.has("minimum_subsidy"):
        return None
    minimum = p.get("minimum_subsidy")
    cumulative_rule = p.has("minimum_counts_received") and bool(p.get("minimum_counts_received"))
    counted = received if cumulative_rule else ZERO
    if amount + counted >= minimum:
        return None
    article = p.articles("minimum_subsidy", "minimum_counts_received", "below_minimum")
    return Reason("below_minimum", article, INELIGIBLE,
                  {"subsidy": amount, "received": counted, "cumulative": amount + counted,
                   "minimum": minimum})


def within_quota(p: ParamReader, amount: Decimal, quota: Decimal | None) -> tuple[Decimal, Reason | None]:
    """The payout limited to the quota granted (Chengdu 第十二条), when the quota is known."""
    if quota is None or not p.has("payout_within_quota") or not p.get("payout_within_quota"):
        return amount, None
    if amount <= quota:
        return amount, None
    return quota, Reason("quota_limit", p.article("payout_within_quota"), LIMITED,
                         {"before": amount, "after": quota})
