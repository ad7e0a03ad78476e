"""Bank payment receipts (网上银行电子回单) for the applicant's transfers to the supplier."""

from __future__ import annotations

import io

from slq_desk.demo import layout as L
from slq_desk.demo.amount_words import amount_in_words
from slq_desk.demo.rendered import Rendered, iso, money
from slq_desk.demo.truth import Payment
from slq_desk.money import fmt


def render_payment(pay: Payment, stem: str) -> Rendered:
    buf = io.BytesIO()
    bank = pay.payer.bank
    c = L.new_canvas(buf, f"{bank}电子回单", bank)
    x, w = L.MARGIN, L.PAGE_W - 2 * L.MARGIN
    top = L.PAGE_H - 70
    L.centred(c, top, f"{bank}网上银行电子回单", 17)
    L.text(c, x, top - 30, f"回单编号：{pay.serial[-12:]}", 9.5)
    L.text(c, x + w - 190, top - 30, f"交易日期：{pay.pay_date.isoformat()}", 9.5)
    half = w / 2
    label_w = 22.0
    y = top - 40
    c.setLineWidth(0.8)
    c.rect(x, y - 84, w, 84)
    c.line(x + half, y, x + half, y - 84)
    for col_x, label, party, account in ((x, "付款人", pay.payer, pay.payer.account), (x + half, "收款人", pay.payee, pay.payee.account)):
        c.line(col_x + label_w, y, col_x + label_w, y - 84)
        for k, ch in enumerate(label):
            L.text(c, col_x + 6, y - 24 - k * 20, ch, 10)
        L.text(c, col_x + label_w + 6, y - 20, f"户名：{party.name}", 9)
        L.text(c, col_x + label_w + 6, y - 44, f"账号：{account}", 9)
        L.text(c, col_x + label_w + 6, y - 68, f"开户行：{party.bank_branch}", 9)
    y -= 84
    pairs = [
        ("金额（小写）", f"¥{fmt(pay.amount)}"),
        ("金额（大写）", f"人民币{amount_in_words(pay.amount)}"),
        ("币种", "人民币"),
        ("交易渠道", "企业网上银行"),
        ("用途", pay.purpose),
        ("摘要", "转账支付"),
        ("交易流水号", pay.serial),
        ("记账时间", f"{pay.pay_date.isoformat()} 10:{int(pay.serial[-2:]) % 60:02d}:{int(pay.serial[-4:-2]) % 60:02d}"),
    ]
    y = L.table(c, x, y, [L.Column("", 90, "left"), L.Column("", w - 90, "left")],
                [[k, v] for k, v in pairs], size=9.5, row_h=21, header=False)
    L.text(c, x, y - 22, "本回单为电子回单，可通过网上银行验证真伪；重复打印无效。", 8.5, L.GREY)
    L.stamp(c, x + w - 70, y + 40, f"{bank}", "电子回单专用章", 100)
    c.showPage()
    c.save()
    fields = {
        "payer_name": pay.payer.name,
        "payer_account": pay.payer.account,
        "payee_name": pay.payee.name,
        "payee_account": pay.payee.account,
        "amount": money(pay.amount),
        "pay_date": iso(pay.pay_date),
        "purpose": pay.purpose,
    }
    return Rendered("payment_receipt", stem, buf.getvalue(), 1, fields, [])
