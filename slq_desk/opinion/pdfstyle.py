"""The look every PDF slq-desk writes shares: CJK paragraph styles, escaped text, grid tables,
and one page template (``PageTemplate``: foot line, page number, the draft watermark).

The expert opinion, the 初审意见 and the panel's 评审结果汇总表 are read side by side by the
same officials; one set of styles keeps them alike and keeps the embedded font in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, TableStyle

from slq_desk.fonts import register_cjk_font

HEADER_FILL = colors.HexColor("#E8EEF5")
GRID_LINE = colors.HexColor("#888888")
MUTED = colors.HexColor("#444444")
WATERMARK = colors.HexColor("#E6E6E6")
DRAFT_RED = colors.HexColor("#B00000")
FOOT_GREY = colors.HexColor("#666666")


@dataclass(frozen=True)
class PdfStyles:
    font: str
    base: ParagraphStyle
    small: ParagraphStyle
    tiny: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    grid: TableStyle

    def para(self, text: Any, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of plain text: markup characters escaped, newlines kept."""
        return Paragraph(escape(str(text)).replace("\n", "<br/>"), style or self.base)


def pdf_styles(base_size: float = 9.5, base_leading: float = 14,
               small_size: float = 7.5, small_leading: float = 10) -> PdfStyles:
    font = register_cjk_font()
    # wordWrap="CJK" lets Chinese lines break between any two characters, as Chinese print does.
    base = ParagraphStyle("base", fontName=font, fontSize=base_size, leading=base_leading,
                          wordWrap="CJK")
    return PdfStyles(
        font=font,
        base=base,
        small=ParagraphStyle("small", parent=base, fontSize=small_size, leading=small_leading),
        tiny=ParagraphStyle("tiny", parent=base, fontSize=6.5, leading=8.5),
        title=ParagraphStyle("title", parent=base, fontSize=18, leading=26, alignment=TA_CENTER),
        subtitle=ParagraphStyle("subtitle", parent=base, fontSize=9, leading=13,
                                alignment=TA_CENTER, textColor=MUTED),
        heading=ParagraphStyle("heading", parent=base, fontSize=12, leading=18, spaceBefore=8,
                               spaceAfter=4, keepWithNext=1),
        grid=TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("GRID", (0, 0), (-1, -1), 0.5, GRID_LINE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]),
    )


@dataclass(frozen=True)
class PageTemplate:
    """The page furniture every slq-desk PDF carries, in one place: the foot line (what the
    document is, left; the page number, right) and, on a draft, 草稿 across the page with a red
    line at the top saying the copy is not signed. The expert opinion, the 初审意见 and the
    panel's 评审结果汇总表 differ only in the words and the page geometry they pass."""

    font: str
    page_size: tuple[float, float]
    margin: float
    footer: str
    draft_note: str | None = None  # None: not a draft
    bottom_margin: float | None = None  # default: ``margin``

    def on_page(self, canvas: Any, doc: Any) -> None:
        page_w, page_h = self.page_size
        canvas.saveState()
        if self.draft_note is not None:
            canvas.setFillColor(WATERMARK)
            canvas.setFont(self.font, min(page_w, page_h) / 5.4)
            canvas.translate(page_w / 2, page_h / 2)
            canvas.rotate(40)
            canvas.drawCentredString(0, -40, "草稿")
            canvas.rotate(-40)
            canvas.translate(-page_w / 2, -page_h / 2)
            canvas.setFillColor(DRAFT_RED)
            canvas.setFont(self.font, 9)
            canvas.drawString(self.margin, page_h - self.margin / 3 * 2, self.draft_note)
        canvas.setFillColor(FOOT_GREY)
        canvas.setFont(self.font, 7.5)
        foot_y = self.margin * 0.56
        canvas.drawString(self.margin, foot_y, self.footer)
        canvas.drawRightString(page_w - self.margin, foot_y, f"第 {doc.page} 页")
        canvas.restoreState()

    def build(self, story: list[Any], *, title: str, author: str = "",
              subject: str = "") -> tuple[bytes, int]:
        """Lay ``story`` out on these pages; returns the PDF bytes and the page count."""
        import io

        from reportlab.platypus import SimpleDocTemplate

        buf = io.BytesIO()
        bottom = self.margin if self.bottom_margin is None else self.bottom_margin
        doc = SimpleDocTemplate(
            buf, pagesize=self.page_size, leftMargin=self.margin, rightMargin=self.margin,
            topMargin=self.margin, bottomMargin=bottom, title=title, author=author,
            subject=subject, creator="slq-desk", lang="zh-CN",
            # Without this the canvas starts in Helvetica, a font that is not embedded: every
            # glyph must come from the embedded CJK font (PDF/A).
            initialFontName=self.font, initialFontSize=9.5,
        )
        doc.build(story, onFirstPage=self.on_page, onLaterPages=self.on_page)
        return buf.getvalue(), int(doc.page)
