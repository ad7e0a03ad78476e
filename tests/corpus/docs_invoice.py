"""VAT e-invoices: the older 增值税电子普通发票 and the 数电 (全电) layout, as PDF, OFD and XML.

The page is described once as drawing operations in millimetres (``Op``) and rendered twice:
to PDF with ReportLab and to OFD (GB/T 33190: a zip of XML files, text placed with TextCode).
The older layout prints the form (labels, rules) in one pass and the values in a second pass
with their own small baseline offsets, as the tax-control printers do.

The 数电 XML follows the element names of published 数电 XML invoices as the author remembers
them (``EInvoice/EInvoiceData/BuyerInformation/BuyerIdNum`` …); it was not checked against the
official XSD, which is not public. TRUTH.md documents the schema used.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm

from tests.corpus.model import Company, Doc, Invoice
from tests.corpus.pdfkit import CJK, Writer, seal_image
from tests.corpus.values import amount_in_words, cn_date, plain

BROWN = (0.55, 0.3, 0.1)
BLACK = (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Op:
    kind: str  # text, line, rect
    x: float
    y: float  # mm from the top
    a: float = 0.0  # size (text) or x2/width
    b: float = 0.0  # y2/height
    s: str = ""
    color: tuple[float, float, float] = BLACK


def T(x: float, y: float, size: float, s: str, color: tuple[float, float, float] = BLACK) -> Op:
    """A text operation: ``s`` at (x, y) mm, ``size`` mm high."""
    return Op("text", x, y, size, 0.0, s, color)


def _fmt_qty(q: Decimal) -> str:
    return f"{q.normalize():f}"


def _fmt_price(p: Decimal) -> str:
    return f"{p.normalize():f}"


def _rate(r: Decimal) -> str:
    return f"{(r * 100).normalize():f}%"


def truth(inv: Invoice, buyer: Company, seller: Company) -> tuple[dict[str, str], list[dict[str, str]]]:
    f = {
        "invoice_type": inv.type_code, "invoice_number": inv.number,
        "issue_date": inv.issued.isoformat(), "buyer_name": buyer.name, "buyer_id": buyer.uscc,
        "seller_name": seller.name, "seller_id": seller.uscc, "amount": plain(inv.amount),
        "tax": plain(inv.tax), "total": plain(inv.total),
        "total_in_words": amount_in_words(inv.total),
    }
    if inv.layout == "old":
        f["invoice_code"] = inv.code
        f["check_code"] = inv.check_code
    items = [{"name": i.name, "spec": i.spec, "unit": i.unit, "quantity": _fmt_qty(i.quantity),
              "unit_price": _fmt_price(i.unit_price), "amount": plain(i.amount),
              "tax_rate": _rate(i.tax_rate), "tax": plain(i.tax)} for i in inv.items]
    return f, items


def _qr_payload(inv: Invoice) -> str:
    check = hashlib.sha256(inv.number.encode()).hexdigest()[:4].upper()
    if inv.layout == "old":
        return f"01,10,{inv.code},{inv.number},{plain(inv.amount)},{inv.issued:%Y%m%d},{inv.check_code},{check}"
    return f"01,{inv.type_code},,{inv.number},{plain(inv.total)},{inv.issued:%Y%m%d},,{check}"


def digital_ops(inv: Invoice, buyer: Company, seller: Company) -> list[Op]:
    """数电 layout, 210 × 140 mm."""
    ops: list[Op] = []
    title = "电子发票（增值税专用发票）" if inv.special else "电子发票（普通发票）"
    ops.append(T(62, 14, 6.0, title, color=BROWN))
    ops.append(Op("line", 62, 16.5, 150, 16.5, color=BROWN))
    ops.append(Op("line", 62, 17.3, 150, 17.3, color=BROWN))
    ops.append(T(150, 11, 3.2, "发票号码：", color=BROWN))
    ops.append(T(167, 11.35, 3.2, inv.number))
    ops.append(T(150, 17, 3.2, "开票日期：", color=BROWN))
    ops.append(T(167, 17.35, 3.2, cn_date(inv.issued, pad=True)))
    # Buyer | seller boxes.
    ops.append(Op("rect", 8, 22, 194, 22, color=BROWN))
    ops.append(Op("line", 105, 22, 105, 44, color=BROWN))
    ops.append(Op("line", 15, 22, 15, 44, color=BROWN))
    ops.append(Op("line", 112, 22, 112, 44, color=BROWN))
    for i, ch in enumerate("购买方信息"):
        ops.append(T(10, 27 + i * 3.9, 3.0, ch, color=BROWN))
    for i, ch in enumerate("销售方信息"):
        ops.append(T(107, 27 + i * 3.9, 3.0, ch, color=BROWN))
    for x, who in ((17, buyer), (114, seller)):
        ops.append(T(x, 30, 3.0, "名称：", color=BROWN))
        ops.append(T(x + 10, 30.4, 3.0, who.name))
        ops.append(T(x, 38, 3.0, "统一社会信用代码/纳税人识别号：", color=BROWN))
        # The value's baseline sits a little off the label's, as on real 数电 PDFs.
        ops.append(T(x + 47, 38.9, 3.0, who.uscc))
    # Items.
    cols = [8, 58, 82, 95, 110, 130, 152, 172, 202]
    heads = ["项目名称", "规格型号", "单位", "数量", "单价", "金额", "税率/征收率", "税额"]
    ops.append(Op("rect", 8, 44, 194, 62, color=BROWN))
    for h, x in zip(heads, cols, strict=False):
        ops.append(T(x + 2, 49, 2.8, h, color=BROWN))
    y = 55.0
    for it in inv.items:
        vals = [it.name, it.spec, it.unit, _fmt_qty(it.quantity), _fmt_price(it.unit_price),
                plain(it.amount), _rate(it.tax_rate), plain(it.tax)]
        for v, x, x2 in zip(vals, cols, cols[1:], strict=False):
            size = 2.8 if len(v) * 2.8 < (x2 - x) * 1.6 else 2.4
            ops.append(T(x + 2, y, size, v))
        y += 5
    ops.append(T(12, 92, 3.0, "合　　计", color=BROWN))
    ops.append(T(132, 92, 3.0, f"¥{plain(inv.amount)}"))
    ops.append(T(174, 92, 3.0, f"¥{plain(inv.tax)}"))
    ops.append(Op("line", 8, 96, 202, 96, color=BROWN))
    ops.append(T(12, 102, 3.0, "价税合计（大写）", color=BROWN))
    ops.append(T(45, 102.3, 3.2, f"⊗{amount_in_words(inv.total)}"))
    ops.append(T(140, 102, 3.0, "（小写）", color=BROWN))
    ops.append(T(153, 102.3, 3.2, f"¥{plain(inv.total)}"))
    ops.append(Op("rect", 8, 106, 194, 16, color=BROWN))
    ops.append(T(10, 112, 3.0, "备注", color=BROWN))
    ops.append(T(22, 112, 2.8, inv.note))
    ops.append(T(12, 130, 3.0, f"开票人：{inv.drawer}", color=BROWN))
    return ops


def old_ops(inv: Invoice, buyer: Company, seller: Company, province: str) -> list[Op]:
    """增值税电子普通发票, 210 × 140 mm; form first, values after (a separate layer)."""
    form: list[Op] = []
    vals: list[Op] = []
    form.append(T(58, 15, 6.0, f"{province}增值税电子普通发票", color=BROWN))
    form.append(Op("line", 58, 18, 152, 18, color=BROWN))
    for i, (label, value) in enumerate(
        (("发票代码：", inv.code), ("发票号码：", inv.number),
         ("开票日期：", cn_date(inv.issued, pad=True)),
         ("校 验 码：", " ".join(inv.check_code[k:k + 5] for k in range(0, 20, 5))))
    ):
        form.append(T(145, 9 + i * 4.6, 2.9, label, color=BROWN))
        vals.append(T(160, 9.6 + i * 4.6, 2.9, value))
    form.append(T(32, 21, 2.6, "机器编号：", color=BROWN))
    vals.append(T(46, 21.5, 2.6, "661616308251"))
    form.append(Op("rect", 8, 24, 194, 24, color=BROWN))
    form.append(Op("line", 15, 24, 15, 48, color=BROWN))
    form.append(Op("line", 120, 24, 120, 48, color=BROWN))
    form.append(Op("line", 127, 24, 127, 48, color=BROWN))
    for i, ch in enumerate("购买方"):
        form.append(T(10, 31 + i * 5, 3.0, ch, color=BROWN))
    for i, ch in enumerate("密码区"):
        form.append(T(122, 31 + i * 5, 3.0, ch, color=BROWN))
    blines = (("名　　　　称：", buyer.name), ("纳税人识别号：", buyer.uscc),
              ("地 址、电 话：", f"{buyer.address} {buyer.phone}"),
              ("开户行及账号：", f"{buyer.bank} {buyer.account}"))
    for i, (label, value) in enumerate(blines):
        form.append(T(17, 29 + i * 5.4, 2.7, label, color=BROWN))
        vals.append(T(38, 29.8 + i * 5.4, 2.6 if i < 2 else 2.2, value))
    cipher = hashlib.sha512(inv.number.encode()).hexdigest()
    for i in range(4):
        row = "".join("0123456789+-*/<>"[int(c, 16)] for c in cipher[i * 27:(i + 1) * 27])
        vals.append(T(129, 29 + i * 5, 2.6, row))
    cols = [8, 60, 84, 96, 110, 132, 156, 172, 202]
    heads = ["货物或应税劳务、服务名称", "规格型号", "单位", "数量", "单价", "金额", "税率", "税额"]
    form.append(Op("rect", 8, 48, 194, 46, color=BROWN))
    for h, x in zip(heads, cols, strict=False):
        form.append(T(x + 1.5, 52.5, 2.6, h, color=BROWN))
    y = 58.0
    for it in inv.items:
        row = [it.name, it.spec, it.unit, _fmt_qty(it.quantity), _fmt_price(it.unit_price),
               plain(it.amount), _rate(it.tax_rate), plain(it.tax)]
        for v, x in zip(row, cols, strict=False):
            vals.append(T(x + 1.5, y + 0.7, 2.6, v))
        y += 4.6
    form.append(T(20, 86, 2.9, "合　　计", color=BROWN))
    vals.append(T(133, 86.8, 2.9, f"¥{plain(inv.amount)}"))
    vals.append(T(173, 86.8, 2.9, f"¥{plain(inv.tax)}"))
    form.append(Op("rect", 8, 94, 194, 7, color=BROWN))
    form.append(T(10, 99, 2.9, "价税合计（大写）", color=BROWN))
    vals.append(T(45, 99.7, 3.0, f"ⓧ{amount_in_words(inv.total)}"))
    form.append(T(140, 99, 2.9, "（小写）", color=BROWN))
    vals.append(T(153, 99.7, 3.0, f"¥{plain(inv.total)}"))
    form.append(Op("rect", 8, 101, 194, 24, color=BROWN))
    form.append(Op("line", 15, 101, 15, 125, color=BROWN))
    form.append(Op("line", 120, 101, 120, 125, color=BROWN))
    for i, ch in enumerate("销售方"):
        form.append(T(10, 108 + i * 5, 3.0, ch, color=BROWN))
    form.append(T(122, 110, 3.0, "备", color=BROWN))
    form.append(T(122, 117, 3.0, "注", color=BROWN))
    slines = (("名　　　　称：", seller.name), ("纳税人识别号：", seller.uscc),
              ("地 址、电 话：", f"{seller.address} {seller.phone}"),
              ("开户行及账号：", f"{seller.bank} {seller.account}"))
    for i, (label, value) in enumerate(slines):
        form.append(T(17, 106 + i * 5.4, 2.7, label, color=BROWN))
        vals.append(T(38, 106.8 + i * 5.4, 2.6 if i < 2 else 2.2, value))
    form.append(T(10, 131, 2.8, "收款人：", color=BROWN))
    form.append(T(60, 131, 2.8, "复核：", color=BROWN))
    form.append(T(105, 131, 2.8, "开票人：", color=BROWN))
    vals.append(T(118, 131.5, 2.8, inv.drawer))
    form.append(T(150, 131, 2.8, "销售方：（章）", color=BROWN))
    return form + vals


def _pdf(ops: list[Op], inv: Invoice, seller: Company, title: str) -> bytes:
    size = (210 * mm, 140 * mm)
    w = Writer(title, pagesize=size, margin=10)
    for op in ops:
        if op.kind == "text":
            w.text(op.x * mm, op.y * mm, op.s, op.a * mm, CJK, op.color)
        elif op.kind == "line":
            w.line(op.x * mm, op.y * mm, op.a * mm, op.b * mm, 0.6, op.color)
        elif op.kind == "rect":
            w.rect(op.x * mm, op.y * mm, op.a * mm, op.b * mm, 0.6, op.color)
    qr = QrCodeWidget(_qr_payload(inv))
    b = qr.getBounds()
    side = 20 * mm
    d = Drawing(side, side, transform=[side / (b[2] - b[0]), 0, 0, side / (b[3] - b[1]), 0, 0])
    d.add(qr)
    renderPDF.draw(d, w.c, 9 * mm, w.h - 22 * mm)
    w.image(seal_image(seller.name, "发票专用章", 11), 160 * mm, 112 * mm, 26 * mm, 18 * mm)
    return w.finish()


def invoice_pdf(inv: Invoice, buyer: Company, seller: Company, name: str,
                province: str = "湖北") -> Doc:
    ops = digital_ops(inv, buyer, seller) if inv.layout == "digital" else old_ops(inv, buyer, seller, province)
    data = _pdf(ops, inv, seller, "电子发票" if inv.layout == "digital" else "增值税电子普通发票")
    fields, items = truth(inv, buyer, seller)
    return Doc(name=name, data=data, kind="invoice", fields=fields, items=items,
               style=f"invoice-{inv.layout}-pdf", field_pages={k: 1 for k in fields})


# -- OFD ------------------------------------------------------------------------------------

_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def _advance(ch: str, size: float) -> float:
    return size * (0.5 if ord(ch) < 0x2E80 else 1.0)


def _ofd_content(ops: list[Op]) -> tuple[str, int]:
    parts = []
    oid = 100
    for op in ops:
        oid += 1
        col = " ".join(str(int(c * 255)) for c in op.color)
        if op.kind == "text":
            if not op.s:
                continue
            width = sum(_advance(c, op.a) for c in op.s)
            deltas = " ".join(f"{_advance(c, op.a):g}" for c in op.s[:-1])
            bx, by = op.x, op.y - op.a
            parts.append(
                f'<ofd:TextObject ID="{oid}" Boundary="{bx:g} {by:g} {width + 1:g} {op.a * 1.4:g}" '
                f'Font="3" Size="{op.a:g}"><ofd:FillColor Value="{col}"/>'
                f'<ofd:TextCode X="0" Y="{op.a:g}"' + (f' DeltaX="{deltas}"' if deltas else "")
                + f">{escape(op.s)}</ofd:TextCode></ofd:TextObject>"
            )
        else:
            if op.kind == "line":
                x0, y0 = min(op.x, op.a), min(op.y, op.b)
                w, h = abs(op.a - op.x) or 0.3, abs(op.b - op.y) or 0.3
                path = f"M {op.x - x0:g} {op.y - y0:g} L {op.a - x0:g} {op.b - y0:g}"
            else:
                x0, y0, w, h = op.x, op.y, op.a, op.b
                path = f"M 0 0 L {w:g} 0 L {w:g} {h:g} L 0 {h:g} C"
            parts.append(
                f'<ofd:PathObject ID="{oid}" Boundary="{x0:g} {y0:g} {w:g} {h:g}" LineWidth="0.25">'
                f'<ofd:StrokeColor Value="{col}"/><ofd:AbbreviatedData>{path}</ofd:AbbreviatedData>'
                "</ofd:PathObject>"
            )
    body = "".join(parts)
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {_NS}><ofd:Content>'
            f'<ofd:Layer ID="2">{body}</ofd:Layer></ofd:Content></ofd:Page>'), oid


def invoice_ofd(inv: Invoice, buyer: Company, seller: Company, name: str,
                province: str = "湖北") -> Doc:
    """A minimal OFD (GB/T 33190-2016): OFD.xml → Document.xml → one page of text and paths."""
    ops = digital_ops(inv, buyer, seller) if inv.layout == "digital" else old_ops(inv, buyer, seller, province)
    content, max_id = _ofd_content(ops)
    doc_id = hashlib.md5(inv.number.encode()).hexdigest()
    fields, items = truth(inv, buyer, seller)
    custom = "".join(
        f'<ofd:CustomData Name="{k}">{escape(v)}</ofd:CustomData>'
        for k, v in (("发票号码", inv.number), ("开票日期", cn_date(inv.issued, pad=True)),
                     ("合计金额", plain(inv.amount)), ("合计税额", plain(inv.tax)))
    )
    files = {
        "OFD.xml": (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {_NS} Version="1.1" DocType="OFD">'
                    f"<ofd:DocBody><ofd:DocInfo><ofd:DocID>{doc_id}</ofd:DocID>"
                    f"<ofd:Title>电子发票</ofd:Title><ofd:Author>{escape(seller.name)}</ofd:Author>"
                    f"<ofd:CreationDate>{inv.issued.isoformat()}</ofd:CreationDate>"
                    f"<ofd:Creator>corpus</ofd:Creator><ofd:CustomDatas>{custom}</ofd:CustomDatas>"
                    "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"),
        "Doc_0/Document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {_NS}><ofd:CommonData>'
            f"<ofd:MaxUnitID>{max_id + 1}</ofd:MaxUnitID><ofd:PageArea>"
            "<ofd:PhysicalBox>0 0 210 140</ofd:PhysicalBox></ofd:PageArea>"
            "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
            '<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages>'
            "</ofd:Document>"),
        "Doc_0/PublicRes.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {_NS} BaseLoc="Res"><ofd:Fonts>'
            '<ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>'),
        "Doc_0/Pages/Page_0/Content.xml": content,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for path, text in files.items():
            info = zipfile.ZipInfo(path, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return Doc(name=name, data=buf.getvalue(), kind="invoice", fields=fields, items=items,
               fmt="ofd", style=f"invoice-{inv.layout}-ofd", field_pages={k: 1 for k in fields})


# -- XML ------------------------------------------------------------------------------------

def invoice_xml(inv: Invoice, buyer: Company, seller: Company, name: str) -> Doc:
    """数电 XML (see the module docstring and TRUTH.md for the schema)."""
    def el(tag: str, value: str) -> str:
        return f"<{tag}>{escape(value)}</{tag}>"

    items = "".join(
        "<IssuItemInformation>" + el("ItemName", i.name) + el("SpecMod", i.spec)
        + el("MeaUnits", i.unit) + el("Quantity", _fmt_qty(i.quantity))
        + el("UnPrice", _fmt_price(i.unit_price)) + el("Amount", plain(i.amount))
        + el("TaxRate", f"{i.tax_rate.normalize():f}") + el("ComTaxAm", plain(i.tax))
        + el("TotaltaxIncludedAmount", plain(i.amount + i.tax))
        + el("TaxClassificationCode", "3040201990000000000") + "</IssuItemInformation>"
        for i in inv.items
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<EInvoice>'
        "<Header>" + el("EIid", inv.number) + el("EInvoiceTag", "SWEI3200") + el("Version", "0.1")
        + "<InherentLabel><GeneralOrSpecialVAT>" + el("LabelCode", "01" if inv.special else "02")
        + el("LabelName", "增值税专用发票" if inv.special else "普通发票")
        + "</GeneralOrSpecialVAT></InherentLabel></Header>"
        "<EInvoiceData><SellerInformation>" + el("SellerIdNum", seller.uscc)
        + el("SellerName", seller.name) + el("SellerAddr", seller.address)
        + el("SellerTelNum", seller.phone) + el("SellerBankName", seller.bank)
        + el("SellerBankAccNum", seller.account) + "</SellerInformation>"
        "<BuyerInformation>" + el("BuyerIdNum", buyer.uscc) + el("BuyerName", buyer.name)
        + el("BuyerAddr", buyer.address) + el("BuyerBankName", buyer.bank)
        + el("BuyerBankAccNum", buyer.account) + "</BuyerInformation>"
        "<BasicInformation>" + el("TotalAmWithoutTax", plain(inv.amount))
        + el("TotalTaxAm", plain(inv.tax)) + el("TotalTax-includedAmount", plain(inv.total))
        + el("TotalTax-includedAmountInChinese", amount_in_words(inv.total))
        + el("Drawer", inv.drawer) + el("RequestTime", f"{inv.issued.isoformat()} 09:30:00")
        + "</BasicInformation>" + items + "</EInvoiceData>"
        "<TaxSupervisionInfo>" + el("InvoiceNumber", inv.number)
        + el("IssueTime", f"{inv.issued.isoformat()} 09:30:12")
        + el("TaxBureauCode", "14200000000") + el("TaxBureauName", "国家税务总局湖北省税务局")
        + "</TaxSupervisionInfo></EInvoice>\n"
    )
    fields, its = truth(inv, buyer, seller)
    return Doc(name=name, data=xml.encode("utf-8"), kind="invoice", fields=fields, items=its,
               fmt="xml", style="invoice-digital-xml", pages=0)
