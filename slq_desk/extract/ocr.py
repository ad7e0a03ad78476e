"""Optional OCR for image-only pages, with rapidocr when it is installed (``slq-desk[ocr]``).

rapidocr ships its models inside the wheel, so nothing is downloaded; when it is not
installed, image-only pages are only reported for a person to read. OCR text becomes lines
like the text layer's, and every field read from it is marked ``source="ocr"`` with a lower
confidence, so the UI and the checks can ask a person to confirm it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from slq_desk.extract.text import Line, PageText, build_lines

# Rendering zoom for OCR (2 = 144 dpi): enough for 9-pt CJK text, cheap enough per page.
OCR_ZOOM = 2.0
OCR_CONFIDENCE = 60  # percent, for fields read from OCR text


@lru_cache(maxsize=1)
def _engine() -> Any | None:
    try:
        from rapidocr_onnxruntime import RapidOCR  # rapidocr 1.x
    except ImportError:
        try:
            from rapidocr import RapidOCR  # rapidocr 2.x and later
        except ImportError:
            return None
    try:
        return RapidOCR()
    except Exception:  # a broken install must not break the import of a package
        return None


def available() -> bool:
    return _engine() is not None


def ocr_page(page: Any, pt: PageText) -> list[Line]:
    """Lines read by OCR from a rendered page; [] when OCR is unavailable or fails."""
    import pymupdf

    engine = _engine()
    if engine is None:
        return []
    pix = page.get_pixmap(matrix=pymupdf.Matrix(OCR_ZOOM, OCR_ZOOM), alpha=False)
    try:
        result = engine(pix.tobytes("png"))
    except Exception:
        return []
    words: list[tuple[float, float, float, float, str]] = []
    for box, text in _results(result):
        xs = [p[0] / OCR_ZOOM for p in box]
        ys = [p[1] / OCR_ZOOM for p in box]
        if text.strip():
            words.append((min(xs), min(ys), max(xs), max(ys), text.strip()))
    return build_lines(words, pt.index)


def _results(result: Any) -> list[tuple[list[list[float]], str]]:
    """Both result shapes: 1.x ``(list of [box, text, score], elapsed)``; 2.x an object with
    ``boxes`` and ``txts``."""
    if isinstance(result, tuple):
        rows = result[0] or []
        return [(row[0], str(row[1])) for row in rows]
    boxes = getattr(result, "boxes", None)
    texts = getattr(result, "txts", None)
    if boxes is None or texts is None:
        return []
    return [([list(map(float, p)) for p in box], str(t)) for box, t in zip(boxes, texts, strict=False)]
