"""XML e-invoices read exactly: the 数电 ``EInvoice`` file, and the XML inside older OFD invoices.

A 数电 (fully digitalised) invoice is delivered as PDF, OFD and XML; the XML is the structured
original, so its figures are taken as they stand, never re-read from a picture. Three dialects
are known, told apart by their root element:

* ``EInvoice`` — the 数电 invoice (``EInvoiceData/SellerInformation/SellerIdNum`` …,
  ``TaxSupervisionInfo/InvoiceNumber``, line items in ``IssuItemInformation``);
* ``eInvoice`` — the XML attached inside 2019–2022 OFD VAT e-invoices
  (``fp:InvoiceNo``, ``fp:Buyer/fp:BuyerTaxID``, items in ``fp:GoodsInfo``);
* ``xbrl`` — the Ministry of Finance's XBRL invoice (``inv:NumberOfInvoice`` …).

The file is hostile like any other: it is parsed with ``defusedxml`` (no DTD, no entity
expansion, no external references) and capped in size. Field names are the invoice
extractor's (``invoice_number``, ``buyer_id``, ``total``, items' ``amount`` …), values are
normalised the same way (money ``"1234.50"``, dates ``"2026-04-08"``, rates ``"6%"``), with
``source="xml"``. ``render_pdf`` draws the fields on a plain page for the viewer and records
where each value stands, so evidence can be highlighted like on any PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from slq_desk.extract.evidence import BBox, Extraction, Field
from slq_desk.money import fmt

MAX_XML_BYTES = 8 * 1024 * 1024

# (field, local element names in order of preference), per dialect.
_EINVOICE: dict[str, tuple[str, ...]] = {
    "invoice_number": ("InvoiceNumber", "EIid"),
    "issue_date": ("IssueTime", "RequestTime"),
    "seller_name": ("SellerName",),
    "seller_id": ("SellerIdNum",),
    "buyer_name": ("BuyerName",),
    "buyer_id": ("BuyerIdNum",),
    "amount": ("TotalAmWithoutTax",),
    "tax": ("TotalTaxAm",),
    "total": ("TotalTax-includedAmount",),
    "total_in_words": ("TotalTax-includedAmountInChinese",),
}
_EINVOICE_ITEM: dict[str, tuple[str, ...]] = {
    "name": ("ItemName",), "spec": ("SpecMod",), "unit": ("MeaUnits",),
    "quantity": ("Quantity",), "unit_price": ("UnPrice",), "amount": ("Amount",),
    "tax_rate": ("TaxRate",), "tax": ("ComTaxAm",),
}
_FP: dict[str, tuple[str, ...]] = {
    "invoice_number": ("InvoiceNo",),
    "invoice_code": ("InvoiceCode",),
    "check_code": ("InvoiceCheckCode",),
    "issue_date": ("IssueDate",),
    "seller_name": ("SellerName",),
    "seller_id": ("SellerTaxID",),
    "buyer_name": ("BuyerName",),
    "buyer_id": ("BuyerTaxID",),
    "amount": ("TaxExclusiveTotalAmount",),
    "tax": ("TaxTotalAmount",),
    "total": ("TaxInclusiveTotalAmount",),
}
_FP_ITEM: dict[str, tuple[str, ...]] = {
    "name": ("Item",), "spec": ("Specification",), "unit": ("MeasurementDimension",),
    "quantity": ("Quantity",), "unit_price": ("Price",), "amount": ("Amount",),
    "tax_rate": ("TaxScheme",), "tax": ("TaxAmount",),
}
_XBRL: dict[str, tuple[str, ...]] = {
    "invoice_number": ("NumberOfInvoice",),
    "invoice_code": ("CodeOfInvoice",),
    "check_code": ("IdentifyingCode",),
    "issue_date": ("DateOfIssue",),
    "seller_name": ("NameOfSeller",),
    "seller_id": ("TaxpayerIdentificationNumberUnifiedSocialCreditCodeOfSeller",),
    "buyer_name": ("NameOfPurchaser",),
    "buyer_id": ("TaxpayerIdentificationNumberUnifiedSocialCreditCodeOfPurchaser",),
    "amount": ("TotalAmountExcludingTax",),
    "tax": ("TotalTaxAmount",),
    "total": ("TaxIncludedAmountInFigures",),
    "total_in_words": ("TaxIncludedAmountInWords",),
}
_NO_ITEMS: dict[str, tuple[str, ...]] = {}
_MONEY_FIELDS = {"amount", "tax", "total"}  # a unit price keeps all its decimals
# 数电 invoice kinds by the label of GeneralOrSpecialVAT: 31 专用, 32 普通 (as the QR code says).
_TYPE_CODES = {"01": "31", "02": "32"}

LABELS = {
    "invoice_number": "发票号码", "invoice_code": "发票代码", "check_code": "校验码",
    "issue_date": "开票日期", "buyer_name": "购买方名称",
    "buyer_id": "购买方统一社会信用代码/纳税人识别号", "seller_name": "销售方名称",
    "seller_id": "销售方统一社会信用代码/纳税人识别号", "amount": "合计金额", "tax": "合计税额",
    "total": "价税合计（小写）", "total_in_words": "价税合计（大写）", "invoice_type": "发票类型",
}
ITEM_LABELS = {"name": "项目名称", "spec": "规格型号", "unit": "单位", "quantity": "数量",
               "unit_price": "单价", "amount": "金额", "tax_rate": "税率", "tax": "税额"}


class XmlInvoiceError(ValueError):
    """The bytes are not an e-invoice XML this reader knows (the message says why)."""


@dataclass
class XmlInvoice:
    dialect: str  # EInvoice | eInvoice | xbrl
    fields: dict[str, str] = field(default_factory=dict)
    items: list[dict[str, str]] = field(default_factory=list)


def parse_xml(data: bytes) -> Any:
    """An ElementTree root from untrusted bytes: no DTD, no entities, no external access."""
    from defusedxml import ElementTree as SafeET
    from defusedxml.common import DefusedXmlException

    if len(data) > MAX_XML_BYTES:
        raise XmlInvoiceError(f"XML larger than {MAX_XML_BYTES // (1024 * 1024)} MB")
    try:
        return SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True,
                                 forbid_external=True)
    except DefusedXmlException as err:
        raise XmlInvoiceError(f"refused XML construct ({type(err).__name__})") from None
    except Exception as err:  # ParseError and friends: the text is not well-formed XML
        raise XmlInvoiceError(f"not well-formed XML ({str(err)[:120]})") from None


def local(tag: Any) -> str:
    """The element name without its namespace (``{ns}Name`` and ``fp:Name`` alike)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _first(root: Any, names: tuple[str, ...]) -> str:
    for name in names:
        for el in root.iter():
            if local(el.tag) == name:
                text = "".join(el.itertext()).strip()
                if text:
                    return text
    return ""


