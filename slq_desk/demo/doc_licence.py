"""The business licence (营业执照) as applicants scan or download it: one page, framed."""

from __future__ import annotations

import io

from slq_desk.demo import layout as L
from slq_desk.demo.identities import Company
from slq_desk.demo.rendered import Rendered


def render_licence(company: Company, stem: str) -> Rendered:
    buf = io.BytesIO()
    c = L.new_canvas(buf, "营业执照", company.name)
    brown = L.INVOICE_BROWN
    c.setStrokeColor(brown)
    c.setLineWidth(4)
    c.rect(30, 60, L.PAGE_W - 60, L.PAGE_H - 110)
    c.setLineWidth(1)
    c.rect(38, 68, L.PAGE_W - 76, L.PAGE_H - 126)
    c.setStrokeColor(L.black)
    L.centred(c, L.PAGE_H - 130, "营　业　执　照", 30)
    L.centred(c, L.PAGE_H - 158, "（副　本）", 13)
    L.text(c, 70, L.PAGE_H - 200, f"统一社会信用代码：{company.uscc}", 11.5)
    L.image(c, L.qr_png(f"http://www.gsxt.gov.cn/{company.uscc}"), L.PAGE_W - 150, L.PAGE_H - 230, 70, 70)
    x, y = 80, L.PAGE_H - 270
    rows = [("名称", company.name), ("类型", "有限责任公司（自然人投资或控股）"), ("法定代表人", company.legal_rep),
            ("经营范围", company.scope), ("注册资本", f"{company.capital_wan}万元人民币"),
            ("成立日期", L.fmt_date(company.registered_on, pad=False)), ("营业期限", "长期"), ("住所", company.address)]
    for label, value in rows:
        lines = L.wrap(value, L.PAGE_W - 2 * x - 110, 11.5)
        L.text(c, x, y, f"{label}：{lines[0]}", 11.5)
        for more in lines[1:]:
            y -= 20
            L.text(c, x + 70, y, more, 11.5)
        y -= 30
    L.text(c, L.PAGE_W - 260, 150, f"登记机关：{company.city.name}市场监督管理局", 11.5)
    L.text(c, L.PAGE_W - 260, 126, L.fmt_date(company.registered_on, pad=False), 11.5)
    L.stamp(c, L.PAGE_W - 150, 150, f"{company.city.name}市场监督管理局", "", 110)
    L.centred(c, 80, "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn", 9, L.GREY)
    c.showPage()
    c.save()
    fields = {"name": company.name, "uscc": company.uscc, "legal_representative": company.legal_rep}
    return Rendered("business_licence", stem, buf.getvalue(), 1, fields)
