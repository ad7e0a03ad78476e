"""The facts behind one demo package, before any document is drawn.

Every document of a package is rendered from one ``Deal``: the contract's lines, the invoices
that bill them, the payments that settle the invoices and the daily usage that adds up to the
billed card-hours. Amounts are built so they agree to the fen (Σ items = 合计, tax = amount ×
rate rounded half-up to the fen, 价税合计 = 合计 + 税额, Σ daily usage = billed card-hours), so
a planted flaw is the only disagreement a check can find.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from slq_desk.demo.identities import Company
from slq_desk.money import ZERO, D, to_fen

TAX_RATE = D("0.06")
TAX_RATE_TEXT = "6%"


@dataclass(frozen=True)
class CardModel:
    name: str
    domestic: bool
    market_price: Decimal  # 元/卡时, tax excluded: the reference a price check compares with


# Reference prices per card-hour (tax excluded) used to pick realistic prices; a price more
# than twice the reference is the price_above_market flaw.
CARD_MODELS: dict[str, CardModel] = {
    "昇腾910B": CardModel("昇腾910B", True, D("12.00")),
    "海光DCU K100": CardModel("海光DCU K100", True, D("7.50")),
    "寒武纪MLU370-X8": CardModel("寒武纪MLU370-X8", True, D("6.00")),
    "NVIDIA H100": CardModel("NVIDIA H100", False, D("18.00")),
    "NVIDIA A800": CardModel("NVIDIA A800", False, D("11.00")),
    "NVIDIA H20": CardModel("NVIDIA H20", False, D("7.00")),
}

SERVICE_ITEM_NAMES: dict[str, str] = {
    "compute": "*信息技术服务*算力租赁服务",
    "storage": "*信息技术服务*存储服务",
    "network": "*信息技术服务*网络带宽服务",
    "tech_support": "*信息技术服务*技术支持服务",
    "adaptation": "*信息技术服务*国产化适配服务",
    "token": "*信息技术服务*大模型API调用服务",
}

CONTRACT_LINE_NAMES: dict[str, str] = {
    "compute": "智能算力租赁服务",
    "storage": "高性能并行存储服务",
    "network": "公网带宽及专线服务",
    "tech_support": "算力适配技术支持服务",
    "adaptation": "国产化适配迁移服务",
    "token": "国产大模型Token服务",
}


@dataclass
class Line:
    """One contract line (a service), billed across one or more invoices."""

    service: str
    spec: str
    unit: str
    quantity: Decimal
    unit_price: Decimal
    domestic: bool = False

    @property
    def amount(self) -> Decimal:
        return to_fen(self.quantity * self.unit_price)

    @property
    def contract_name(self) -> str:
        return CONTRACT_LINE_NAMES[self.service]

    @property
    def item_name(self) -> str:
        return SERVICE_ITEM_NAMES[self.service]


@dataclass
class InvoiceItem:
    service: str
    name: str
    spec: str
    unit: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    tax: Decimal
    tax_rate: str = TAX_RATE_TEXT


@dataclass
class Invoice:
    type_code: str  # "31" 数电专票, "32" 数电普票, "10" 增值税电子普通发票
    number: str
    issue_date: date
    buyer_name: str
    buyer_id: str
    seller_name: str
    seller_id: str
    items: list[InvoiceItem]
    drawer: str
    code: str = ""  # 发票代码, older types only
    check_code: str = ""  # 校验码, older types only
    words_override: str | None = None  # a wrong 大写 (amount_words_mismatch)
    period: tuple[date, date] | None = None  # the service period billed, printed in 备注

    @property
    def amount(self) -> Decimal:
        return sum((i.amount for i in self.items), ZERO)

    @property
    def tax(self) -> Decimal:
        return sum((i.tax for i in self.items), ZERO)

    @property
    def total(self) -> Decimal:
        return self.amount + self.tax


@dataclass
class Payment:
    payer: Company
    payee: Company
    amount: Decimal
    pay_date: date
    purpose: str
    serial: str


@dataclass
class UsageDay:
    day: date
    card_hours: int
    amount: Decimal


@dataclass
class Deal:
    """Everything a package's documents say."""

    applicant: Company
    supplier: Company
    contract_number: str
    contract_name: str
    signed_on: date
    term_start: date
    term_end: date
    card_model: CardModel
    cards: int
    lines: list[Line]
    invoices: list[Invoice] = field(default_factory=list)
    payments: list[Payment] = field(default_factory=list)
    usage: list[UsageDay] = field(default_factory=list)
    other_subsidy_text: str = "乙方确认，本合同项下算力服务费用未申请且未获得国家、省、市、区各级其他财政补贴资金支持。"
    purpose: str = "大模型训练与推理"
    project_name: str = ""

    @property
    def compute_line(self) -> Line:
        return next(line for line in self.lines if line.service == "compute")

    @property
    def card_hours(self) -> int:
        return int(self.compute_line.quantity)

    @property
    def unit_price(self) -> Decimal:
        return self.compute_line.unit_price

    @property
    def total(self) -> Decimal:
        """Contract total, tax included: what the invoices bill in all."""
        return sum((inv.total for inv in self.invoices), ZERO)

    @property
    def amount_excl(self) -> Decimal:
        return sum((inv.amount for inv in self.invoices), ZERO)

    @property
    def tax(self) -> Decimal:
        return sum((inv.tax for inv in self.invoices), ZERO)


def days_between(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def split_hours(rng: random.Random, total: int, days: list[date], cards: int) -> list[int]:
    """Integer card-hours per day summing exactly to ``total``, never above cards × 24."""
    # Integer weights (weekends a little quieter): no float anywhere near an amount.
    weights = [rng.randrange(750, 1001) * (85 if d.weekday() >= 5 else 100) for d in days]
    weight_sum = sum(weights)
    hours = [min(total * w // weight_sum, cards * 24) for w in weights]
    remainder = total - sum(hours)
    index = 0
    while remainder:
        room = cards * 24 - hours[index % len(hours)]
        step = min(room, remainder)
        hours[index % len(hours)] += step
        remainder -= step
        index += 1
    return hours


def build_usage(rng: random.Random, deal: Deal) -> list[UsageDay]:
    days = days_between(deal.term_start, deal.term_end)
    hours = split_hours(rng, deal.card_hours, days, deal.cards)
    return [UsageDay(d, h, to_fen(D(h) * deal.unit_price)) for d, h in zip(days, hours, strict=False)]


def item_for(line: Line, quantity: Decimal, amount: Decimal | None = None) -> InvoiceItem:
    amount = to_fen(quantity * line.unit_price) if amount is None else amount
    return InvoiceItem(line.service, line.item_name, line.spec, line.unit, quantity,
                       line.unit_price, amount, to_fen(amount * TAX_RATE))


def segments(usage: list[UsageDay], count: int) -> list[list[UsageDay]]:
    """Cut the service period into ``count`` consecutive billing periods of similar length."""
    size = -(-len(usage) // count)
    return [usage[i:i + size] for i in range(0, len(usage), size)]
