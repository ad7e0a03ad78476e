"""An evidence box: where on which page a value or finding came from, and how it is drawn."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from slq_desk.ui.viewer.geometry import Rect

EVIDENCE_COLOR = QColor(220, 38, 38)


@dataclass(frozen=True)
class Evidence:
    page: int  # 0-based
    rect: Rect  # PDF points, PyMuPDF's unrotated top-left convention
    label: str = ""


def paint_evidence(painter: QPainter, box: QRectF, label: str) -> None:
    """A red frame with a light fill, and the label on a red tab above it (below at the top)."""
    painter.save()
    fill = QColor(EVIDENCE_COLOR)
    fill.setAlpha(40)
    painter.fillRect(box, fill)
    pen = QPen(EVIDENCE_COLOR, 2)
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.drawRect(box)
    if label:
        metrics = QFontMetricsF(painter.font())
        width = metrics.horizontalAdvance(label) + 8
        height = metrics.height() + 4
        y = box.top() - height if box.top() - height >= 0 else box.bottom()
        tab = QRectF(box.left(), y, width, height)
        painter.fillRect(tab, EVIDENCE_COLOR)
        painter.setPen(QColor("white"))
        painter.drawText(tab, Qt.AlignmentFlag.AlignCenter, label)
    painter.restore()
