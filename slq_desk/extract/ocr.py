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

import dataclasses
import json
import logging
import math
import os
import re
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
# How the cached words were made from the engine's boxes; a change invalidates the cache.
WORDS_FORMAT = "deskew1"
# A scan is straightened when its text leans by more than this (degrees) and at most MAX_SKEW:
# a larger angle is a page turned on purpose (a landscape table), not a crooked scan.
MIN_SKEW = 0.15
MAX_SKEW = 8.0

_lock = threading.Lock()
# The recogniser reads a 0 between figures as O or Q now and then (¥1855Q0.00): a letter
# inside an amount is never meant, so it is read as the 0 it looks like.
# Only inside an amount (figures with two decimals): a USCC may carry a real Q between digits.
# A speck read as a dash inside an amount ("1-5000.00"): no amount is written so.
_OCR_DASH = re.compile(r"(?<![\d.,-])(\d{1,3})-(\d[\d,]*\.\d{2})(?![\d])")
# A decimal point read as a colon ("¥1008:00"): only after ¥ or three figures, so a time of
# day (10:30) stays a time.
_OCR_COLON = re.compile(r"(?<![\d:])([¥￥]\s*\d[\d,]*|\d{3,}[\d,]*):(\d{2})(?![\d:])")
# A speck read as a dot between a label's colon and its value ("开票日期:·2026年01月12日").
_OCR_SPECK = re.compile(r"(?<=[:：])\s*[·•・]\s*(?=\d)")
_OCR_AMOUNT = re.compile(r"(?<![0-9A-Z])[¥￥]?\d[\d,OQo]*[OQo][\d,OQo]*\.[\dOQo]{2}(?![\dA-Za-z])")


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

        return f"rapidocr-{version('rapidocr')}-z{OCR_ZOOM:g}-{WORDS_FORMAT}"
    except Exception:
        return f"rapidocr-unknown-z{OCR_ZOOM:g}-{WORDS_FORMAT}"


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
            # Cleaned again: a cache written before a correction was added gets it too.
            return [dataclasses.replace(w, text=clean_text(w.text)) for w in cached]
    image, matrix = render(page)
    back = ~matrix  # pixels → unrotated page points
    found = [(quad, text.strip(), score) for quad, text, score in recognise(image)
             if text.strip() and score >= MIN_SCORE]
    height, width = image.shape[:2]
    straight = deskew([quad for quad, _, _ in found], (width / 2, height / 2))
    words: list[OcrWord] = []
    for quad, (_, raw, score) in zip(straight, found, strict=True):
        text = clean_text(raw)
        points = [pymupdf.Point(x, y) * back for x, y in quad]
        xs, ys = [p.x for p in points], [p.y for p in points]
        words.append(OcrWord(min(xs), min(ys), max(xs), max(ys), text,
                             max(0, min(100, round(score * 100)))))
    if cache is not None and sha256:
        cache.put(sha256, index, words)
    return words


def clean_text(text: str) -> str:
    """What the recogniser misreads in figures, put right: O/Q for 0, a colon for the decimal
    point and a speck read as a dash inside an amount (only inside amounts: a USCC may carry a
    real Q, a date dashes, a time a colon), and a speck between a label's colon and its value."""
    text = _OCR_AMOUNT.sub(lambda m: re.sub("[OQo]", "0", m.group()), text)
    text = _OCR_COLON.sub(r"\1.\2", text)
    text = _OCR_SPECK.sub("", text)
    return _OCR_DASH.sub(r"\1\2", text)


def skew_angle(quads: Sequence[Sequence[tuple[float, float]]]) -> float:
    """The lean of a scan in degrees (positive: text falls to the right, y grows downwards):
    the median slope of the top edges of the text boxes that are clearly wider than tall
    (a box of one or two characters says little about its slope)."""
    angles = []
    for quad in quads:
        if len(quad) < 4:
            continue
        (x0, y0), (x1, y1), _, (x3, y3) = quad[0], quad[1], quad[2], quad[3]
        width, height = math.hypot(x1 - x0, y1 - y0), math.hypot(x3 - x0, y3 - y0)
        if width < 3 * max(height, 1.0):
            continue
        angles.append(math.degrees(math.atan2(y1 - y0, x1 - x0)))
    if not angles:
        return 0.0
    angles.sort()
    return angles[len(angles) // 2]


def deskew(quads: Sequence[Sequence[tuple[float, float]]], centre: tuple[float, float]
           ) -> list[list[tuple[float, float]]]:
    """The boxes turned back by the scan's lean about ``centre`` (the image's middle).

    A page scanned a degree or two crooked puts the right end of a table row a line lower
    than its left end: the line builder then splits the row, and a header's columns no longer
    sit over their values. Turning the boxes straight before they become words keeps rows
    whole. The words' boxes are then where the text would be on a straight page — a few points
    off the crooked image at its edges, close enough to point a person at the value."""
    angle = skew_angle(quads)
    if not MIN_SKEW <= abs(angle) <= MAX_SKEW:
        return [list(q) for q in quads]
    rad = math.radians(angle)
    cos, sin = math.cos(rad), math.sin(rad)
    cx, cy = centre
    return [[(cx + (x - cx) * cos + (y - cy) * sin, cy - (x - cx) * sin + (y - cy) * cos)
             for x, y in quad] for quad in quads]


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
