"""Usage evidence: the supplier's usage log / settlement statement (算力使用记录/结算单) with one
row per day, and the applicant's usage report (Hunan 附件4 算力资源使用报告 style).

The log can also be written at job granularity (several rows per day with a daily subtotal) to
build the very long documents the ingest benchmark needs.
"""

from __future__ import annotations

import io
import random
from collections import defaultdict
from datetime import date
from decimal import Decimal
from itertools import pairwise

from slq_desk.demo import layout as L
from slq_desk.demo.rendered import Rendered, iso, money
from slq_desk.demo.truth import Deal, UsageDay
from slq_desk.money import ZERO, fmt, fmt_grouped, to_fen

ROWS_PER_PAGE = 40
FIRST_PAGE_ROWS = 33  # the first page also carries the title and the statement's header


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    cuts = sorted(rng.randrange(0, total + 1) for _ in range(parts - 1))
    return [b - a for a, b in pairwise([0, *cuts, total])]


def render_usage_log(deal: Deal, stem: str, title: str = "算力服务使用记录（结算单）", jobs_per_day: int = 1,
                     seed: str = "") -> Rendered:
    """Daily rows (``jobs_per_day`` = 1) or job rows with a 日小计 per day."""
    buf = io.BytesIO()
    c = L.new_canvas(buf, title, deal.supplier.name)
    x, w = L.MARGIN, L.PAGE_W - 2 * L.MARGIN
    usage = deal.usage
    rows: list[list[str]] = []
    if jobs_per_day <= 1:
        cols = [L.Column("日期", 78), L.Column("算力卡型号", 96), L.Column("在用卡数", 58, "right"),
                L.Column("使用卡时", 70, "right"), L.Column("单价（元/卡时）", 86, "right"),
                L.Column("金额（元，不含税）", w - 388, "right")]
        for day in usage:
            cards = -(-day.card_hours // 24)
            rows.append([day.day.isoformat(), deal.card_model.name, str(cards), str(day.card_hours), fmt(deal.unit_price),
                         fmt(day.amount)])
    else:
        rng = random.Random(f"jobs:{seed}")
        cols = [L.Column("日期", 76), L.Column("作业编号", 110), L.Column("实例", 90), L.Column("卡数", 44, "right"),
                L.Column("卡时", 70, "right"), L.Column("金额（元，不含税）", w - 390, "right")]
        for day in usage:
            parts = _split(rng, day.card_hours, jobs_per_day)
            for k, hours in enumerate(parts):
                rows.append([day.day.isoformat(), f"JOB-{day.day:%m%d}-{k + 1:04d}", f"node-{rng.randrange(1, 400):03d}",
                             str(min(8, max(1, hours // 24 or 1))), str(hours), fmt(to_fen(hours * deal.unit_price))])
            rows.append([day.day.isoformat(), "日小计", "", "", str(day.card_hours), fmt(day.amount)])
    total_hours = sum(d.card_hours for d in usage)
    total_amount = sum((d.amount for d in usage), ZERO)
    chunks = [rows[:FIRST_PAGE_ROWS]] + [rows[i:i + ROWS_PER_PAGE] for i in range(FIRST_PAGE_ROWS, len(rows), ROWS_PER_PAGE)]
    if len(chunks[-1]) > (FIRST_PAGE_ROWS if len(chunks) == 1 else ROWS_PER_PAGE) - 6:
        chunks.append([])  # the totals and the stamp need room below the last rows
    pages = len(chunks)
    for page, chunk in enumerate(chunks):
        y = L.PAGE_H - 60
        if page == 0:
            L.centred(c, y, title, 17)
            y -= 30
            for line in (f"需求方：{deal.applicant.name}", f"供给方：{deal.supplier.name}",
                         f"合同编号：{deal.contract_number}",
                         f"算力卡型号：{deal.card_model.name}　计费单价：{fmt(deal.unit_price)}元/卡时（不含税）",
                         f"统计周期：{L.fmt_date(usage[0].day)}至{L.fmt_date(usage[-1].day)}"):
                L.text(c, x, y, line, 10)
                y -= 17
            y -= 4
        else:
            L.text(c, x, y, f"{title}（续）　合同编号：{deal.contract_number}", 9, L.GREY)
            y -= 14
        if chunk:
            y = L.table(c, x, y, cols, chunk, size=8.5, row_h=15.5)
        if page == pages - 1:
            y -= 22
            L.text(c, x, y, f"合计使用卡时：{total_hours}卡时", 10.5)
            L.text(c, x + 230, y, f"合计金额：{fmt(total_amount)}元（不含税）", 10.5)
            y -= 26
            L.text(c, x, y, f"出具单位（盖章）：{deal.supplier.name}", 10.5)
            L.text(c, x, y - 20, f"出具日期：{L.fmt_date(usage[-1].day)}", 10.5)
            L.stamp(c, x + 200, y - 34, deal.supplier.name, "业务专用章", 96)
        L.footer(c, page + 1, pages)
        c.showPage()
    c.save()
    fields = {
        "period_start": iso(usage[0].day),
        "period_end": iso(usage[-1].day),
        "card_model": deal.card_model.name,
        "card_hours": str(total_hours),
        "amount": money(total_amount),
    }
    items = [{"date": iso(d.day), "card_hours": str(d.card_hours), "amount": money(d.amount)} for d in usage]
    return Rendered("usage_log", stem, buf.getvalue(), pages, fields, items)


def monthly(usage: list[UsageDay]) -> list[tuple[str, int, str]]:
    """(月份, card-hours, grouped amount) per calendar month, in order."""
    hours: dict[str, int] = defaultdict(int)
    amounts: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for d in usage:
        key = f"{d.day.year}年{d.day.month:02d}月"
        hours[key] += d.card_hours
        amounts[key] += d.amount
    return [(k, hours[k], fmt_grouped(amounts[k])) for k in hours]


def render_usage_report(deal: Deal, stem: str, signed: date) -> Rendered:
    """Hunan 附件4 算力资源使用报告: the applicant's own account of what it used."""
    buf = io.BytesIO()
    a, s = deal.applicant, deal.supplier
    c = L.new_canvas(buf, "算力资源使用报告", a.name)
    x, w = L.MARGIN, L.PAGE_W - 2 * L.MARGIN
    origin = "国产" if deal.card_model.domestic else "非国产"
    usage = deal.usage
    L.centred(c, L.PAGE_H - 80, "算力资源使用报告", 19)
    y = L.PAGE_H - 118
    y = L.paragraph(c, x, y, f"因{deal.project_name}项目需要，{a.name}现拟兑付算力补贴，具体算力资源使用情况说明如下：", w, indent=True)
    L.text(c, x, y, "一、公司简介", 12)
    y -= 24
    y = L.paragraph(c, x, y, f"{a.name}成立于{L.fmt_date(a.registered_on, pad=False)}，注册资本{a.capital_wan}万元，为民营企业，"
                    f"主营业务为人工智能应用软件开发与行业大模型解决方案。公司持续加大在人工智能领域的投入，年度算力需求计划约"
                    f"{deal.card_hours * 2:,}卡时。", w, indent=True)
    L.text(c, x, y, "二、算力资源使用情况", 12)
    y -= 24
    for line in (f"申报单位：{a.name}", f"合作双方：甲方{a.name}；乙方{s.name}", f"合同编号：{deal.contract_number}",
                 "服务内容：智能算力租赁服务", f"算力卡型号：{deal.card_model.name}（{origin}）",
                 f"时间范围：{L.fmt_date(usage[0].day)}至{L.fmt_date(usage[-1].day)}",
                 f"服务定价：{fmt(deal.unit_price)}元/卡时（不含税）", f"合同总额：人民币{fmt_grouped(deal.total)}元（含税）",
                 f"已使用算力：{deal.card_hours}卡时", f"算力用途：{deal.purpose}"):
        L.text(c, x + 24, y, line, 10.5)
        y -= 19
    y -= 6
    y = L.table(c, x + 24, y, [L.Column("月份", 120), L.Column("使用卡时", 120, "right"), L.Column("金额（元，不含税）", w - 264, "right")],
                [[m, f"{h:,}", amt] for m, h, amt in monthly(usage)], size=9.5, row_h=19) - 24
    y = L.paragraph(c, x, y, "算力真实性使用证明：随附算力供给方出具的算力服务使用记录（结算单）、系统订单截图及系统日志，均已加盖公章。", w,
                    indent=True)
    L.text(c, x, y, "三、价值及成效", 12)
    y -= 24
    y = L.paragraph(c, x, y, f"{deal.project_name}项目立足本地产业数字化转型需求，依托上述算力完成行业模型的精调与推理部署，"
                    "模型在目标场景的准确率提升约12个百分点，已在三家合作单位开展示范应用，助力行业提质增效。", w, indent=True)
    y -= 20
    L.text(c, x + 250, y, f"单位名称（盖章）：{a.name}", 10.5)
    L.text(c, x + 250, y - 22, L.fmt_date(signed, pad=False), 10.5)
    L.stamp(c, x + 380, y - 10, a.name, "", 110)
    L.footer(c, 1, 1)
    c.showPage()
    c.save()
    fields = {
        "applicant_name": a.name,
        "card_model": deal.card_model.name,
        "card_hours": str(deal.card_hours),
        "period_start": iso(usage[0].day),
        "period_end": iso(usage[-1].day),
        "purpose": deal.purpose,
    }
    return Rendered("usage_report", stem, buf.getvalue(), 1, fields, [])
