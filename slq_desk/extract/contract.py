"""Service contracts (算力服务合同 / 采购合同 / 租赁协议): every figure the policies use.

Parties and their 统一社会信用代码 (``parties.py``: synonyms, 以下简称, two-column headers),
number, signing date, term, total and tax (元 or 万元, figures or 大写, on any page), card
model and whether it is domestic (the accelerator catalogue decides; an unknown model is a
finding for a person), card-hours and unit price, service mode, purpose, the statement on other
subsidies, and the fee table's lines tagged compute / storage / network / … (``services.py``),
because only some of them are subsidised. Values are found by label and position
(``geometry.py``), never by a fixed line template.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from slq_desk.extract.catalogue import find_in
from slq_desk.extract.evidence import Extraction, Field, FindingData
from slq_desk.extract.find import (
    AMOUNT,
    CURRENCY,
    DATE,
    WORDS,
    Block,
    Hit,
    amount_str,
    date_str,
    first,
    parse_amount,
    parse_date,
    plain_number,
    search,
)
from slq_desk.extract.geometry import find_value
from slq_desk.extract.normalise import compact, normalise, spaced
from slq_desk.extract.parties import BUYER, SUPPLIER, find_parties, party_ids
from slq_desk.extract.services import service_of
from slq_desk.extract.table import find_header, read_rows
from slq_desk.extract.text import DocText, Line

TEXT = r"[^\t]+?(?=\t|$|\s+[^\s:]{1,15}:|[。;；])"
_NUMBER_VALUE = r"[A-Za-z0-9][A-Za-z0-9_\-/()\[\]〔〕]*[A-Za-z0-9)\]〕]"
_NUMBER_LABELS = ("合同登记编号", "合同编号", "合同号", "协议编号", "合同编码", "合同序号", "编号")
_SIGNED_LABELS = ("签订日期", "签约日期", "签署日期", "签订时间", "签约时间", "合同签订日期",
                  "签订日", "生效日期")
_SIGNED_PROSE = re.compile(rf"(?:于|在)\s*(?P<v>{DATE})\s*(?:在[^,，。]{{0,20}})?(?:签订|签署|订立|签约)")
_DATE_LABEL = re.compile(rf"(?<![\u4e00-\u9fff])(?:{spaced('日期')}|{spaced('签约时间')})\s*:\s*(?P<v>{DATE})")
_TERM_WORDS = ("服务期限", "服务期", "租用期限", "租赁期限", "合同期限", "合同有效期", "有效期限",
               "有效期", "服务周期", "服务时间", "使用期限", "履行期限", "服务期间")
_TERM = re.compile(
    rf"(?:{'|'.join(spaced(w) for w in _TERM_WORDS)})[^\t\d]{{0,14}}?(?P<a>{DATE})\s*(?:起)?\s*"
    rf"(?:至|到|-|~|—|－)\s*(?P<b>{DATE})")
_TERM_PROSE = re.compile(rf"自\s*(?P<a>{DATE})\s*(?:起)?\s*(?:至|到)\s*(?P<b>{DATE})\s*止?")
_TERM_MONTHS = re.compile(
    rf"(?:{'|'.join(spaced(w) for w in _TERM_WORDS)})[^\t\d]{{0,8}}?(?P<n>\d{{1,2}})\s*个月"
    rf"[^\t]{{0,12}}?(?:自|从)\s*(?P<a>{DATE})")
_TOTAL_WORDS = ("合同总价", "合同总金额", "合同总额", "合同金额", "合同价款", "合同总价款", "总价款",
                "服务费总额", "服务费用总额", "服务费用总计", "服务总价", "服务总费用", "费用总额",
                "总费用", "价款总额", "含税总价", "合同价格", "总金额", "总价", "合计金额", "价税合计")
# The largest share of a contract's total its VAT can be (rates are 13% at most).
MAX_TAX_SHARE = Decimal("0.2")
_TAX_WORDS = ("增值税税额", "增值税额", "其中税额", "其中增值税", "税额", "税金")
_EX_TAX_WORDS = ("不含税金额", "不含税价款", "不含税总价", "不含税价", "不含税总额")
_RATE = re.compile(r"(?:税率|增值税率|增值税)\s*(?:为|:)?\s*(?P<v>\d{1,2}(?:\.\d+)?)\s*%"
                   r"|(?P<w>\d{1,2}(?:\.\d+)?)\s*%\s*(?:的)?\s*(?:增值税|税率)")
_CARD_LABELS = ("算力卡型号", "加速卡型号", "GPU卡型号", "GPU型号", "NPU型号", "芯片型号", "卡型号",
                "算力型号", "算力卡类型", "算力卡", "卡型", "加速卡", "芯片", "型号")
_HOURS = re.compile(
    rf"(?:{'|'.join(spaced(w) for w in ('算力总量', '总卡时', '卡时总量', '合计卡时', '卡时数', '服务规模', '算力规模', '采购规模', '采购数量', '服务总量', '算力服务量', '共计', '合计', '总计', '累计', '总量'))})"
    r"[^\t\d]{0,10}?(?P<v>\d[\d,]*(?:\.\d+)?)\s*(?P<wan>万)?\s*(?:个)?\s*卡\s*[·*×xX]?\s*(?:时|小时)")
_PRICE = re.compile(
    rf"(?:{'|'.join(spaced(w) for w in ('服务单价', '计费单价', '算力单价', '结算单价', '单价', '价格', '费率'))})"
    rf"[^\t\d¥]{{0,10}}?(?P<v>(?:{CURRENCY}\s*)?\d[\d,]*(?:\.\d+)?)\s*元?\s*/\s*(?:卡\s*[·*×xX]?\s*(?:时|小时)|卡时)")
_PRICE_ANY = re.compile(
    r"(?:每\s*卡\s*[·*每]?\s*(?:时|小时)\s*(?:人民币|¥)?\s*(?P<a>\d[\d,]*(?:\.\d+)?)\s*元"
    r"|(?P<b>\d[\d,]*(?:\.\d+)?)\s*元\s*/\s*(?:卡\s*[·*×xX]?\s*(?:时|小时)|卡时))")
_MODE_PROSE = re.compile(
    r"以\s*(?P<v>[^,，。;；\t以]{2,30}?)\s*(?:的)?\s*(?:方式|形式|模式)\s*(?:向|为|提供|交付)")
_COUNT_LABELS = ("算力卡数量", "加速卡数量", "卡数量", "卡数", "租用卡数", "GPU数量", "NPU数量")
_COUNT_PROSE = (
    re.compile(r"(?:共计|合计|总计|共|规模为)[^,，。;；\d]{0,4}(?:\d+\s*台\s*[、,，]\s*)?"
               r"(?P<v>\d{1,5})\s*(?:张|块|卡)(?![时\d·*])"),
    re.compile(r"(?:租用|数量为|配置)\s*(?P<v>\d{1,5})\s*(?:张|块|卡)(?![时\d·*])"),
)
_AMOUNT_NEAR = re.compile(
    rf"[^\d。;；]{{0,16}}?(?P<v>(?:{CURRENCY}\s*:?\s*)*\d{{1,3}}(?:,\s*\d{{3}})+(?:\.\d+)?\s*万?元"
    rf"|(?:{CURRENCY}\s*:?\s*)*\d+(?:\.\d+)?\s*万?元)")
_SUPPORT = re.compile(
    rf"(?<![未没])(?:已|已经)?(?:获得|享受|获)[^。;；]{{0,30}}?(?:补贴|资金|支持)[^。;；\d]{{0,12}}?"
    rf"(?P<v>(?:{CURRENCY}\s*)?\d[\d,]*(?:\.\d+)?\s*万?元)")
_MODE_LABELS = ("租用方式", "服务方式", "服务模式", "交付方式", "租赁方式", "部署方式", "服务形式", "使用方式",
                "供给方式", "交付形式")
_MODE_WORDS = ("裸金属", "云主机", "容器实例", "专属集群", "整机租赁", "公有云", "私有云", "私有化部署",
               "托管", "MaaS", "API调用")
_PURPOSE_LABELS = ("算力用途", "服务用途", "使用用途", "项目用途", "用途", "应用场景", "主要用途")
_PURPOSE_PROSE = (re.compile(r"(?<![适可])(?:主要用于|用于)(?P<v>[^,，。;；\t]{4,60})"),
                  re.compile(r"满足(?P<v>[^,，。;；\t]{4,30}?)(?:的)?需(?:要|求)"))
_SUBSIDY = re.compile(r"(?:其他|其它|各级|重复)\S{0,8}(?:财政)?补贴|财政补贴|财政资金支持|重复申报|重复享受")
_ORIGIN = re.compile(r"\((?P<o>非?国产|自主可控|非自主可控)\)")

LINE_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("服务项目", "服务内容", "项目名称", "服务名称", "产品名称", "资源名称", "服务类型",
             "产品/服务", "项目", "名称", "内容"),
    "spec": ("规格/型号", "规格型号", "配置规格", "算力卡型号", "卡型号", "型号", "规格", "配置", "卡型"),
    "unit": ("计量单位", "单位"),
    "card_count": ("卡数", "卡数量", "加速卡数量", "台数", "节点数"),
    "quantity": ("数量", "卡时数", "卡时", "使用量", "时长", "用量"),
    "unit_price": ("单价",),
    "amount": ("金额", "总价", "小计", "合价", "费用", "价格"),
    "tax": ("税额",),
}


def extract_contract(text: DocText) -> Extraction:
    out = Extraction(kind="contract")
    lines = list(text.lines())
    hit = find_value(lines, _NUMBER_LABELS, _NUMBER_VALUE)
    out.put("contract_number", hit.field() if hit else None)
    _parties(out, lines)
    _signed(out, text, lines)
    _term(out, lines)
    _card(out, lines)
    table_total, ex_tax, table_tax = _lines(out, text)
    _cards_of_lines(out)
    _money(out, lines, table_total, ex_tax, table_tax)
    _hours_and_price(out, lines)
    _mode_and_purpose(out, lines)
    _card_count(out, lines)
    support = first(lines, _SUPPORT)
    if support is not None and (value := amount_str(support.text)):
        out.put("other_fiscal_support", support.field(value))
    clause = first(lines, _SUBSIDY, 0)
    out.put("other_subsidy_clause", clause.field("true") if clause else Field("false"))
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


def _parties(out: Extraction, lines: list[Line]) -> None:
    parties = find_parties(lines)
    for role, name in ((BUYER, "buyer_name"), (SUPPLIER, "supplier_name")):
        if role in parties:
            out.put(name, parties[role].name.field())
    for role, hit in party_ids(lines, parties).items():
        out.put("buyer_id" if role == BUYER else "supplier_id", hit.field())


def _signed(out: Extraction, text: DocText, lines: list[Line]) -> None:
    hit = find_value(lines, _SIGNED_LABELS, DATE)
    if hit is None:
        hit = first(lines, _SIGNED_PROSE)
    if hit is None and text.pages:
        # The signature block: the last "日期：" of the document (both sides sign the same day).
        dates = [h for page in text.pages[-2:] for h in _search_all(page.lines, _DATE_LABEL)]
        hit = dates[-1] if dates else None
    if hit and (iso := date_str(hit.text)):
        out.put("signed_on", hit.field(iso))


def _search_all(lines: list[Line], pattern: re.Pattern[str]) -> list[Hit]:
    from slq_desk.extract.find import search

    return list(search(lines, pattern))


def _term(out: Extraction, lines: list[Line]) -> None:
    for pattern in (_TERM, _TERM_PROSE):
        for line in lines:
            m = pattern.search(line.text)
            if m is None:
                continue
            start, end = date_str(m.group("a")), date_str(m.group("b"))
            if start and end and start <= end:
                out.put("term_start", Field(start, line.page, line.span_bbox(*m.span("a"))))
                out.put("term_end", Field(end, line.page, line.span_bbox(*m.span("b"))))
                return
    for line in lines:
        m = _TERM_MONTHS.search(line.text)
        begin = parse_date(m.group("a")) if m else None
        if m is None or begin is None:
            continue
        months = int(m.group("n"))
        year, month = divmod(begin.month - 1 + months, 12)
        try:
            end_day = date(begin.year + year, month + 1, begin.day) - timedelta(days=1)
        except ValueError:
            continue
        box = line.span_bbox(*m.span())
        out.put("term_start", Field(begin.isoformat(), line.page, line.span_bbox(*m.span("a"))))
        out.put("term_end", Field(end_day.isoformat(), line.page, box, source="computed"))
        return


def _card(out: Extraction, lines: list[Line]) -> None:
    hit = find_value(lines, _CARD_LABELS, TEXT)
    chosen: Hit | None = None
    printed = split_origin(hit.raw)[1] if hit is not None else None
    if hit is not None:
        found = find_in(hit.text)
        if found is not None:
            # Keep the maker's name printed just before the model ("NVIDIA H20", "昇腾910B").
            chosen = _with_brand(Hit(hit.line, hit.start + found[1], hit.start + found[2]))
    if chosen is None:
        for line in lines:
            found = find_in(line.text, brands=False)
            if found is not None:
                chosen = _with_brand(Hit(line, found[1], found[2]))
                break
    if chosen is None and hit is not None:
        # A model the catalogue does not know: taken when it looks like one (letters and digits).
        model, _printed = split_origin(hit.raw)
        if re.search(r"[A-Za-z\u4e00-\u9fff]+\s*-?\s*\d", normalise(model)):
            chosen = hit
    if chosen is None:
        return
    model, stated = split_origin(chosen.raw)
    printed = stated or printed
    out.put("card_model", chosen.field(model))
    _domestic(out, chosen, model, printed)


def _cards_of_lines(out: Extraction) -> None:
    """A fee table with lines on several cards (昇腾910B and NVIDIA H20): the contract's card is
    all of them, and it is domestic only when every one is (the first one named in the text
    said only part of it)."""
    seen: dict[str, tuple[str, bool, Field]] = {}
    for item in out.items:
        if "service" in item and item["service"].value != "compute":
            continue
        field = item.get("spec") or item.get("name")
        if field is None:
            continue
        found = find_in(field.value, brands=False)
        if found is None:
            continue
        entry = found[0]
        seen.setdefault(entry.name, (field.value.strip(), entry.domestic, field))
    if len(seen) == 1:
        name, (printed, _domestic, spec) = next(iter(seen.items()))
        _card_from_spec(out, name, printed, spec)
    if len(seen) < 2:
        return
    first = next(iter(seen.values()))[2]
    out.fields["card_model"] = Field("、".join(printed for printed, _, _ in seen.values()),
                                     first.page, first.bbox)
    out.fields["domestic"] = Field("true" if all(d for _, d, _ in seen.values()) else "false",
                                   first.page, first.bbox, source="catalogue")


def _card_from_spec(out: Extraction, name: str, printed: str, spec: Field) -> None:
    """One card in the fee table: its 规格/型号 cell names it in full ("NVIDIA L40S", a wrapped
    "寒武纪MLU370-X8") where the text's first mention may be short ("L40S GPU算力服务"). The
    cell wins only when it names the same catalogue model and says more."""
    current = out.fields.get("card_model")
    if current is None or current.value == printed or current.value not in printed:
        return
    found = find_in(current.value, brands=False)
    if found is None or found[0].name != name or len(printed) > 40:
        return
    # A cell read glyph by glyph can lose the space after a Latin maker ("NVIDIAL40S").
    printed = re.sub(r"^(NVIDIA|AMD|Intel)(?=[A-Za-z0-9])", r"\1 ", printed, flags=re.IGNORECASE)
    out.fields["card_model"] = Field(printed, spec.page, spec.bbox)


def _with_brand(hit: Hit) -> Hit:
    text = hit.line.text
    m = re.search(r"(?:NVIDIA|英伟达|华为|昇腾|Ascend|海光|寒武纪|昆仑芯|沐曦|壁仞|摩尔线程|天数智芯|"
                  r"燧原|AMD|Intel)\s*(?:DCU\s*)?$", text[max(0, hit.start - 12):hit.start],
                  re.IGNORECASE)
    if m is None:
        return hit
    return Hit(hit.line, max(0, hit.start - 12) + m.start(), hit.end)


def _domestic(out: Extraction, hit: Hit, model: str, printed: str | None) -> None:
    """Domestic or not, decided by the catalogue; what the document prints is kept beside it."""
    if printed is not None:
        out.put("domestic_stated", hit.field(printed))
    found = find_in(model)
    if found is None:
        out.findings.append(FindingData(
            "card_model_unknown", "warn",
            f"算力卡型号“{model}”不在目录中，请人工认定是否国产",
            f"card model '{model}' is not in the accelerator catalogue; a person must decide "
            "whether it is domestic", hit.line.page, hit.line.span_bbox(hit.start, hit.end)))
        return
    entry = found[0]
    out.put("domestic", Field("true" if entry.domestic else "false", hit.line.page,
                              hit.line.span_bbox(hit.start, hit.end), source="catalogue",
                              confidence=80 if entry.family else 100))
    if printed is not None and (printed == "true") != entry.domestic:
        out.findings.append(FindingData(
            "domestic_claim_mismatch", "warn",
            f"合同称“{model}”为{'国产' if printed == 'true' else '非国产'}，"
            f"目录所载为{'国产' if entry.domestic else '非国产'}（{entry.vendor}）",
            f"the contract calls '{model}' {'domestic' if printed == 'true' else 'foreign'}; "
            f"the catalogue says {'domestic' if entry.domestic else 'foreign'} ({entry.vendor})",
            hit.line.page, hit.line.span_bbox(hit.start, hit.end)))


def _amount_after(line: Line, start: int, reach: int = 70) -> Hit | None:
    """The first amount after ``start``: a figure (with 元/万元/currency/separators), else 大写."""
    window = line.text[start:start + reach]
    for m in re.finditer(rf"(?P<v>{AMOUNT})", window):
        raw = m.group("v")
        digits = re.sub(r"\D", "", raw)
        if not digits or re.search(r"个月|年|日|%", window[m.end():m.end() + 2]):
            continue
        # A bare integer is an amount only with a currency word, 元, separators or decimals.
        if not re.search(rf"{CURRENCY}|元|,|\.\d", raw) and not re.search(
                rf"{CURRENCY}\s*:?\s*$", window[:m.start()]):
            continue
        return Hit(line, start + m.start("v"), start + m.end("v"))
    words = re.search(rf"(?P<v>{WORDS})", window)
    if words is not None:
        return Hit(line, start + words.start("v"), start + words.end("v"))
    return None


def _labelled_amount(lines: list[Line], words: tuple[str, ...],
                     avoid: str = "不单") -> Hit | None:
    # In prose a label follows other words ("本合同总价（含税）为…"): only 不 (不含税总价) and
    # 单 (单价) before it make it another label.
    label = re.compile(f"(?<![{avoid}])(?:" + "|".join(
        spaced(w) for w in sorted(words, key=len, reverse=True)) + ")")
    for n, line in enumerate(lines):
        for m in label.finditer(line.text):
            hit: Hit | Block | None = _amount_after(line, m.end())
            nxt = lines[n + 1] if n + 1 < len(lines) and lines[n + 1].page == line.page else None
            if nxt is not None and len(line.text) - m.end() < 24 and (
                    hit is None or (isinstance(hit, Hit) and hit.end >= len(line.text.rstrip()) - 1)):
                # A sentence wrapped near its label: the amount may run onto the next line
                # ("其中不含税金额880," + "000.00元").
                joined = _span_in_pair(line, nxt, _AMOUNT_NEAR, m.end(), anchored=True)
                if joined is not None and (hit is None or len(joined.text) > len(hit.text)):
                    hit = joined
            if hit is not None and parse_amount(hit.text) is not None:
                return hit  # type: ignore[return-value]
    # The value in the cell beside or under a label that stands alone.
    hit = find_value(lines, words, rf"(?:{AMOUNT}|{WORDS})")
    if hit is not None and parse_amount(hit.text) is not None:
        return hit
    return None


def _words_near(hit: Hit | Block) -> Hit | None:
    """The 大写 printed with a figure ("人民币362,520.00元（大写：叁拾陆万…元整）")."""
    if isinstance(hit, Block):
        hit = hit.parts[-1]
    window = hit.line.text[max(0, hit.start - 40):hit.end + 40]
    m = re.search(rf"(?:{WORDS})", window)
    if m is None:
        return None
    offset = max(0, hit.start - 40)
    start, end = offset + m.start(), offset + m.end()
    text = hit.line.text[start:end]
    cut = re.match(r"(?:人民币\s*)", text)
    return Hit(hit.line, start + (cut.end() if cut else 0), end)


def _money(out: Extraction, lines: list[Line], table_total: Field | None,
           table_ex_tax: bool = False, table_tax: Field | None = None) -> None:
    hit = _labelled_amount(lines, _TOTAL_WORDS)
    if hit is not None and (value := amount_str(hit.text)):
        out.put("total", hit.field(value))
        words = _words_near(hit)
        if words is not None and amount_str(words.text) == value:
            out.put("total_in_words", words.field(re.sub(r"\s", "", words.text)))
    elif table_total is not None and not table_ex_tax:
        out.put("total", table_total)
    hit = _labelled_amount(lines, _TAX_WORDS, avoid="不单含")
    total = parse_amount(out.fields["total"].value) if "total" in out.fields else None
    if hit is not None and (value := amount_str(hit.text)) and (
            total is None or Decimal(value) <= total * MAX_TAX_SHARE):
        # A "tax" above a fifth of the total is another column's figure read under the 税额
        # title (a scanned table's rows drift), not a VAT amount (rates are at most 13%).
        out.put("tax", hit.field(value))
    elif table_tax is not None and (total is None or Decimal(table_tax.value) <= total * MAX_TAX_SHARE):
        # No sentence says the tax: the fee table's 税额 column does, in its 合计 row.
        out.put("tax", table_tax)
    hit = _labelled_amount(lines, _EX_TAX_WORDS)
    if hit is not None and (value := amount_str(hit.text)):
        out.put("amount", hit.field(value))
    elif table_total is not None and table_ex_tax:
        out.put("amount", table_total)
    for line in lines:
        m = _RATE.search(line.text)
        if m is not None:
            group = "v" if m.group("v") else "w"
            rate = Hit(line, *m.span(group))
            out.put("tax_rate", rate.field(f"{rate.text}%"))
            break


def _hours_and_price(out: Extraction, lines: list[Line]) -> None:
    for line in lines:
        m = _HOURS.search(line.text)
        if m is None:
            continue
        value = plain_number(m.group("v"))
        if value is None:
            continue
        if m.group("wan"):
            value = _plain(Decimal(value) * 10000)
        out.put("card_hours", Field(value, line.page, line.span_bbox(*m.span())))
        break
    if "card_hours" not in out.fields:
        hours = [i for i in out.items if "quantity" in i and "卡时" in (
            i["unit"].value if "unit" in i else i.get("_quantity_title", Field("")).value)
            and i["service"].value == "compute"]
        if hours and all(plain_number(i["quantity"].value) for i in hours):
            total = sum((Decimal(i["quantity"].value) for i in hours), Decimal(0))
            out.put("card_hours", Field(_plain(total), hours[0]["quantity"].page,
                                        hours[0]["quantity"].bbox, source="computed"))
    hit = first(lines, _PRICE)
    if hit is None:
        for line in lines:
            m = _PRICE_ANY.search(line.text)
            if m is not None:
                group = "a" if m.group("a") else "b"
                hit = Hit(line, *m.span(group))
                break
    if hit and (value := amount_str(hit.text)):
        out.put("unit_price", hit.field(value))
        after = hit.line.text[hit.end:hit.end + 14]
        said = re.search(r"\((不)?含税", after) or re.search(r"(不)?含税", hit.line.text[:hit.start][-12:])
        if said is not None:
            out.put("unit_price_includes_tax", hit.field("false" if said.group(1) else "true"))
    else:
        prices = [i["unit_price"] for i in out.items
                  if "unit_price" in i and i["service"].value == "compute"]
        if prices:
            out.put("unit_price", prices[0])
    if "unit_price" in out.fields and "unit_price_includes_tax" not in out.fields:
        # The fee table's column title says it (含税单价 / 单价（元，不含税）) for the price
        # the table prints.
        price = out.fields["unit_price"].value
        said_by_title = [i["_price_tax"] for i in out.items
                         if "_price_tax" in i and i["service"].value == "compute"
                         and i["unit_price"].value == price]
        if said_by_title:
            out.put("unit_price_includes_tax", said_by_title[0])
    for item in out.items:
        item.pop("_quantity_title", None)
        item.pop("_price_tax", None)


def _card_count(out: Extraction, lines: list[Line]) -> None:
    hit = find_value(lines, _COUNT_LABELS, r"\d{1,5}(?=\s*(?:张|块|卡|台)?(?![\d时]))")
    for pattern in _COUNT_PROSE:
        hit = hit or first(lines, pattern)
    for pattern in _COUNT_PROSE:
        # A sentence wrapped between the figure and its unit ("…算力(共32" / "卡),并提供…").
        joined = None if hit is not None else _joined_first(lines, pattern)
        hit = hit or (joined if isinstance(joined, Hit) else None)
    if hit is not None:
        out.put("card_count", hit.field(hit.text))
        return
    counts = [i["card_count"] for i in out.items if "card_count" in i]
    if len(counts) == 1:
        out.put("card_count", counts[0])


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def _mode_and_purpose(out: Extraction, lines: list[Line]) -> None:
    found = find_value(lines, _MODE_LABELS, TEXT) or first(lines, _MODE_PROSE) \
        or _joined_first(lines, _MODE_PROSE)
    if found is not None:
        out.put("service_mode", found.field() if isinstance(found, Block) else _trimmed(found).field())
    else:
        for line in lines:
            word = next((w for w in _MODE_WORDS if w in line.text), None)
            if word is not None:
                at = line.text.index(word)
                out.put("service_mode", Hit(line, at, at + len(word)).field())
                break
    hit = find_value(lines, _PURPOSE_LABELS, TEXT)
    if hit is not None and "用于" in hit.text:  # "买方采购上述资源用于…": the purpose is after it
        hit = Hit(hit.line, hit.line.text.index("用于", hit.start) + 2, hit.end)
    for pattern in _PURPOSE_PROSE:
        for candidate in search(lines, pattern):
            before = candidate.line.text[:candidate.start]
            if hit is None and _purpose_ok(before[:-2], candidate.text):
                hit = candidate
        joined = _joined_first(lines, pattern, lambda b, v: _purpose_ok(b[:-2], v)) \
            if hit is None else None
        if joined is not None:
            out.put("purpose", joined.field())
            return
    if hit is not None:
        full = _continued(lines, hit)
        out.put("purpose", full.field() if isinstance(full, Block) else _trimmed(full).field())


def _joined_first(lines: list[Line], pattern: re.Pattern[str],
                  accept: Callable[[str, str], bool] | None = None) -> Hit | Block | None:
    """A match in a sentence that wraps onto the next line (its evidence is both parts);
    ``accept(text before, value)`` may refuse one."""
    for a, b in zip(lines, lines[1:], strict=False):
        if a.page != b.page:
            continue
        joined = a.text + b.text
        for m in pattern.finditer(joined):
            if accept is not None and not accept(joined[:m.start("v")], m.group("v")):
                continue
            return _span_in_pair(a, b, pattern, m.start())
    return None


def _continued(lines: list[Line], hit: Hit) -> Hit | Block:
    """A clause value that runs to the end of its line goes on at the start of the next."""
    if hit.end < len(hit.line.text.rstrip()):
        return hit
    at = next((i for i, ln in enumerate(lines) if ln is hit.line), None)
    if at is None or at + 1 >= len(lines) or lines[at + 1].page != hit.line.page:
        return hit
    nxt = lines[at + 1]
    m = re.match(r"\s*(?P<v>[^,，。;；:\t]{1,20}?)[,，。;；]", nxt.text)
    if m is None:
        return hit
    return Block((hit, Hit(nxt, m.start("v"), m.end("v"))))


def _purpose_ok(before: str, value: str) -> bool:
    return not re.search(r"(不得|禁止|不可|严禁|或)\s*$", before[-12:]) \
        and not value.startswith(("任何", "其他", "本协议", "本合同"))


def _span_in_pair(a: Line, b: Line, pattern: re.Pattern[str], offset: int = 0,
                  group: str = "v", anchored: bool = False) -> Hit | Block | None:
    joined = a.text + b.text
    m = pattern.match(joined, offset) if anchored else pattern.search(joined, offset)
    if m is None:
        return None
    start, end = m.span(group)
    cut = len(a.text)
    if end <= cut:
        return Hit(a, start, end)
    if start >= cut:
        return Hit(b, start - cut, end - cut)
    return Block((Hit(a, start, cut), Hit(b, 0, end - cut)))


def _trimmed(hit: Hit) -> Hit:
    """A clause's value without the sentence's closing punctuation."""
    end = hit.end
    while end > hit.start + 1 and hit.line.text[end - 1] in "。.,，;；、 ":
        end -= 1
    return Hit(hit.line, hit.start, end)


def _service(name: str, spec: str) -> str:
    service = service_of(name)
    if service == "other" and spec:
        service = service_of(spec)
        if service == "other" and find_in(spec) is not None:
            service = "compute"
    return service


def _price_title_tax(header: str) -> str | None:
    """Whether the fee table's unit-price column says tax is in it: "true" for 含税单价 or
    单价（元，含税）, "false" for 不含税单价 or 单价（不含税）, None when its title says neither
    (the 金额 column's own words do not count)."""
    m = re.search(r"(不)?含税单价", header)
    if m is not None:
        return "false" if m.group(1) else "true"
    m = re.search(r"单价[（(]([^）)]*)[）)]", header)
    if m is not None and "含税" in m.group(1):
        return "false" if "不含税" in m.group(1) else "true"
    # A title wrapped over two lines ("单价（元，不" / "含税）"): the header's lines are joined
    # column by column, so the next title follows the cut; 不 or 含 at the cut says it.
    m = re.search(r"单价[（(][^）)（(]{0,8}?(不|含)(?!税)", header)
    if m is not None:
        return "false" if m.group(1) == "不" else "true"
    return None


def _lines(out: Extraction, text: DocText) -> tuple[Field | None, bool, Field | None]:
    """The fee table's lines, on whichever page it is; returns its 合计 row's amount, whether
    the table's amounts are tax excluded (its header says 不含税), and the 合计 row's 税额 when
    the table has that column."""
    total: Field | None = None
    total_tax: Field | None = None
    ex_tax = False
    for page in text.pages:
        lines = page.lines
        found = find_header(lines, LINE_COLUMNS, required=("name", "amount"))
        if found is None:
            continue
        head, centres = found
        header_text = compact(" ".join(ln.text for ln in lines[max(0, head - 2):head + 1]))
        in_wan = "万元" in header_text
        # A title wrapped over lines ("金额（元，不含" / "税）") splits 不含税 in two.
        ex_tax = "不含税" in header_text or (
            "不含" in header_text and not re.search("(?<!不)含税", header_text))
        quantity_title = "卡时" if re.search("卡时", header_text) else ""
        price_tax = _price_title_tax(header_text)
        body: list[Line] = []
        for line in lines[head + 1:]:
            if body and line.bbox[1] - body[-1].bbox[3] > 40:
                break
            body.append(line)
        for row in read_rows(body, centres, anchor="amount"):
            name = row.text("name", raw=True) or ""
            value = amount_str(row.text("amount") or "")
            if value is None:
                continue
            if in_wan:
                value = f"{Decimal(value) * 10000:.2f}"
            label = compact(name)
            if not name or re.match(r"^(合计|总计|小计|共计|价税合计)", label):
                if re.match(r"^(合计|总计|共计|价税合计)", label) or not name:
                    total = total or Field(value, row.page("amount"), row.bbox("amount"))
                    tax = amount_str(row.text("tax") or "")
                    if tax is not None and total_tax is None:
                        if in_wan:
                            tax = f"{Decimal(tax) * 10000:.2f}"
                        total_tax = Field(tax, row.page("tax"), row.bbox("tax"))
                continue
            item = {
                "name": Field(name, row.page("name"), row.bbox("name")),
                "service": Field(_service(name, row.text("spec", raw=True) or ""),
                                 row.page("name"), row.bbox("name")),
                "amount": Field(value, row.page("amount"), row.bbox("amount")),
            }
            for column in ("spec", "unit", "quantity", "unit_price", "card_count"):
                raw = row.text(column, raw=True)
                if not raw:
                    continue
                if column == "unit" and not row.text("quantity") and (
                        m := re.search(r"\d[\d,]*", raw)) and re.fullmatch(
                        r"[\W_]*(卡时|卡·时|卡小时)[\W_]*", raw[:m.start()] + raw[m.end():]):
                    # 计费单位 printed with its quantity ("10000 卡时"): both are said.
                    number = plain_number(m.group())
                    if number is not None:
                        item["quantity"] = Field(number, row.page(column), row.bbox(column))
                        item["unit"] = Field("卡时", row.page(column), row.bbox(column))
                        continue
                if column == "quantity" and "卡时" in raw and not row.text("unit"):
                    item["unit"] = Field("卡时", row.page(column), row.bbox(column))
                if column in ("quantity", "card_count"):
                    number = plain_number(re.sub(r"[^\d.,]", "", raw))
                    if number is None:
                        continue
                    raw = number
                elif column == "unit_price":
                    price = amount_str(re.sub(r"/.*$", "", raw))
                    if price is None:
                        continue
                    raw = price
                item[column] = Field(raw, row.page(column), row.bbox(column))
            if quantity_title:
                item["_quantity_title"] = Field(quantity_title)
            if price_tax is not None and "unit_price" in item:
                item["_price_tax"] = Field(price_tax, item["unit_price"].page,
                                           item["unit_price"].bbox)
            out.items.append(item)
        if out.items:
            break
    return total, ex_tax, total_tax
