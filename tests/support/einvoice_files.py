"""Small 数电 e-invoices as XML and as OFD, written here from the published element names.

The XML follows the 数电 ``EInvoice`` layout (Header / EInvoiceData / TaxSupervisionInfo);
the OFD is a minimal GB/T 33190 package: labels on a template page, values on the page, in
millimetres, as tax-bureau OFD invoices draw them. Both carry the same invoice, so tests can
check that the two readers agree with what was written.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape


@dataclass
class Invoice:
    number: str = "26420000000012345678"
    date: str = "2026-04-08 10:31:05"
    seller: str = "湖北长江云计算有限公司"
    seller_id: str = "91420100MA4K2L3X6A"
    buyer: str = "武汉星河智算科技有限公司"
    buyer_id: str = "91420100MA4K2L3X57"
    amount: str = "326886.79"
    tax: str = "19613.21"
    total: str = "346500.00"
    words: str = "叁拾肆万陆仟伍佰圆整"
    items: list[tuple[str, str, str, str, str, str, str, str]] = field(default_factory=lambda: [
        # name, spec, unit, quantity, unit price, amount, rate, tax
        ("*信息技术服务*算力服务", "昇腾910B", "卡时", "50000", "6.537735849", "326886.79",
         "0.06", "19613.21"),
    ])


def einvoice_xml(inv: Invoice | None = None) -> bytes:
    inv = inv or Invoice()
    items = "".join(
        f"<IssuItemInformation><ItemName>{escape(n)}</ItemName><SpecMod>{escape(s)}</SpecMod>"
        f"<MeaUnits>{escape(u)}</MeaUnits><Quantity>{q}</Quantity><UnPrice>{p}</UnPrice>"
        f"<Amount>{a}</Amount><TaxRate>{r}</TaxRate><ComTaxAm>{t}</ComTaxAm>"
        f"<TotaltaxIncludedAmount>{a}</TotaltaxIncludedAmount>"
        f"<TaxClassificationCode>3040201030000000000</TaxClassificationCode></IssuItemInformation>"
        for n, s, u, q, p, a, r, t in inv.items)
    text = f"""<?xml version="1.0" encoding="UTF-8"?>
<EInvoice>
  <Header>
    <EIid>{inv.number}</EIid>
    <EInvoiceTag>SWEI4200</EInvoiceTag>
    <Version>0.2</Version>
    <InherentLabel>
      <GeneralOrSpecialVAT><LabelCode>02</LabelCode><LabelName>普通发票</LabelName></GeneralOrSpecialVAT>
    </InherentLabel>
  </Header>
  <EInvoiceData>
    <SellerInformation><SellerIdNum>{inv.seller_id}</SellerIdNum><SellerName>{escape(inv.seller)}</SellerName></SellerInformation>
    <BuyerInformation><BuyerIdNum>{inv.buyer_id}</BuyerIdNum><BuyerName>{escape(inv.buyer)}</BuyerName></BuyerInformation>
    <BasicInformation>
      <TotalAmWithoutTax>{inv.amount}</TotalAmWithoutTax><TotalTaxAm>{inv.tax}</TotalTaxAm>
      <TotalTax-includedAmount>{inv.total}</TotalTax-includedAmount>
      <TotalTax-includedAmountInChinese>{inv.words}</TotalTax-includedAmountInChinese>
      <RequestTime>{inv.date}</RequestTime>
    </BasicInformation>
    {items}
  </EInvoiceData>
  <TaxSupervisionInfo><InvoiceNumber>{inv.number}</InvoiceNumber><IssueTime>{inv.date}</IssueTime></TaxSupervisionInfo>
