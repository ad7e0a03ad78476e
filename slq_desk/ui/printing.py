"""Printing a PDF the desk wrote (a signed opinion, a notice): pages rendered by PyMuPDF to
images and painted on a ``QPrinter``, behind Qt's print preview.

Qt cannot print a PDF file by itself, and handing the file to a viewer loses the preview and
the printer choice; rendering each page at the printer's resolution (capped, so an A4 page stays
a few tens of MB) keeps the stamp and the CJK text exactly as signed. ``paint_pdf`` does the
work for any ``QPrinter`` (tests print to a PDF file); ``PrintPdfDialog`` is the preview with
its print button (which opens the system's print dialog).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QWidget

from slq_desk.errors import BadInput, localised
from slq_desk.ui import i18n

# Pixels per inch the pages are rendered at: sharp on paper, bounded in memory (A4 at 300 dpi
# is 2480 × 3508 px, 26 MB as RGB).
MAX_DPI = 300


def _open(pdf: Path) -> Any:
    """The PDF opened with PyMuPDF; an unreadable file is ``BadInput`` with its name."""
    import pymupdf

    try:
        return pymupdf.open(pdf)
    except Exception as err:  # noqa: BLE001 — any unreadable file: said plainly
        raise BadInput(f"无法打开 {pdf.name}（{type(err).__name__}）",
                       zh=f"无法打开 {pdf.name}，文件已损坏或不是 PDF") from None


def page_count(pdf: Path) -> int:
    with _open(pdf) as doc:
        return int(doc.page_count)


def render_page(pdf: Path, index: int, dpi: int) -> QImage:
    """One page as a QImage (RGB, no alpha), ``dpi`` pixels per inch."""
    with _open(pdf) as doc:
        pix = doc[index].get_pixmap(dpi=dpi, alpha=False)
        image = QImage(pix.samples, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888)
        return image.copy()  # own the pixels before PyMuPDF frees them


def paint_pdf(pdf: Path, printer: QPrinter) -> int:
    """Paint the PDF's pages (the printer's page range, else all) on ``printer``; returns how
    many pages were painted. Raises ``BadInput`` for a file that cannot be read."""
    total = page_count(pdf)
    if total == 0:
        raise BadInput(f"{pdf.name} 没有页面")
    first = max(printer.fromPage(), 1) if printer.fromPage() else 1
    last = min(printer.toPage(), total) if printer.toPage() else total
    dpi = max(72, min(printer.resolution(), MAX_DPI))
    painter = QPainter()
    if not painter.begin(printer):
        raise BadInput("无法开始打印（打印机不可用） / the printer could not be started")
    painted = 0
    try:
        for index in range(first - 1, last):
            if painted:
                printer.newPage()
            image = render_page(pdf, index, dpi)
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            # Centred on the printable area, the page's proportions kept.
            target = QRect(area.x() + (area.width() - size.width()) // 2,
                           area.y() + (area.height() - size.height()) // 2,
                           size.width(), size.height())
            painter.drawImage(target, image)
            painted += 1
    finally:
        painter.end()
    return painted


def prepare_printer(pdf: Path, printer: QPrinter) -> None:
    """Orientation from the first page (a landscape 名单 prints landscape), named after the file."""
    with _open(pdf) as doc:
        rect = doc[0].rect if doc.page_count else None
    if rect is not None:
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if rect.width > rect.height
                                   else QPageLayout.Orientation.Portrait)
    printer.setDocName(pdf.name)


def print_to_pdf_file(pdf: Path, out: Path) -> int:
    """Print ``pdf`` through Qt's printing path into the PDF file ``out`` (what the print dialog
    does with a real printer); returns the pages printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    prepare_printer(pdf, printer)
    return paint_pdf(pdf, printer)


class PrintPdfDialog(QPrintPreviewDialog):
    """Print preview of a PDF; its print button opens the system's print dialog."""

    def __init__(self, pdf: Path, parent: QWidget | None = None,
                 printer: QPrinter | None = None) -> None:
        target = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        super().__init__(target, parent)
        self.target_printer = target  # kept alive as long as the dialog uses it
        self.setObjectName("PrintPdfDialog")
        self.pdf = Path(pdf)
        self.error: str | None = None
        self.painted = 0
        self.setWindowTitle(self.tr("打印预览：{0}").format(self.pdf.name))
        try:
            prepare_printer(self.pdf, self.target_printer)
        except Exception as err:  # noqa: BLE001 — the paint below reports it to the person
            self.error = str(err)
        self.paintRequested.connect(self._paint)
        self.resize(900, 1000)

    def _paint(self, printer: QPrinter) -> None:
        try:
            self.painted = paint_pdf(self.pdf, printer)
        except BadInput as err:
            self.error = localised(err, i18n.current() != "en")
            QMessageBox.warning(self, self.tr("打印"), self.tr("无法打印：{0}").format(self.error))
