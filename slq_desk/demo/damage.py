"""Turning a good PDF into the broken kinds applicants send: a scan without a text layer and a
truncated download. (Encrypted PDFs are drawn encrypted: see ``layout.encrypted``.)"""

from __future__ import annotations

import io

from reportlab.lib.utils import ImageReader

from slq_desk.demo import layout as L


def scanned(pdf: bytes, title: str, dpi: int = 110) -> bytes:
    """The same pages as greyscale JPEG images, slightly skewed, with no text layer at all."""
    import pymupdf
    from PIL import Image, ImageFilter

    source = pymupdf.open(stream=pdf, filetype="pdf")
    buf = io.BytesIO()
    c = L.new_canvas(buf, title, "扫描件")
    try:
        for page in source.pages():
            pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
            image = Image.frombytes("L", (pix.width, pix.height), pix.samples)
            # A scanner's slight skew, blur and grey paper; deterministic for the same input.
            image = image.rotate(0.7, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=236)
            image = image.filter(ImageFilter.GaussianBlur(0.6)).point(lambda v: min(236, v + 10))
            jpeg = io.BytesIO()
            image.save(jpeg, format="JPEG", quality=72, optimize=False)
            c.setPageSize((page.rect.width, page.rect.height))
            c.drawImage(ImageReader(io.BytesIO(jpeg.getvalue())), 0, 0, page.rect.width, page.rect.height)
            c.showPage()
    finally:
        source.close()
    c.save()
    return buf.getvalue()


def truncated(pdf: bytes, keep: float = 0.55) -> bytes:
    """The first part of the file only, as from an interrupted download (no xref, no trailer)."""
    return pdf[: int(len(pdf) * keep)]
