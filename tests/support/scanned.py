"""Scanned pages for the OCR tests and the OCR bench, made here (not by ``slq_desk.demo``).

A page of text is typeset with PyMuPDF, rendered to a greyscale picture at a scanner's
resolution, turned by a small angle, given noise (seeded, so the same call gives the same
bytes), and embedded as the only content of a new PDF page: no text layer at all.
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence

# The lines of the default test page: a contract's first lines with an amount and a USCC.
CONTRACT_LINES = (
    "算力服务合同",
    "合同编号：SL-2026-0417",
    "甲方（需求方）：武汉星河智算科技有限公司",
    "统一社会信用代码：91420100MA4K2L3X6A",
    "乙方（服务方）：湖北长江云计算有限公司",
    "合同总金额：人民币 346,500.00 元",
    "签订日期：2026年4月8日",
)


def text_page_pdf(lines: Sequence[str], size: float = 13.0, pages: int = 1) -> bytes:
    """A born-digital PDF with ``lines`` typeset on each page in PyMuPDF's CJK font."""
    import pymupdf

    doc = pymupdf.open()
    font = pymupdf.Font("cjk")
    for _ in range(pages):
        page = doc.new_page(width=595, height=842)
        page.insert_font(fontname="cjk", fontbuffer=font.buffer)
        for i, line in enumerate(lines):
            page.insert_text((72, 110 + i * size * 2.2), line, fontname="cjk", fontsize=size)
    data = doc.tobytes()
    doc.close()
    return data


def scan(pdf: bytes, dpi: int = 150, angle: float = 0.8, noise: int = 18, seed: int = 7) -> bytes:
    """Every page of ``pdf`` as an image-only page: rendered, rotated a little, noisy."""
    import pymupdf
    from PIL import Image

    rng = random.Random(seed)
    source = pymupdf.open(stream=pdf, filetype="pdf")
    out = pymupdf.open()
    try:
        for index in range(source.page_count):
            page = source[index]
            pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
            image = Image.frombytes("L", (pix.width, pix.height), pix.samples)
            image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False,
                                 fillcolor=240)
            # Salt-and-pepper specks plus grey paper: what a cheap office scanner adds.
            pixels = image.load()
            assert pixels is not None
            width, height = image.size
            for _ in range(width * height // 60):
                x, y = rng.randrange(width), rng.randrange(height)
                value = pixels[x, y]
                assert isinstance(value, int)
                pixels[x, y] = max(0, min(255, value + rng.randint(-noise * 4, noise * 4)))
            image = image.point(lambda v: min(240, v + 8))
            jpeg = io.BytesIO()
            image.save(jpeg, format="JPEG", quality=75)
            target = out.new_page(width=page.rect.width, height=page.rect.height)
            target.insert_image(target.rect, stream=jpeg.getvalue())
        return out.tobytes(deflate=True)
    finally:
        source.close()
        out.close()


def scanned_contract(pages: int = 1, seed: int = 7) -> bytes:
    return scan(text_page_pdf(CONTRACT_LINES, pages=pages), seed=seed)
