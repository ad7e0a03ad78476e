"""Invoices: 数电发票 (全面数字化的电子发票, types 31/32) and the older 增值税电子发票 (10/08…).

Reads number, code and check code (older types), date, buyer and seller with their ids, the
line items, 合计 amount and tax, and 价税合计 in figures and in 大写. Cross-checks done here,
because they need nothing but the invoice: 大写 = 小写, 金额 + 税额 = 价税合计, Σ lines = 合计,
and the QR code's number, date and amount against the printed ones.
"""

from __future__ import annotations

import re
from decimal import Decimal

from slq_desk.extract.chinese_amount import ChineseAmountError, parse_chinese_amount
from slq_desk.extract.evidence import BBox, Extraction, Field, FindingData
from slq_desk.extract.find import (
    DATE,
    MONEY,
    WORDS,
    Hit,
    date_str,
    first,
    label_pattern,
    money_str,
    parse_money,
    plain_number,
    rate_str,
)
from slq_desk.extract.geometry import find_all, find_value, page_cells
from slq_desk.extract.normalise import compact, spaced
from slq_desk.extract.qr import InvoiceQR
from slq_desk.extract.table import find_header, read_rows
from slq_desk.extract.text import DocText, Line
from slq_desk.extract.uscc import TAX_ID_PATTERN
from slq_desk.money import fmt

ITEM_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("项目名称", "货物或应税劳务、服务名称", "货物或应税劳务名称", "服务名称"),
    "spec": ("规格型号",),
    "unit": ("单位",),
    "quantity": ("数量",),
    "unit_price": ("单价",),
    "amount": ("金额",),
    "tax_rate": ("税率/征收率", "税率"),
    "tax": ("税额",),
}
_NUMBER = label_pattern(["发票号码"], r"\d{8,20}")
_CODE = label_pattern(["发票代码"], r"\d{10,12}")
_CHECK = label_pattern(["校验码"], r"\d{5}(?:\s?\d{5}){3}|\d{20}")
_DATE = label_pattern(["开票日期"], DATE)
_WORDS = re.compile(rf"{spaced('大写')}\)?\s*:?\s*[⊗ⓧ×xX]?\s*(?P<v>[零壹贰叁肆伍陆柒捌玖拾佰仟万亿圆元角分整正\s]+)")
# Glyphs placed one by one (OFD) can leave a gap read as a space inside a figure: "25254. 62".
_FIGURES = re.compile(rf"{spaced('小写')}\)?\s*:?\s*(?P<v>¥?\s*-?\d[\d,]*\. \d{{2}}(?!\d)|{MONEY})")
_TOTAL_LABEL = re.compile(spaced("价税合计"))
# OCR can lose half of 合计 on a scan ("合\t¥16800.00\t¥1008.00"): one of the two characters
# alone, right before a ¥ figure, is that row.
_SUM_LABEL = re.compile(rf"^\s*(?:{spaced('合计')}|[合计](?=\s*[¥￥]\s*\d))")
_AMOUNT_TOKEN = re.compile(r"(?<![\d.])(?P<v>¥\s*-?[\d,]+\. ?\d{2}|-?[\d,]+\.\d{2}|\*+)(?![\d])")


def extract_invoice(text: DocText, qr: InvoiceQR | None = None) -> Extraction:
    out = Extraction(kind="invoice")
    lines = list(text.lines())
    _header(out, lines, qr)
    _parties(out, lines)
    sum_index, centres = _items(out, lines)
    _sums(out, lines, sum_index, centres)
    _total(out, lines)
    _cross_checks(out, qr)
    return out


def _header(out: Extraction, lines: list[Line], qr: InvoiceQR | None) -> None:
    hit = first(lines, _NUMBER)
    out.put("invoice_number", hit.field() if hit else None)
    hit = first(lines, _CODE)
    out.put("invoice_code", hit.field() if hit else None)
    hit = first(lines, _CHECK)
    out.put("check_code", hit.field(re.sub(r"\s", "", hit.text)) if hit else None)
    hit = first(lines, _DATE)
    if hit and (iso := date_str(hit.text)):
        out.put("issue_date", hit.field(iso))
    out.put("invoice_type", _invoice_type(lines, "invoice_code" in out.fields, qr))


