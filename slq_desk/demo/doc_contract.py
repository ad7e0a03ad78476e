"""The service contract (算力服务合同) between the applicant and the compute supplier."""

from __future__ import annotations

import io

from slq_desk.demo import layout as L
from slq_desk.demo.amount_words import amount_in_words
from slq_desk.demo.rendered import Rendered, flag, iso, money
from slq_desk.demo.truth import TAX_RATE_TEXT, Deal
from slq_desk.money import fmt, fmt_grouped

_BOILERPLATE = [
    ("第六条　双方权利义务",
     "1. 乙方应保证所提供算力资源的可用性不低于99.5%（按月统计），因乙方原因导致服务中断的，"
     "按中断时长顺延服务期并相应减免费用。2. 甲方应按约定用途使用算力资源，不得用于任何违反法律法规的活动。"
     "3. 乙方应按甲方要求提供算力使用记录、结算单等证明材料，并加盖乙方公章。"),
    ("第七条　保密条款",
     "双方对在合作过程中知悉的对方商业秘密、技术资料及数据负有保密义务，未经对方书面同意不得向第三方披露。"
     "甲方上传至算力平台的数据及训练所得模型的知识产权归甲方所有。"),
    ("第八条　违约责任",
     "任何一方违反本合同约定的，应向守约方承担违约责任，赔偿因此给守约方造成的直接损失。"
     "甲方逾期付款的，每逾期一日按应付未付金额的万分之三向乙方支付违约金。"),
    ("第九条　争议解决",
     "因本合同引起的或与本合同有关的任何争议，双方应友好协商解决；协商不成的，任何一方均可向甲方所在地有管辖权的人民法院提起诉讼。"),
    ("第十条　其他",
     "本合同自双方签字盖章之日起生效，一式肆份，甲乙双方各执贰份，具有同等法律效力。本合同未尽事宜，双方可另行签订补充协议。"),
]


