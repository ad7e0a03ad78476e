"""Drawing primitives for the corpus: a page-by-page ReportLab writer, seals, and scans.

The writer tracks the page each field lands on (``mark``), so a truth file can say where a
value is. Pages are laid out by hand (no Platypus flow) so a template decides exactly what goes
on which page, as a person typing a contract in a word processor would.
"""

from __future__ import annotations

import functools
import io
import math
import random
from collections.abc import Sequence
from typing import Any

import pymupdf
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

CJK = "CorpusCJK"


@functools.cache
def cjk_bytes() -> bytes:
    """Droid Sans Fallback as PyMuPDF ships it: always present, TrueType, so ReportLab embeds it."""
    return bytes(pymupdf.Font("cjk").buffer)


@functools.cache
def register_fonts() -> str:
    pdfmetrics.registerFont(TTFont(CJK, io.BytesIO(cjk_bytes())))
    return CJK


@functools.cache
def pil_font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(io.BytesIO(cjk_bytes()), size)


class Writer:
    """One PDF, written page by page, top-down coordinates (y grows downward from the top)."""

    def __init__(self, title: str = "", pagesize: tuple[float, float] = A4,
                 margin: float = 56.0) -> None:
        register_fonts()
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=pagesize, invariant=1, pageCompression=1)
        if title:
            self.c.setTitle(title)
        self.w, self.h = pagesize
        self.margin = margin
        self.page = 1
        self.y = margin
        self.fields: dict[str, int] = {}

    # -- primitives ------------------------------------------------------------------------
    def text(self, x: float, y: float, s: str, size: float = 10.5, font: str = CJK,
             color: tuple[float, float, float] = (0, 0, 0), anchor: str = "l") -> None:
        self.c.setFillColorRGB(*color)
        self.c.setFont(font, size)
        yy = self.h - y
        if anchor == "c":
            self.c.drawCentredString(x, yy, s)
        elif anchor == "r":
            self.c.drawRightString(x, yy, s)
        else:
            self.c.drawString(x, yy, s)
        self.c.setFillColorRGB(0, 0, 0)

    def width(self, s: str, size: float, font: str = CJK) -> float:
        return pdfmetrics.stringWidth(s, font, size)

    def line(self, x1: float, y1: float, x2: float, y2: float, lw: float = 0.6,
             color: tuple[float, float, float] = (0, 0, 0)) -> None:
        self.c.setStrokeColorRGB(*color)
        self.c.setLineWidth(lw)
        self.c.line(x1, self.h - y1, x2, self.h - y2)
        self.c.setStrokeColorRGB(0, 0, 0)

    def rect(self, x: float, y: float, w: float, h: float, lw: float = 0.6,
             color: tuple[float, float, float] = (0, 0, 0),
             fill: tuple[float, float, float] | None = None) -> None:
        self.c.setStrokeColorRGB(*color)
        self.c.setLineWidth(lw)
        if fill:
            self.c.setFillColorRGB(*fill)
        self.c.rect(x, self.h - y - h, w, h, stroke=1, fill=1 if fill else 0)
        self.c.setFillColorRGB(0, 0, 0)
        self.c.setStrokeColorRGB(0, 0, 0)

    def image(self, img: Image.Image, x: float, y: float, w: float, h: float) -> None:
        self.c.drawImage(ImageReader(img), x, self.h - y - h, w, h, mask="auto")

    def mark(self, *names: str) -> None:
        """Record that these fields are printed on the current page (first occurrence wins)."""
        for n in names:
            self.fields.setdefault(n, self.page)

    # -- flow ------------------------------------------------------------------------------
    def wrap(self, s: str, width: float, size: float) -> list[str]:
        lines: list[str] = []
        for para in s.split("\n"):
            cur = ""
            for ch in para:
                if self.width(cur + ch, size) > width and cur:
                    lines.append(cur)
                    cur = ch
                else:
                    cur += ch
            lines.append(cur)
        return lines

    def new_page(self) -> None:
        self.c.showPage()
        self.page += 1
        self.y = self.margin

    def ensure(self, height: float) -> None:
        if self.y + height > self.h - self.margin:
            self.new_page()

    def para(self, s: str, size: float = 10.5, leading: float | None = None,
             indent: float = 0.0, first_indent: bool = False, fields: Sequence[str] = (),
             x: float | None = None, width: float | None = None) -> None:
        leading = leading or size * 1.75
        x0 = self.margin + indent if x is None else x
        width = width or (self.w - self.margin - x0)
        if first_indent:
            s = "\u3000\u3000" + s
        for ln in self.wrap(s, width, size):
            self.ensure(leading)
            self.y += leading
            self.text(x0, self.y, ln, size)
            if fields:
                self.mark(*fields)
                fields = ()
        self.y += leading * 0.25

    def heading(self, s: str, size: float = 16, gap: float = 14) -> None:
        self.ensure(size * 2 + gap)
        self.y += size + gap / 2
        self.text(self.w / 2, self.y, s, size, anchor="c")
        self.y += gap

    def table(self, cols: Sequence[float], rows: Sequence[Sequence[str]], size: float = 9.5,
              x: float | None = None, pad: float = 4.0, header_fill: bool = True,
              align: Sequence[str] | None = None, min_h: float = 0.0,
              row_fields: Sequence[Sequence[str]] | None = None) -> None:
        """A ruled table flowing across pages; wrapped cells grow their row."""
        x0 = self.margin if x is None else x
        leading = size * 1.45
        for ri, row in enumerate(rows):
            cells = [self.wrap(str(v), max(10.0, cw - 2 * pad), size) for v, cw in zip(row, cols, strict=True)]
            rh = max(min_h, max(len(c) for c in cells) * leading + 2 * pad)
            self.ensure(rh)
            cx = x0
            if ri == 0 and header_fill:
                self.rect(x0, self.y, sum(cols), rh, lw=0.0, color=(1, 1, 1), fill=(0.92, 0.92, 0.92))
            for ci, (lines, cw) in enumerate(zip(cells, cols, strict=True)):
                self.rect(cx, self.y, cw, rh, lw=0.5)
                a = align[ci] if align else "l"
                ty = self.y + pad + size + (rh - 2 * pad - len(lines) * leading) / 2
                for ln in lines:
                    if a == "r":
                        self.text(cx + cw - pad, ty, ln, size, anchor="r")
                    elif a == "c":
                        self.text(cx + cw / 2, ty, ln, size, anchor="c")
                    else:
                        self.text(cx + pad, ty, ln, size)
                    ty += leading
                cx += cw
            if row_fields and ri < len(row_fields):
                self.mark(*row_fields[ri])
            self.y += rh
        self.y += 6

    def seal(self, name: str, x: float, y: float, d: float = 118, seed: int = 0,
             label: str = "合同专用章") -> None:
        self.image(seal_image(name, label, seed), x, y, d, d)

    def finish(self) -> bytes:
        self.c.save()
        return self.buf.getvalue()