def _invoice_type(lines: list[Line], has_code: bool, qr: InvoiceQR | None) -> Field | None:
    for line in lines[:8]:
        title = compact(line.text)
        if "发票" not in title or ":" in title:
            continue
        special = "专用发票" in title
        if not has_code and "电子发票" in title:
            code = "31" if special else "32"
        elif "电子" in title:
            code = "08" if special else "10"
        else:
            code = "01" if special else "04"
        return Field(code, line.page, line.bbox)
    if qr is not None:
        return Field(qr.invoice_type, qr.page, qr.bbox, source="qr")
    return None


_NAME_VALUE = r"[^\t:]{2,80}?(?=\t|$|\s+[^\s:]{1,15}:)"
# An id drawn glyph by glyph may carry one gap read as a space ("91460300MAA92DJ N95").
_ID_VALUE = (r"(?<![0-9A-Z])(?=[0-9A-Z ]{19}(?![0-9A-Z]))[0-9A-Z]+ [0-9A-Z]+(?![0-9A-Z])"
             rf"|(?:{TAX_ID_PATTERN})(?![0-9A-Z])")
_ID_WORDS = ("统一社会信用代码/纳税人识别号", "纳税人识别号", "统一社会信用代码")


def _parties(out: Extraction, lines: list[Line]) -> None:
    # Labels that say whose (购买方名称) win; otherwise buyer before seller in reading order
    # on both layouts: side by side (数电, buyer on the left) and stacked (older invoices,
    # buyer block at the top). A value drawn on its own baseline, a little off its label's
    # (数电 PDFs draw each value as a text object of its own), is found beside the label.
    for role, who in (("buyer", "购买方"), ("seller", "销售方")):
        hit = find_value(lines, [f"{who}名称"], _NAME_VALUE, below=False)
        out.put(f"{role}_name", hit.field() if hit else None)
        hit = find_value(lines, [f"{who}{w}" for w in (*_ID_WORDS, "识别号")], _ID_VALUE,
                         below=False)
        out.put(f"{role}_id", _id_field(hit))
    names = [h for h in find_all(lines, ["名称"], _NAME_VALUE, below=False)
             if not _is_column_title(h.line, h.start) and not _is_label_text(h.text)]
    ids = [h for h in find_all(lines, _ID_WORDS, _ID_VALUE, below=False) if _id_field(h)]
    names.sort(key=_reading_order)
    ids.sort(key=_reading_order)
    for role, index in (("buyer", 0), ("seller", 1)):
        if len(names) > index:
            out.put(f"{role}_name", names[index].field())
        if len(ids) > index:
            out.put(f"{role}_id", _id_field(ids[index]))


def _id_field(hit: Hit | None) -> Field | None:
    """The id without the gap a glyph-by-glyph drawing may leave in it; None when what is left
    is not an id's length."""
    if hit is None:
        return None
    value = re.sub(r"\s", "", hit.text)
    return hit.field(value) if len(value) in (15, 17, 18, 20) else None


def _is_label_text(text: str) -> bool:
    return bool(re.search(r"(识别号|信用代码|地址|电话|开户行|账号)", text))


def _reading_order(hit: Hit) -> tuple[int, float, float]:
    """Page, then the band (a value a little off its label's baseline stays in its band),
    then left to right: side-by-side blocks read buyer first."""
    box = hit.line.span_bbox(hit.start, hit.end) or hit.line.bbox
    band = round(box[1] / max(hit.line.size * 1.5, 1.0))
    return hit.line.page, band, box[0]


def _is_column_title(line: Line, start: int) -> bool:
    before = compact(line.text[max(0, start - 4):start])
    return before.endswith(("项目", "服务", "劳务"))


