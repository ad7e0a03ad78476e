"""Invoices: 数电发票 (电子发票（增值税专用发票）/（普通发票）) and the older 增值税电子普通发票.

Both carry the QR code the tax bureau prints (zxing-cpp reads it back in ingest): for 数电
``01,<type>,,<number>,<价税合计>,<YYYYMMDD>,,<check>``; for the older type 10
``01,10,<code>,<number>,<金额 excluding tax>,<YYYYMMDD>,<校验码>,<check>``.
"""

from __future__ import annotations

import hashlib
import io

from reportlab.lib.pagesizes import A4, landscape

from slq_desk.demo import layout as L
from slq_desk.demo.amount_words import amount_in_words
from slq_desk.demo.rendered import Rendered, iso, money
from slq_desk.demo.truth import Invoice
from slq_desk.money import fmt

TITLES = {
    "31": "电子发票（增值税专用发票）",
    "32": "电子发票（普通发票）",
    "10": "增值税电子普通发票",
}


def qr_payload(inv: Invoice) -> str:
    day = f"{inv.issue_date:%Y%m%d}"
    if inv.type_code == "10":
        body = f"01,10,{inv.code},{inv.number},{fmt(inv.amount)},{day},{inv.check_code}"
    else:
        body = f"01,{inv.type_code},,{inv.number},{fmt(inv.total)},{day},"
    check = hashlib.sha256(body.encode()).hexdigest()[:4].upper()
    return f"{body},{check}"


def words(inv: Invoice) -> str:
    return inv.words_override or amount_in_words(inv.total)


