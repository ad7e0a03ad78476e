"""OCR for pages without a text layer: words with boxes in PDF page space, and their confidence.

The engine is RapidOCR (PP-OCR models run by ONNX Runtime), a core dependency whose wheel
carries its models, so nothing is downloaded, ever. A scanned page is rendered at
``OCR_ZOOM`` (144 dpi: enough for 9-pt CJK text, cheap enough per page), read, and each
recognised text box becomes one *word* ``(x0, y0, x1, y1, text)`` in the same page space as
the text layer's words (PyMuPDF's unrotated page, in points). ``page_lines`` then builds the
same ``text.Line`` objects the text layer gives (``text.build_lines``), so the extractors read
scanned and born-digital pages alike and never know where a line came from.

What OCR adds is a confidence per word (``OcrWord.confidence``, percent): a field read from an
OCR page is marked ``source="ocr"`` with the lowest confidence of the words under its box
(``confidence_in``), so the UI and the checks can ask a person to confirm it.

OCR is slow (about a second per page), so results are cached by the file's SHA-256 and the
page number (``OcrCache``, a folder in the workspace), and it only ever runs in the importer's
reader process (``ingest/worker.py``), never on the UI thread.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from slq_desk.extract.evidence import BBox
from slq_desk.extract.text import Line, Word, build_lines

# Rendering zoom for OCR (2 = 144 dpi).
OCR_ZOOM = 2.0
# Longest side of the rendered page, in pixels: RapidOCR scales anything larger down to this
# anyway (its max_side_len), and a hostile 5-metre page must not become a 2 GB pixmap.
MAX_SIDE_PX = 2000
# The confidence of an OCR field whose box covers no recognised word (should not happen).
OCR_CONFIDENCE = 60  # percent
# Boxes scored below this by the recogniser are dropped as noise (RapidOCR's own default).
MIN_SCORE = 0.5
CACHE_DIR = "ocr-cache"

_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class OcrWord:
    """One recognised text box, in PDF points of the unrotated page."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    confidence: int  # percent, the recogniser's score

    @property
    def box(self) -> BBox:
        return (self.x0, self.y0, self.x1, self.y1)

    def as_word(self) -> Word:
        return (self.x0, self.y0, self.x1, self.y1, self.text)


@lru_cache(maxsize=1)
def _engine() -> Any | None:
    """The RapidOCR engine, loaded once per process; None when it cannot be loaded."""
    try:
        from rapidocr import RapidOCR
    except ImportError:
        return None
    try:
        # RapidOCR logs every model it loads at INFO; a reader process has no use for that.
        engine = RapidOCR(params={"Global.log_level": "error"})
    except Exception:  # a broken install must not break the import of a package
        return None
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    return engine


def available() -> bool:
    return _engine() is not None


@lru_cache(maxsize=1)
def engine_id() -> str:
    """Names the engine and its models, so a cache entry from another engine is not reused."""
    try:
        from importlib.metadata import version

        return f"rapidocr-{version('rapidocr')}-z{OCR_ZOOM:g}"
    except Exception:
        return f"rapidocr-unknown-z{OCR_ZOOM:g}"


def recognise(image: Any) -> list[tuple[list[tuple[float, float]], str, float]]:
    """The raw engine on an image (a BGR ``numpy`` array or encoded bytes): (quad, text, score)."""
    engine = _engine()
    if engine is None:
        return []
    with _lock:  # one ONNX session per process; it is not re-entrant across threads
        result = engine(image)
    boxes = getattr(result, "boxes", None)
    texts = getattr(result, "txts", None)
    scores = getattr(result, "scores", None)
    if boxes is None or texts is None:
        return []
    scores = scores if scores is not None else [1.0] * len(texts)
    out: list[tuple[list[tuple[float, float]], str, float]] = []
    for box, text, score in zip(boxes, texts, scores, strict=False):
        out.append(([(float(p[0]), float(p[1])) for p in box], str(text), float(score)))
    return out


def render(page: Any) -> tuple[Any, Any]:
    """The page as a BGR array (``OCR_ZOOM``, smaller for a page too big for it), and the
    matrix from page space to its pixels."""
    import numpy as np
    import pymupdf

    rect = page.rect
    zoom = min(OCR_ZOOM, MAX_SIDE_PX / max(rect.width, rect.height, 1.0))
    matrix = page.rotation_matrix * pymupdf.Matrix(zoom, zoom)
    pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False, colorspace=pymupdf.csRGB)
    rgb = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, pix.n)
    return np.ascontiguousarray(rgb[:, :, ::-1]), matrix


def ocr_words(page: Any, cache: OcrCache | None = None, sha256: str | None = None) -> list[OcrWord]:
    """The words of one ``pymupdf.Page`` read by OCR, from the cache when it has them."""
    import pymupdf

    index = int(page.number)
    if cache is not None and sha256:
        cached = cache.get(sha256, index)
        if cached is not None:
            return cached
    image, matrix = render(page)
    back = ~matrix  # pixels → unrotated page points
    words: list[OcrWord] = []
    for quad, text, score in recognise(image):
        text = text.strip()
        if not text or score < MIN_SCORE:
            continue
        points = [pymupdf.Point(x, y) * back for x, y in quad]
        xs, ys = [p.x for p in points], [p.y for p in points]
        words.append(OcrWord(min(xs), min(ys), max(xs), max(ys), text,
                             max(0, min(100, round(score * 100)))))
    if cache is not None and sha256:
        cache.put(sha256, index, words)
    return words


def page_lines(words: Sequence[OcrWord], page_index: int) -> list[Line]:
    """The same lines ``text.page_text`` makes from a text layer, from OCR words."""
    return build_lines([w.as_word() for w in words], page_index)


def confidence_in(words: Sequence[OcrWord], bbox: BBox | None) -> int:
    """The lowest confidence of the OCR words a field's box overlaps (what it was read from)."""
    if bbox is None:
        return OCR_CONFIDENCE
    x0, y0, x1, y1 = bbox
    found = [w.confidence for w in words
             if w.x0 < x1 and w.x1 > x0 and w.y0 < y1 and w.y1 > y0]
    return min(found) if found else OCR_CONFIDENCE


class OcrCache:
    """OCR results kept per file hash and page, as JSON in a folder (``<workspace>/ocr-cache``).

    A damaged or foreign entry is ignored and rewritten; writes go through a temporary file and
    a rename, so a reader killed mid-write leaves no half entry.
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def _path(self, sha256: str, page: int) -> Path:
        return self.folder / sha256[:2] / f"{sha256}-p{page}.json"

    def get(self, sha256: str, page: int) -> list[OcrWord] | None:
        path = self._path(sha256, page)
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("engine") != engine_id():
                return None
            return [OcrWord(float(w[0]), float(w[1]), float(w[2]), float(w[3]), str(w[4]),
                            int(w[5])) for w in data["words"]]
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None

    def put(self, sha256: str, page: int, words: Sequence[OcrWord]) -> None:
        path = self._path(sha256, page)
        data = {"engine": engine_id(), "sha256": sha256, "page": page,
                "words": [[round(w.x0, 2), round(w.y0, 2), round(w.x1, 2), round(w.y1, 2),
                           w.text, w.confidence] for w in words]}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.part")
            tmp.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only or full disk costs the cache, never the import

    def __contains__(self, key: tuple[str, int]) -> bool:
        return self._path(*key).exists()


def cache_for_workspace(workspace_path: str | os.PathLike[str]) -> OcrCache:
    return OcrCache(Path(workspace_path) / CACHE_DIR)
