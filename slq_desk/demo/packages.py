"""The demo packages: per policy one or two clean packages and several flawed ones.

A ``Scenario`` says what a package should be (card model, term, billing, which flaws); ``build``
turns it into a ``Package``: the facts (a ``truth.Deal``), the documents to draw (in the order
an applicant would number them) and the flaws with the file each one sits in. Across the set
every flaw code of docs/demo-packages.md is planted at least once.
"""

from __future__ import annotations

import functools
import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

from slq_desk.demo import doc_letters as letters
from slq_desk.demo.amount_words import amount_in_words
from slq_desk.demo.doc_contract import render_contract
from slq_desk.demo.doc_forms import Claim, render_form
from slq_desk.demo.doc_invoice import render_invoice
from slq_desk.demo.doc_licence import render_licence
from slq_desk.demo.doc_payment import render_payment
from slq_desk.demo.doc_usage import ROWS_PER_PAGE, render_usage_log, render_usage_report
from slq_desk.demo.identities import corrupt_uscc, make_company, person_name, with_shareholder
from slq_desk.demo.policies import FACTS, cap_for, expected_rate
from slq_desk.demo.rendered import Rendered
from slq_desk.demo.truth import CARD_MODELS, Deal, Invoice, Line, Payment, build_usage, item_for, segments
from slq_desk.money import ZERO, D, fmt, to_fen

CST = timezone(timedelta(hours=8))

PROJECTS = ("工业质检视觉大模型", "政务知识问答大模型", "医疗影像辅助诊断模型", "智能客服多模态Agent",
            "具身智能机器人控制模型", "金融风控大模型", "教育个性化学习助手", "文旅数字人交互平台")
PURPOSES = ("大模型训练与推理", "行业大模型精调", "多模态模型预训练", "AI for Science 科学计算")


@dataclass
class Scenario:
    id: str
    policy: str
    card_model: str
    cards: int
    term: tuple[date, date]
    invoices: int = 1
    invoice_type: str = "31"
    extra_lines: tuple[str, ...] = ()
    price_factor: Decimal = D("1")
    sme: bool = True
    kind: str = "enterprise"
    direction: int | None = None
    flaws: tuple[str, ...] = ()
    jobs_per_day: int = 1
    reuse_parties_of: str | None = None  # another package's id: same applicant and supplier
    copy_invoice_from: str | None = None  # duplicate_invoice: re-submit that package's first invoice


@dataclass
class DocSpec:
    stem: str
    render: Callable[[str], Rendered]
    damage: str | None = None  # "encrypted" | "truncated" | "scanned"


@dataclass
class Package:
    scenario: Scenario
    deal: Deal
    claim: Claim
    claimed_at: datetime
    score: float
    docs: list[DocSpec]
    flaws: list[dict[str, str | None]] = field(default_factory=list)
    password: str = ""

    @property
    def id(self) -> str:
        return self.scenario.id

    @property
    def policy(self) -> str:
        return self.scenario.policy


