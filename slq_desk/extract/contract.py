"""Service contracts (算力服务合同 / 采购合同): parties, dates, term, cards, price, lines.

The parties are 甲方 (the applicant, 算力需求方) and 乙方 (the supplier); each is followed by
its 统一社会信用代码. The service lines come from the fee table and are tagged compute /
storage / network / … (``services.py``), because only some of them are subsidised.
"""

from __future__ import annotations

import re

from slq_desk.extract.evidence import Extraction, Field
from slq_desk.extract.find import (
    CELL,
    DATE,
    MONEY,
    date_str,
    first,
    label_pattern,
    money_str,
    plain_number,
    search,
)
from slq_desk.extract.normalise import normalise, spaced
from slq_desk.extract.services import service_of
from slq_desk.extract.table import find_header, read_rows
from slq_desk.extract.text import DocText, Line
from slq_desk.extract.uscc import TAX_ID_PATTERN

_PARTY_A = re.compile(rf"{spaced('甲方')}(?:\([^)]*\))?\s*:\s*(?P<v>[^\t:]+?)(?=\t|$)")
_PARTY_B = re.compile(rf"{spaced('乙方')}(?:\([^)]*\))?\s*:\s*(?P<v>[^\t:]+?)(?=\t|$)")
_USCC = label_pattern(["统一社会信用代码", "纳税人识别号"], TAX_ID_PATTERN)
_NUMBER = label_pattern(["合同编号", "合同号"], r"[A-Za-z0-9][A-Za-z0-9_\-/()]*")
_SIGNED = label_pattern(["签订日期", "签约日期", "签署日期", "签订时间"], DATE)
_TERM = re.compile(rf"(?:{spaced('服务期限')}|{spaced('服务期')}|{spaced('租用期限')})\s*:?\s*自?\s*"
                   rf"(?P<a>{DATE})\s*(?:至|到|-|~)\s*(?P<b>{DATE})")
_CARD = label_pattern(["算力卡型号", "卡型号", "GPU型号", "芯片型号", "加速卡型号"], CELL)
_HOURS = label_pattern(["算力总量", "总卡时", "卡时总量", "合计卡时"], r"[\d,]+(?=\s*卡时)")
_PRICE = label_pattern(["单价", "服务单价", "计费单价"], rf"(?:人民币)?\s*(?:{MONEY})(?=\s*元\s*/\s*卡时)")
_TOTAL = label_pattern(["合同总价(含税)", "合同总价", "合同总金额", "合同金额(含税)", "合同金额"],
                       rf"(?:人民币)?\s*(?:{MONEY})")
_SUBSIDY = re.compile(r"(?:其他|其它|各级|重复)\S{0,8}(?:财政)?补贴|财政补贴|财政资金支持")
_ORIGIN = re.compile(r"\((?P<o>非?国产|自主可控|非自主可控)\)")

LINE_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("服务项目", "服务内容", "项目名称", "服务名称"),
    "spec": ("规格/型号", "规格型号", "型号"),
    "unit": ("单位",),
    "quantity": ("数量",),
    "unit_price": ("单价",),
    "amount": ("金额",),
}


def extract_contract(text: DocText) -> Extraction:
    out = Extraction(kind="contract")
    lines = list(text.lines())
    hit = first(lines, _NUMBER)
    out.put("contract_number", hit.field() if hit else None)
    a, b = first(lines, _PARTY_A), first(lines, _PARTY_B)
    out.put("buyer_name", a.field() if a else None)
    out.put("supplier_name", b.field() if b else None)
    _party_ids(out, lines, a.line if a else None, b.line if b else None)
    hit = first(lines, _SIGNED)
    if hit and (iso := date_str(hit.text)):
        out.put("signed_on", hit.field(iso))
    term = first(lines, _TERM, "a")
    if term:
        m = _TERM.search(term.line.text)
        assert m is not None
        start, end = date_str(m.group("a")), date_str(m.group("b"))
        if start and end:
            out.put("term_start", Field(start, term.line.page, term.line.span_bbox(*m.span("a"))))
            out.put("term_end", Field(end, term.line.page, term.line.span_bbox(*m.span("b"))))
    card = first(lines, _CARD)
    if card:
        model, domestic = split_origin(card.raw)
        out.put("card_model", card.field(model))
        if domestic is not None:
            out.put("domestic", card.field(domestic))
    hit = first(lines, _HOURS)
    if hit and (value := plain_number(hit.text)):
        out.put("card_hours", hit.field(value))
    hit = first(lines, _PRICE)
    if hit and (value := money_str(hit.text.replace("人民币", ""))):
        out.put("unit_price", hit.field(value))
    hit = first(lines, _TOTAL)
    if hit and (value := money_str(hit.text.replace("人民币", ""))):
        out.put("total", hit.field(value))
    clause = first(lines, _SUBSIDY, 0)
    out.put("other_subsidy_clause", clause.field("true") if clause else Field("false"))
    _lines(out, lines)
    return out


def split_origin(raw: str) -> tuple[str, str | None]:
    """"昇腾910B（国产）" → ("昇腾910B", "true")."""
    text = normalise(raw)
    m = _ORIGIN.search(text)
    if m is None:
        return raw.strip(), None
    domestic = "false" if m.group("o").startswith("非") else "true"
    # Cut at the bracket in the printed string (full- or half-width).
    cut = re.search(r"[（(]", raw)
    return (raw[:cut.start()] if cut else raw).strip(), domestic


def _party_ids(out: Extraction, lines: list[Line], a_line: Line | None,
               b_line: Line | None) -> None:
    ids = list(search(lines, _USCC))
    if not ids:
        return
    index = {id(line): n for n, line in enumerate(lines)}

    def after(line: Line | None) -> int:
        return index.get(id(line), -1) if line is not None else -1

    a_at, b_at = after(a_line), after(b_line)
    for role, at, other in (("buyer_id", a_at, b_at), ("supplier_id", b_at, a_at)):
        if at < 0:
            continue
        # The id printed right below the party's name, before the other party starts.
        for hit in ids:
            n = index[id(hit.line)]
            if n >= at and (other <= at or n < other):
                out.put(role, hit.field())
                break


def _lines(out: Extraction, lines: list[Line]) -> None:
    found = find_header(lines, LINE_COLUMNS, required=("name", "amount"))
    if found is None:
        return
    head, centres = found
    body: list[Line] = []
    for line in lines[head + 1:]:
        if line.page != lines[head].page or (body and line.bbox[1] - body[-1].bbox[3] > 40):
            break
        body.append(line)
    for row in read_rows(body, centres, anchor="amount"):
        name = row.text("name", raw=True)
        amount = money_str(row.text("amount") or "")
        if not name or amount is None or re.match(r"^\s*合\s*计", name):
            continue
        out.items.append({
            "name": Field(name, row.page("name"), row.bbox("name")),
            "service": Field(service_of(name), row.page("name"), row.bbox("name")),
            "amount": Field(amount, row.page("amount"), row.bbox("amount")),
        })
