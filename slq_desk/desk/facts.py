"""The facts a person may set on an application, and their validation (no Qt).

Some facts feed the calculation but no document shows them reliably: Beijing's 申报方向 when no
form prints it, the applicant kind, SME status, vouchers already received this year, the
service period when the contract's term was not read, whether the cards are domestic, invoice
lines a person leaves out. A person sets them; they are kept in ``facts["overrides"]`` beside
what was read, with who and when (``facts["overrides_set"]``), audited, and the checks use them
on their next run (``checks/view.py``, ``checks/facts.py``).

One description per fact (``FACTS``): its Chinese label and English gloss (``vocabulary``), the
kind of value, and the policy parameters it feeds. Which policies a fact matters for, and under
which articles, is read from the policy files' own citations (``relevant``), never written here.
``parse_value`` / ``parse_overrides`` are the one validation the CLI (``check --set``) and the
window's 认定事实 dialog share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.vocabulary import APPLICANT_KIND_LABELS, Label, applicant_kind_zh, fact_label

# Value kinds: how a fact is typed, stored and shown.
CHOICE, KIND, FLAG, MONEY, TEXT, DAY, LINES = "choice", "kind", "flag", "money", "text", "date", "lines"

_TRUE = {"true", "是", "yes"}
_FALSE = {"false", "否", "no"}
_LINE_RE = re.compile(r"^(\d+)\s*[:：#]\s*(\d+)$")


class FactRefused(BadInput):
    """A value that does not fit its fact; nothing was changed. ``en`` is the CLI's sentence
    after ``--set ``, ``zh`` the window's."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en, zh=zh)
        self.en = en


@dataclass(frozen=True)
class Fact:
    """One settable fact: what it is, how it is typed, and what in the policies it feeds."""

    key: str
    kind: str
    # The policy parameters the fact feeds: it matters for a policy that states one of them,
    # under the articles those parameters cite.
    params: tuple[str, ...]
    hint_zh: str
    hint_en: str
    # A rate keyed by origin (``compute/domestic/*``) also makes the domestic flag matter.
    rate_origin: bool = False

    @property
    def label(self) -> Label:
        return fact_label(self.key)


FACTS: tuple[Fact, ...] = (
    Fact("direction", CHOICE, ("directions",),
         "北京 申报方向 1–4，表格未载明或读错时由人工认定", "Beijing direction 1–4, when no form prints it"),
    Fact("applicant_kind", KIND, ("applicant_kinds", "direction_applicant_kinds", "sme_applicant_kinds"),
         "未认定时按单位名称推定", "inferred from the applicant's name until a person sets it"),
    Fact("sme", FLAG, ("sme_rate_bonus", "sme_applicant_kinds", "materials_if_sme"),
         "是否为中小企业", "whether the applicant is an SME"),
    Fact("industry", TEXT, ("applicant_industries",),
         "如 信息软件业、制造业、科技服务业", "e.g. 信息软件业, 制造业, 科技服务业"),
    Fact("service_start", DAY, ("service_window", "proration"),
         "合同或使用记录未读出服务期限时填写（与“止”一并填写）",
         "when the contract or usage log does not give the period (set with the end)"),
    Fact("service_end", DAY, ("service_window", "proration"),
         "服务期限的最后一天", "the last day of the service period"),
    Fact("domestic", FLAG, ("domestic_required_services",),
         "算力服务所用算力卡是否国产（人工认定优先于目录）",
         "whether the compute lines' cards are domestic (wins over the catalogue)", rate_origin=True),
    Fact("excluded_lines", LINES, ("covered_services", "excluded_services"),
         "不计入补贴的发票明细行，写作 材料编号:行号，多行以逗号分隔，如 12:3, 12:4",
         "invoice lines not to count, as DOCUMENT:LINE, comma-separated, e.g. 12:3, 12:4"),
    Fact("received_this_year", MONEY, ("cap_counts_received", "minimum_counts_received"),
         "本年度已获得的算力券补贴金额（元）", "voucher subsidies received this year (yuan)"),
    Fact("purchased_this_year", MONEY, ("threshold_counts_year",),
         "本年度此前已购买的合格算力服务金额（元）", "qualifying purchases earlier this year (yuan)"),
    Fact("other_fiscal_support", MONEY, ("fiscal_support_ratio", "no_other_city_support"),
         "该合同已获各级财政资金支持金额（元）", "other fiscal support on the contract (yuan)"),
    Fact("quota_granted", MONEY, ("payout_within_quota",),
         "算力券平台核定的额度（元）", "the quota the voucher platform granted (yuan)"),
    Fact("model_filed_on", DAY, ("direction_model_filed_after",),
         "模型产品备案登记日期（北京方向四）", "the model's filing date (Beijing direction 4)"),
)
FACTS_BY_KEY: dict[str, Fact] = {f.key: f for f in FACTS}
# The order ``check --set`` has always listed them in, then the facts added since.
OVERRIDABLE: tuple[str, ...] = (
    "applicant_kind", "sme", "received_this_year", "other_fiscal_support", "purchased_this_year",
    "quota_granted", "industry", "model_filed_on", "direction",
    "service_start", "service_end", "domestic", "excluded_lines")
