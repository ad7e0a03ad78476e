"""Letters, certificates and proofs: 承诺函, 授权书, 营业执照, 身份证明, 信用报告, 备案/登记证明,
算力供给方证明, 算力券凭证, 中小企业声明函, 实施报告.

Each kind lists its fields with the label words such documents use and a value shape (an
organisation, a person, a date, an id, an amount …); a value is found after its label, beside it
or under it (``geometry.py``), and when no label carries it, in the sentences ("我单位某某公司申请",
"兹证明，某某公司（统一社会信用代码：…）", "本人张三（身份证号码：…）系…法定代表人",
"登记编号为…", "已于2026年1月15日完成登记"). Nothing is taken from a fixed line position.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from slq_desk.extract.catalogue import find_in
from slq_desk.extract.evidence import Extraction, Field
from slq_desk.extract.find import (
    AMOUNT,
    DATE,
    WORDS,
    Block,
    Hit,
    amount_str,
    date_str,
    first,
    search,
)
from slq_desk.extract.geometry import find_all
from slq_desk.extract.text import DocText, Line
from slq_desk.extract.uscc import TAX_ID_PATTERN

# An organisation as printed: ends with what organisations are called.
ORG_END = (r"(?:有限责任公司|股份有限公司|有限公司|分公司|研究院|研究所|研究中心|大学|学院|实验室|中心|"
           r"集团|事务所|合作社|(?:\(|（)有限合伙(?:\)|）))")
ORG = rf"[\u4e00-\u9fffA-Za-z0-9()（）·]{{2,40}}{ORG_END}"
PERSON = r"[\u4e00-\u9fff·]{2,5}?(?=$|\t|\s|\(|（|,|，|。|;|同志|先生|女士|系|为)"
IDCARD = r"\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
USCC = rf"(?:{TAX_ID_PATTERN})(?![0-9A-Z])"
CODE = r"[A-Za-z0-9][A-Za-z0-9\-_/]{4,48}[A-Za-z0-9]"
# Filing numbers carry the provider's name: "Beijing-某某Model-UFLC1H".
FILING = r"[A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff\-_/]{4,60}[A-Za-z0-9]"
TEXT = r"[^\t]{2,80}?(?=\t|$|\s+[^\s:]{1,15}:|[。;；])"

APPLICANT = ("承诺单位", "声明单位", "申报单位", "申请单位", "授权单位", "持券单位", "备案主体", "登记主体",
             "机构名称", "主体名称", "企业名称", "单位名称", "使用单位", "申请人", "承诺人", "声明人",
             "市场主体名称", "纳税人名称", "委托单位", "用户单位")
SUPPLIER = ("算力供给方", "算力服务机构", "算力服务商", "算力提供方", "算力服务提供方", "服务机构",
            "供给方", "服务商", "供应商", "提供方")
LEGAL_REP = ("法定代表人", "法人代表", "负责人", "执行事务合伙人", "经营者", "单位负责人")


def _valid_id_card(number: str) -> bool:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    if not re.fullmatch(r"\d{17}[\dXx]", number):
        return False
    total = sum(int(c) * w for c, w in zip(number[:17], weights, strict=True))
    return "10X98765432"[total % 11] == number[17].upper()


@dataclass(frozen=True)
class Spec:
    field: str
    labels: tuple[str, ...]
    value: str
    prose: tuple[str, ...] = ()  # regexes with a (?P<v>…) group, tried when no label has it
    convert: Callable[[str], str | None] | None = None
    below: bool = True


def _org(text: str) -> str | None:
    m = re.search(ORG, text)
    return m.group(0) if m else None


def _date(text: str) -> str | None:
    return date_str(text)


def _amount(text: str) -> str | None:
    return amount_str(text)


def _id_card(text: str) -> str | None:
    number = re.sub(r"\s", "", text).upper()
    return number if _valid_id_card(number) else None


def _until(text: str) -> str | None:
    dates = re.findall(DATE, text)
    return date_str(dates[-1]) if dates else None


_APPLICANT_PROSE = (
    rf"(?:我单位|我公司|本单位|本公司|本企业|我企业|我院|我校|本机构)\s*[(（]?\s*(?P<v>{ORG})",
    rf"兹证明\s*[,，:]?\s*(?P<v>{ORG})",
    rf"系\s*(?P<v>{ORG})\s*(?:的)?\s*法定代表人",
    rf"^\s*(?P<v>{ORG})\s*:\s*$",  # the addressee of a notice (登记证明 → the registrant)
)
_HOURS = (r"(?:累计|共计|合计|总计|交付|使用|租用)[^\t\d。]{0,8}?(?P<v>\d[\d,]*)\s*卡\s*[·*]?\s*(?:时|小时)",)


def _hours(text: str) -> str | None:
    cleaned = re.sub(r"[,\s]", "", text)
    return cleaned if cleaned.isdigit() else None


SPECS: dict[str, tuple[Spec, ...]] = {
    "commitment_letter": (Spec("applicant_name", APPLICANT, ORG, _APPLICANT_PROSE),),
    "sme_declaration": (Spec("applicant_name", APPLICANT, ORG, _APPLICANT_PROSE),),
    "authorisation_letter": (
        Spec("applicant_name", APPLICANT, ORG, _APPLICANT_PROSE),
        Spec("legal_representative", LEGAL_REP, PERSON,
             (rf"本人\s*(?P<v>{PERSON})\s*[(（,，]", rf"(?P<v>{PERSON})\s*(?:同志)?\s*系[^。]{{0,40}}法定代表人")),
        Spec("agent_name", ("被授权人", "受托人", "代理人", "委托代理人", "经办人"), PERSON,
             (rf"(?:现|特)?(?:授权|委托)\s*(?P<v>{PERSON})\s*[(（,，]",)),
    ),
    "legal_rep_id": (
        Spec("applicant_name", APPLICANT, ORG, _APPLICANT_PROSE),
        Spec("legal_representative", ("姓名", *LEGAL_REP), PERSON,
             (rf"(?P<v>{PERSON})\s*(?:同志)?\s*[(（][^)）]*[)）]?\s*系", rf"兹证明\s*(?P<v>{PERSON})\s*(?:同志)?",
              # An ID card read by OCR: "姓名张三" with no gap between label and name.
              r"^\s*姓\s*名\s*:?\s*(?P<v>[\u4e00-\u9fff·]{2,5})\s*$")),
        Spec("id_number", ("公民身份号码", "身份证号码", "身份证号", "证件号码"), IDCARD,
             (rf"(?<!\d)(?P<v>{IDCARD})(?![\dXx])",), _id_card),
    ),
    "business_licence": (
        Spec("name", ("名称", "企业名称", "单位名称", "市场主体名称"), TEXT),
        Spec("uscc", ("统一社会信用代码", "注册号"), USCC),
        Spec("legal_representative", LEGAL_REP, PERSON),
        Spec("registered_on", ("成立日期", "注册日期", "登记日期", "成立时间"), DATE, (), _date),
        Spec("address", ("住所", "地址", "经营场所", "营业场所", "主要经营场所"), TEXT),
    ),
    "credit_report": (
        Spec("report_number", ("报告编号", "编号", "报告号"), CODE),
        Spec("report_date", ("报告生成时间", "报告生成日期", "报告日期", "生成日期", "出具日期", "查询日期",
                             "生成时间"), DATE, (), _date),
        Spec("applicant_name", APPLICANT, ORG, _APPLICANT_PROSE),
        Spec("applicant_id", ("统一社会信用代码",), USCC),
    ),
    "model_filing": (
        Spec("applicant_name", (*APPLICANT, "服务提供者", "备案单位", "登记单位"), ORG, _APPLICANT_PROSE),
        Spec("filing_number", ("备案编号", "登记编号", "备案号", "登记号", "编号"), FILING,
             (rf"(?:备案|登记)(?:编号|号)\s*(?:为|是|:)\s*(?P<v>{FILING})",)),
        Spec("filed_on", ("备案日期", "登记日期", "备案时间", "登记时间"), DATE,
             (rf"(?:已于|于)\s*(?P<v>{DATE})\s*(?:完成|通过|予以)?\s*(?:备案|登记)",), _date),
        Spec("model_name", ("模型名称", "服务名称", "算法名称", "产品名称"), TEXT,
             (r"[“\"](?P<v>[^”\"]{2,40})[”\"]\s*(?:生成式|大模型|模型|算法|服务)",)),
    ),
    "supplier_qualification": (
        # The supplier signs this one: its "我单位" is the supplier, the applicant is whom it attests.
        Spec("applicant_name", ("租用单位", "使用单位", "需求方", "用户单位"), ORG,
             (rf"兹证明\s*[,，:]?\s*(?P<v>{ORG})",)),
        Spec("supplier_name", SUPPLIER, ORG,
             (rf"(?P<v>{ORG})\s*[(（]\s*(?:盖章|公章)", rf"(?:在|由)\s*(?P<v>{ORG})\s*(?:租用|提供)")),
        Spec("card_hours", ("累计交付", "累计使用", "交付卡时", "使用卡时"), r"\d[\d,]*", _HOURS, _hours),
    ),
    "voucher_certificate": (
        Spec("certificate_number", ("凭证编号", "算力券编号", "券编号", "证书编号", "编号"), CODE),
        Spec("applicant_name", ("持券单位", "持券企业", "申领单位", *APPLICANT), ORG, _APPLICANT_PROSE),
        Spec("applicant_id", ("统一社会信用代码",), USCC),
        Spec("supplier_name", SUPPLIER, ORG),
        Spec("face_value", ("券面额度", "券面金额", "券面值", "面值", "额度", "金额"), rf"(?:{AMOUNT}|{WORDS})",
             (), _amount),
        Spec("valid_until", ("有效期至", "有效期", "截止日期", "使用期限"), rf"{DATE}(?:\s*(?:至|-|~)\s*{DATE})?",
             (), _until),
    ),
    "implementation_report": (
        Spec("applicant_name", (*APPLICANT, "项目单位", "承担单位"), ORG, _APPLICANT_PROSE),
        Spec("project_name", ("项目名称", "课题名称", "项目"), TEXT,
             (r"[“\"《](?P<v>[^”\"》]{4,40}(?:项目|工程|平台|系统))[”\"》]",)),
        Spec("supplier_name", SUPPLIER, ORG,
             (rf"(?:租用|使用|采购)\s*(?P<v>{ORG})\s*(?:提供|的)", rf"(?:由|向)\s*(?P<v>{ORG})\s*(?:提供|供给)")),
        Spec("card_hours", ("累计使用卡时", "使用卡时", "卡时"), r"\d[\d,]*", _HOURS, _hours),
    ),
}


def _by_label(lines: Sequence[Line], spec: Spec) -> Hit | None:
    for hit in find_all(lines, spec.labels, spec.value, below=spec.below):
        if _accept(spec, hit.text):
            return hit
    return None


def _accept(spec: Spec, text: str) -> bool:
    if spec.convert is not None:
        return spec.convert(text) is not None
    return bool(text.strip()) and not re.search(r"(盖章|签字|签章)\s*\)?$", text)


def _by_prose(lines: Sequence[Line], spec: Spec) -> Hit | Block | None:
    for pattern in spec.prose:
        compiled = re.compile(pattern)
        for hit in search(lines, compiled):
            if _accept(spec, hit.text):
                return hit
    # Sentences wrap: search each line joined to the next, and report the value on the line
    # that prints it.
    for pattern in spec.prose:
        compiled = re.compile(pattern.replace("^", "(?:^)").replace("$", "(?:$)"))
        for a, b in zip(lines, lines[1:], strict=False):
            if a.page != b.page:
                continue
            joined = a.text + b.text
            for m in compiled.finditer(joined):
                start, end = m.span("v")
                if not _accept(spec, joined[start:end]):
                    continue
                if end <= len(a.text):
                    return Hit(a, start, end)
                if start >= len(a.text):
                    return Hit(b, start - len(a.text), end - len(a.text))
                # The value itself is cut by the line end ("已于20" / "24年9月12日"): both parts.
                return Block((Hit(a, start, len(a.text)), Hit(b, 0, end - len(a.text))))
    return None


def _fill(out: Extraction, lines: Sequence[Line], spec: Spec) -> None:
    hit = _by_label(lines, spec) or _by_prose(lines, spec)
    if hit is None:
        return
    if spec.convert is not None:
        value = spec.convert(hit.text)
        if value is not None:
            out.put(spec.field, hit.field(value))
        return
    if spec.value == ORG:
        org = _org(hit.raw)
        out.put(spec.field, hit.field(org or hit.raw))
        return
    out.put(spec.field, wrapped(lines, hit) if spec.value == TEXT and isinstance(hit, Hit)
            else hit.field())


def wrapped(lines: Sequence[Line], hit: Hit) -> Field:
    """A value whose cell wraps: the lines right under it that start where it starts."""
    box = hit.line.span_bbox(hit.start, hit.end)
    if box is None:
        return hit.field()
    text, raw, boxes = hit.text, hit.raw, [box]
    height = box[3] - box[1]
    end_x = box[2]
    for line in lines:
        if line.page != hit.line.page or line is hit.line:
            continue
        lbox = line.bbox
        gap = lbox[1] - boxes[-1][3]
        if not (-0.2 * height <= gap <= 0.9 * height):
            continue
        cells = [(s, e) for s, e, _t in line.cells()]
        if not cells:
            continue
        start, end = cells[0]
        first_box = line.span_bbox(start, end)
        # Under the value's left edge, and the value ran to (near) its cell's right edge.
        if first_box is None or abs(first_box[0] - box[0]) > 0.6 * height or ":" in line.text:
            continue
        if end_x - box[0] < 6 * height:
            break
        text += line.text[start:end].strip()
        raw += line.raw_text(start, end).strip()
        boxes.append(first_box)
        end_x = first_box[2]
        break
    from slq_desk.extract.evidence import union

    return Field(raw, hit.line.page, union(boxes))


def _card(out: Extraction, lines: Sequence[Line]) -> None:
    for line in lines:
        found = find_in(line.text, brands=False)
        if found is not None:
            out.put("card_model", Hit(line, found[1], found[2]).field())
            return


def _period(out: Extraction, lines: Sequence[Line]) -> None:
    text_lines = list(lines)
    joined = "".join(ln.text for ln in text_lines)
    m = re.search(rf"(?P<a>{DATE})\s*(?:起)?\s*(?:至|到|~|—)\s*(?P<b>{DATE})", joined)
    if m is None:
        return
    start, end = date_str(m.group("a")), date_str(m.group("b"))
    if start and end and start <= end:
        hit = first(text_lines, re.compile(re.escape(m.group("a")[:4])), 0)
        page = hit.line.page if hit else None
        out.put("period_start", Field(start, page))
        out.put("period_end", Field(end, page))


def letter_extractor(kind: str) -> Callable[[DocText], Extraction] | None:
    specs = SPECS.get(kind)
    if specs is None:
        return None

    def extract(text: DocText) -> Extraction:
        out = Extraction(kind=kind)
        lines = list(text.lines())
        for spec in specs:
            _fill(out, lines, spec)
        if kind in ("supplier_qualification", "implementation_report"):
            _card(out, lines)
        if kind == "supplier_qualification":
            _period(out, lines)
        return out

    return extract
