"""Application forms in the shape of the official templates.

Hunan 附件1 算力补贴需求申请表 (declaration), 附件2 算力使用备案表 (filing), 附件3 算力补贴申报表
(subsidy); Beijing 附件14-2 算力使用情况表 (usage_table); the Wuhan/Dazhou/Chengdu registration
and payout forms follow the same grid style. Amounts are printed in 万元 where the template
says 万元; expected.json keeps yuan.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from reportlab.pdfgen.canvas import Canvas

from slq_desk.demo import layout as L
from slq_desk.demo.rendered import Rendered, flag, money, wan
from slq_desk.demo.truth import Deal

DIRECTION_NAMES = {1: "方向一", 2: "方向二", 3: "方向三", 4: "方向四"}


@dataclass(frozen=True)
class Claim:
    """What the applicant asks for, as it fills the forms."""

    requested: Decimal
    rate: str  # "30%"
    direction: int | None
    signed: date


def _box(yes: bool) -> str:
    return "■是　□否" if yes else "□是　■否"


def _header(c: Canvas, annex: str, title: str) -> float:
    if annex:
        L.text(c, L.MARGIN, L.PAGE_H - 50, annex, 11)
    L.centred(c, L.PAGE_H - 82, title, 18)
    return L.PAGE_H - 105


def _promise(c: Canvas, y: float, name: str, when: date) -> float:
    x, w = L.MARGIN, L.PAGE_W - 2 * L.MARGIN
    y = L.paragraph(c, x, y - 4, "本单位承诺，递交的申报资料真实有效，如存在利用虚假资料瞒报、虚报等手段获得补贴的，"
                    "公司将承担相应的法律责任及后果。", w, 10, indent=True)
    L.text(c, x + 260, y - 6, "法定代表人（签章）：", 10.5)
    L.text(c, x + 260, y - 28, f"单位名称（盖章）：{name}", 10.5)
    L.text(c, x + 260, y - 50, L.fmt_date(when, pad=False), 10.5)
    L.stamp(c, x + 400, y - 25, name, "", 104)
    return y - 60


def render_form(form_type: str, deal: Deal, claim: Claim, stem: str, policy: str) -> Rendered:
    buf = io.BytesIO()
    a, s = deal.applicant, deal.supplier
    origin = "国产" if deal.card_model.domestic else "非国产"
    x, w = L.MARGIN, L.PAGE_W - 2 * L.MARGIN
    widths4 = [92, w / 2 - 92, 92, w / 2 - 92]
    widths2 = [150, w - 150]
    fields: dict[str, str] = {"form_type": form_type, "applicant_name": a.name, "applicant_id": a.uscc}
    items: list[dict[str, str]] = []
    title, annex = _titles(form_type, policy)
    c = L.new_canvas(buf, title, a.name)
    y = _header(c, annex, title)
    base = [("单位名称", a.name), ("统一社会信用代码", a.uscc), ("注册地址", a.address),
            ("注册时间", L.fmt_date(a.registered_on, pad=False))]
    if form_type == "declaration":
        y = L.kv_grid(c, x, y, base + [("办公地址", a.address), ("法人代表", f"{a.legal_rep}（{a.legal_rep_gender}）"),
                                      ("联系人", a.contact), ("联系电话", a.contact_phone)], widths4)
        y = L.table(c, x, y, [L.Column("主要股东（按股权比例列出前三名）", w * 0.62, "left"), L.Column("所占股权比例（%）", w * 0.38)],
                    [[n, sh] for n, sh in a.shareholders], size=10, row_h=21)
        y = L.kv_grid(c, x, y, [("是否属于中小企业", _box(a.sme)), ("经营范围", a.scope),
                                ("申领算力补贴额度（万元）", wan(claim.requested)),
                                ("算力使用类型", f"{origin}，{deal.card_model.name}，{deal.card_hours}卡时，"
                                               f"{L.fmt_date(deal.term_start, pad=False)}至{L.fmt_date(deal.term_end, pad=False)}"),
                                ("算力供给方名称", s.name), ("算力服务用途", deal.purpose)], widths2)
        fields.update({"sme": flag(a.sme), "requested_amount": money(claim.requested)})
        items = [{"name": n, "share": sh} for n, sh in a.shareholders]
    elif form_type == "filing":
        y = L.kv_grid(c, x, y, base + [("是否属于中小企业", _box(a.sme)), ("办公地址", a.address),
                                      ("法人代表", a.legal_rep), ("联系电话", a.contact_phone)], widths4)
        y = L.kv_grid(c, x, y, [("算力应用领域", "■智能制造　□智慧医疗　□智慧教育　□其他"),
                                ("算力用途", "■人工智能模型训练推理　□数据标注　□数据分析　□工程设计"),
                                ("拟采购算力金额（万元）", wan(deal.total)), ("合同编号", deal.contract_number),
                                ("合同名称", deal.contract_name), ("合同金额（万元）", wan(deal.total)),
                                ("算力（服务）提供方名称", s.name),
                                ("使用算力及算力（模型）服务类型", f"{origin}/{deal.card_model.name}"),
                                ("算力中心地址", s.address)], widths2)
        fields.update({"sme": flag(a.sme), "contract_number": deal.contract_number})
    elif form_type == "subsidy":
        y = L.kv_grid(c, x, y, [("单位名称", a.name), ("统一社会信用代码", a.uscc), ("是否属于中小企业", _box(a.sme)),
                                ("法人代表", a.legal_rep), ("基本户开户行", a.bank_branch), ("账号", a.account),
                                ("联系人", a.contact), ("联系电话", a.contact_phone)], widths4)
        y = L.kv_grid(c, x, y, [("算力实际使用金额（万元）", wan(deal.total)), ("合同编号", deal.contract_number),
                                ("合同名称", deal.contract_name), ("合同金额（万元）", wan(deal.total)),
                                ("算力提供方名称", s.name), ("提供方统一社会信用代码", s.uscc),
                                ("算力中心地址", s.address), ("是否通过平台使用算力", "是"),
                                ("使用算力类型", origin), ("补贴比例", claim.rate),
                                ("申请算力补贴金额（万元）", wan(claim.requested))], widths2)
        fields.update({"sme": flag(a.sme), "requested_amount": money(claim.requested), "rate": claim.rate,
                       "contract_number": deal.contract_number})
    elif form_type == "usage_table":
        L.text(c, x, y + 4, "第一部分　申请企业情况（加盖公章）", 10.5)
        y -= 6
        y = L.kv_grid(c, x, y, [("企业名称", a.name), ("统一社会信用代码", a.uscc), ("注册地址", a.address),
                                ("生产经营地址", a.address), ("项目申报联系人", a.contact), ("联系人手机", a.contact_phone),
                                ("联系人电子邮箱", a.email), ("是否属于中小企业", _box(a.sme))], widths4)
        y = L.table(c, x, y, [L.Column("主要股东（前三名）", w * 0.62, "left"), L.Column("持股比例（%）", w * 0.38)],
                    [[n, sh] for n, sh in a.shareholders], size=10, row_h=21)
        L.text(c, x, y - 18, "第二部分　算力使用情况", 10.5)
        y -= 26
        direction = DIRECTION_NAMES.get(claim.direction or 0, "")
        y = L.kv_grid(c, x, y, [("申报方向", direction), ("用算项目名称", deal.project_name),
                                ("该项目消耗算力总额（万元）", wan(deal.total)), ("对应申请金额（万元）", wan(claim.requested)),
                                ("项目开始日期", L.fmt_date(deal.term_start, pad=False)),
                                ("项目是否获得其他财政资金支持", "否"), ("所获政策资金额度（万元）", "0"),
                                ("项目概述", f"本项目属于{deal.purpose}领域，使用{deal.card_model.name}智能算力开展模型研发与应用落地。")],
                      widths2)
        fields.update({"sme": flag(a.sme), "requested_amount": money(claim.requested),
                       "direction": str(claim.direction or "")})
        items = [{"name": n, "share": sh} for n, sh in a.shareholders]
    else:
        raise ValueError(f"unknown form type {form_type}")
    # Hunan 四.3: the filing form is due within 30 days of signing; it is dated accordingly.
    when = deal.signed_on + timedelta(days=12) if form_type == "filing" else claim.signed
    _promise(c, y - 16, a.name, when)
    L.footer(c, 1, 1)
    c.showPage()
    c.save()
    return Rendered("application_form", stem, buf.getvalue(), 1, fields, items)


def _titles(form_type: str, policy: str) -> tuple[str, str]:
    city = {"wuhan-2026": "武汉市", "dazhou-2026": "达州市", "chengdu-2026": "成都市",
            "hunan-2026": "", "beijing-2026": ""}[policy]
    if policy == "hunan-2026":
        return {"declaration": ("算力补贴需求申请表", "附件1"), "filing": ("算力使用备案表", "附件2"),
                "subsidy": ("算力补贴申报表", "附件3")}[form_type]
    if policy == "beijing-2026":
        return ("算力使用情况表", "附件14-2")
    return {"declaration": (f"{city}算力券申报登记表", ""), "filing": (f"{city}算力使用备案表", ""),
            "subsidy": (f"{city}算力券兑付申请表", "")}[form_type]
