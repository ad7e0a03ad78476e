"""Usage evidence: the supplier's log / settlement statement and the applicant's usage report.

A usage log has one row per day (or per job, with a 日小计 row per day); its rows are read on
every page, summed, and compared with the totals the statement prints — a log whose days do
not add up to its own total is a finding.
"""

from __future__ import annotations

import re
from decimal import Decimal

from slq_desk.extract.contract import split_origin
from slq_desk.extract.evidence import Extraction, Field, FindingData
from slq_desk.extract.find import (
    CELL,
    DATE,
    MONEY,
    date_str,
    first,
    label_pattern,
    money_str,
    parse_money,
    plain_number,
)
from slq_desk.extract.normalise import compact, spaced
from slq_desk.extract.table import find_header, read_rows
from slq_desk.extract.text import DocText, Line
from slq_desk.money import fmt

_PERIOD = re.compile(
    rf"(?:{'|'.join(spaced(w) for w in ('统计周期', '计费周期', '结算周期', '服务期间', '时间范围', '使用期间', '服务期限'))})"
    rf"\s*:?\s*自?\s*(?P<a>{DATE})\s*(?:至|到|-|~)\s*(?P<b>{DATE})")
_CARD = label_pattern(["算力卡型号", "卡型号", "GPU型号", "加速卡型号"], CELL)
_HOURS_TOTAL = label_pattern(["合计使用卡时", "合计卡时", "累计使用卡时", "总卡时", "已使用算力"],
                             r"[\d,]+(?=\s*卡时)")
_AMOUNT_TOTAL = label_pattern(["合计金额", "结算金额", "总金额"], rf"(?:{MONEY})")
_APPLICANT = label_pattern(["申报单位", "需求方", "单位名称(盖章)", "单位名称"], CELL, r"\s*:\s*")
_PURPOSE = label_pattern(["算力用途", "使用用途", "用途"], CELL, r"\s*:\s*")

DAY_COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("日期",),
    "job": ("作业编号", "任务编号", "订单号"),
    "unit_price": ("单价",),
    "card_hours": ("使用卡时", "卡时"),
    "amount": ("金额",),
}
_SUBTOTAL = "日小计"


def _period(out: Extraction, lines: list[Line]) -> None:
    hit = first(lines, _PERIOD, "a")
    if hit is None:
        return
    m = _PERIOD.search(hit.line.text)
    assert m is not None
    start, end = date_str(m.group("a")), date_str(m.group("b"))
    if start and end:
        out.put("period_start", Field(start, hit.line.page, hit.line.span_bbox(*m.span("a"))))
        out.put("period_end", Field(end, hit.line.page, hit.line.span_bbox(*m.span("b"))))


def _card(out: Extraction, lines: list[Line]) -> None:
    hit = first(lines, _CARD)
    if hit:
        model, _domestic = split_origin(hit.raw)
        out.put("card_model", hit.field(model))


def extract_usage_log(text: DocText) -> Extraction:
    out = Extraction(kind="usage_log")
    lines = list(text.lines())
    _period(out, lines)
    _card(out, lines)
    hit = first(lines, _HOURS_TOTAL)
    if hit and (value := plain_number(hit.text)):
        out.put("card_hours", hit.field(value))
    hit = first(lines, _AMOUNT_TOTAL)
    if hit and (value := money_str(hit.text)):
        out.put("amount", hit.field(value))
    for page in text.pages:
        _day_rows(out, page.lines)
    _check_sums(out)
    return out


def _day_rows(out: Extraction, lines: list[Line]) -> None:
    found = find_header(lines, DAY_COLUMNS, required=("date", "card_hours", "amount"))
    if found is None:
        return
    head, centres = found
    body = []
    for line in lines[head + 1:]:
        if re.match(r"^\s*合\s*计", line.text) or ":" in line.text:
            break
        body.append(line)
    for row in read_rows(body, centres, anchor="amount"):
        day = date_str(row.text("date") or "")
        if day is None:
            continue
        if "job" in centres and compact(row.text("job") or "") != _SUBTOTAL:
            continue
        hours = plain_number(row.text("card_hours") or "")
        amount = money_str(row.text("amount") or "")
        if hours is None or amount is None:
            continue
        out.items.append({
            "date": Field(day, row.page("date"), row.bbox("date")),
            "card_hours": Field(hours, row.page("card_hours"), row.bbox("card_hours")),
            "amount": Field(amount, row.page("amount"), row.bbox("amount")),
        })


def _check_sums(out: Extraction) -> None:
    if not out.items:
        return
    hours = sum((Decimal(i["card_hours"].value) for i in out.items), Decimal(0))
    amount = sum((parse_money(i["amount"].value) or Decimal(0) for i in out.items), Decimal(0))
    stated_hours = out.fields.get("card_hours")
    if stated_hours is not None and Decimal(stated_hours.value) != hours:
        out.findings.append(FindingData(
            "usage_sum_mismatch", "warn",
            f"逐日使用卡时合计 {hours} 与记录所载合计 {stated_hours.value} 不一致",
            f"the daily card-hours add up to {hours}, the log states {stated_hours.value}",
            stated_hours.page, stated_hours.bbox))
    stated_amount = out.fields.get("amount")
    if stated_amount is not None and parse_money(stated_amount.value) != amount:
        out.findings.append(FindingData(
            "usage_sum_mismatch", "warn",
            f"逐日金额合计 {fmt(amount)} 元与记录所载合计 {stated_amount.value} 元不一致",
            f"the daily amounts add up to {fmt(amount)}, the log states {stated_amount.value}",
            stated_amount.page, stated_amount.bbox))


def extract_usage_report(text: DocText) -> Extraction:
    out = Extraction(kind="usage_report")
    lines = list(text.lines())
    hit = first(lines, _APPLICANT)
    out.put("applicant_name", hit.field() if hit else None)
    _card(out, lines)
    hit = first(lines, _HOURS_TOTAL)
    if hit and (value := plain_number(hit.text)):
        out.put("card_hours", hit.field(value))
    _period(out, lines)
    hit = first(lines, _PURPOSE)
    out.put("purpose", hit.field() if hit else None)
    return out