def _items(out: Extraction, lines: list[Line]) -> tuple[int | None, dict[str, float] | None]:
    found = find_header(lines, ITEM_COLUMNS, required=("name", "amount"))
    if found is None:
        return None, None
    head, centres = found
    end = next((i for i in range(head + 1, len(lines))
                if _SUM_LABEL.search(lines[i].text) or _TOTAL_LABEL.search(lines[i].text)),
               len(lines))
    if end < len(lines):
        # The 合计 figures may sit on a baseline a little above their label: not an item.
        mid = (lines[end].bbox[1] + lines[end].bbox[3]) / 2
        while end - 1 > head and lines[end - 1].page == lines[end].page and abs(
                (lines[end - 1].bbox[1] + lines[end - 1].bbox[3]) / 2 - mid) < 0.8 * lines[end].size:
            end -= 1
    for row in read_rows(lines[head + 1:end], centres, anchor="amount"):
        item: dict[str, Field] = {}
        for column in ITEM_COLUMNS:
            raw = row.text(column)
            if raw is None:
                continue
            value: str | None = row.text(column, raw=True)
            if column in ("amount", "tax"):
                value = money_str(raw)
            elif column in ("quantity", "unit_price"):
                value = plain_number(raw)
            elif column == "tax_rate":
                value = rate_str(raw)
            if value is not None:
                item[column] = Field(value, row.page(column), row.bbox(column))
        if "amount" in item:
            out.items.append(item)
    return (end if end < len(lines) else None), centres


def _sums(out: Extraction, lines: list[Line], sum_index: int | None,
          centres: dict[str, float] | None) -> None:
    candidates = [lines[sum_index]] if sum_index is not None else []
    candidates += [ln for ln in lines if _SUM_LABEL.search(ln.text) and ln not in candidates]
    for line in candidates:
        if not _SUM_LABEL.search(line.text) or _TOTAL_LABEL.search(line.text):
            continue
        tokens = _band_tokens(lines, line)
        if not tokens:
            continue
        if centres and "amount" in centres and "tax" in centres and len(tokens) >= 2:
            by_amount = min(tokens, key=lambda t: abs((t[1][0] + t[1][2]) / 2 - centres["amount"]))
            by_tax = min(tokens, key=lambda t: abs((t[1][0] + t[1][2]) / 2 - centres["tax"]))
            picks = [by_amount, by_tax]
        else:
            picks = tokens[:2]
        for name, (raw, box) in zip(("amount", "tax"), picks, strict=False):
            value = money_str(raw.replace(". ", ".")) if "*" not in raw else "0.00"
            if value is not None:
                out.put(name, Field(value, line.page, box))
        return


def _band_tokens(lines: list[Line], line: Line) -> list[tuple[str, BBox]]:
    """The amounts of a 合计 row: on its line, or — when the figures were drawn in a layer
    apart, on baselines of their own — in the cells of the same band right of the label."""
    tokens = [(m.group("v"), line.span_bbox(*m.span("v")))
              for m in _AMOUNT_TOKEN.finditer(line.text)]
    found = [(raw, box) for raw, box in tokens if box is not None]
    if found:
        return found
    label = _SUM_LABEL.search(line.text)
    box = line.span_bbox(*label.span()) if label else None
    if box is None:
        return []
    mid, height = (box[1] + box[3]) / 2, box[3] - box[1]
    for cell in sorted(page_cells(lines, line.page), key=lambda c: c.box[0]):
        if cell.line is line or cell.box[0] < box[2] or abs(
                (cell.box[1] + cell.box[3]) / 2 - mid) > 0.6 * height:
            continue
        for m in _AMOUNT_TOKEN.finditer(cell.text):
            sub = cell.line.span_bbox(cell.start + m.start("v"), cell.start + m.end("v"))
            if sub is not None:
                found.append((m.group("v"), sub))
    return found