def read_invoice(data: bytes) -> XmlInvoice:
    """The invoice's fields and items, normalised; raises XmlInvoiceError when it is not one."""
    root = parse_xml(data)
    return invoice_from_root(root)


def invoice_from_root(root: Any) -> XmlInvoice:
    name = local(root.tag)
    if name == "EInvoice":
        mapping, item_tag, item_map = _EINVOICE, "IssuItemInformation", _EINVOICE_ITEM
    elif name == "eInvoice":
        mapping, item_tag, item_map = _FP, "GoodsInfo", _FP_ITEM
    elif name == "xbrl":
        mapping, item_tag, item_map = _XBRL, "", _NO_ITEMS
    else:
        raise XmlInvoiceError(f"root element <{name}> is not an e-invoice")
    out = XmlInvoice(name)
    for key, names in mapping.items():
        value = _normalise(key, _first(root, names))
        if value:
            out.fields[key] = value
    if name == "EInvoice":
        for el in root.iter():
            if local(el.tag) == "GeneralOrSpecialVAT":
                code = _first(el, ("LabelCode",))
                if code in _TYPE_CODES:
                    out.fields["invoice_type"] = _TYPE_CODES[code]
    if item_tag:
        for el in root.iter():
            if local(el.tag) != item_tag:
                continue
            item = {}
            for key, names in item_map.items():
                value = _normalise(key, _first(el, names))
                if value:
                    item[key] = value
            if item.get("name") or item.get("amount"):
                out.items.append(item)
    if not any(k in out.fields for k in ("invoice_number", "total")):
        raise XmlInvoiceError(f"<{name}> carries neither an invoice number nor a total")
    return out


def _normalise(key: str, raw: str) -> str:
    text = re.sub(r"\s+", " ", raw).strip()
    if not text:
        return ""
    if key in _MONEY_FIELDS:
        return _money(text) or text
    if key == "issue_date":
        m = re.search(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})", text)
        if m:
            return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
        m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})\d*", text)
        return f"{m[1]}-{m[2]}-{m[3]}" if m else text
    if key == "tax_rate":
        return _rate(text)
    if key == "unit_price":
        return text.replace(",", "").lstrip("¥￥").strip()
    if key == "quantity":
        try:
            value = Decimal(text.replace(",", ""))
        except InvalidOperation:
            return text
        return format(value.normalize(), "f") if value == value.to_integral() else text
    if key in ("buyer_id", "seller_id", "check_code", "invoice_number", "invoice_code"):
        return re.sub(r"\s", "", text).upper()
    return text


def _money(text: str) -> str | None:
    try:
        return fmt(Decimal(re.sub(r"[¥￥,\s]|元$", "", text)))
    except InvalidOperation:
        return None


def _rate(text: str) -> str:
    """``0.06`` / ``6%`` / ``0.060`` → ``6%``; 免税 and the like stay as written."""
    t = text.replace("％", "%").strip()
    try:
        value = Decimal(t[:-1]) if t.endswith("%") else Decimal(t) * 100
    except InvalidOperation:
        return text
    return f"{format(value.normalize(), 'f')}%"


# --- display -------------------------------------------------------------------------------

PAGE_W, PAGE_H = 595.0, 842.0
_MARGIN = 48.0
_SIZE = 10.5


