"""An evidence box: where on which page a value or finding came from, and how it is drawn.

The box is an outline only (a fill over the boxed text makes it hard to read), and its label
never sits on the page's text: it goes into the grey gutter beside the page, level with the box
and joined to it by a thin leader, when the viewport has room; otherwise to the first place just
outside the box (above, beside, below, in the page margin) that covers no line of the page's
text, and never over the boxed text itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from slq_desk.ui.viewer.geometry import Rect

EVIDENCE_COLOR = QColor(220, 38, 38)
GAP = 4.0  # pixels between the label and what it must not touch


@dataclass(frozen=True)
class Evidence:
    page: int  # 0-based
    rect: Rect  # PDF points, PyMuPDF's unrotated top-left convention
    label: str = ""


def label_rect(box: QRectF, size: QSizeF, page: QRectF | None, viewport: QRectF | None,
               obstacles: Sequence[QRectF] = ()) -> QRectF:
    """Where a label of ``size`` goes for ``box``: off the page when there is room, else the
    first place outside the box (above, right, left, below, the page's margins) that touches
    none of ``obstacles`` (the page's lines of text) and stays in the viewport; failing all
    of those, the first that at least leaves the box alone."""
    w, h = size.width(), size.height()
    y = box.top()
    if page is not None and viewport is not None:
        # The gutters beside the page hold no text at all.
        if page.left() - viewport.left() >= w + 2 * GAP:
            return QRectF(page.left() - GAP - w, y, w, h)
        if viewport.right() - page.right() >= w + 2 * GAP:
            return QRectF(page.right() + GAP, y, w, h)
    candidates = [
        QRectF(box.left(), box.top() - GAP - h, w, h),  # above
        QRectF(box.right() + GAP, y, w, h),  # right
        QRectF(box.left() - GAP - w, y, w, h),  # left
        QRectF(box.left(), box.bottom() + GAP, w, h),  # below
    ]
    if page is not None:
        candidates += [QRectF(page.left() + GAP, y, w, h), QRectF(page.right() - GAP - w, y, w, h)]
    area = viewport if viewport is not None else None

    def inside(r: QRectF) -> bool:
        return area is None or area.contains(r)

    clear_of_box = [r for r in candidates if not r.intersects(box) and inside(r)]
    for r in clear_of_box:
        if not any(r.intersects(o) for o in obstacles):
            return r
    return clear_of_box[0] if clear_of_box else candidates[0]


def paint_evidence(painter: QPainter, box: QRectF, label: str, page: QRectF | None = None,
                   viewport: QRectF | None = None, obstacles: Sequence[QRectF] = ()) -> None:
    """A red outline (no fill, so the boxed text stays readable) and the label outside it."""
    painter.save()
    pen = QPen(EVIDENCE_COLOR, 2)
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box)
    if label:
        metrics = QFontMetricsF(painter.font())
        size = QSizeF(metrics.horizontalAdvance(label) + 8, metrics.height() + 4)
        tab = label_rect(box, size, page, viewport, obstacles)
        if not tab.intersects(box.adjusted(-1, -1, 1, 1)):
            # A thin leader from the label to the nearest side of the box.
            thin = QPen(EVIDENCE_COLOR, 1)
            thin.setCosmetic(True)
            painter.setPen(thin)
            start = QPointF(tab.right() if tab.right() <= box.left() else
                            (tab.left() if tab.left() >= box.right() else tab.center().x()),
                            tab.center().y() if tab.bottom() > box.top() and tab.top() < box.bottom()
                            else (tab.bottom() if tab.bottom() <= box.top() else tab.top()))
            end = QPointF(min(max(start.x(), box.left()), box.right()),
                          min(max(start.y(), box.top()), box.bottom()))
            painter.drawLine(start, end)
        painter.fillRect(tab, EVIDENCE_COLOR)
        painter.setPen(QColor("white"))
        painter.drawText(tab, Qt.AlignmentFlag.AlignCenter, label)
    painter.restore()
