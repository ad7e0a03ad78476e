"""The purchase threshold: Wuhan 第七条, Dazhou 第七条, Hunan 二（一）2 (``threshold``).

What is measured is policy data:

- the qualifying amount of this application (covered services and compute classes, tax per
  ``base_includes_tax``: Wuhan measures it tax excluded, "不含税费，下同");
- ``threshold_counts_year`` (Wuhan, reading 2, "购买服务累计金额"): the applicant's earlier
  qualifying purchases this year count too (an input fact, ``purchased_this_year``), and an
  applicant already paid under the policy this year has necessarily met the threshold;
- ``threshold_before_window`` (Hunan, reading 16, "年购买算力费用"): the year's whole purchase,
  before the window proration of 三 that limits what is subsidised. The caller passes the
  amount before proration; this flag only says which amount the caller must pass.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from slq_desk.money import ZERO
from slq_desk.policy.rules import ParamReader
from slq_desk.policy.trace import INELIGIBLE, INFO, Reason


def before_window(p: ParamReader) -> bool:
    """Whether the threshold is measured before window proration (reading 16)."""
    return p.has("threshold_before_window") and bool(p.get("threshold_before_window"))


def threshold(
    p: ParamReader,
    qualifying: Decimal,
    purchased_this_year: Decimal = ZERO,
    received_this_year: Decimal = ZERO,
    evidence: list[Any] | None = None,
) -> Reason | None:
    """None when the threshold is met (or the policy has none); else why not, or how met."""
    if not p.has("threshold"):
        return None
    limit = p.get("threshold")
    counts_year = p.has("threshold_counts_year") and bool(p.get("threshold_counts_year"))
    measured = qualifying + (purchased_this_year if counts_year else ZERO)
    if measured >= limit:
        return None
    if counts_year and received_this_year > 0:
        return Reason("threshold_met_by_payout", p.articles("threshold", "threshold_counts_year"),
                      INFO, {"received": received_this_year})
    article = p.articles("threshold", "threshold_counts_year", "threshold_before_window")
    return Reason("below_threshold", article, INELIGIBLE,
                  {"base": measured, "threshold": limit}, evidence)