ItemBoxes = list[dict[str, tuple[int, BBox]]]  # per item: field → (page, box)


def render_pdf(invoice: XmlInvoice,
               title: str = "电子发票（XML 原件）") -> tuple[bytes, dict[str, BBox], ItemBoxes]:
    """A plain A4 rendering for the viewer; the box of every value drawn (header on page 0)."""
    import pymupdf

    doc = pymupdf.open()
    font = pymupdf.Font("cjk")
    page = doc.new_page(width=PAGE_W, height=PAGE_H)
    page.insert_font(fontname="cjk", fontbuffer=font.buffer)
    y = _MARGIN + 16
    page.insert_text((_MARGIN, y), title, fontname="cjk", fontsize=15)
    y += 14
    page.insert_text((_MARGIN, y + 8), f"格式：{invoice.dialect}（以下数值按原件逐字读取）",
                     fontname="cjk", fontsize=8, color=(0.35, 0.35, 0.35))
    y += 26
    boxes: dict[str, BBox] = {}
    for key, label in LABELS.items():
        value = invoice.fields.get(key)
        if not value:
            continue
        text_label = f"{label}："
        page.insert_text((_MARGIN, y), text_label, fontname="cjk", fontsize=_SIZE)
        x = _MARGIN + font.text_length(text_label, fontsize=_SIZE) + 4
        y, box = _value(page, font, x, y, value)
        boxes[key] = box
        y += _SIZE * 1.9
    item_boxes: ItemBoxes = []
    if invoice.items:
        y += 6
        page.insert_text((_MARGIN, y), "明细", fontname="cjk", fontsize=12)
        y += 20
        for n, item in enumerate(invoice.items, 1):
            if y > PAGE_H - _MARGIN - 40:
                page = doc.new_page(width=PAGE_W, height=PAGE_H)
                page.insert_font(fontname="cjk", fontbuffer=font.buffer)
                y = _MARGIN + 16
            page.insert_text((_MARGIN, y), f"第 {n} 行", fontname="cjk", fontsize=_SIZE,
                             color=(0.35, 0.35, 0.35))
            y += _SIZE * 1.7
            boxes_n: dict[str, tuple[int, BBox]] = {}
            for key, label in ITEM_LABELS.items():
                value = item.get(key)
                if not value:
                    continue
                text_label = f"{label}："
                page.insert_text((_MARGIN + 16, y), text_label, fontname="cjk", fontsize=_SIZE)
                x = _MARGIN + 16 + font.text_length(text_label, fontsize=_SIZE) + 4
                y, box = _value(page, font, x, y, value)
                boxes_n[key] = (int(page.number), box)
                y += _SIZE * 1.6
            item_boxes.append(boxes_n)
            y += 6
    try:
        doc.subset_fonts()  # only the glyphs used, not the whole 3.5 MB CJK font
    except Exception:
        pass  # a bigger file, nothing worse
    data = doc.tobytes(deflate=True, garbage=3)
    doc.close()
    return data, boxes, item_boxes


def _value(page: Any, font: Any, x: float, y: float, value: str) -> tuple[float, BBox]:
    """Draw ``value`` from (x, y), wrapping at the right margin; returns the last baseline."""
    right = PAGE_W - _MARGIN
    x0, top = x, y - _SIZE
    line = ""
    x1 = x
    for ch in value:
        if font.text_length(line + ch, fontsize=_SIZE) > right - x and line:
            page.insert_text((x, y), line, fontname="cjk", fontsize=_SIZE)
            x1 = max(x1, x + font.text_length(line, fontsize=_SIZE))
            y += _SIZE * 1.4
            line = ch
        else:
            line += ch
    page.insert_text((x, y), line, fontname="cjk", fontsize=_SIZE)
    x1 = max(x1, x + font.text_length(line, fontsize=_SIZE))
    return y, (x0, top, x1, y + _SIZE * 0.25)


def extraction(invoice: XmlInvoice, boxes: dict[str, BBox] | None = None,
               item_boxes: ItemBoxes | None = None) -> Extraction:
    """The invoice as the extractors' ``Extraction``, every value ``source="xml"``."""
    boxes = boxes or {}
    out = Extraction(kind="invoice", confidence=100)
    for key, value in invoice.fields.items():
        box = boxes.get(key)
        out.fields[key] = Field(value, 0 if box else None, box, source="xml", confidence=100)
    for n, item in enumerate(invoice.items):
        ib = item_boxes[n] if item_boxes and n < len(item_boxes) else {}
        row: dict[str, Field] = {}
        for key, value in item.items():
            page, box = ib.get(key, (None, None))
            row[key] = Field(value, page, box, source="xml", confidence=100)
        out.items.append(row)
    return out


def fill_missing(target: Extraction, xml: Extraction) -> None:
    """Fields an OFD's text did not yield, taken from the XML attached inside it (no box)."""
    for key, f in xml.fields.items():
        if key not in target.fields:
            target.fields[key] = replace(f, page=None, bbox=None)
    if not target.items and xml.items:
        target.items = [{k: replace(v, page=None, bbox=None) for k, v in row.items()}
                        for row in xml.items]
