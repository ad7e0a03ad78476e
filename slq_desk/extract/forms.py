"""Application forms (申报表 / 备案表 / 补贴申报表 / 使用情况表) and the letter-like documents
(承诺函, 授权书, 营业执照, 信用报告, 中小企业声明函, 实施报告, …).

Forms are grids of "label | value" cells; letters have a few "label：value" lines under the
title and the signing unit at the bottom. Amounts a template prints in 万元 are converted to
yuan exactly (Decimal), so they compare with invoices and contracts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from slq_desk.extract.evidence import Extraction, Field
from slq_desk.extract.find import (
    CELL,
    DATE,
    MONEY,
    Hit,
    date_str,
    first,
    label_pattern,
    parse_amount,
    plain_number,
    wrapped_value,
)
from slq_desk.extract.normalise import compact
from slq_desk.extract.table import find_header, read_rows
from slq_desk.extract.text import DocText, Line, title_lines
from slq_desk.extract.uscc import TAX_ID_PATTERN
from slq_desk.money import D, MoneyError, fmt

_COLON = r"\s*:\s*"
# Most specific first: regex alternation takes the first label that matches at a position.
APPLICANT_LABELS = ("单位名称(盖章)", "单位名称(公章)", "企业名称(加盖公章)", "单位名称", "企业名称",
                    "申报单位", "申请单位", "承诺单位", "授权单位", "市场主体名称", "持券单位",
                    "备案主体")
_DIRECTIONS = {"一": "1", "二": "2", "三": "3", "四": "4", "1": "1", "2": "2", "3": "3", "4": "4"}
SHAREHOLDER_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("主要股东", "股东名称", "股东"),
    "share": ("股权比例", "持股比例", "出资比例"),
}


def form_type(text: DocText) -> str | None:
    for line in title_lines(text):
        title = compact(line.text)
        if "使用情况表" in title:
            return "usage_table"
        if "备案表" in title:
            return "filing"
        if "兑付" in title or "补贴申报表" in title or "补贴申请表" in title:
            return "subsidy"
        if any(w in title for w in ("申请表", "申报表", "登记表", "申领表")):
            return "declaration"
    return None


def _value(lines: Sequence[Line], labels: Sequence[str], value: str = CELL,
           sep: str = r"\s*:?\s*") -> Hit | None:
    return first(lines, label_pattern(labels, value, sep))


def _name(out: Extraction, lines: Sequence[Line], field_name: str, labels: Sequence[str],
          sep: str = r"\s*:?\s*") -> None:
    hit = _value(lines, labels, CELL, sep)
    if hit is not None:
        out.put(field_name, hit.field())
        return
    block = wrapped_value(list(lines), labels)
    out.put(field_name, block.field() if block else None)


def _wan_or_yuan(hit: Hit) -> str | None:
    """A money value; in 万元 when its label says so."""
    label = compact(hit.line.text[:hit.start])
    cleaned = re.sub(r"[\s¥,元]", "", hit.text).replace("人民币", "")
    try:
        value = D(cleaned)
    except MoneyError:
        return None
    if label.endswith(("(万元)", "万元)", "(万元):")) or "万元" in label[-8:]:
        value = value * Decimal(10000)
    return fmt(value)


def extract_application_form(text: DocText) -> Extraction:
    out = Extraction(kind="application_form")
    lines = list(text.lines())
    kind = form_type(text)
    if kind:
        title = next((ln for ln in lines[:6] if compact(ln.text).endswith("表")), lines[0])
        out.put("form_type", Field(kind, title.page, title.bbox))
    _grid_fields(out, lines)
    _name(out, lines, "applicant_name", ("单位名称", "企业名称", "申报单位", "申请单位"))
    hit = _value(lines, ("统一社会信用代码",), TAX_ID_PATTERN)
    out.put("applicant_id", hit.field() if hit else None)
    hit = _value(lines, ("是否属于中小企业", "是否为中小企业", "中小企业"), r"[■☑√□]\s*[是否](?:\s*[■☑√□]\s*[是否])?")
    if hit:
        checked = re.search(r"[■☑√]\s*([是否])", hit.text)
        if checked:
            out.put("sme", hit.field("true" if checked.group(1) == "是" else "false"))
    hit = _value(lines, ("申领算力补贴额度(万元)", "申请算力补贴金额(万元)", "对应申请金额(万元)",
                         "申请补贴金额(万元)", "申请金额(万元)", "申请补贴金额", "申请金额"), MONEY)
    if hit and (value := _wan_or_yuan(hit)):
        out.put("requested_amount", hit.field(value))
    # Beijing 二（四）: other fiscal support already received for the same contract.
    hit = _value(lines, ("所获政策资金额度(万元)", "已获其他财政资金(万元)", "所获政策资金额度",
                         "已获其他财政资金"), MONEY)
    if hit and (value := _wan_or_yuan(hit)):
        out.put("other_fiscal_support", hit.field(value))
    hit = _value(lines, ("补贴比例", "申请比例"), r"\d+(?:\.\d+)?\s*%")
    out.put("rate", hit.field(hit.text.replace(" ", "")) if hit else None)
    hit = _value(lines, ("合同编号",), r"[A-Za-z0-9][A-Za-z0-9_\-/()]*")
    out.put("contract_number", hit.field() if hit else None)
    hit = _value(lines, ("申报方向",), r"方向[一二三四1-4]|[1-4]")
    if hit:
        out.put("direction", hit.field(_DIRECTIONS[hit.text[-1]]))
    _shareholders(out, lines)
    return out


_ORG_LABELS = ("单位名称", "企业名称", "申报单位", "申请单位", "申领单位", "申请主体", "机构名称",
               "主体名称", "申报主体", "企业(单位)名称")
_SUPPLIER_LABELS = ("算力供给方", "算力供给方名称", "算力提供方名称", "提供方名称", "供应商名称",
                    "服务方名称", "算力服务商名称", "算力服务商", "算力提供方", "供给方名称", "服务商名称",
                    "算力供应商", "算力服务机构", "供给方", "算力服务提供方", "算力服务供应商",
                    # Hunan 附件2 备案表: "算力（服务）提供方名称", often wrapped after 提供方.
                    "算力（服务）提供方名称", "算力（服务）提供方")
_REQUESTED = ("申领算力券金额", "申领算力补贴额度", "申请算力补贴金额", "对应申请金额", "申请补贴金额",
              "申请兑付金额", "兑付金额", "申请金额", "申领金额", "拟申领额度", "申领额度", "补贴金额",
              "申请补贴额度", "本次申请金额")
_COMPUTE_TOTAL = ("该项目消耗算力总额", "消耗算力总额", "算力消耗总额", "算力费用总额", "算力服务费总额",
                  "算力总额", "算力投入总额")
_CONTRACT_TOTAL = ("合同金额", "合同总金额", "合同总额", "合同总价", "服务合同金额", "合同金额(含税)")
_TERM = ("合同期限", "服务期限", "合同有效期", "服务期间", "租赁期限")


def _money_value(label: str, text: str) -> str | None:
    """An amount from a grid cell; in 万元 when its label (or the value) says so."""
    if "万元" in label and "万" not in text:
        text = re.sub(r"元$", "", text) + "万"  # scaled before rounding to the fen
    value = parse_amount(text)
    return None if value is None else fmt(value)


def _grid_fields(out: Extraction, lines: list[Line]) -> None:
    """Fields of an annex grid: label cells and value cells, wrapped or not (``grid.py``)."""
    from slq_desk.extract.grid import blocks, grid_value, label_text

    found = blocks(lines)

    def put_text(name: str, labels: Sequence[str], value: str = r".{2,}") -> None:
        pair = grid_value(found, labels, value)
        if pair is not None and not re.fullmatch(r"\(?(盖章|公章)\)?", compact(pair[1].text)):
            out.put(name, pair[1].field())

    put_text("applicant_name", _ORG_LABELS, r"[\u4e00-\u9fff]{4,}")
    put_text("supplier_name", _SUPPLIER_LABELS, r"[\u4e00-\u9fff]{4,}")
    put_text("legal_representative", ("法定代表人", "法人代表"), r"^[\u4e00-\u9fff·]{2,5}$")
    put_text("project_name", ("用算项目名称", "项目名称", "课题名称"))
    put_text("contract_number", ("服务合同编号", "合同编号", "合同号", "协议编号"),
             r"^[A-Za-z0-9][A-Za-z0-9_\-/()]*$")
    pair = grid_value(found, ("统一社会信用代码",), rf"^(?:{TAX_ID_PATTERN})$")
    if pair is not None:
        out.put("applicant_id", pair[1].field(compact(pair[1].text)))
    for name, labels in (("requested_amount", _REQUESTED), ("compute_total", _COMPUTE_TOTAL),
                         ("contract_total", _CONTRACT_TOTAL),
                         ("other_fiscal_support", ("所获政策资金额度", "已获其他财政资金"))):
        pair = grid_value(found, labels, r"\d")
        if pair is not None and (value := _money_value(label_text(pair[0]), compact(pair[1].text))):
            out.put(name, pair[1].field(value))
    pair = grid_value(found, _TERM, r"\d")
    if pair is not None:
        dates = re.findall(DATE, pair[1].text)
        if dates and (end := date_str(dates[-1])):
            out.put("term_end", pair[1].field(end))
    pair = grid_value(found, ("是否为中小企业", "是否属于中小企业", "是否中小企业", "中小企业"), r"[是否]")
    if pair is not None:
        # The boxes may be cells of their own ("□是 | √否"): read the rest of the row.
        cell = pair[1].cells[0]
        text = compact(cell.line.text[cell.start:])
        checked = re.search(r"[■☑√✓]([是否])", text)
        plain = re.fullmatch(r"(是|否)", text)
        said = checked.group(1) if checked else plain.group(1) if plain else None
        if said:
            out.put("sme", pair[1].field("true" if said == "是" else "false"))
    pair = grid_value(found, ("申报方向",), r"方向[一二三四1-4]|^[1-4]$")
    if pair is not None:
        m = re.search(r"[一二三四1-4]", compact(pair[1].text).replace("方向", ""))
        if m:
            out.put("direction", pair[1].field(_DIRECTIONS[m.group(0)]))
    _supplier_id(out, found)


def _supplier_id(out: Extraction, found: list[Any]) -> None:
    """The supplier's code: the 统一社会信用代码 in the supplier's row, or the row under it."""
    from slq_desk.extract.grid import grid_value

    supplier = grid_value(found, _SUPPLIER_LABELS, r"[\u4e00-\u9fff]{4,}")
    if supplier is None:
        return
    label = supplier[0]
    height = label.box[3] - label.box[1]
    ids = [b for b in found if b.page == label.page and re.fullmatch(TAX_ID_PATTERN, compact(b.text))
           and -0.5 * height <= b.box[1] - label.box[1] <= 2.5 * max(height, 10.0)]
    ids.sort(key=lambda b: (b.box[1], b.box[0]))
    if ids:
        out.put("supplier_id", ids[0].field(compact(ids[0].text)))


def _shareholders(out: Extraction, lines: list[Line]) -> None:
    found = find_header(lines, SHAREHOLDER_COLUMNS, required=("name", "share"))
    if found is None:
        return
    head, centres = found
    body: list[Line] = []
    for line in lines[head + 1:head + 8]:
        cells = line.cells()
        if len(cells) != 2 or not re.fullmatch(r"\d+(\.\d+)?%?", cells[-1][2].strip()):
            break
        body.append(line)
    for row in read_rows(body, centres, anchor="share"):
        name, share = row.text("name", raw=True), plain_number((row.text("share") or "").rstrip("%"))
        if name and share:
            out.items.append({"name": Field(name, row.page("name"), row.bbox("name")),
                              "share": Field(share, row.page("share"), row.bbox("share"))})


def _letter(labels: Sequence[tuple[str, Sequence[str]]]) -> Callable[[DocText], Extraction]:
    def extract(text: DocText) -> Extraction:
        out = Extraction()
        lines = list(text.lines())
        for field_name, names in labels:
            _name(out, lines, field_name, names, _COLON)
        return out
    return extract


def _supplier_qualification(text: DocText) -> Extraction:
    out = _letter([("supplier_name", ("算力供给方",))])(text)
    lines = list(text.lines())
    hit = first(lines, re.compile(r"兹证明\s*,?\s*(?P<v>[^,，\t]+?)\s*自\s*\d{4}\s*年"))
    out.put("applicant_name", hit.field() if hit else None)
    hit = first(lines, re.compile(r"累计使用\s*(?P<v>[\d,]+)\s*卡时"))
    if hit and (value := plain_number(hit.text)):
        out.put("card_hours", hit.field(value))
    return out


_LETTERS: dict[str, Callable[[DocText], Extraction]] = {
    "commitment_letter": _letter([("applicant_name", APPLICANT_LABELS)]),
    "credit_report": _letter([("applicant_name", APPLICANT_LABELS)]),
    "sme_declaration": _letter([("applicant_name", APPLICANT_LABELS)]),
    "implementation_report": _letter([("applicant_name", APPLICANT_LABELS)]),
    "business_licence": _letter([("name", ("名称", "企业名称")), ("uscc", ("统一社会信用代码",)),
                                 ("legal_representative", ("法定代表人", "负责人"))]),
    "authorisation_letter": _letter([("applicant_name", APPLICANT_LABELS),
                                     ("legal_representative", ("法定代表人",)),
                                     ("agent_name", ("被授权人", "受托人", "代理人"))]),
    "legal_rep_id": _letter([("applicant_name", APPLICANT_LABELS),
                             ("legal_representative", ("法定代表人",)),
                             ("id_number", ("公民身份号码", "身份证号码", "身份证号"))]),
    "model_filing": _letter([("applicant_name", APPLICANT_LABELS),
                             ("filing_number", ("备案编号", "登记编号"))]),
    "voucher_certificate": _letter([("applicant_name", APPLICANT_LABELS),
                                    ("certificate_number", ("凭证编号", "算力券编号"))]),
    "supplier_qualification": _supplier_qualification,
}


def form_extractor(kind: str) -> Callable[[DocText], Extraction] | None:
    if kind == "application_form":
        return extract_application_form
    from slq_desk.extract.letters import letter_extractor

    extractor = letter_extractor(kind)
    return extractor if extractor is not None else _LETTERS.get(kind)
