"""Small PDFs with text placed at given positions, for the layout-robust extractors.

Written for these tests, independently of the demo generator: each fixture draws a layout the
generator never produces (two-column headers, values beside or under their labels on another
baseline, role blocks of bank receipts, monthly settlement rows). Coordinates are in points from
the top left, as a person measures a page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

Text = tuple[float, float, str] | tuple[float, float, str, float]


def placed_pdf(pages: Sequence[Sequence[Text]], size: float = 10.0) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    from slq_desk.fonts import register_cjk_font

    font = register_cjk_font()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(595, 842), invariant=1)
    for page in pages:
        for item in page:
            x, y, text = item[0], item[1], item[2]
            c.setFont(font, item[3] if len(item) > 3 else size)  # type: ignore[misc]
            c.drawString(x, 842 - y, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def rows(x: float, y: float, texts: Sequence[str], step: float = 18.0,
         size: float = 10.0) -> list[Text]:
    """Lines of text one under the other."""
    return [(x, y + i * step, t, size) for i, t in enumerate(texts)]


def grid(x: float, y: float, cells: Sequence[Sequence[str]], widths: Sequence[float],
         step: float = 20.0, size: float = 10.0) -> list[Text]:
    """A table: each cell drawn from the left edge of its column."""
    out: list[Text] = []
    for r, row in enumerate(cells):
        left = x
        for text, width in zip(row, widths, strict=False):
            if text:
                out.append((left + 3, y + r * step, text, size))
            left += width
    return out