assert set(OVERRIDABLE) == set(FACTS_BY_KEY)


def parse_value(key: str, text: str) -> Any:
    """The stored form of ``text`` for fact ``key``; an empty text means "remove it" (None).
    Raises ``FactRefused`` (its ``en`` is the CLI's message after ``--set ``)."""
    from slq_desk.money import D, MoneyError

    fact = FACTS_BY_KEY.get(key)
    if fact is None:
        raise FactRefused(f"没有可认定的事实“{key}”", f"{key}: not a fact; one of {', '.join(OVERRIDABLE)}")
    value = text.strip()
    if not value:
        return None
    label = fact.label.zh
    if fact.kind == KIND:
        if value not in APPLICANT_KIND_LABELS:
            raise FactRefused(f"{label}：须为 {'、'.join(applicant_kind_zh(k) for k in APPLICANT_KIND_LABELS)} 之一",
                              f"applicant_kind: one of {', '.join(sorted(APPLICANT_KIND_LABELS))}")
        return value
    if fact.kind == FLAG:
        if value.lower() in _TRUE:
            return True
        if value.lower() in _FALSE:
            return False
        raise FactRefused(f"{label}：请填“是”或“否”", f"{key}: true or false")
    if fact.kind == TEXT:
        return value
    if fact.kind == CHOICE:
        if value not in ("1", "2", "3", "4"):
            raise FactRefused(f"{label}：须为 1、2、3 或 4",
                              "direction: 1, 2, 3 or 4 (北京 申报方向 / Beijing direction)")
        return int(value)
    if fact.kind == DAY:
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise FactRefused(f"{label}：须为日期，格式 YYYY-MM-DD",
                              f"{key}: a date, YYYY-MM-DD") from None
    if fact.kind == LINES:
        refs: list[str] = []
        for part in re.split(r"[,，;；\s]+", value):
            if not part:
                continue
            found = _LINE_RE.match(part)
            if found is None or int(found.group(2)) < 1:
                raise FactRefused(f"{label}：“{part}”应写作 材料编号:行号（行号从 1 起），如 12:3",
                                  f"{key}: {part!r} should be DOCUMENT:LINE (lines from 1), e.g. 12:3")
            ref = f"{int(found.group(1))}:{int(found.group(2))}"
            if ref not in refs:
                refs.append(ref)
        return sorted(refs, key=line_sort_key) or None
    try:
        amount = D(value)
    except MoneyError as err:
        raise FactRefused(f"{label}：“{value}”不是金额", f"{key}: {err}") from None
    if amount < 0 or amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise FactRefused(f"{label}：须为不小于零、精确到分的金额", f"{key}: a non-negative amount to the fen")
    return format(amount, "f")


def line_sort_key(ref: str) -> tuple[int, int]:
    document, _, line = ref.partition(":")
    return int(document), int(line)


def parse_overrides(items: Iterable[str]) -> dict[str, Any]:
    """``FACT=VALUE`` pairs, validated; an empty value (``FACT=``) means remove it (None)."""
    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or key not in FACTS_BY_KEY:
            raise FactRefused(f"“{item}”应写作 事实=值", f"{item!r}: use FACT=VALUE with FACT one of "
                              f"{', '.join(OVERRIDABLE)}")
        out[key] = parse_value(key, value)
    return out


def check_together(current: Mapping[str, Any], changes: Mapping[str, Any]) -> None:
    """What one value cannot show: the service period's start after its end."""
    merged = {k: v for k, v in {**current, **changes}.items() if v is not None}
    start, end = merged.get("service_start"), merged.get("service_end")
    if start and end and str(start) > str(end):
        raise FactRefused(f"服务期限起 {start} 晚于服务期限止 {end}",
                          f"service_start {start} is after service_end {end}")


