"""When a policy applies: the period in force (judged on the Beijing date) and draft status.

Reading 15: dates are Beijing time. A claim time with an offset is converted to UTC+8 before its
date is compared with an in-force date or a window; a time without an offset is already Beijing
time. So a claim at 2026-05-12T16:30Z is made at 00:30 on 13 May and Chengdu's 办法 (in force
from 13 May, 第十九条) applies to it.

Reading 14: Dazhou's 办法 is a 征求意见稿 (draft for comment). The project computes it as if
adopted, from 2026-03-17, and says "征求意见稿" on every result, finding and opinion under it;
the parameter ``draft_status`` carries that label and its citation.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from slq_desk.policy.model import Policy
from slq_desk.policy.rules import ParamReader, register_messages
from slq_desk.policy.trace import INELIGIBLE, INFO, Reason

BEIJING = timezone(timedelta(hours=8), "UTC+08:00")

register_messages({
    "draft_for_comment": (
        "本政策为{label}，按其文本试算，结果不具约束力，以正式印发文本为准",
        "this policy is a draft for comment ({label}): the figures are computed as if adopted "
        "and bind nobody until the text is issued",
    ),
})


def beijing_time(when: datetime) -> datetime:
    """A claim time in Beijing time (reading 15); a naive time already is."""
    if when.tzinfo is None:
        return when.replace(tzinfo=BEIJING)
    return when.astimezone(BEIJING)


def beijing_day(when: datetime) -> date:
    """The date a policy's in-force dates and windows are compared with (reading 15)."""
    return beijing_time(when).date()


def in_force(policy: Policy, day: date) -> Reason | None:
    """The claim day against the ``in_force`` periods; None when the policy applies that day.

    Read from the policy itself (not a ``ParamReader``): outside every period there is no value
    to read on that day, and the article to cite is the one that sets the period.
    """
    if not policy.has("in_force"):
        return None
    values = policy.parameter("in_force").values
    if any(v.holds_on(day) and v.value is True for v in values):
        return None
    cite = values[0].citation
    for v in values:
        if v.value is True:
            cite = v.citation
    span = "、".join(f"{v.valid_from.isoformat()}至{v.valid_to.isoformat() if v.valid_to else '今'}"
                    for v in values if v.value is True)
    return Reason("claim_outside_period", cite.article, INELIGIBLE, {"day": day, "span": span})


def draft_notice(p: ParamReader) -> Reason | None:
    """Reading 14: a policy still in draft says so on every result (``draft_status``)."""
    if not p.has("draft_status"):
        return None
    return Reason("draft_for_comment", p.article("draft_status"), INFO,
                  {"label": p.get("draft_status")})


def draft_label(policy: Policy, day: date) -> str | None:
    """The draft label ("征求意见稿") of a policy on a day, for prefixes on findings and opinions."""
    if not policy.has("draft_status"):
        return None
    dated = policy.parameter("draft_status").at(day)
    if dated is None:
        values = policy.parameter("draft_status").values
        dated = values[0] if values else None
    return None if dated is None else str(dated.value)
