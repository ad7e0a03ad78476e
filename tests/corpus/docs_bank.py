"""Bank receipts (电子回单) in six styles, loosely after what the big banks' online banking prints.

Each style differs in what matters to an extractor: side-by-side payer/payee blocks or stacked
rows, ``金额：CNY 346,500.00`` / ``转账金额`` / ``交易金额(小写)``, dates as ``20260408``,
``2026年4月8日``, ``2026/04/08`` or ISO with a time, 用途 vs 摘要 vs 附言, 流水号 vs 交易序号.
Two styles are drawn with PyMuPDF rather than ReportLab, so the text layer differs too.
"""

from __future__ import annotations

from tests.corpus.model import Case, Company, Doc, Payment
from tests.corpus.pdfkit import Writer, fitz_doc, fitz_finish, fitz_page, seal_image
from tests.corpus.values import amount_in_words, cn_date, grouped, plain

RECEIPT_STYLES = ("icbc", "ccb", "abc", "cmb", "boc", "bocom")


def _truth(case: Case, p: Payment) -> dict[str, str]:
    a, s = case.applicant, case.supplier
    return {
        "payer_name": a.name, "payer_account": a.account, "payer_bank": a.bank,
        "payee_name": s.name, "payee_account": s.account, "payee_bank": s.bank,
        "amount": plain(p.amount), "amount_in_words": amount_in_words(p.amount),
        "pay_date": p.paid.isoformat(), "purpose": p.purpose, "serial_number": p.serial,
    }


def receipt(case: Case, p: Payment, name: str) -> Doc:
    fn = {"icbc": _icbc, "ccb": _ccb, "abc": _abc, "cmb": _cmb, "boc": _boc, "bocom": _bocom}
    data, pages = fn[p.bank_style](case.applicant, case.supplier, p)
    return Doc(name=name, data=data, kind="payment_receipt", fields=_truth(case, p),
               pages=pages, style=f"receipt-{p.bank_style}",
               field_pages={k: 1 for k in _truth(case, p)})


def _half_a4() -> tuple[float, float]:
    return (595.0, 400.0)


def _icbc(a: Company, s: Company, p: Payment) -> tuple[bytes, int]:
    """Two columns side by side: 付款人 | 收款人, each with 户名/账号/开户银行."""
    w = Writer("网上银行电子回单", pagesize=_half_a4(), margin=30)
    w.text(297, 40, "中国工商银行  网上银行电子回单", 15, anchor="c", color=(0.7, 0, 0))
    w.text(40, 66, f"电子回单号码：{p.serial}", 9)
    w.text(555, 66, f"打印日期：{p.paid:%Y-%m-%d}", 9, anchor="r")
    x0, y0 = 40.0, 76.0
    cw = [24, 52, 180, 24, 52, 183]
    rows = [("户名", a.name, s.name), ("账号", a.account, s.account), ("开户银行", a.bank, s.bank)]
    rh = 26
    w.rect(x0, y0, sum(cw), rh * 3)
    w.rect(x0, y0, cw[0], rh * 3)
    w.rect(x0 + cw[0] + cw[1] + cw[2], y0, cw[3], rh * 3)
    for i, ch in enumerate("付款人"):
        w.text(x0 + 12, y0 + 22 + i * 22, ch, 10, anchor="c")
    for i, ch in enumerate("收款人"):
        w.text(x0 + cw[0] + cw[1] + cw[2] + 12, y0 + 22 + i * 22, ch, 10, anchor="c")
    for r, (label, left, right) in enumerate(rows):
        yy = y0 + r * rh
        w.rect(x0 + cw[0], yy, cw[1], rh)
        w.rect(x0 + cw[0] + cw[1], yy, cw[2], rh)
        xr = x0 + cw[0] + cw[1] + cw[2] + cw[3]
        w.rect(xr, yy, cw[4], rh)
        w.rect(xr + cw[4], yy, cw[5], rh)
        w.text(x0 + cw[0] + 4, yy + 17, label, 9)
        w.text(x0 + cw[0] + cw[1] + 4, yy + 17, left, 8.5 if len(left) > 16 else 9)
        w.text(xr + 4, yy + 17, label, 9)
        w.text(xr + cw[4] + 4, yy + 17, right, 8.5 if len(right) > 16 else 9)
    y = y0 + rh * 3
    extra = [("金额", f"¥{grouped(p.amount)}"), ("金额（大写）", f"人民币{amount_in_words(p.amount)}"),
             ("用途", p.purpose), ("交易时间", f"{p.paid:%Y-%m-%d} 10:{p.paid.day:02d}:37"),
             ("业务种类", "跨行转账"), ("备注", "")]
    for label, value in extra:
        w.rect(x0, y, cw[0] + cw[1], 22)
        w.rect(x0 + cw[0] + cw[1], y, sum(cw[2:]), 22)
        w.text(x0 + 4, y + 15, label, 9)
        w.text(x0 + cw[0] + cw[1] + 4, y + 15, value, 9.5)
        y += 22
    w.image(seal_image("中国工商银行股份有限公司", "电子回单专用章", 3), 440, 250, 86, 86)
    w.text(40, y + 26, "本回单仅证明客户指令已处理，不作为收款方发货依据。", 8)
    return w.finish(), 1


