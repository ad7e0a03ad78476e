"""Small PDFs built in the tests (ReportLab + the embedded CJK font) for ingest/extract tests.

Not the demo generator: these are deliberately independent of it, so the extractors are tested
against a second, differently drawn rendering of the same documents.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

VALID_BUYER_ID = "91420100MA4K0000X2"  # check characters computed in ``valid_uscc``
VALID_SELLER_ID = "91420100MA4K0001X0"


def valid_uscc(prefix17: str) -> str:
    from stdnum.cn import uscc

    return prefix17 + uscc.calc_check_digit(prefix17)


@dataclass
class InvoiceSpec:
    number: str = "26422000000012345678"
    date: str = "2026年02月01日"
    buyer: str = "武汉智算科技有限公司"
    buyer_id: str = field(default_factory=lambda: valid_uscc("91420100MA4K00001"))
    seller: str = "湖北云算力服务有限公司"
    seller_id: str = field(default_factory=lambda: valid_uscc("91420100MA4K00002"))
    items: Sequence[Sequence[str]] = (
        ("*信息技术服务*算力租赁服务（昇腾910B智算集群，按卡时计费）", "昇腾910B", "卡时",
         "1000", "12.50", "12500.00", "6%", "750.00"),
        ("*信息技术服务*存储服务", "对象存储", "TB月", "2", "50", "100.00", "6%", "6.00"),
    )
    amount: str = "12600.00"
    tax: str = "756.00"
    total: str = "13356.00"
    words: str = "壹万叁仟叁佰伍拾陆圆整"
    qr: str | None = "01,32,,26422000000012345678,13356.00,20260201,,A1B2"
    old_style: bool = False  # 增值税电子普通发票 with 发票代码 and 校验码
    spaced_labels: bool = False  # 发 票 号 码 drawn with spaces, as some templates do
    fullwidth_yuan: bool = False  # ￥ (U+FFE5) instead of ¥


def invoice_pdf(spec: InvoiceSpec | None = None) -> bytes:
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from slq_desk.fonts import register_cjk_font

    s = spec or InvoiceSpec()
    font = register_cjk_font()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(680, 420), invariant=1)
    yen = "￥" if s.fullwidth_yuan else "¥"

    def lab(text: str) -> str:
        return " ".join(text) if s.spaced_labels else text

    if s.qr:
        import qrcode

        img = qrcode.make(s.qr)
        png = io.BytesIO()
        img.save(png, format="PNG")
        png.seek(0)
        c.drawImage(ImageReader(png), 20, 330, 70, 70)
    c.setFont(font, 18)
    c.drawCentredString(340, 380, "增值税电子普通发票" if s.old_style else "电子发票（普通发票）")
    c.setFont(font, 9)
    y = 385
    if s.old_style:
        c.drawString(480, y, f"{lab('发票代码')}：042001900111")
        y -= 13
    c.drawString(480, y, f"{lab('发票号码')}：{s.number}")
    c.drawString(480, y - 13, f"{lab('开票日期')}：{s.date}")
    if s.old_style:
        c.drawString(480, y - 26, "校 验 码：12345 67890 12345 67890")
    c.drawString(30, 305, "购买方信息")
    c.drawString(90, 305, f"名称：{s.buyer}")
    c.drawString(90, 290, f"统一社会信用代码/纳税人识别号：{s.buyer_id}")
    c.drawString(350, 305, "销售方信息")
    c.drawString(410, 305, f"名称：{s.seller}")
    c.drawString(410, 290, f"统一社会信用代码/纳税人识别号：{s.seller_id}")
    cols = [(30, 160), (190, 70), (260, 40), (300, 50), (350, 60), (410, 80), (490, 70), (560, 80)]
    heads = ["项目名称", "规格型号", "单位", "数量", "单价", "金额", "税率/征收率", "税额"]
    for (x, w), h in zip(cols, heads, strict=False):
        c.drawCentredString(x + w / 2, 265, h)
    y = 248
    for row in s.items:
        name = row[0]
        name_lines = [name[i:i + 16] for i in range(0, len(name), 16)]
        mid = y - (len(name_lines) - 1) * 5.5
        for k, part in enumerate(name_lines):
            c.drawString(cols[0][0] + 2, y - k * 11, part)
        for (x, w), cell in zip(cols[1:], row[1:], strict=False):
            c.drawCentredString(x + w / 2, mid, cell)
        y -= 11 * len(name_lines) + 8
    c.drawString(30, 120, "合 计" if not s.spaced_labels else "合      计")
    c.drawCentredString(450, 120, f"{yen}{s.amount}")
    c.drawCentredString(600, 120, f"{yen}{s.tax}")
    c.drawString(30, 100, "价税合计（大写）")
    c.drawString(130, 100, f"⊗{s.words}")
    c.drawString(450, 100, f"（小写）{yen}{s.total}")
    c.drawString(30, 60, "开票人：王某")
    c.showPage()
    c.save()
    return buf.getvalue()


def text_pdf(lines: Sequence[str], title: str | None = None, pages: int = 1) -> bytes:
    """A plain document: an optional large title, then lines of body text."""
    from reportlab.pdfgen.canvas import Canvas

    from slq_desk.fonts import register_cjk_font

    font = register_cjk_font()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(595, 842), invariant=1)
    for _ in range(pages):
        y = 780
        if title:
            c.setFont(font, 18)
            c.drawCentredString(297, y, title)
            y -= 40
        c.setFont(font, 10.5)
        for line in lines:
            c.drawString(60, y, line)
            y -= 18
        c.showPage()
    c.save()
    return buf.getvalue()


def image_pdf() -> bytes:
    """A one-page 'scan': an image and no text layer."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    png = png_bytes()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(595, 842), invariant=1)
    c.drawImage(ImageReader(io.BytesIO(png)), 20, 20, 555, 800)
    c.showPage()
    c.save()
    return buf.getvalue()


def png_bytes() -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("L", (200, 280), 255)
    ImageDraw.Draw(img).rectangle((20, 20, 180, 60), fill=0)
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


def empty_pdf() -> bytes:
    """A syntactically valid PDF with no pages."""
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF\n")


def encrypted_pdf(user_password: str = "secret") -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, encrypt=StandardEncryption(user_password, "owner", canPrint=1))
    c.drawString(100, 700, "secret")
    c.showPage()
    c.save()
    return buf.getvalue()


def grid_pdf(title: str, before: Sequence[str], header: Sequence[str],
             rows: Sequence[Sequence[str]], after: Sequence[str], col_width: float = 90) -> bytes:
    """A document with a title, some lines, a table of centred cells and some lines after."""
    from reportlab.pdfgen.canvas import Canvas

    from slq_desk.fonts import register_cjk_font

    font = register_cjk_font()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(595, 842), invariant=1)
    c.setFont(font, 18)
    c.drawCentredString(297, 790, title)
    c.setFont(font, 10)
    y = 750
    for line in before:
        c.drawString(60, y, line)
        y -= 18
    for row in [header, *rows]:
        for k, cell in enumerate(row):
            c.drawCentredString(60 + col_width * (k + 0.5), y, cell)
        y -= 18
    for line in after:
        c.drawString(60, y - 10, line)
        y -= 18
    c.showPage()
    c.save()
    return buf.getvalue()