@functools.cache
def seal_image(name: str, label: str = "合同专用章", seed: int = 0, px: int = 360) -> Image.Image:
    """A red round company seal (公章) as a raster with transparency, as on real scans."""
    rng = random.Random(f"seal:{name}:{seed}")
    img = Image.new("RGBA", (px, px), (255, 255, 255, 0))
    dr = ImageDraw.Draw(img)
    red = (214, 30, 36, 215)
    c = px / 2
    dr.ellipse((8, 8, px - 8, px - 8), outline=red, width=11)
    # Star in the middle.
    pts = []
    for i in range(10):
        r = 48 if i % 2 == 0 else 19
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((c + r * math.cos(a), c + r * math.sin(a)))
    dr.polygon(pts, fill=red)
    # Company name along the upper arc, each glyph rotated to face outwards.
    font = pil_font(40)
    n = len(name)
    span = min(250.0, 22.0 * n + 20)
    for i, ch in enumerate(name):
        ang = math.radians(-90 - span / 2 + span * (i + 0.5) / n)
        gx, gy = c + 128 * math.cos(ang), c + 128 * math.sin(ang)
        glyph = Image.new("RGBA", (48, 48), (255, 255, 255, 0))
        ImageDraw.Draw(glyph).text((24, 24), ch, font=font, fill=red, anchor="mm")
        glyph = glyph.rotate(-math.degrees(ang) - 90, resample=Image.Resampling.BICUBIC)
        img.alpha_composite(glyph, (int(gx - 24), int(gy - 24)))
    ImageDraw.Draw(img).text((c, c + 92), label, font=pil_font(30), fill=red, anchor="mm")
    # Ink: uneven pressure.
    mask = Image.frombytes("L", (px // 4, px // 4), rng.randbytes((px // 4) ** 2))
    mask = mask.resize((px, px), Image.Resampling.BILINEAR).point(lambda v: 150 + v * 105 // 255)
    alpha = ImageChops.multiply(img.getchannel("A"), mask)
    img.putalpha(alpha)
    return img


def scan_pdf(pdf: bytes, seed: int, dpi: int = 130, angle_range: tuple[float, float] = (0.5, 3.0),
             colour: bool = True, quality: int = 60) -> bytes:
    """Turn each page into a noisy, slightly rotated JPEG and return an image-only PDF."""
    rng = random.Random(f"scan:{seed}")
    src = pymupdf.open(stream=pdf, filetype="pdf")
    out = pymupdf.open()
    for page in src:
        pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csRGB if colour else pymupdf.csGRAY)
        mode = "RGB" if colour else "L"
        img = Image.frombytes(mode, (pix.width, pix.height), pix.samples)
        angle = rng.uniform(*angle_range) * rng.choice((-1, 1))
        fill = (250, 250, 246) if colour else 250
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=fill)
        w, h = img.size
        # Paper grain: values 225..255 multiplied in; specks: rare dark dots.
        grain = Image.frombytes("L", (w, h), rng.randbytes(w * h)).point(lambda v: 225 + v * 30 // 255)
        specks = Image.frombytes("L", (w // 2, h // 2), rng.randbytes((w // 2) * (h // 2)))
        specks = specks.point(lambda v: 70 if v == 0 else 255).resize((w, h), Image.Resampling.NEAREST)
        noise = ImageChops.darker(grain, specks)
        if colour:
            noise = noise.convert("RGB")
        img = ImageChops.multiply(img, noise).filter(ImageFilter.GaussianBlur(0.7))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=quality, optimize=False)
        rect = page.rect
        p = out.new_page(width=rect.width, height=rect.height)
        p.insert_image(rect, stream=buf.getvalue())
    data = out.tobytes(garbage=3, deflate=True, no_new_id=True)
    return data


def fitz_doc() -> pymupdf.Document:
    return pymupdf.open()


def fitz_page(doc: pymupdf.Document, w: float = 595.0, h: float = 842.0) -> Any:
    page = doc.new_page(width=w, height=h)
    page.insert_font(fontname="cjk", fontbuffer=cjk_bytes())
    return page


def fitz_finish(doc: pymupdf.Document) -> bytes:
    doc.subset_fonts()
    return doc.tobytes(garbage=3, deflate=True, no_new_id=True)