def _ccb(a: Company, s: Company, p: Payment) -> tuple[bytes, int]:
    """Stacked rows 付款人全称/账号/开户行 then 收款人…; ``金额：CNY 346,500.00``; date 20260408."""
    w = Writer("中国建设银行单位客户专用回单", pagesize=_half_a4(), margin=30)
    w.text(297, 38, "中国建设银行  单位客户专用回单", 14, anchor="c", color=(0, 0.2, 0.55))
    w.text(40, 60, f"币别：人民币    日期：{p.paid:%Y%m%d}    交易序号：{p.serial}", 9)
    rows = [
        ["付款人全称", a.name], ["付款人账号", a.account], ["付款人开户行", a.bank],
        ["收款人全称", s.name], ["收款人账号", s.account], ["收款人开户行", s.bank],
        ["金额", f"CNY {grouped(p.amount)}"], ["大写金额", amount_in_words(p.amount)],
        ["摘要", p.purpose],
    ]
    w.y = 70
    w.table([110, 405], rows, size=9.5, x=40, header_fill=False)
    w.text(40, w.y + 14, "记账柜员：EB0012    授权柜员：    打印次数：1", 8.5)
    w.image(seal_image("中国建设银行股份有限公司", "业务专用章", 5), 470, 280, 80, 80)
    return w.finish(), 1


def _abc(a: Company, s: Company, p: Payment) -> tuple[bytes, int]:
    """Key/value list down the page; ``交易金额(小写)`` and 大写; ``2026年4月8日``; 附言."""
    w = Writer("中国农业银行网上银行电子回单", margin=50)
    w.text(297, 70, "中国农业银行网上银行电子回单", 16, anchor="c", color=(0, 0.45, 0.3))
    w.line(50, 82, 545, 82, 1.2, (0, 0.45, 0.3))
    items = [
        ("回单编号", p.serial), ("交易日期", cn_date(p.paid)), ("付款方户名", a.name),
        ("付款方账号", a.account), ("付款方开户行", a.bank), ("收款方户名", s.name),
        ("收款方账号", s.account), ("收款方开户行", s.bank),
        ("交易金额(小写)", plain(p.amount)), ("交易金额(大写)", amount_in_words(p.amount)),
        ("附言", p.purpose), ("交易渠道", "企业网银"),
    ]
    y = 110
    for label, value in items:
        w.text(80, y, f"{label}：", 10.5)
        w.text(200, y + 1.2, value, 10.5)  # the value sits a little lower, as printed
        y += 24
    w.image(seal_image("中国农业银行股份有限公司", "电子回单专用章", 7), 400, y - 60, 100, 100)
    return w.finish(), 1


