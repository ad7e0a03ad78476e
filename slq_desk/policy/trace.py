"""The explanation of a result: steps (what was read or computed, under which article) and
reasons (why an application or a line is in, out or limited), in Chinese and English.

Steps are cheap slotted objects; a parameter read reuses one step built once per policy and day,
so recording every read costs a list append, not an allocation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Union

from slq_desk.money import money_value
from slq_desk.vocabulary import APPLICANT_KIND_ZH, STEP_LABEL_TEXTS

# Effects a reason has on the outcome.
INELIGIBLE = "ineligible"  # the application gets nothing
EXCLUDED = "excluded"  # a line or contract leaves the base
LIMITED = "limited"  # the figure was reduced (cap, 50% rule, proration, pool)
INFO = "info"


class Step:
    """One recorded step: a parameter read (``rule`` = "parameter:NAME") or a computation."""

    __slots__ = ("rule", "article", "value", "inputs", "quote", "document", "reading")

    def __init__(
        self,
        rule: str,
        article: str,
        value: Any,
        inputs: dict[str, Any] | None = None,
        quote: str | None = None,
        document: str | None = None,
        reading: int | None = None,
    ) -> None:
        self.rule = rule
        self.article = article
        self.value = value
        self.inputs = inputs
        self.quote = quote
        self.document = document
        self.reading = reading

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "article": self.article,
            "value": money_value(self.value),
        }
        if self.quote is not None:
            out["quote"] = self.quote
        if self.document is not None:
            out["document"] = self.document
        if self.reading is not None:
            out["reading"] = self.reading
        if self.inputs:
            out["inputs"] = {k: money_value(v) for k, v in self.inputs.items()}
        return out

    def __repr__(self) -> str:
        return f"Step({self.rule!r}, {self.article!r}, {self.value!r})"


# code -> (Chinese template, English template); templates use str.format(**details).
MESSAGES: dict[str, tuple[str, str]] = {
    "claim_outside_period": (
        "申报日期{day}（北京时间）不在本政策有效期（{span}）内",
        "the claim date {day} (Beijing time) is outside the policy's period in force ({span})",
    ),
    "applicant_kind_not_supported": (
        "申报主体类型（{kind}）不在支持对象范围内",
        "applicant kind {kind} is not among those the policy supports",
    ),
    "direction_missing": (
        "未选择申报方向（须且只能申报一个方向）",
        "no direction chosen (exactly one direction must be declared)",
    ),
    "direction_invalid": ("申报方向{direction}不存在", "direction {direction} does not exist"),
    "direction_applicant_kind": (
        "方向{direction}仅支持{kinds}，申报主体为{kind}",
        "direction {direction} is only for {kinds}; the applicant is {kind}",
    ),
    "contract_total_below_direction_minimum": (
        "方向{direction}要求使用智能算力的合同总额不低于{minimum}元，各合同智能算力金额合计为{total}元"
        "（存储、网络、安全等不计）",
        "direction {direction} requires intelligent-compute contract amounts totalling at least "
        "{minimum}; all contracts together have {total} (storage, network, security not counted)",
    ),
    "contract_term_beyond_year_end": (
        "合同{contract}服务期限至{end}，超过申领当年（{year}年）12月31日，不予支持",
        "contract {contract} runs to {end}, beyond 31 December of the voucher year {year}",
    ),
    "service_excluded": (
        "第{line}行服务类型（{service}）明确不在支持范围内",
        "line {line}: service {service} is expressly excluded",
    ),
    "service_not_covered": (
        "第{line}行服务类型（{service}）不属于支持的算力服务",
        "line {line}: service {service} is not a covered compute service",
    ),
    "compute_class_excluded": (
        "第{line}行算力类型（{compute_class}）不在支持范围内",
        "line {line}: compute class {compute_class} is not covered",
    ),
    "not_domestic": (
        "第{line}行（{service}）仅支持国产/自主可控，该行不是",
        "line {line}: {service} is covered only when domestic, and this line is not",
    ),
    "no_rate": (
        "第{line}行（{service}）无适用补贴比例",
        "line {line}: no subsidy rate applies to {service}",
    ),
    "outside_window": (
        "第{line}行服务期{start}至{end}不在补贴期内",
        "line {line}: service period {start}..{end} lies outside the subsidy window",
    ),
    "prorated": (
        "第{line}行服务期跨越补贴期，按{method}计入{base}元",
        "line {line}: service period straddles the window; {base} counted ({method})",
    ),
    "sme_not_applicable": (
        "申报主体类型（{kind}）不属于中小企业，不适用中小企业加成",
        "applicant kind {kind} cannot be an SME; no SME bonus",
    ),
    "below_threshold": (
        "符合条件的购买金额{base}元低于门槛{threshold}元",
        "the qualifying purchase {base} is below the threshold {threshold}",
    ),
    "threshold_met_by_payout": (
        "本年度已获本政策兑付{received}元，门槛视为已满足",
        "{received} already paid under this policy this year: the threshold is met",
    ),
    "fiscal_support_limit": (
        "合同{contract}各级财政支持合计不超过核定成本的{ratio}，补贴由{before}元降至{after}元",
        "contract {contract}: all fiscal support is limited to {ratio} of the approved cost; "
        "{before} reduced to {after}",
    ),
    "capped": (
        "补贴由{before}元按年度上限（剩余{remaining}元）调整为{after}元",
        "subsidy reduced from {before} to {after} by the yearly cap ({remaining} remaining)",
    ),
    "cap_exhausted": (
        "本年度补贴上限已用尽（已获{received}元）",
        "the yearly cap is used up ({received} already received)",
    ),
    "below_minimum": (
        "本年度累计额度{cumulative}元（已获{received}元＋本次{subsidy}元）低于最低额度{minimum}元，不予发放",
        "the yearly cumulative {cumulative} ({received} received + {subsidy} now) is below the "
        "minimum {minimum}; not granted",
    ),
    "topped_up": (
        "核定金额{subsidy}元低于最低额度，按{minimum}元发放",
        "the computed {subsidy} is below the minimum; raised to {minimum}",
    ),
    "no_eligible_lines": ("没有符合条件的服务费用", "no qualifying service amount"),
    "zero_subsidy": ("核定补贴为零", "the computed subsidy is zero"),
    "rate_is_ceiling": (
        "补贴比例为“不超过”，按最高比例计算，评审可建议降低并说明理由",
        "the rate is a maximum; computed at the maximum, reviewers may recommend less "
        "with a reason",
    ),
}


# Chinese names of the schema's codes, for the Chinese messages (policy terms keep their names).
ZH_LABELS: dict[str, dict[str, str]] = {
    "service": {
        "compute": "算力服务", "token": "Token服务", "model": "模型服务",
        "adaptation": "算力适配服务", "tech_support": "技术支撑服务", "storage": "存储",
        "network": "网络", "database": "数据库", "security": "安全", "other": "其他",
    },
    "compute_class": {
        "intelligent": "智算", "supercomputing": "超算", "quantum": "量子算力",
        "general": "通用算力",
    },
    "kind": APPLICANT_KIND_ZH,
    "method": {"calendar_days": "日历天数折算", "usage_log": "使用记录所载金额"},
}


# Chinese names of the calculator's computation steps (``calc:NAME``), for the opinions. A name
# never carries a parameter's value: the value is printed beside it with its article.
STEP_LABELS: dict[str, str] = {name: label.zh for name, label in STEP_LABEL_TEXTS.items()}


def _zh(key: str, value: Any) -> Any:
    labels = ZH_LABELS.get(key)
    if labels is None or not isinstance(value, str):
        return value
    if key == "kind" and "、" in value:
        return "、".join(labels.get(v, v) for v in value.split("、"))
    return labels.get(value, value)


class Reason:
    """Why an application or a line is in, out or limited: one rule's verdict.

    The same object serves the calculator (its reasons) and the 初审 (a finding is made from it,
    same code, article and messages), so ``evidence`` carries where the rule's inputs were read
    when the caller knows (the 初审 does; the calculator's bare facts do not).
    """

    __slots__ = ("code", "article", "effect", "details", "evidence")

    def __init__(self, code: str, article: str, effect: str, details: dict[str, Any],
                 evidence: Sequence[Any] | None = None) -> None:
        self.code = code
        self.article = article
        self.effect = effect
        self.details = details
        # A shared empty tuple when there is none: the calculator makes many reasons.
        self.evidence: Sequence[Any] = evidence if evidence is not None else ()

    def messages(self) -> tuple[str, str]:
        zh, en = MESSAGES[self.code]
        shown = {k: money_value(v) for k, v in self.details.items()}
        shown_zh = {k: _zh("kind" if k == "kinds" else k, v) for k, v in shown.items()}
        return zh.format(**shown_zh), en.format(**shown)

    def to_dict(self) -> dict[str, Any]:
        zh, en = self.messages()
        return {
            "code": self.code,
            "message": zh,
            "message_en": en,
            "article": self.article,
            "effect": self.effect,
        }

    def __repr__(self) -> str:
        return f"Reason({self.code!r}, {self.article!r}, {self.effect!r})"


# A computation step is a plain tuple (rule, article, value, inputs as (key, value) pairs):
# tuples of atomic values drop out of the garbage collector's tracking, and a batch keeps
# hundreds of thousands of them alive (measured: the collector tripled the time of a batch).
CalcStep = tuple[str, str, Any, "tuple[tuple[str, Any], ...] | None"]
TraceItem = Union[Step, CalcStep]


def calc(
    rule: str,
    articles: str,
    value: Any,
    inputs: tuple[tuple[str, Any], ...] | None = None,
) -> CalcStep:
    """A computation step; ``articles`` are those of the parameters the computation used."""
    return (f"calc:{rule}", articles, value, inputs)


def as_step(item: TraceItem) -> Step:
    if isinstance(item, Step):
        return item
    rule, article, value, inputs = item
    return Step(rule, article, value, dict(inputs) if inputs else None)


def step_dict(item: TraceItem) -> dict[str, Any]:
    return as_step(item).to_dict()