def _total(out: Extraction, lines: list[Line]) -> None:
    for index, line in enumerate(lines):
        if not _TOTAL_LABEL.search(line.text):
            continue
        # 大写 and 小写 usually share the line; some templates put 小写 on the next one.
        for candidate in (line, *lines[index + 1:index + 2]):
            words = first([candidate], _WORDS)
            if words and not re.search(r"[壹贰叁肆伍陆柒捌玖拾零]", words.text):
                words = None
            if words and "total_in_words" not in out.fields:
                out.put("total_in_words", words.field(re.sub(r"\s", "", words.text)))
            figures = first([candidate], _FIGURES)
            if figures and (value := money_str(re.sub(r"\.\s", ".", figures.text))):
                out.put("total", figures.field(value))
        if "total" not in out.fields:
            # Values drawn on their own baseline beside "（小写）" and "（大写）".
            hit = find_value(lines, ["(小写)", "小写"], r"¥?\s*-?[\d,]+\.\d{2}", below=False)
            if hit is not None and (value := money_str(hit.text)):
                out.put("total", hit.field(value))
        if "total_in_words" not in out.fields:
            hit = find_value(lines, ["价税合计(大写)", "(大写)"], WORDS, below=False)
            if hit is not None:
                out.put("total_in_words", hit.field(re.sub(r"\s", "", hit.text)))
        if "total" not in out.fields:
            tokens = list(_AMOUNT_TOKEN.finditer(line.text))
            if tokens and (value := money_str(tokens[-1].group("v"))):
                out.put("total", Field(value, line.page, line.span_bbox(*tokens[-1].span("v"))))
        return


def _cross_checks(out: Extraction, qr: InvoiceQR | None) -> None:
    f = out.fields
    total = parse_money(f["total"].value) if "total" in f else None
    if "total_in_words" in f and total is not None:
        words = f["total_in_words"]
        try:
            in_words: Decimal | None = parse_chinese_amount(words.value)
        except ChineseAmountError:
            in_words = None
        if in_words is None:
            out.findings.append(FindingData(
                "amount_words_unreadable", "warn",
                f"价税合计大写“{words.value}”无法识读，需人工核对",
                f"the total in words '{words.value}' cannot be read; check by hand",
                words.page, words.bbox))
        elif in_words != total:
            out.findings.append(FindingData(
                "amount_words_mismatch", "block",
                f"价税合计大写金额（{fmt(in_words)}元）与小写金额（{fmt(total)}元）不一致",
                f"the total in words ({fmt(in_words)}) differs from the figure ({fmt(total)})",
                words.page, words.bbox))
    amount = parse_money(f["amount"].value) if "amount" in f else None
    tax = parse_money(f["tax"].value) if "tax" in f else None
    if amount is not None and tax is not None and total is not None and amount + tax != total:
        out.findings.append(FindingData(
            "invoice_sum_mismatch", "warn",
            f"金额（{fmt(amount)}）加税额（{fmt(tax)}）不等于价税合计（{fmt(total)}）",
            f"amount ({fmt(amount)}) plus tax ({fmt(tax)}) is not the total ({fmt(total)})",
            f["total"].page, f["total"].bbox))
    line_amounts = [parse_money(i["amount"].value) for i in out.items if "amount" in i]
    if amount is not None and line_amounts and None not in line_amounts:
        line_sum = sum((a for a in line_amounts if a is not None), Decimal("0"))
        if line_sum != amount:
            out.findings.append(FindingData(
                "invoice_items_mismatch", "warn",
                f"明细金额合计（{fmt(line_sum)}）与合计金额（{fmt(amount)}）不一致",
                f"the lines add up to {fmt(line_sum)}, the invoice says {fmt(amount)}",
                f["amount"].page, f["amount"].bbox))
    if qr is not None:
        _check_qr(out, qr, amount, total)


def _check_qr(out: Extraction, qr: InvoiceQR, amount: Decimal | None,
              total: Decimal | None) -> None:
    f = out.fields
    problems: list[tuple[str, str]] = []
    if "invoice_number" in f and qr.invoice_number != f["invoice_number"].value:
        problems.append(("发票号码", "number"))
    if "issue_date" in f and qr.issue_date and qr.issue_date != f["issue_date"].value:
        problems.append(("开票日期", "date"))
    expected = total if qr.amount_is_total else amount
    if qr.amount is not None and expected is not None and parse_money(qr.amount) != expected:
        problems.append(("金额", "amount"))
    if problems:
        zh = "、".join(p[0] for p in problems)
        en = ", ".join(p[1] for p in problems)
        out.findings.append(FindingData(
            "qr_mismatch", "block", f"发票二维码中的{zh}与票面不一致",
            f"the invoice QR code's {en} differ from the printed invoice", qr.page, qr.bbox))