def scenarios(large_pages: int | None = None) -> list[Scenario]:
    """The demo set. Order matters: a package may reuse parties or invoices of an earlier one."""
    out = [
        Scenario("wuhan-clean-1", "wuhan-2026", "昇腾910B", 16, (date(2026, 1, 12), date(2026, 4, 30)), invoices=2),
        Scenario("wuhan-clean-2", "wuhan-2026", "NVIDIA H100", 8, (date(2025, 12, 1), date(2026, 2, 28)), invoices=2,
                 invoice_type="10", sme=False, extra_lines=("token",)),
        Scenario("wuhan-flawed-1", "wuhan-2026", "昇腾910B", 8, (date(2026, 2, 2), date(2026, 4, 30)), invoices=2,
                 flaws=("material_missing", "amount_words_mismatch")),
        Scenario("wuhan-flawed-2", "wuhan-2026", "NVIDIA A800", 16, (date(2026, 1, 5), date(2026, 3, 31)),
                 price_factor=D("3.2"), flaws=("buyer_mismatch", "price_above_market")),
        Scenario("dazhou-clean-1", "dazhou-2026", "海光DCU K100", 16, (date(2026, 3, 2), date(2026, 6, 30)),
                 invoice_type="32", extra_lines=("tech_support",)),
        Scenario("dazhou-flawed-1", "dazhou-2026", "昇腾910B", 8, (date(2026, 2, 9), date(2026, 5, 31)), invoices=2,
                 flaws=("pdf_encrypted", "duplicate_invoice")),
        Scenario("dazhou-flawed-2", "dazhou-2026", "昇腾910B", 8, (date(2026, 6, 1), date(2026, 8, 31)),
                 reuse_parties_of="dazhou-flawed-1", copy_invoice_from="dazhou-flawed-1",
                 flaws=("duplicate_invoice", "invoice_payment_mismatch", "image_only_page")),
        Scenario("chengdu-clean-1", "chengdu-2026", "昇腾910B", 32, (date(2026, 1, 5), date(2026, 4, 30)), invoices=3),
        Scenario("chengdu-flawed-1", "chengdu-2026", "NVIDIA H100", 16, (date(2026, 2, 1), date(2026, 4, 30)),
                 invoices=2, extra_lines=("storage", "network"), sme=False, flaws=("excluded_service",)),
        Scenario("chengdu-flawed-2", "chengdu-2026", "寒武纪MLU370-X8", 16, (date(2026, 3, 1), date(2026, 5, 31)),
                 invoices=2, flaws=("uscc_invalid", "pdf_broken")),
        Scenario("hunan-clean-1", "hunan-2026", "昇腾910B", 16, (date(2025, 11, 3), date(2026, 3, 31)), invoices=2),
        Scenario("hunan-flawed-1", "hunan-2026", "NVIDIA H20", 16, (date(2025, 5, 6), date(2025, 10, 20)), invoices=2,
                 flaws=("outside_window",)),
        Scenario("hunan-flawed-2", "hunan-2026", "海光DCU K100", 16, (date(2026, 1, 5), date(2026, 4, 30)),
                 flaws=("related_party", "material_missing")),
        Scenario("beijing-clean-1", "beijing-2026", "NVIDIA H100", 512, (date(2025, 10, 8), date(2026, 3, 20)),
                 invoices=3, direction=2, sme=False),
        Scenario("beijing-flawed-1", "beijing-2026", "昇腾910B", 16, (date(2026, 1, 5), date(2026, 6, 30)), invoices=2,
                 direction=4, flaws=("outside_window",)),
        Scenario("beijing-flawed-2", "beijing-2026", "昇腾910B", 64, (date(2025, 10, 13), date(2026, 3, 13)),
                 invoices=2, direction=1, kind="new_rnd_institution", flaws=("related_party",)),
    ]
    if large_pages:
        term = (date(2026, 1, 1), date(2026, 6, 29))
        days = (term[1] - term[0]).days + 1
        # One 日小计 row per day plus the job rows; the log's rows fill ``large_pages`` pages.
        jobs = max(1, -(-large_pages * ROWS_PER_PAGE // days) - 1)
        out.append(Scenario(f"wuhan-large-{large_pages}", "wuhan-2026", "昇腾910B", 256, term, invoices=6,
                            jobs_per_day=jobs))
    return out


def _rng(seed: int, *parts: str) -> random.Random:
    # String seeds hash with SHA-512 inside random.Random: stable across runs and platforms.
    return random.Random(":".join([str(seed), *parts]))


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def _invoice_number(rng: random.Random, issued: date, division: str) -> str:
    return f"{issued:%y}{division[:2]}{rng.choice('12')}{_digits(rng, 15)}"


def build_all(seed: int, large_pages: int | None = None) -> list[Package]:
    built: dict[str, Package] = {}
    for scenario in scenarios(large_pages):
        built[scenario.id] = build(seed, scenario, built)
    return list(built.values())


def build(seed: int, sc: Scenario, earlier: dict[str, Package]) -> Package:
    rng = _rng(seed, sc.id)
    facts = FACTS[sc.policy]
    city = facts.city_key
    if sc.reuse_parties_of:
        base = earlier[sc.reuse_parties_of].deal
        applicant, supplier = base.applicant, base.supplier
    else:
        applicant = make_company(rng, city, kind=sc.kind, sme=sc.sme)
        supplier = make_company(rng, city, supplier=True, avoid={applicant.name})
    if "related_party" in sc.flaws:
        applicant = with_shareholder(applicant, supplier.name, "18.00")
    if "uscc_invalid" in sc.flaws:
        applicant = replace(applicant, uscc=corrupt_uscc(applicant.uscc))

    model = CARD_MODELS[sc.card_model]
    factor = sc.price_factor if sc.price_factor != 1 else D(rng.choice(("0.90", "0.95", "1.00", "1.05", "1.10")))
    price = to_fen(model.market_price * factor)
    start, end = sc.term
    days = (end - start).days + 1
    utilisation = D(str(rng.randrange(78, 95))) / 100
    hours = int(D(sc.cards * 24 * days) * utilisation)
    lines = [Line("compute", model.name, "卡时", D(hours), price, model.domestic)]
    extras = {"storage": ("高性能并行存储", "TB·月", D(str(rng.choice((100, 200, 300)))), D("95.00")),
              "network": ("BGP带宽", "Mbps·月", D(str(rng.choice((200, 500)))), D("42.00")),
              "tech_support": ("国产算力适配", "项", D("1"), D(str(rng.choice((18000, 26000, 35000))))),
              "token": ("DeepSeek-V3", "百万Tokens", D(str(rng.choice((600, 800, 1200)))), D("8.00"))}
    for service in sc.extra_lines:
        spec, unit, qty, unit_price = extras[service]
        monthly = unit.endswith("·月")
        # Only the Token line names a domestic model (Wuhan 第七条 covers domestic-LLM Tokens).
        lines.append(Line(service, spec, unit, qty * max(1, days // 30) if monthly else qty, unit_price,
                          domestic=service == "token"))
    short = applicant.name[:2]
    deal = Deal(
        applicant=applicant, supplier=supplier,
        contract_number=f"{''.join(ch for ch in supplier.uscc[8:12] if ch.isalnum())}-SL-{start:%Y%m}-{rng.randrange(1, 999):03d}",
        contract_name=rng.choice(("智能算力服务合同", "算力租赁服务合同", "智算资源服务合同")),
        signed_on=start - timedelta(days=rng.randrange(3, 20)), term_start=start, term_end=end,
        card_model=model, cards=sc.cards, lines=lines,
        purpose=rng.choice(PURPOSES), project_name=f"{short}{rng.choice(PROJECTS)}",
    )
    deal.usage = build_usage(rng, deal)
    drawer = person_name(rng)
    for k, seg in enumerate(segments(deal.usage, sc.invoices)):
        issued = seg[-1].day + timedelta(days=rng.randrange(1, 6))
        seg_hours = D(sum(d.card_hours for d in seg))
        items = [item_for(deal.compute_line, seg_hours)]
        if k == 0:
            items += [item_for(line, line.quantity) for line in lines[1:]]
        inv_type = sc.invoice_type if k == 0 else ("32" if sc.invoice_type == "10" else sc.invoice_type)
        inv = Invoice(inv_type, _invoice_number(rng, issued, supplier.uscc[2:8]), issued, applicant.name, applicant.uscc,
                      supplier.name, supplier.uscc, items, drawer, period=(seg[0].day, seg[-1].day))
        if inv_type == "10":
            inv.code = f"0{supplier.uscc[2:4]}00{issued:%y}0011{rng.randrange(1, 3)}"
            inv.number = _digits(rng, 8)
            inv.check_code = _digits(rng, 20)
        deal.invoices.append(inv)
    for inv in deal.invoices:
        paid = inv.issue_date + timedelta(days=rng.randrange(3, 13))
        deal.payments.append(Payment(applicant, supplier, inv.total, paid, "算力服务费", _digits(rng, 20)))

    direction = sc.direction if sc.policy == "beijing-2026" else None
    rate_text = expected_rate(sc.policy, model.domestic, applicant.sme, direction)
    claim_base = deal.amount_excl if facts.tax_excluded_base else deal.total
    requested = min(to_fen(claim_base * D(rate_text.rstrip("%")) / 100), cap_for(sc.policy, direction))
    last = max([p.pay_date for p in deal.payments] + [end])
    claimed_on = last + timedelta(days=rng.randrange(5, 25))
    # A claim can only be made once the policy is in force (Hunan's 细则 dates from 2026-05-06);
    # a package claimed earlier would only ever show "not in force".
    opens = _policy_opens(sc.policy)
    if claimed_on < opens:
        claimed_on = opens + timedelta(days=rng.randrange(1, 20))
    claim = Claim(requested, rate_text, direction, claimed_on)
    claimed_at = datetime.combine(claimed_on, time(9 + rng.randrange(0, 8), rng.randrange(0, 60)), CST)
    pkg = Package(sc, deal, claim, claimed_at, float(rng.randrange(700, 960)) / 10, [],
                  password=hashlib.sha256(f"{seed}:{sc.id}".encode()).hexdigest()[:10])
    pkg.docs = _documents(seed, pkg, earlier)
    _plant(rng, pkg, earlier)
    return pkg


def _documents(seed: int, pkg: Package, earlier: dict[str, Package]) -> list[DocSpec]:
    deal, claim, policy = pkg.deal, pkg.claim, pkg.policy
    sc = pkg.scenario
    signed = claim.signed
    docs: list[DocSpec] = []

    def add(stem: str, render: Callable[[str], Rendered]) -> None:
        docs.append(DocSpec(stem, render))

    def contract(stem: str) -> None:
        add(stem, lambda s: render_contract(deal, s))

    def invoices_and_payments() -> None:
        invs = list(deal.invoices)
        if sc.copy_invoice_from:
            invs.append(earlier[sc.copy_invoice_from].deal.invoices[0])
        for k, inv in enumerate(invs, 1):
            add(f"发票-{k}", functools.partial(render_invoice, inv))
        for k, pay in enumerate(deal.payments, 1):
            add(f"付款回单-{k}", functools.partial(render_payment, pay))

    def usage_log(stem: str, title: str) -> None:
        add(stem, lambda s: render_usage_log(deal, s, title, sc.jobs_per_day, f"{seed}:{sc.id}"))

    licence = lambda s: render_licence(deal.applicant, s)  # noqa: E731
    if policy == "wuhan-2026":
        contract("服务合同")
        add("承诺函", lambda s: letters.commitment_letter(policy, deal, s, deal.signed_on))
        add("法人授权书", lambda s: letters.authorisation_letter(deal, s, deal.signed_on))
        invoices_and_payments()
        usage_log("算力服务使用记录", "算力服务使用记录（结算单）")
        number = f"WHSLQ{deal.signed_on:%Y}{int(hashlib.sha256(pkg.id.encode()).hexdigest()[:6], 16) % 10**6:06d}"
        add("算力券凭证", lambda s: letters.voucher_certificate(deal, s, deal.signed_on - timedelta(days=2), number))
    elif policy == "dazhou-2026":
        add("算力券申报表", lambda s: render_form("declaration", deal, claim, s, policy))
        contract("服务合同")
        add("营业执照", licence)
        add("法定代表人身份证明", lambda s: letters.legal_rep_certificate(deal, s, signed))
        add("承诺书", lambda s: letters.commitment_letter(policy, deal, s, signed))
        add("兑付申请表", lambda s: render_form("subsidy", deal, claim, s, policy))
        invoices_and_payments()
        usage_log("算力使用记录", "算力服务后台使用记录")
    elif policy == "chengdu-2026":
        add("算力券登记表", lambda s: render_form("declaration", deal, claim, s, policy))
        add("营业执照", licence)
        add("法定代表人身份证明", lambda s: letters.legal_rep_certificate(deal, s, signed))
        add("诚信承诺书", lambda s: letters.commitment_letter(policy, deal, s, signed))
        add("信用报告", lambda s: letters.credit_report(deal, s, signed))
        if deal.applicant.sme:
            add("中小企业声明函", lambda s: letters.sme_declaration(deal, s, signed))
        add("兑付申请表", lambda s: render_form("subsidy", deal, claim, s, policy))
        contract("智算服务合同")
        add("人工智能研发应用证明", lambda s: letters.implementation_report(policy, deal, s, signed))
        invoices_and_payments()
        usage_log("算力使用计量日志", "智能算力使用计量清单")
    elif policy == "hunan-2026":
        add("营业执照", licence)
        add("法定代表人身份证明", lambda s: letters.legal_rep_certificate(deal, s, signed))  # 四、2
        add("附件1-算力补贴需求申请表", lambda s: render_form("declaration", deal, claim, s, policy))
        add("附件2-算力使用备案表", lambda s: render_form("filing", deal, claim, s, policy))
        contract("算力购买合同")
        invoices_and_payments()
        add("附件3-算力补贴申报表", lambda s: render_form("subsidy", deal, claim, s, policy))
        add("附件4-算力资源使用报告", lambda s: render_usage_report(deal, s, signed))
        usage_log("算力使用记录", "算力服务使用记录（结算单）")
    else:
        contract("智算服务合同")
        # Direction 4 wants a model filed after 2026-01-01 (一(四)); the day before service starts fits all four.
        add("模型备案证明", lambda s: letters.model_filing(deal, s, deal.term_start - timedelta(days=1)))
        add("算力供给方资质证明", lambda s: letters.supplier_qualification(deal, s, signed))
        invoices_and_payments()
        usage_log("算力结算单", "算力平台结算单")
        add("附件14-2-算力使用情况表", lambda s: render_form("usage_table", deal, claim, s, policy))
        add("附件14-3-算力项目实施情况报告", lambda s: letters.implementation_report(policy, deal, s, signed))
        add("附件14-4-承诺书", lambda s: letters.commitment_letter(policy, deal, s, signed))
    return docs


def _find(pkg: Package, prefix: str) -> DocSpec:
    return next(doc for doc in pkg.docs if doc.stem.startswith(prefix))


def _flaw(pkg: Package, code: str, doc: DocSpec | None, detail: str) -> None:
    # The file name is filled in when documents are numbered (generate.py).
    pkg.flaws.append({"code": code, "file": doc.stem if doc else None, "detail": detail})


def _plant(rng: random.Random, pkg: Package, earlier: dict[str, Package]) -> None:
    deal, sc = pkg.deal, pkg.scenario
    for code in sc.flaws:
        if code == "material_missing":
            prefix = {"wuhan-2026": "承诺函", "hunan-2026": "附件4"}.get(pkg.policy, "营业执照")
            doc = _find(pkg, prefix)
            pkg.docs.remove(doc)
            _flaw(pkg, code, None, f"缺少必备材料：{doc.stem}")
        elif code == "amount_words_mismatch":
            inv = deal.invoices[-1]
            wrong = inv.total + D(rng.choice(("1000", "10000", "900")))
            inv.words_override = amount_in_words(wrong)
            _flaw(pkg, code, _find(pkg, f"发票-{len(deal.invoices)}"),
                  f"价税合计大写为{inv.words_override}（{fmt(wrong)}），小写为¥{fmt(inv.total)}")
        elif code == "buyer_mismatch":
            inv = deal.invoices[0]
            other = make_company(rng, FACTS[pkg.policy].city_key, avoid={deal.applicant.name})
            inv.buyer_name, inv.buyer_id = other.name, other.uscc
            _flaw(pkg, code, _find(pkg, "发票-1"), f"发票购买方为{other.name}（{other.uscc}），非申报单位")
        elif code == "price_above_market":
            _flaw(pkg, code, next(d for d in pkg.docs if d.stem.endswith("合同")),
                  f"{deal.card_model.name}单价{fmt(deal.unit_price)}元/卡时，市场参考价{fmt(deal.card_model.market_price)}元/卡时")
        elif code == "pdf_encrypted":
            doc = next(d for d in pkg.docs if d.stem.endswith("使用记录"))
            doc.damage = "encrypted"
            _flaw(pkg, code, doc, "文件已加密，需要打开密码")
        elif code == "duplicate_invoice":
            if sc.copy_invoice_from:
                source = earlier[sc.copy_invoice_from]
                copied = source.deal.invoices[0]
                doc = _find(pkg, f"发票-{len(deal.invoices) + 1}")
                _flaw(pkg, code, doc, f"发票号码{copied.number}已在{source.id}中申报")
            else:
                _flaw(pkg, code, _find(pkg, "发票-1"), f"发票号码{deal.invoices[0].number}在其他申报包中重复出现")
        elif code == "invoice_payment_mismatch":
            invoiced = deal.total + (earlier[sc.copy_invoice_from].deal.invoices[0].total if sc.copy_invoice_from else ZERO)
            if not sc.copy_invoice_from:
                deal.payments[-1].amount -= D("20000.00")
            paid = sum((p.amount for p in deal.payments), ZERO)
            _flaw(pkg, code, None, f"发票价税合计{fmt(invoiced)}元，付款合计{fmt(paid)}元")
        elif code == "image_only_page":
            doc = _find(pkg, "营业执照")
            doc.damage = "scanned"
            _flaw(pkg, code, doc, "扫描件，无文本层")
        elif code == "excluded_service":
            names = "、".join(line.contract_name for line in deal.lines if line.service in ("storage", "network"))
            _flaw(pkg, code, _find(pkg, "发票-1"), f"发票含不予支持的服务：{names}")
        elif code == "uscc_invalid":
            _flaw(pkg, code, None, f"申报单位统一社会信用代码{deal.applicant.uscc}校验位错误")
        elif code == "pdf_broken":
            doc = _find(pkg, "付款回单-2")
            doc.damage = "truncated"
            _flaw(pkg, code, doc, "文件不完整（下载中断），无法打开")
        elif code == "outside_window":
            window = FACTS[pkg.policy].window
            assert window is not None
            _flaw(pkg, code, None,
                  f"服务期{deal.term_start.isoformat()}至{deal.term_end.isoformat()}，政策窗口{window[0].isoformat()}至{window[1].isoformat()}")
        elif code == "related_party":
            _flaw(pkg, code, None, f"算力供给方{deal.supplier.name}为申报单位股东（持股18.00%）")
        else:
            raise ValueError(f"unknown flaw code {code}")


def in_window_amount(pkg: Package) -> Decimal | None:
    window = FACTS[pkg.policy].window
    deal = pkg.deal
    if window is None or (window[0] <= deal.term_start and deal.term_end <= window[1]):
        return None
    return sum((d.amount for d in deal.usage if window[0] <= d.day <= window[1]), ZERO)


def application(pkg: Package) -> dict[str, object]:
    """The calculator's input (issue 3 schema): the facts the documents show."""
    deal = pkg.deal
    lines: list[dict[str, object]] = []
    for line in deal.lines:
        items = [i for inv in deal.invoices for i in inv.items if i.service == line.service]
        amount = sum((i.amount for i in items), ZERO)
        tax = sum((i.tax for i in items), ZERO)
        window_amount = in_window_amount(pkg) if line.service == "compute" else None
        lines.append({
            "contract": deal.contract_number,
            "service": line.service,
            "compute_class": "intelligent",
            "domestic": line.domestic,
            "amount": fmt(amount),
            "tax": fmt(tax),
            "period_start": deal.term_start.isoformat(),
            "period_end": deal.term_end.isoformat(),
            "in_window_amount": fmt(window_amount) if window_amount is not None else None,
        })
    return {
        "id": pkg.id,
        "policy": pkg.policy,
        "claimed_at": pkg.claimed_at.isoformat(),
        "applicant": {"name": deal.applicant.name, "uscc": deal.applicant.uscc, "kind": deal.applicant.kind,
                      "sme": deal.applicant.sme, "received_this_year": "0"},
        "direction": pkg.claim.direction,
        "score": pkg.score,
        "contracts": [{"id": deal.contract_number, "total": fmt(deal.total), "signed_on": deal.signed_on.isoformat(),
                       "other_fiscal_support": "0"}],
        "lines": lines,
    }


def _policy_opens(policy_id: str) -> date:
    """The first day the policy's data says it applies (its ``in_force`` parameter)."""
    from slq_desk.policy import load_policy

    values = load_policy(policy_id).parameter("in_force").values
    return min(v.valid_from for v in values if v.value)