def render_contract(deal: Deal, stem: str) -> Rendered:
    buf = io.BytesIO()
    a, s = deal.applicant, deal.supplier
    c = L.new_canvas(buf, deal.contract_name, a.name)
    x, max_w = L.MARGIN, L.PAGE_W - 2 * L.MARGIN
    page = 1

    def need(y: float, space: float) -> float:
        nonlocal page
        if y - space < 70:
            L.footer(c, page)
            c.showPage()
            page += 1
            return L.PAGE_H - 70
        return y

    origin = "国产" if deal.card_model.domestic else "非国产"
    L.centred(c, L.PAGE_H - 80, deal.contract_name, 20)
    L.text(c, L.PAGE_W - 250, L.PAGE_H - 110, f"合同编号：{deal.contract_number}", 10.5)
    y = L.PAGE_H - 145
    for role, party in (("甲方（算力需求方）", a), ("乙方（算力供给方）", s)):
        L.text(c, x, y, f"{role}：{party.name}", 11)
        L.text(c, x + 24, y - 19, f"统一社会信用代码：{party.uscc}", 10.5)
        L.text(c, x + 24, y - 38, f"住所：{party.address}", 10.5)
        L.text(c, x + 24, y - 57, f"法定代表人：{party.legal_rep}", 10.5)
        y -= 84
    y = L.paragraph(c, x, y, "甲乙双方本着平等自愿、诚实信用的原则，经友好协商，就乙方向甲方提供智能算力租赁服务事宜，"
                    "根据《中华人民共和国民法典》及相关法律法规，签订本合同，以资共同遵守。", max_w, indent=True)
    y -= 6
    L.text(c, x, y, "第一条　服务内容", 11.5)
    y -= 22
    L.text(c, x + 24, y, f"算力卡型号：{deal.card_model.name}（{origin}）", 10.5)
    y -= 19
    L.text(c, x + 24, y, f"算力规模：{deal.cards}卡（{deal.cards // 8}台 × 8卡/台），服务方式：裸金属独占租用", 10.5)
    y -= 19
    L.text(c, x + 24, y, f"算力用途：{deal.purpose}", 10.5)
    y -= 19
    y = L.paragraph(c, x + 24, y, f"交付标的：乙方在其智算中心（{s.address}）为甲方开通上述智能算力资源，并提供7×24小时运维保障。",
                    max_w - 24)
    L.text(c, x, y, "第二条　服务期限", 11.5)
    y -= 22
    L.text(c, x + 24, y, f"服务期限：自{L.fmt_date(deal.term_start, pad=False)}至{L.fmt_date(deal.term_end, pad=False)}止。", 10.5)
    y -= 28
    y = need(y, 200)
    L.text(c, x, y, "第三条　服务费用", 11.5)
    y -= 22
    L.text(c, x + 24, y, f"单价：人民币{fmt(deal.unit_price)}元/卡时（不含税）", 10.5)
    y -= 19
    L.text(c, x + 24, y, f"算力总量：{deal.card_hours:,}卡时", 10.5)
    y -= 12
    cols = [L.Column("序号", 30), L.Column("服务项目", 118, "left"), L.Column("规格/型号", 90), L.Column("单位", 44),
            L.Column("数量", 62, "right"), L.Column("单价（元）", 54, "right"), L.Column("金额（元，不含税）", max_w - 398, "right")]
    rows = [[str(k + 1), line.contract_name, line.spec, line.unit, f"{line.quantity:,}", fmt(line.unit_price),
             fmt_grouped(line.amount)] for k, line in enumerate(deal.lines)]
    rows.append(["", "合计（不含税）", "", "", "", "", fmt_grouped(deal.amount_excl)])
    y = L.table(c, x, y, cols, rows, size=9, row_h=20) - 22
    y = L.paragraph(c, x + 24, y, f"增值税税率{TAX_RATE_TEXT}，税额人民币{fmt_grouped(deal.tax)}元。", max_w - 24)
    y = L.paragraph(c, x + 24, y, f"合同总价（含税）：人民币{fmt_grouped(deal.total)}元（大写：{amount_in_words(deal.total)}）。",
                    max_w - 24)
    y = need(y, 120)
    L.text(c, x, y, "第四条　结算与支付", 11.5)
    y -= 22
    y = L.paragraph(c, x + 24, y, "乙方按服务期分期开具增值税发票，甲方在收到合格发票后十五个工作日内支付相应款项至乙方指定账户：",
                    max_w - 24)
    for line in (f"户名：{s.name}", f"开户行：{s.bank_branch}", f"账号：{s.account}"):
        L.text(c, x + 48, y, line, 10.5)
        y -= 19
    y -= 6
    y = need(y, 80)
    L.text(c, x, y, "第五条　其他财政补贴情况说明", 11.5)
    y -= 22
    y = L.paragraph(c, x + 24, y, deal.other_subsidy_text, max_w - 24) - 4
    for title, body in _BOILERPLATE:
        y = need(y, 90)
        L.text(c, x, y, title, 11.5)
        y -= 22
        y = L.paragraph(c, x + 24, y, body, max_w - 24)
        y -= 4
    y = need(y, 200)
    y -= 10
    L.text(c, x, y, "（以下无正文，为签章页）", 10)
    y -= 50
    L.signature_block(c, x, y, "甲方", a.name, deal.signed_on)
    L.signature_block(c, x + 260, y, "乙方", s.name, deal.signed_on)
    y -= 90
    L.text(c, x, y, f"签订日期：{L.fmt_date(deal.signed_on, pad=False)}", 10.5)
    L.text(c, x + 260, y, f"签订地点：{a.city.name}", 10.5)
    L.footer(c, page)
    c.showPage()
    c.save()
    fields = {
        "contract_number": deal.contract_number,
        "buyer_name": a.name,
        "buyer_id": a.uscc,
        "supplier_name": s.name,
        "supplier_id": s.uscc,
        "signed_on": iso(deal.signed_on),
        "term_start": iso(deal.term_start),
        "term_end": iso(deal.term_end),
        "card_model": deal.card_model.name,
        "domestic": flag(deal.card_model.domestic),
        "card_hours": str(deal.card_hours),
        "unit_price": money(deal.unit_price),
        "total": money(deal.total),
        "other_subsidy_clause": "true",
    }
    items = [{"name": line.contract_name, "service": line.service, "amount": money(line.amount)} for line in deal.lines]
    return Rendered("contract", stem, buf.getvalue(), page, fields, items)
