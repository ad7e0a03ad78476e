"""The QR code on Chinese e-invoices: decoded offline with zxing-cpp and parsed.

The code's text is comma-separated: version, invoice type (31/32 数电专票/普票, 10/04/01
older), invoice code (empty on 数电 invoices), number, amount, date (YYYYMMDD), check code,
then a CRC. Its amount is 价税合计 for types 31/32 and 金额 (before tax) for the older types,
so it cross-checks the figures printed on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slq_desk.extract.evidence import BBox
from slq_desk.extract.find import date_str, money_str

# Zoom for rendering the page region when the QR is vector art rather than an image.
RENDER_ZOOM = 3.0


@dataclass(frozen=True)
class InvoiceQR:
    raw: str
    invoice_type: str
    invoice_code: str
    invoice_number: str
    amount: str | None  # money string
    issue_date: str | None  # ISO
    check_code: str
    page: int
    bbox: BBox | None

    @property
    def amount_is_total(self) -> bool:
        return self.invoice_type in ("31", "32", "81", "82", "61", "83", "84", "85", "86", "87")


def parse_invoice_qr(raw: str, page: int = 0, bbox: BBox | None = None) -> InvoiceQR | None:
    parts = [p.strip() for p in raw.strip().split(",")]
    if len(parts) < 6 or not parts[3].isdigit():
        return None
    return InvoiceQR(raw=raw, invoice_type=parts[1], invoice_code=parts[2],
                     invoice_number=parts[3], amount=money_str(parts[4]) if parts[4] else None,
                     issue_date=date_str(parts[5]), check_code=parts[6] if len(parts) > 6 else "",
                     page=page, bbox=bbox)


def decode_page(doc: Any, index: int) -> list[tuple[str, BBox | None]]:
    """All QR codes on a page: embedded images first, else the page rendered."""
    import pymupdf

    page = doc[index]
    found: list[tuple[str, BBox | None]] = []
    for info in page.get_image_info(xrefs=True):
        xref = info.get("xref") or 0
        x0, y0, x1, y1 = (float(v) for v in info["bbox"])
        w, h = x1 - x0, y1 - y0
        if xref <= 0 or w <= 0 or h <= 0 or not 0.7 < w / h < 1.4:
            continue
        try:
            pix = pymupdf.Pixmap(doc, xref)
            if pix.n - pix.alpha != 1 or pix.alpha:
                pix = pymupdf.Pixmap(pymupdf.csGRAY, pix)
            found.extend((text, (x0, y0, x1, y1)) for text, _ in _decode(pix))
        except Exception:  # a damaged image is simply not a QR we can read
            continue
    if found:
        return found
    # Vector-drawn code: render where invoices print it (top left) first, the page second.
    full = page.rect
    for clip in (pymupdf.Rect(full.x0, full.y0, full.x0 + full.width * 0.4,
                              full.y0 + full.height * 0.45), full):
        pix = page.get_pixmap(matrix=pymupdf.Matrix(RENDER_ZOOM, RENDER_ZOOM), clip=clip,
                              colorspace=pymupdf.csGRAY, alpha=False)
        for text, box in _decode(pix):
            found.append((text, None if box is None else (
                clip.x0 + box[0] / RENDER_ZOOM, clip.y0 + box[1] / RENDER_ZOOM,
                clip.x0 + box[2] / RENDER_ZOOM, clip.y0 + box[3] / RENDER_ZOOM)))
        if found:
            return found
    return found


def _decode(pix: Any) -> list[tuple[str, BBox | None]]:
    import zxingcpp

    if pix.width < 21 or pix.height < 21:
        return []
    view = memoryview(pix.samples)
    if pix.stride != pix.width:
        return []
    image = view.cast("B", (pix.height, pix.width))
    out: list[tuple[str, BBox | None]] = []
    for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)):
        pos = code.position
        xs = [pos.top_left.x, pos.top_right.x, pos.bottom_left.x, pos.bottom_right.x]
        ys = [pos.top_left.y, pos.top_right.y, pos.bottom_left.y, pos.bottom_right.y]
        out.append((code.text, (float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys)))))
    return out
