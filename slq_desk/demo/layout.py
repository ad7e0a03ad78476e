"""ReportLab drawing helpers shared by the document renderers.

Every page is A4 with the embedded CJK TrueType font. Canvases are ``invariant`` (fixed
creation date and document ID) so the same seed gives the same bytes. Labels and their values
are drawn as one string ("发票号码：2642…") so that a text-layer reader sees them on one line,
as on real documents. Stamps are raster images, like the scanned seals on real e-documents:
their rotated characters stay out of the text layer.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import io
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from slq_desk.fonts import cjk_font_bytes, register_cjk_font

PAGE_W, PAGE_H = A4
MARGIN = 56.0
RED = Color(0.78, 0.08, 0.08)
INVOICE_BROWN = Color(0.55, 0.27, 0.07)
GREY = Color(0.35, 0.35, 0.35)


# Set while a document is drawn encrypted (pdf_encrypted flaw); ReportLab encrypts as it writes.
_ENCRYPTION: contextvars.ContextVar[tuple[str, str] | None] = contextvars.ContextVar("demo_encryption", default=None)


@contextlib.contextmanager
def encrypted(user_password: str, owner_password: str) -> Iterator[None]:
    """Canvases created inside this block write RC4-128 encrypted PDFs.

    RC4-128 derives its key from the passwords and the document ID only (no random salt or IV,
    unlike ReportLab's AES-256 mode), and ``invariant`` fixes the ID: so the bytes are the
    same on every run. It is weak cryptography, which does not matter for a planted flaw.
    """
    token = _ENCRYPTION.set((user_password, owner_password))
    try:
        yield
    finally:
        _ENCRYPTION.reset(token)


@contextlib.contextmanager
def binary_streams() -> Iterator[None]:
    """Write PDF streams Flate-compressed without the ASCII85 layer while the block runs.

    ReportLab's default ASCII85 step runs in pure Python here (no rl_accel) and took a third of
    the generation time on images; it also makes files 25 % larger. ``rl_config`` is global,
    so the previous value is restored at once; the generator draws from one thread.
    """
    from reportlab import rl_config

    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


def font() -> str:
    return register_cjk_font()


def new_canvas(buf: io.BytesIO, title: str, author: str) -> Canvas:
    name = font()
    encrypt = None
    passwords = _ENCRYPTION.get()
    if passwords is not None:
        from reportlab.lib.pdfencrypt import StandardEncryption

        encrypt = StandardEncryption(passwords[0], passwords[1], canPrint=0, canModify=0, canCopy=0,
                                     canAnnotate=0, strength=128)
    canvas = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1, initialFontName=name,
                    initialFontSize=10.5, encrypt=encrypt)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(title)
    canvas.setCreator("slq-desk demo generator")
    canvas.setProducer("slq-desk demo generator")
    canvas.setFont(name, 10.5)
    return canvas


def width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font(), size)


def text(c: Canvas, x: float, y: float, s: str, size: float = 10.5, color: Color = black) -> None:
    c.setFillColor(color)
    c.setFont(font(), size)
    c.drawString(x, y, s)
    c.setFillColor(black)


def centred(c: Canvas, y: float, s: str, size: float = 16, color: Color = black,
            x: float | None = None) -> None:
    c.setFillColor(color)
    c.setFont(font(), size)
    c.drawCentredString(PAGE_W / 2 if x is None else x, y, s)
    c.setFillColor(black)


def right(c: Canvas, x: float, y: float, s: str, size: float = 10.5) -> None:
    c.setFont(font(), size)
    c.drawRightString(x, y, s)


_NO_LINE_START = set("，。、；：？！）》」』”’%")


def wrap(s: str, max_width: float, size: float) -> list[str]:
    """Break text into lines no wider than ``max_width`` (character-wise, as CJK allows)."""
    lines: list[str] = []
    for para in s.split("\n"):
        current = ""
        for ch in para:
            # 禁则: closing punctuation never starts a line; it may hang into the margin.
            if width(current + ch, size) > max_width and current and ch not in _NO_LINE_START:
                lines.append(current)
                current = ch
            else:
                current += ch
        lines.append(current)
    return lines


def paragraph(c: Canvas, x: float, y: float, s: str, max_width: float, size: float = 10.5,
              leading: float | None = None, indent: bool = False) -> float:
    """Draw wrapped text from baseline ``y`` downwards; return the next free baseline."""
    leading = leading or size * 1.75
    body = ("\u3000\u3000" + s) if indent else s
    for line in wrap(body, max_width, size):
        text(c, x, y, line, size)
        y -= leading
    return y


def fmt_date(d: date, pad: bool = True) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日" if pad else f"{d.year}年{d.month}月{d.day}日"


@dataclass
class Column:
    title: str
    width: float
    align: str = "center"  # left | center | right


def table(c: Canvas, x: float, y: float, columns: Sequence[Column], rows: Sequence[Sequence[str]],
          size: float = 9, row_h: float = 18, header: bool = True, header_fill: Color | None = None,
          line_color: Color = black) -> float:
    """A ruled table with its top edge at ``y``; return the y of its bottom edge."""
    total_w = sum(col.width for col in columns)
    all_rows: list[Sequence[str]] = ([[col.title for col in columns]] if header else []) + list(rows)
    c.setStrokeColor(line_color)
    c.setLineWidth(0.6)
    top = y
    for index, row in enumerate(all_rows):
        cells = [wrap(str(cell), col.width - 6, size) for cell, col in zip(row, columns, strict=False)]
        height = max(row_h, max(len(cell) for cell in cells) * size * 1.3 + 6)
        if index == 0 and header and header_fill is not None:
            c.setFillColor(header_fill)
            c.rect(x, y - height, total_w, height, stroke=0, fill=1)
            c.setFillColor(black)
        cx = x
        for cell, col in zip(cells, columns, strict=False):
            baseline = y - (height - len(cell) * size * 1.3) / 2 - size * 0.95
            for line in cell:
                if col.align == "left":
                    text(c, cx + 3, baseline, line, size)
                elif col.align == "right":
                    right(c, cx + col.width - 3, baseline, line, size)
                else:
                    centred(c, baseline, line, size, x=cx + col.width / 2)
                baseline -= size * 1.3
            cx += col.width
        y -= height
        c.line(x, y, x + total_w, y)
    c.line(x, top, x + total_w, top)
    cx = x
    for col in columns:
        c.line(cx, top, cx, y)
        cx += col.width
    c.line(cx, top, cx, y)
    c.setStrokeColor(black)
    return y


def kv_grid(c: Canvas, x: float, y: float, pairs: Sequence[tuple[str, str]], widths: Sequence[float],
            size: float = 10, row_h: float = 22) -> float:
    """A form grid: each row holds one or two "label | value" pairs; return the bottom y."""
    per_row = len(widths) // 2
    rows: list[list[str]] = []
    for start in range(0, len(pairs), per_row):
        chunk = list(pairs[start:start + per_row])
        while len(chunk) < per_row:
            chunk.append(("", ""))
        rows.append([part for pair in chunk for part in pair])
    columns = [Column("", w, "left") for w in widths]
    return table(c, x, y, columns, rows, size=size, row_h=row_h, header=False)


def footer(c: Canvas, page: int, pages: int | None = None) -> None:
    label = f"第 {page} 页 共 {pages} 页" if pages else f"第 {page} 页"
    centred(c, 28, label, 8.5, GREY)


@functools.lru_cache(maxsize=256)
def _stamp_png(name: str, label: str) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    size = 240
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    red = (200, 30, 30, 215)
    draw.ellipse((5, 5, size - 5, size - 5), outline=red, width=8)
    star_r, cx, cy = 31, size / 2, size / 2
    points = []
    for k in range(10):
        r = star_r if k % 2 == 0 else star_r * 0.4
        angle = -math.pi / 2 + k * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    draw.polygon(points, fill=red)
    face = ImageFont.truetype(io.BytesIO(cjk_font_bytes()), 27)
    chars = list(name)
    span = min(math.radians(250), math.radians(21) * len(chars))
    for k, ch in enumerate(chars):
        angle = -math.pi / 2 - span / 2 + span * (k + 0.5) / len(chars)
        glyph = Image.new("RGBA", (38, 38), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((5, 3), ch, font=face, fill=red)
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.Resampling.BICUBIC)
        gx = cx + (size / 2 - 39) * math.cos(angle) - 19
        gy = cy + (size / 2 - 39) * math.sin(angle) - 19
        image.alpha_composite(glyph, (int(gx), int(gy)))
    small = ImageFont.truetype(io.BytesIO(cjk_font_bytes()), 20)
    tw = draw.textlength(label, font=small)
    draw.text((cx - tw / 2, cy + 47), label, font=small, fill=red)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def stamp(c: Canvas, cx: float, cy: float, name: str, label: str = "合同专用章", diameter: float = 118) -> None:
    reader = ImageReader(io.BytesIO(_stamp_png(name, label)))
    c.drawImage(reader, cx - diameter / 2, cy - diameter / 2, diameter, diameter, mask="auto")


def qr_png(payload: str) -> bytes:
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(version=None, error_correction=ERROR_CORRECT_M, box_size=6, border=2)
    code.add_data(payload)
    code.make(fit=True)
    image = code.make_image(fill_color="black", back_color="white").get_image().convert("L")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def image(c: Canvas, png: bytes, x: float, y: float, w: float, h: float) -> None:
    c.drawImage(ImageReader(io.BytesIO(png)), x, y, w, h)


def signature_block(c: Canvas, x: float, y: float, role: str, company: str, when: date | None,
                    seal: bool = True, seal_label: str = "合同专用章") -> None:
    text(c, x, y, f"{role}（盖章）：{company}", 10.5)
    text(c, x, y - 24, "法定代表人或授权代表（签字）：", 10.5)
    text(c, x, y - 48, f"日期：{fmt_date(when, pad=False) if when else '    年  月  日'}", 10.5)
    if seal:
        stamp(c, x + 130, y - 20, company, seal_label)
