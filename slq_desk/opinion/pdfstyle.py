"""The look every PDF slq-desk writes shares: CJK paragraph styles, escaped text, grid tables.

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
