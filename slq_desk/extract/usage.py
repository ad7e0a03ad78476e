"""Usage evidence: the supplier's log / settlement sheet and the applicant's usage report.

A log or settlement sheet has one row per day, per job (with a 日小计 row per day) or per month;
its rows are read on every page, summed, and compared with the totals it prints — a sheet whose
rows do not add up to its own total is a finding. When no total is printed, the 合计 row of the
table stands for it. A usage report is prose: the period, the card-hours, the amount paid and
the card are found in its sentences ("累计使用算力28,500卡时", "共计人民币34.2万元").
"""

from __future__ import annotations

import re
from decimal import Decimal

from slq_desk.extract.catalogue import find_in
from slq_desk.extract.contract import split_origin
from slq_desk.extract.evidence import Extraction, Field, FindingData
from slq_desk.extract.find import (
    AMOUNT,
    DATE,
    Block,
    Hit,
    amount_str,
    date_str,
    first,
    parse_money,
    plain_number,
)
from slq_desk.extract.geometry import find_value
from slq_desk.extract.normalise import compact, spaced
from slq_desk.extract.table import find_header, read_rows
from slq_desk.extract.text import DocText, Line
from slq_desk.money import fmt

TEXT = r"[^\t]+?(?=\t|$|\s+[^\s:]{1,15}:)"
_PERIOD_WORDS = ("统计区间", "统计周期", "计费周期", "结算周期", "服务期间", "时间范围", "使用期间", "服务期限",
                 "账期", "结算期间", "对账周期", "对账期间", "使用时段", "计费期间", "统计期间",
                 "使用周期", "服务周期", "期间")
_PERIOD = re.compile(
    rf"(?:{'|'.join(spaced(w) for w in _PERIOD_WORDS)})[^\t\d]{{0,6}}?(?P<a>{DATE})\s*(?:起)?\s*"
    rf"(?:至|到|-|~|—|－)\s*(?P<b>{DATE})")
_PERIOD_PROSE = re.compile(rf"(?:自|于|从|在)?\s*(?P<a>{DATE})\s*(?:起)?\s*(?:至|到|~|—)\s*(?P<b>{DATE})")
_CARD_LABELS = ("算力卡型号", "加速卡型号", "GPU型号", "卡型号", "资源型号", "资源类型", "卡型", "型号")
_HOURS_WORDS = ("合计使用卡时", "合计卡时", "累计使用卡时", "累计使用算力", "累计使用", "总卡时",
                "已使用算力", "使用总量", "合计用量", "卡时合计", "总用量", "共计使用", "共使用",
                "使用算力", "合计", "总计", "共计", "累计")
_HOURS = re.compile(
    rf"(?:{'|'.join(spaced(w) for w in _HOURS_WORDS)})[^\t\d]{{0,8}}?"
    r"(?P<v>\d[\d,]*(?:\.\d+)?)\s*(?P<wan>万)?\s*(?:个)?\s*卡\s*[·*×xX]?\s*(?:时|小时)")
_AMOUNT_LABELS = ("合计金额", "结算金额合计", "结算总金额", "结算金额", "总金额", "应付金额",
                  "费用合计", "本期应付", "金额合计", "应结算金额", "服务费合计")
_AMOUNT_PROSE = re.compile(
    rf"(?:费用|金额|服务费|费)[^\t\d。]{{0,12}}?(?:共计|合计|总计|累计|为|计)[^\t\d。]{{0,6}}?"
    rf"(?P<v>{AMOUNT})")
_APPLICANT = ("申报单位", "需求方", "使用单位", "用户单位", "单位名称(盖章)", "单位名称", "客户名称",
              "客户", "租户名称", "租户", "用户名称", "账户名称")
_APPLICANT_PROSE = re.compile(r"(?:我单位|我公司|本单位|本公司)\s*\((?P<v>[^)]{4,40})\)")
_PURPOSE = ("算力用途", "使用用途", "用途", "应用场景", "使用场景")
_PURPOSE_PROSE = re.compile(r"(?:用于|开展|进行)(?P<v>[^,，。;；\t]{4,40}?)(?:[,，。;；]|$)")