</EInvoice>
"""
    return text.encode("utf-8")


_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def _text(oid: int, x: float, y: float, text: str, size: float = 3.175, font: int = 3,
          vertical: bool = False) -> str:
    # Per glyph: a CJK character one em, anything else half an em.
    deltas = " ".join(f"{size if ord(c) > 0x2E80 else size / 2:g}" for c in text[:-1])
    axis = "DeltaY" if vertical else "DeltaX"
    return (f'<ofd:TextObject ID="{oid}" Boundary="{x} {y} 120 30" Font="{font}" Size="{size}">'
            f'<ofd:TextCode X="0" Y="{size:g}" {axis}="{deltas}">{escape(text)}</ofd:TextCode>'
            f"</ofd:TextObject>")


def einvoice_ofd(inv: Invoice | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    """A one-page OFD 数电 invoice: labels on the template, values on the page."""
    inv = inv or Invoice()
    labels = [
        (70, 10, "电子发票（普通发票）", 6.0),
        (140, 14, "发票号码：", 3.175), (140, 20, "开票日期：", 3.175),
        (20, 34, "名称：", 3.175),
        (20, 44, "统一社会信用代码/纳税人识别号：", 3.175),
        (120, 34, "名称：", 3.175),
        (120, 44, "统一社会信用代码/纳税人识别号：", 3.175),
        (10, 56, "项目名称", 3.175), (60, 56, "规格型号", 3.175), (85, 56, "单位", 3.175),
        (100, 56, "数量", 3.175), (120, 56, "单价", 3.175), (145, 56, "金额", 3.175),
        (165, 56, "税率/征收率", 3.175), (188, 56, "税额", 3.175),
        (10, 90, "合计", 3.175),
        (10, 98, "价税合计（大写）", 3.175), (130, 98, "（小写）", 3.175),
    ]
    n, *_rest = inv.items[0]
    values = [
        (157, 14, inv.number), (157, 20, f"{inv.date[:4]}年{inv.date[5:7]}月{inv.date[8:10]}日"),
        (30, 34, inv.buyer), (74, 44, inv.buyer_id), (130, 34, inv.seller), (174, 44, inv.seller_id),
        (10, 64, n), (62, 64, inv.items[0][1]), (85, 64, inv.items[0][2]),
        (100, 64, inv.items[0][3]), (120, 64, "6.54"), (145, 64, inv.items[0][5]),
        (165, 64, "6%"), (188, 64, inv.items[0][7]),
        (145, 90, f"¥{inv.amount}"), (188, 90, f"¥{inv.tax}"),
        (50, 98, inv.words), (145, 98, f"¥{inv.total}"),
    ]
    tpl = "".join(_text(100 + i, x, y, t, s) for i, (x, y, t, s) in enumerate(labels))
    # The party blocks' titles run down the left edge, one character under the other.
    tpl += _text(90, 8, 32, "购买方信息", vertical=True) + _text(91, 108, 32, "销售方信息", vertical=True)
    tpl += ('<ofd:PathObject ID="99" Boundary="5 30 200 0.4"><ofd:AbbreviatedData>M 0 0.2 L 200 0.2'
            "</ofd:AbbreviatedData></ofd:PathObject>")
    page = "".join(_text(200 + i, x, y, t) for i, (x, y, t) in enumerate(values))
    files = {
        "OFD.xml": f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:OFD {_NS} DocType="OFD" Version="1.0"><ofd:DocBody><ofd:DocInfo><ofd:DocID>t1</ofd:DocID>
<ofd:CustomDatas><ofd:CustomData Name="发票号码">{inv.number}</ofd:CustomData></ofd:CustomDatas>
</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>""",
        "Doc_0/Document.xml": f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Document {_NS}><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID>
<ofd:PageArea><ofd:PhysicalBox>0 0 210 140</ofd:PhysicalBox></ofd:PageArea>
<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>
<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>
<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>""",
        "Doc_0/PublicRes.xml": f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Res {_NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="宋体" FamilyName="SimSun"/>
</ofd:Fonts></ofd:Res>""",
        "Doc_0/Tpls/Tpl_0/Content.xml": f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Page {_NS}><ofd:Content><ofd:Layer ID="4">{tpl}</ofd:Layer></ofd:Content></ofd:Page>""",
        "Doc_0/Pages/Page_0/Content.xml": f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Page {_NS}><ofd:Area><ofd:PhysicalBox>0 0 210 140</ofd:PhysicalBox></ofd:Area>
<ofd:Template TemplateID="2" ZOrder="Background"/>
<ofd:Content><ofd:Layer ID="5">{page}</ofd:Layer></ofd:Content></ofd:Page>""",
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            zf.writestr(name, text.encode("utf-8"))
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()
