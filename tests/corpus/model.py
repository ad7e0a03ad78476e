"""The facts a corpus package is drawn from: companies, contract lines, invoices, payments.

Every document of a package is rendered from one ``Case``, so documents agree with each other
the way a real package's documents do, and the truth files are written from the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from tests.corpus.values import money


@dataclass(frozen=True)
class Company:
    name: str
    short: str
    uscc: str
    address: str
    legal_rep: str
    legal_rep_id: str
    bank: str
    account: str
    founded: date
    capital: str  # as printed, e.g. "1000万元人民币"
    phone: str
    contact: str = "王磊"
    contact_phone: str = "13871234567"
    email: str = "office@example.cn"
    scope: str = "人工智能应用软件开发；信息技术咨询服务；软件开发；数据处理服务。"
    shareholders: tuple[tuple[str, str], ...] = ()  # (name, percent)


@dataclass(frozen=True)
class Line:
    """One priced line of a contract (tax 6 % unless said)."""

    name: str
    service: str  # calculator service: compute, storage, network …
    card_model: str  # "" for non-compute lines
    domestic: bool
    card_count: int
    hours: Decimal  # card-hours (卡时) or units for non-compute lines
    unit: str  # 卡时, TB·月, Mbps·月
    unit_price: Decimal  # tax excluded
    tax_rate: Decimal = Decimal("0.06")

    @property
    def amount(self) -> Decimal:
        return money(self.hours * self.unit_price)

    @property
    def tax(self) -> Decimal:
        return money(self.amount * self.tax_rate)

    @property
    def total(self) -> Decimal:
        return self.amount + self.tax

    @property
    def unit_price_incl(self) -> Decimal:
        return money(self.unit_price * (1 + self.tax_rate))


@dataclass(frozen=True)
class InvoiceItem:
    name: str
    spec: str
    unit: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    tax_rate: Decimal
    tax: Decimal


@dataclass(frozen=True)
class Invoice:
    layout: str  # "digital" 数电, "old" 增值税电子普通发票
    number: str
    issued: date
    items: tuple[InvoiceItem, ...]
    code: str = ""  # old layout only
    check_code: str = ""  # old layout only
    special: bool = False  # 数电专票 instead of 普票
    drawer: str = "李娜"
    note: str = ""

    @property
    def amount(self) -> Decimal:
        return sum((i.amount for i in self.items), Decimal(0))

    @property
    def tax(self) -> Decimal:
        return sum((i.tax for i in self.items), Decimal(0))

    @property
    def total(self) -> Decimal:
        return self.amount + self.tax

    @property
    def type_code(self) -> str:
        if self.layout == "old":
            return "10"
        return "31" if self.special else "32"


@dataclass(frozen=True)
class Payment:
    amount: Decimal
    paid: date
    serial: str
    purpose: str
    bank_style: str  # which receipt template


@dataclass(frozen=True)
class UsageRow:
    start: date
    end: date
    hours: Decimal
    amount: Decimal  # tax excluded


@dataclass
class Case:
    """One package's facts."""

    id: str
    policy: str
    applicant: Company
    supplier: Company
    contract_number: str
    signed: date
    term_start: date
    term_end: date
    lines: list[Line]
    invoices: list[Invoice]
    payments: list[Payment]
    usage: list[UsageRow]
    claimed_at: str
    applicant_kind: str = "enterprise"
    sme: bool = False
    direction: int | None = None
    other_fiscal_support: Decimal = Decimal(0)
    other_support_note: str = "截至本合同签订之日，甲方未就本合同申请国家、市、区级任何算力补贴。"
    received_this_year: Decimal = Decimal(0)
    purpose: str = "大模型训练与推理"
    service_mode: str = "裸金属算力租赁（独占整机）"
    project: str = "行业大模型研发项目"
    datacentre: str = ""
    in_window_amount: Decimal | None = None  # tax excluded, when the usage log gives it
    score: int = 80
    expected: Decimal = Decimal(0)
    explanation: str = ""
    model_filing: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> Decimal:
        return sum((ln.total for ln in self.lines), Decimal(0))

    @property
    def amount(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), Decimal(0))

    @property
    def tax(self) -> Decimal:
        return sum((ln.tax for ln in self.lines), Decimal(0))

    @property
    def compute_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln.service == "compute"]

    @property
    def card_hours(self) -> Decimal:
        return sum((ln.hours for ln in self.compute_lines), Decimal(0))

    @property
    def card_model(self) -> str:
        return "、".join(ln.card_model for ln in self.compute_lines)

    @property
    def claimed_date(self) -> date:
        return date.fromisoformat(self.claimed_at[:10])

    @property
    def paid(self) -> Decimal:
        return sum((p.amount for p in self.payments), Decimal(0))


@dataclass
class Doc:
    """One rendered document and its truth."""

    name: str  # file name inside the package
    data: bytes
    kind: str
    fields: dict[str, str]
    pages: int = 1
    fmt: str = "pdf"  # pdf, ofd, xml
    items: list[dict[str, str]] = field(default_factory=list)
    rows: list[dict[str, str]] = field(default_factory=list)
    field_pages: dict[str, int] = field(default_factory=dict)
    scanned_pages: list[int] = field(default_factory=list)
    style: str = ""
    note: str = ""