ROW_COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("使用日期", "计费日期", "开始时间", "结算月份", "计费月份", "账单月份", "计费期间", "结算期间", "月份",
             "账期", "日期", "时间", "期间", "月度"),
    "job": ("作业编号", "任务编号", "订单号", "作业ID", "任务ID"),
    "unit_price": ("单价",),
    "card_hours": ("使用卡时", "计费卡时", "算力使用量", "使用量", "用量", "卡时"),
    "amount": ("结算金额", "应付金额", "金额", "费用", "小计"),
}
_SUBTOTAL = "日小计"
_MONTH = re.compile(r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*月?$")


def _period(out: Extraction, lines: list[Line], prose: bool = False) -> None:
    for pattern in ((_PERIOD, _PERIOD_PROSE) if prose else (_PERIOD,)):
        for line in lines:
            for m in pattern.finditer(line.text):
                start, end = date_str(m.group("a")), date_str(m.group("b"))
                if start and end and start <= end:
                    out.put("period_start", Field(start, line.page, line.span_bbox(*m.span("a"))))
                    out.put("period_end", Field(end, line.page, line.span_bbox(*m.span("b"))))
                    return


_MAKER_BEFORE = re.compile(r"(?:NVIDIA|英伟达|华为|昇腾|海光|寒武纪|昆仑芯|沐曦|壁仞|摩尔线程|天数智芯|"
                           r"燧原)\s*(?:DCU\s*)?$", re.IGNORECASE)


def _with_maker(text: str, start: int) -> int:
    """Where the model at ``start`` begins once the maker printed just before it is counted
    ("寒武纪MLU370-X8", "NVIDIA H20")."""
    m = _MAKER_BEFORE.search(text[max(0, start - 8):start])
    return max(0, start - 8) + m.start() if m is not None else start


def _models_span(text: str) -> tuple[int, int] | None:
    """The span of every card ``text`` names, makers included: "昇腾910B、NVIDIA H20" is two
    cards and the log is for both."""
    found = find_in(text)
    if found is None:
        return None
    start, end = _with_maker(text, found[1]), found[2]
    while True:
        rest = text[end:]
        more = re.match(r"\s*(?:、|,|，|/|和|及|\+)\s*", rest)
        if more is None:
            break
        following = find_in(rest[more.end():], brands=False)
        if following is None or following[1] > 8:
            break
        end += more.end() + following[2]
    return start, end


def _card(out: Extraction, lines: list[Line]) -> None:
    hit = find_value(lines, _CARD_LABELS, TEXT)
    if hit is not None:
        span = _models_span(hit.text)
        if span is not None:
            out.put("card_model", Hit(hit.line, hit.start + span[0], hit.start + span[1]).field())
            return
    for line in lines:
        found = find_in(line.text, brands=False)
        if found is not None:
            out.put("card_model", Hit(line, _with_maker(line.text, found[1]), found[2]).field())
            return
    if hit is not None:
        model, _domestic = split_origin(hit.raw)
        if re.search(r"\d", model):
            out.put("card_model", hit.field(model))


def _hours(out: Extraction, lines: list[Line]) -> None:
    for line in lines:
        m = _HOURS.search(line.text)
        if m is None:
            continue
        value = plain_number(m.group("v"))
        if value is None:
            continue
        if m.group("wan"):
            value = format((Decimal(value) * 10000).normalize(), "f")
        out.put("card_hours", Field(value, line.page, line.span_bbox(*m.span("v"))))
        return


def _amount(out: Extraction, lines: list[Line], prose: bool) -> None:
    hit = find_value(lines, _AMOUNT_LABELS, AMOUNT, below=False)
    if hit is None and prose:
        hit = first(lines, _AMOUNT_PROSE)
    if hit is not None and (value := amount_str(hit.text)):
        out.put("amount", hit.field(value))


def extract_usage_log(text: DocText) -> Extraction:
    out = Extraction(kind="usage_log")
    lines = list(text.lines())
    hit = find_value(lines, _APPLICANT, TEXT, below=False)
    out.put("applicant_name", hit.field() if hit else None)
    hit = find_value(lines, ("合同编号", "合同号", "协议编号"), r"[A-Za-z0-9][A-Za-z0-9_\-/]*[A-Za-z0-9]")
    out.put("contract_number", hit.field() if hit else None)
    _period(out, lines)
    _card(out, lines)
    _hours(out, lines)
    _amount(out, lines, prose=False)
    totals: dict[str, Field] = {}
    carried: tuple[dict[str, float], bool] | None = None
    for page in text.pages:
        carried = _rows(out, page.lines, totals, carried)
    for name, found in totals.items():
        out.put(name, found)
    if out.items and "card_hours" not in out.fields and "amount" not in out.fields:
        # No total printed anywhere: the rows' sum, marked as computed.
        first_row = out.items[0]
        hours = sum((Decimal(i["card_hours"].value) for i in out.items), Decimal(0))
        money = sum((parse_money(i["amount"].value) or Decimal(0) for i in out.items), Decimal(0))
        out.put("card_hours", Field(format(hours.normalize(), "f"), first_row["card_hours"].page,
                                    first_row["card_hours"].bbox, source="computed"))
        out.put("amount", Field(fmt(money), first_row["amount"].page, first_row["amount"].bbox,
                                source="computed"))
    if "period_start" not in out.fields:
        _period(out, lines, prose=True)
    if "amount_includes_tax" not in out.fields:
        # A note under the table says it ("费用为不含税金额", "以上金额均含税").
        hit = first(lines, _TAX_NOTE, 0)
        if hit is not None:
            out.put("amount_includes_tax", hit.field("false" if "不含" in hit.text else "true"))
    _check_sums(out)
    return out


_TAX_NOTE = re.compile(r"(?:费用|金额|价格|单价|结算额)(?:均|均为|为|已|皆)?\s*(?:不含税|含税)"
                       r"|(?:不含税|含税)(?:金额|费用|价格)")


def _rows(out: Extraction, lines: list[Line], totals: dict[str, Field],
          carried: tuple[dict[str, float], bool] | None = None
          ) -> tuple[dict[str, float], bool] | None:
    """The rows on one page; a table that runs on from the previous page keeps its columns
    (returned, to be carried to the next page)."""
    found = find_header(lines, ROW_COLUMNS, required=("date", "card_hours", "amount"))
    if found is None:
        if carried is None or not lines:
            return None
        head, (centres, in_wan) = -1, carried
    else:
        head, centres = found
        header = compact(" ".join(ln.text for ln in lines[max(0, head - 1):head + 2]))
        in_wan = bool(re.search(r"金额\(?万元|费用\(?万元", header))
        _tax_basis(out, lines[head], header)
    _read_rows(out, lines, head, centres, in_wan, totals)
    return centres, in_wan


def _tax_basis(out: Extraction, title: Line, header: str) -> None:
    said = re.search(r"(不)?含税", header)
    if said is not None:
        out.put("amount_includes_tax", Field("false" if said.group(1) else "true", title.page,
                                             title.bbox))


_TOTAL_ROW = re.compile(r"^(合计|总计|小计合计)")


def _read_rows(out: Extraction, lines: list[Line], head: int, centres: dict[str, float],
               in_wan: bool, totals: dict[str, Field]) -> None:
    body: list[Line] = []
    for line in lines[head + 1:]:
        if re.match(r"^\s*(合\s*计|总\s*计)", line.text):
            body.append(line)
            break
        if ":" in line.text and not re.search(r"\d{1,2}:\d{2}", line.text):
            break
        body.append(line)
    rows = read_rows(body, centres, anchor="amount")
    # Each cell's compact text once per row: a usage log runs to thousands of rows.
    compacted = [[compact(r.text(c) or "") for c in r.cells] for r in rows]
    subtotal_rows = any(t.endswith("小计") for texts in compacted for t in texts)
    for row, cells_text in zip(rows, compacted, strict=True):
        when = row.text("date") or ""
        hours = plain_number(re.sub(r"[^\d.,]", "", row.text("card_hours") or ""))
        amount = amount_str(row.text("amount") or "")
        if amount is not None and in_wan:
            amount = fmt(Decimal(amount) * 10000)
        if any(_TOTAL_ROW.match(text) for text in cells_text):
            if hours is not None:
                totals.setdefault("card_hours", Field(hours, row.page("card_hours"),
                                                      row.bbox("card_hours")))
            if amount is not None:
                totals.setdefault("amount", Field(amount, row.page("amount"), row.bbox("amount")))
            continue
        subtotal = next((t for t in cells_text if t.endswith("小计")), None)
        if subtotal_rows and subtotal is None:
            continue  # job rows of a log with subtotals: the subtotals are the rows
        if subtotal is not None and subtotal != _SUBTOTAL:
            when = subtotal[:-2]  # "2026年04月小计" → the month it totals
        if hours is None or amount is None:
            continue
        day = date_str(when)
        month = _MONTH.search(compact(when))
        dates = re.findall(DATE, when)
        item: dict[str, Field] = {}
        if len(dates) >= 2 and (a := date_str(dates[0])) and (b := date_str(dates[-1])):
            # A row for a period ("2026.03.01-2026.03.31"): its first and last day.
            item["period_start"] = Field(a, row.page("date"), row.bbox("date"))
            item["period_end"] = Field(b, row.page("date"), row.bbox("date"))
        elif day is not None and not month:
            item["date"] = Field(day, row.page("date"), row.bbox("date"))
        elif month is not None:
            item["month"] = Field(f"{int(month.group(1)):04d}-{int(month.group(2)):02d}",
                                  row.page("date"), row.bbox("date"))
        else:
            continue
        item["card_hours"] = Field(hours, row.page("card_hours"), row.bbox("card_hours"))
        item["amount"] = Field(amount, row.page("amount"), row.bbox("amount"))
        out.items.append(item)


def _check_sums(out: Extraction) -> None:
    if not out.items:
        return
    hours = sum((Decimal(i["card_hours"].value) for i in out.items), Decimal(0))
    amount = sum((parse_money(i["amount"].value) or Decimal(0) for i in out.items), Decimal(0))
    stated_hours = out.fields.get("card_hours")
    if stated_hours is not None and Decimal(stated_hours.value) != hours:
        out.findings.append(FindingData(
            "usage_sum_mismatch", "warn",
            f"逐行使用卡时合计 {hours} 与记录所载合计 {stated_hours.value} 不一致",
            f"the rows' card-hours add up to {hours}, the log states {stated_hours.value}",
            stated_hours.page, stated_hours.bbox))
    stated_amount = out.fields.get("amount")
    if stated_amount is not None and parse_money(stated_amount.value) != amount:
        out.findings.append(FindingData(
            "usage_sum_mismatch", "warn",
            f"逐行金额合计 {fmt(amount)} 元与记录所载合计 {stated_amount.value} 元不一致",
            f"the rows' amounts add up to {fmt(amount)}, the log states {stated_amount.value}",
            stated_amount.page, stated_amount.bbox))


def extract_usage_report(text: DocText) -> Extraction:
    from slq_desk.extract.letters import ORG

    out = Extraction(kind="usage_report")
    lines = list(text.lines())
    hit = find_value(lines, _APPLICANT, TEXT, below=False)
    if hit is None:
        hit = first(lines, _APPLICANT_PROSE)
    if hit is None:  # the report is signed and stamped by the applicant
        hit = first(lines, re.compile(rf"^\s*(?P<v>{ORG})\s*\((?:盖章|公章)\)"))
    out.put("applicant_name", hit.field() if hit else None)
    hit = find_value(lines, ("算力供给方", "算力服务商", "算力提供方", "供给方"), TEXT, below=False) \
        or first(lines, re.compile(rf"与\s*(?P<v>{ORG})\s*(?:签订|签署)"))
    out.put("supplier_name", hit.field() if hit else None)
    hit = find_value(lines, ("合同总额", "合同总金额", "合同金额", "实际结算金额", "结算金额"), AMOUNT,
                     below=False)
    if hit is not None and (value := amount_str(hit.text)):
        out.put("total", hit.field(value))
    _card(out, lines)
    _hours(out, lines)
    _amount(out, lines, prose=True)
    _period(out, lines, prose=True)
    hit = find_value(lines, _PURPOSE, TEXT, below=False)
    found = hit.field() if hit else _in_prose(lines, _PURPOSE_ANNEX)
    if found is None and (hit := first(lines, _PURPOSE_PROSE)) is not None:
        found = hit.field()
    out.put("purpose", found)
    out.put("card_count", _in_prose(lines, _CARD_SCALE))
    return out


# Hunan 附件4's own wording: "为推动XX项目（XX模型精调微调、XX平台搭建…），已使用XX规模XX类型算力".
_PURPOSE_ANNEX = re.compile(r"为推动[^（(，,。]{2,40}?项目\s*[（(](?P<v>[^）)]{2,40})[）)]")
_CARD_SCALE = re.compile(r"(?:已使用|使用了?|共)\s*(?P<v>\d{1,5})\s*(?:张|块|台)?\s*卡(?:的)?\s*规模")


def _in_prose(lines: list[Line], pattern: re.Pattern[str]) -> Field | None:
    """A value in running text, also where a line end cuts the sentence (or the value)."""
    hit = first(lines, pattern)
    if hit is not None:
        return hit.field()
    for a, b in zip(lines, lines[1:], strict=False):
        if a.page != b.page:
            continue
        joined = a.text + b.text
        m = pattern.search(joined)
        if m is None:
            continue
        start, end = m.span("v")
        cut = len(a.text)
        if end <= cut:
            return Hit(a, start, end).field()
        if start >= cut:
            return Hit(b, start - cut, end - cut).field()
        return Block((Hit(a, start, cut), Hit(b, 0, end - cut))).field()
    return None