def shown(key: str, value: Any, english: bool = False) -> str:
    """A stored value as a person reads it: 是/否, the applicant kind's name, 方向四 …"""
    if value is None:
        return ""
    fact = FACTS_BY_KEY.get(key)
    kind = fact.kind if fact else TEXT
    if kind == FLAG:
        return ("yes" if value else "no") if english else ("是" if value else "否")
    if kind == KIND and value in APPLICANT_KIND_LABELS:
        label = APPLICANT_KIND_LABELS[value]
        return label.en if english else label.zh
    if kind == CHOICE and str(value) in ("1", "2", "3", "4"):
        n = int(value)
        return f"direction {n}" if english else f"方向{'一二三四'[n - 1]}"
    if kind == LINES and isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def as_text(key: str, value: Any) -> str:
    """A stored value as ``parse_value`` reads it back (for an edit field)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def matters(fact: Fact, policy: Any) -> bool:
    """Whether the policy states a parameter the fact feeds."""
    if any(policy.has(name) for name in fact.params):
        return True
    if fact.rate_origin and policy.has("rate"):
        return any("/domestic/" in str(key) for value in policy.parameter("rate").values
                   for key in (value.value or {}))
    return False


def articles(fact: Fact, policy: Any, day: date) -> str:
    """The articles of ``policy`` the fact matters under (the parameters' own citations)."""
    from slq_desk.checks.params import PolicyParams

    names = list(fact.params) + (["rate"] if fact.rate_origin else [])
    return PolicyParams(policy, day).article(*names)


def policies_for(fact: Fact) -> tuple[str, ...]:
    """The shipped policies the fact matters for."""
    from slq_desk.policy import load_policy
    from slq_desk.policy.loader import list_policies

    return tuple(pid for pid in list_policies() if matters(fact, load_policy(pid)))


def relevant(policy_id: str) -> tuple[Fact, ...]:
    """The facts that matter for ``policy_id`` (all of them for a policy that cannot be read)."""
    from slq_desk.errors import SlqError
    from slq_desk.policy import load_policy

    try:
        policy = load_policy(policy_id)
    except SlqError:
        return FACTS
    return tuple(f for f in FACTS if matters(f, policy))


@dataclass(frozen=True)
class FactRow:
    """One fact as the 认定事实 dialog shows it for an application."""

    key: str
    label: Label
    kind: str
    hint_zh: str
    hint_en: str
    articles: str  # of the application's policy
    policies: tuple[str, ...]  # the shipped policies it matters for
    value: Any  # the person's value (stored form), None when nobody set it
    set_by: str | None
    set_at: str | None  # ISO text, UTC (``local_time`` shows it as Beijing time)
    used: Any  # what the last calculation used (stored form; None = not known)
    choices: tuple[tuple[str, Label], ...] = ()

    @property
    def set(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class ApplicationFacts:
    application_id: str
    policy_id: str
    applicant: str
    rows: tuple[FactRow, ...]


def _used(key: str, facts: Mapping[str, Any], direction: int | None) -> Any:
    """What the last calculation used for ``key`` (read, inferred or defaulted), in the stored
    form of the fact (None: not known)."""
    found = facts.get("input")
    data: dict[str, Any] = found if isinstance(found, dict) else {}
    applicant = data.get("applicant") or {}
    lines = [x for x in data.get("lines") or [] if isinstance(x, dict)]
    contracts = [x for x in data.get("contracts") or [] if isinstance(x, dict)]
    if key == "direction":
        return direction or None
    if key == "applicant_kind":
        return applicant.get("kind") or None
    if key == "sme" and "sme" in applicant:
        return bool(applicant["sme"])
    if key in ("service_start", "service_end") and lines:
        return lines[0].get("period_start" if key == "service_start" else "period_end") or None
    if key == "domestic":
        seen = {bool(x.get("domestic")) for x in lines if x.get("service") == "compute"}
        return seen.pop() if len(seen) == 1 else None
    if key == "other_fiscal_support" and contracts:
        return contracts[0].get("other_fiscal_support") or None
    return None


def application_facts(ws: Any, application_id: str) -> ApplicationFacts:
    """The facts that matter for the application's policy, each with the person's value (who,
    when) or what the last calculation used."""
    from slq_desk.errors import SlqError
    from slq_desk.models.schema import Application
    from slq_desk.policy import load_policy

    with ws.session() as s:
        app = s.get(Application, application_id)
        if app is None:
            raise BadInput(f"no application {application_id!r} in this workspace",
                           zh=f"工作区中没有申报 {application_id}")
        facts = dict(app.facts or {})
        policy_id, applicant, direction = app.policy_id, app.applicant_name or "", app.direction
        claimed = app.claimed_at
    overrides = dict(facts.get("overrides") or {})
    marks = dict(facts.get("overrides_set") or {})
    try:
        policy = load_policy(policy_id)
    except SlqError:
        policy = None
    day = claimed.date() if claimed is not None else date.today()
    rows = []
    for fact in FACTS:
        if policy is not None and not matters(fact, policy) and fact.key not in overrides:
            continue
        mark = marks.get(fact.key) or {}
        choices: tuple[tuple[str, Label], ...] = ()
        if fact.kind == KIND:
            choices = tuple(APPLICANT_KIND_LABELS.items())
        elif fact.kind == LINES:
            choices = invoice_lines(ws, application_id)
        elif fact.kind == CHOICE:
            choices = tuple((str(n), Label(f"方向{'一二三四'[n - 1]}", f"direction {n}")) for n in (1, 2, 3, 4))
        rows.append(FactRow(
            fact.key, fact.label, fact.kind, fact.hint_zh, fact.hint_en,
            articles(fact, policy, day) if policy is not None else "", policies_for(fact),
            overrides.get(fact.key), mark.get("by"), mark.get("at"),
            _used(fact.key, facts, direction), choices))
    return ApplicationFacts(application_id, policy_id, applicant, tuple(rows))


def check_lines_exist(ws: Any, application_id: str, refs: Iterable[str]) -> None:
    """Every ``DOCUMENT:LINE`` names a line of one of the application's invoices."""
    from sqlalchemy import select

    from slq_desk.models.schema import Document, ExtractedField

    wanted = [str(r) for r in refs]
    if not wanted:
        return
    with ws.session() as s:
        docs = {d.id: d for d in s.scalars(select(Document).where(
            Document.application_id == application_id, Document.kind == "invoice"))}
        counts: dict[int, int] = {}
        for doc_id, index in s.execute(select(ExtractedField.document_id, ExtractedField.item_index)
                                       .where(ExtractedField.document_id.in_(list(docs)),
                                              ExtractedField.item_index.is_not(None))):
            counts[doc_id] = max(counts.get(doc_id, 0), int(index) + 1)
    for ref in wanted:
        document, line = line_sort_key(ref)
        if document not in docs:
            raise FactRefused(f"不计入的发票明细行：申报 {application_id} 没有编号为 {document} 的发票",
                              f"excluded_lines: application {application_id} has no invoice {document}")
        if line > max(1, counts.get(document, 0)):
            raise FactRefused(f"不计入的发票明细行：发票 {document} 没有第 {line} 行",
                              f"excluded_lines: invoice {document} has no line {line}")


def invoice_lines(ws: Any, application_id: str) -> tuple[tuple[str, Label], ...]:
    """The application's invoice lines as ``DOCUMENT:LINE`` with what a person recognises them
    by (file, line, name, amount as read or corrected): what ``excluded_lines`` can name."""
    from sqlalchemy import select

    from slq_desk.models.schema import Document, ExtractedField

    with ws.session() as s:
        docs = list(s.execute(select(Document.id, Document.original_name).where(
            Document.application_id == application_id, Document.kind == "invoice")
            .order_by(Document.original_name, Document.id)))
        lines: dict[int, dict[int, dict[str, str]]] = {}
        for doc_id, index, name, value, corrected in s.execute(
                select(ExtractedField.document_id, ExtractedField.item_index, ExtractedField.name,
                       ExtractedField.value, ExtractedField.corrected_value)
                .where(ExtractedField.document_id.in_([d for d, _ in docs]),
                       ExtractedField.item_index.is_not(None),
                       ExtractedField.name.in_(("item.name", "item.amount")))):
            lines.setdefault(doc_id, {}).setdefault(int(index), {})[name] = \
                corrected if corrected is not None else value
    out: list[tuple[str, Label]] = []
    for doc_id, file in docs:
        items = lines.get(doc_id) or {0: {}}
        for index in sorted(items):
            what = items[index].get("item.name", "")
            money = items[index].get("item.amount", "")
            n = index + 1
            out.append((f"{doc_id}:{n}", Label(f"{file} 第{n}行 {what} {money}".strip(),
                                               f"{file} line {n} {what} {money}".strip())))
    return tuple(out)


def local_time(text: str | None) -> str:
    """A stored UTC time as Beijing time to the minute, as the checks' finding says it."""
    from datetime import datetime

    from slq_desk.checks.view import CHINA

    try:
        when = datetime.fromisoformat(str(text))
    except ValueError:
        return ""
    if when.tzinfo is not None:
        when = when.astimezone(CHINA)
    return when.strftime("%Y-%m-%d %H:%M")
