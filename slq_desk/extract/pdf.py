"""Opening an untrusted PDF (or a scan image) and reading its text layer, page by page.

Encrypted files are tried with the empty password (many "protected" e-documents only restrict
printing); otherwise they are reported, never prompted for. Files MuPDF had to repair on
opening are reported as damaged: their figures cannot be trusted. Pages without a text layer
but with images are marked image-only, to be read by OCR (``ocr.py``) and checked by a person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from slq_desk.extract.evidence import BBox
from slq_desk.extract.text import DocText, PageText, page_text

# A page with fewer visible characters than this, and images over IMAGE_AREA of it, is a scan.
MIN_TEXT_CHARS = 8
IMAGE_AREA = 0.25
# A scan that a scanner app or a portal stamped with a line of text ("第 1 页", a file name, a
# date) still has a negligible text layer: fewer than SPARSE_TEXT_CHARS characters over an
# image covering SCAN_AREA of the page. It is read by OCR like any scan (OCR reads the stamp too).
SPARSE_TEXT_CHARS = 40
SCAN_AREA = 0.8


@dataclass
class PdfRead:
    pages: int = 0
    text: DocText = field(default_factory=DocText)
    encrypted: bool = False
    repaired: bool = False
    error_code: str | None = None  # pdf_encrypted | pdf_broken
    error: str = ""
    truncated_pages: int = 0  # pages beyond the limit, not read


def open_document(data: bytes, filetype: str = "pdf") -> tuple[Any | None, PdfRead]:
    """Open with PyMuPDF; on failure the PdfRead says why and the document is None."""
    import pymupdf

    result = PdfRead()
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    if not data:
        result.error_code, result.error = "pdf_broken", "empty file"
        return None, result
    try:
        doc = pymupdf.open(stream=data, filetype=filetype)
    except Exception as err:  # MuPDF raises several types for garbage; all mean "unreadable"
        result.error_code, result.error = "pdf_broken", _short(err)
        return None, result
    try:
        if doc.needs_pass:
            result.encrypted = True
            if not doc.authenticate(""):
                result.error_code, result.error = "pdf_encrypted", "password required"
                doc.close()
                return None, result
        elif doc.is_encrypted or (doc.metadata or {}).get("encryption"):
            result.encrypted = True  # opened with the empty password
        result.repaired = bool(getattr(doc, "is_repaired", False))
        result.pages = doc.page_count
        # A file cut short (no %%EOF at its end) that MuPDF had to rebuild has lost content:
        # broken. A complete file with a bad cross-reference table (common from some
        # producers) is read, with a warning.
        if filetype == "pdf" and result.repaired and b"%%EOF" not in data[-2048:]:
            result.error_code, result.error = "pdf_broken", "truncated file (no %%EOF; MuPDF had to rebuild it)"
        elif result.pages == 0:
            result.error_code, result.error = "pdf_broken", "no pages"
    except Exception as err:
        result.error_code, result.error = "pdf_broken", _short(err)
        doc.close()
        return None, result
    return doc, result


def read_text(doc: Any, result: PdfRead, max_pages: int) -> None:
    """Fill ``result.text``; a page that fails to read makes the document broken."""
    count = min(result.pages, max_pages)
    result.truncated_pages = result.pages - count
    for index in range(count):
        try:
            page = doc[index]
            pt = page_text(page, index)
            if pt.chars < MIN_TEXT_CHARS:
                _mark_image_only(page, pt, IMAGE_AREA)
            elif pt.chars < SPARSE_TEXT_CHARS:
                _mark_image_only(page, pt, SCAN_AREA)
        except Exception as err:
            result.error_code = "pdf_broken"
            result.error = f"page {index + 1}: {_short(err)}"
            pt = PageText(index=index, width=0.0, height=0.0)
        result.text.pages.append(pt)


def _mark_image_only(page: Any, pt: PageText, min_area: float) -> None:
    boxes: list[BBox] = []
    area = 0.0
    for info in page.get_image_info():
        x0, y0, x1, y1 = (float(v) for v in info["bbox"])
        boxes.append((x0, y0, x1, y1))
        area += max(0.0, x1 - x0) * max(0.0, y1 - y0)
    page_area = max(pt.width * pt.height, 1.0)
    pt.image_boxes = boxes
    pt.image_only = bool(boxes) and area / page_area >= min_area


def _short(err: BaseException) -> str:
    text = str(err).strip() or type(err).__name__
    return text[:200]