def _cmb(a: Company, s: Company, p: Payment) -> tuple[bytes, int]:
    """招商银行 style: ``转账金额：￥346,500.00``; ``2026/04/08``; 流水号; names in two boxes."""
    w = Writer("招商银行业务回单", pagesize=_half_a4(), margin=30)
    w.text(40, 40, "招商银行", 15, color=(0.75, 0, 0.1))
    w.text(297, 42, "业 务 回 单（付 款）", 13, anchor="c")
    w.text(555, 40, f"流水号：{p.serial}", 8.5, anchor="r")
    w.text(40, 64, f"交易日期：{p.paid:%Y/%m/%d}", 9.5)
    w.rect(40, 74, 255, 90)
    w.rect(300, 74, 255, 90)
    w.text(48, 92, "付款人", 10)
    w.text(308, 92, "收款人", 10)
    for i, (label, av, sv) in enumerate(
        [("名称", a.name, s.name), ("账号", a.account, s.account), ("开户行", a.bank, s.bank)]
    ):
        yy = 114 + i * 20
        w.text(48, yy, f"{label}：{av}", 8.8)
        w.text(308, yy, f"{label}：{sv}", 8.8)
    w.text(40, 190, f"转账金额：￥{grouped(p.amount)}", 11)
    w.text(300, 190, f"人民币（大写）{amount_in_words(p.amount)}", 9.5)
    w.text(40, 214, f"用途：{p.purpose}", 9.5)
    w.text(40, 236, "业务类型：企业银行支付    渠道：网上企业银行", 9)
    w.image(seal_image("招商银行股份有限公司", "业务专用章", 9), 450, 230, 80, 80)
    return w.finish(), 1


def _boc(a: Company, s: Company, p: Payment) -> tuple[bytes, int]:
    """PyMuPDF-drawn; payee block above payer block; ``RMB 346,500.00``; ISO date with time."""
    doc = fitz_doc()
    page = fitz_page(doc, 595, 420)
    red = (0.65, 0.05, 0.1)

    def t(x: float, y: float, s_: str, size: float = 9.5, color: tuple[float, float, float] = (0, 0, 0)) -> None:
        page.insert_text((x, y), s_, fontname="cjk", fontsize=size, color=color)

    t(190, 40, "中国银行  国内支付业务付款回单", 14, red)
    t(40, 64, f"交易流水号：{p.serial}")
    t(360, 64, f"日期：{p.paid.isoformat()} 14:{p.paid.month:02d}:05")
    page.draw_rect((38, 72, 557, 250), color=red, width=0.8)
    y = 92.0
    for label, value in (("收款人名称", s.name), ("收款人账号", s.account), ("收款人开户行", s.bank),
                         ("付款人名称", a.name), ("付款人账号", a.account), ("付款人开户行", a.bank)):
        t(46, y, label)
        t(140, y + 0.8, value)
        y += 22
    page.draw_line((38, 149), (557, 149), color=red, width=0.5)
    t(46, 272, f"金额：RMB {grouped(p.amount)}", 11)
    t(300, 272, f"金额大写：人民币{amount_in_words(p.amount)}", 9.5)
    t(46, 296, f"附言：{p.purpose}")
    t(46, 320, "本回单为电子回单，可通过中国银行网站验证真伪。", 8)
    return fitz_finish(doc), 1


def _bocom(a: Company, s: Company, p: Payment) -> tuple[bytes, int]:
    """PyMuPDF-drawn grid: label cells and value cells in separate passes (separate layers)."""
    doc = fitz_doc()
    page = fitz_page(doc, 595, 400)
    blue = (0.0, 0.22, 0.5)
    page.insert_text((200, 42), "交通银行电子回单凭证", fontname="cjk", fontsize=15, color=blue)
    labels = ["付款账号", "付款户名", "付款行名", "收款账号", "收款户名", "收款行名",
              "交易金额", "金额大写", "会计日期", "交易流水", "摘要"]
    values = [a.account, a.name, a.bank, s.account, s.name, s.bank, grouped(p.amount),
              amount_in_words(p.amount), p.paid.strftime("%Y%m%d"), p.serial, p.purpose]
    y0 = 60.0
    # Pass 1: the form (labels and rules).
    for i, label in enumerate(labels):
        y = y0 + i * 24
        page.draw_rect((40, y, 555, y + 24), color=blue, width=0.5)
        page.draw_line((130, y), (130, y + 24), color=blue, width=0.5)
        page.insert_text((46, y + 16), label, fontname="cjk", fontsize=9.5, color=blue)
    # Pass 2: the values, printed later at a slightly different baseline.
    for i, value in enumerate(values):
        y = y0 + i * 24
        page.insert_text((138, y + 17.6), value, fontname="cjk", fontsize=10)
    return fitz_finish(doc), 1