def render_invoice(inv: Invoice, stem: str) -> Rendered:
    buf = io.BytesIO()
    c = L.new_canvas(buf, TITLES[inv.type_code], inv.seller_name)
    c.setPageSize(landscape(A4))
    w, h = landscape(A4)
    brown = L.INVOICE_BROWN
    old = inv.type_code == "10"
    left, box_w = 40.0, w - 80.0

    L.image(c, L.qr_png(qr_payload(inv)), left + 6, h - 118, 78, 78)
    L.centred(c, h - 70, TITLES[inv.type_code], 21, brown, x=w / 2)
    title_w = L.width(TITLES[inv.type_code], 21)
    c.setStrokeColor(brown)
    for dy in (78, 81):
        c.line(w / 2 - title_w / 2, h - dy, w / 2 + title_w / 2, h - dy)
    c.setStrokeColor(L.black)
    info_x = w - 250
    if old:
        L.text(c, info_x, h - 52, f"发票代码：{inv.code}", 10)
        L.text(c, info_x, h - 68, f"发票号码：{inv.number}", 10)
        L.text(c, info_x, h - 84, f"开票日期：{L.fmt_date(inv.issue_date)}", 10)
        L.text(c, info_x, h - 100, f"校验码：{' '.join(inv.check_code[i:i + 5] for i in range(0, 20, 5))}", 10)
        L.text(c, left + 96, h - 110, f"机器编号：{int(hashlib.md5(inv.number.encode()).hexdigest()[:10], 16) % 10**12:012d}", 9)
    else:
        L.text(c, info_x, h - 62, f"发票号码：{inv.number}", 10.5)
        L.text(c, info_x, h - 82, f"开票日期：{L.fmt_date(inv.issue_date)}", 10.5)

    top = h - 125
    c.setStrokeColor(brown)
    c.setLineWidth(0.9)
    party_h = 78 if old else 62
    c.rect(left, top - party_h, box_w, party_h)
    c.line(left + box_w / 2, top, left + box_w / 2, top - party_h)
    for col_x, label in ((left, "购买方信息" if not old else "购买方"), (left + box_w / 2, "销售方信息" if not old else "销售方")):
        c.line(col_x + 22, top, col_x + 22, top - party_h)
        step = (party_h - 8) / len(label)
        for k, ch in enumerate(label):
            L.text(c, col_x + 6, top - 14 - k * step, ch, 10, brown)
    c.setStrokeColor(L.black)

    def party(x: float, name: str, tax_id: str) -> None:
        if old:
            L.text(c, x, top - 16, f"名称：{name}", 9.5)
            L.text(c, x, top - 34, f"纳税人识别号：{tax_id}", 9.5)
            L.text(c, x, top - 52, "地址、电话：", 9.5)
            L.text(c, x, top - 70, "开户行及账号：", 9.5)
        else:
            L.text(c, x, top - 22, f"名称：{name}", 10)
            L.text(c, x, top - 44, f"统一社会信用代码/纳税人识别号：{tax_id}", 10)

    party(left + 28, inv.buyer_name, inv.buyer_id)
    party(left + box_w / 2 + 28, inv.seller_name, inv.seller_id)

    item_title = "货物或应税劳务、服务名称" if old else "项目名称"
    widths = [196.0, 86.0, 64.0, 70.0, 76.0, 98.0, 70.0]
    widths.append(box_w - sum(widths))
    cols = [L.Column(item_title, widths[0], "left"), L.Column("规格型号", widths[1]), L.Column("单位", widths[2]),
            L.Column("数量", widths[3], "right"), L.Column("单价", widths[4], "right"),
            L.Column("金额", widths[5], "right"), L.Column("税率" if old else "税率/征收率", widths[6]),
            L.Column("税额", widths[7], "right")]
    rows = [[i.name, i.spec, i.unit, str(i.quantity), fmt(i.unit_price), fmt(i.amount), i.tax_rate, fmt(i.tax)]
            for i in inv.items]
    while len(rows) < 4:
        rows.append([""] * 8)
    y = L.table(c, left, top - party_h, cols, rows, size=9, row_h=19, line_color=brown)
    y = L.table(c, left, y, [L.Column("", sum(widths[:5]), "left"), L.Column("", widths[5], "right"),
                             L.Column("", widths[6]), L.Column("", widths[7], "right")],
                [["合　　计", f"¥{fmt(inv.amount)}", "", f"¥{fmt(inv.tax)}"]], size=9.5, row_h=20,
                header=False, line_color=brown)
    c.setStrokeColor(brown)
    c.rect(left, y - 26, box_w, 26)
    c.setStrokeColor(L.black)
    L.text(c, left + 6, y - 17, f"价税合计（大写）　{'ⓧ' if old else '⊗'}{words(inv)}", 10.5)
    L.text(c, left + box_w - 230, y - 17, f"（小写）¥{fmt(inv.total)}", 10.5)
    y -= 26
    remark_h = 52
    c.setStrokeColor(brown)
    c.rect(left, y - remark_h, box_w, remark_h)
    c.line(left + 22, y, left + 22, y - remark_h)
    c.setStrokeColor(L.black)
    for k, ch in enumerate("备注"):
        L.text(c, left + 6, y - 20 - k * 16, ch, 10, brown)
    model = inv.items[0].spec if inv.items else ""
    L.text(c, left + 30, y - 18, f"服务内容：{model}智能算力服务", 9)
    if inv.period:
        L.text(c, left + 30, y - 34, f"服务期间：{L.fmt_date(inv.period[0])}至{L.fmt_date(inv.period[1])}", 9)
    y -= remark_h
    if old:
        L.text(c, left + 10, y - 18, "收款人：", 10)
        L.text(c, left + 200, y - 18, "复核：", 10)
        L.text(c, left + 400, y - 18, f"开票人：{inv.drawer}", 10)
        L.text(c, left + 600, y - 18, "销售方：（章）", 10)
        L.stamp(c, left + 700, y + 30, inv.seller_name, "发票专用章", 88)
    else:
        L.text(c, left + 10, y - 18, f"开票人：{inv.drawer}", 10)
    c.showPage()
    c.save()
    fields = {
        "invoice_type": inv.type_code,
        "invoice_number": inv.number,
        "issue_date": iso(inv.issue_date),
        "buyer_name": inv.buyer_name,
        "buyer_id": inv.buyer_id,
        "seller_name": inv.seller_name,
        "seller_id": inv.seller_id,
        "amount": money(inv.amount),
        "tax": money(inv.tax),
        "total": money(inv.total),
        "total_in_words": words(inv),
    }
    if old:
        fields["invoice_code"] = inv.code
        fields["check_code"] = inv.check_code
    items = [{"name": i.name, "spec": i.spec, "unit": i.unit, "quantity": str(i.quantity),
              "unit_price": money(i.unit_price), "amount": money(i.amount), "tax_rate": i.tax_rate,
              "tax": money(i.tax)} for i in inv.items]
    return Rendered("invoice", stem, buf.getvalue(), 1, fields, items)
