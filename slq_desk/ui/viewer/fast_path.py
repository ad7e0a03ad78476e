"""Cheap pages drawn at once on the UI thread by PyMuPDF; everything else goes to the render thread.

A cold page request through the render thread pays two thread wake-ups and a queued signal on
top of the render (issue 18 item 2: 7 ms shown for a page PyMuPDF draws in 2 ms). A text page
costs PyMuPDF about a millisecond, which the UI thread can afford: the reader is waiting for
exactly that page and nothing else. So the UI thread owns its own PyMuPDF document (PyMuPDF is
not thread-safe: this one is only ever touched by the UI thread; the render thread keeps its
PDFium documents) and draws a page itself when the page is *predicted* cheap.

The prediction reads only what is cheap to read (a fraction of a millisecond): the page's
content streams (decoded, but never more than :data:`MAX_CONTENT_BYTES`, so a compression bomb
costs nothing), the operators in them that cost the rasteriser most (path segments, shadings),
the declared size of its images and the size of the embedded font files the document has not
loaded yet. From those it estimates the render's cost; anything over :data:`BUDGET_MS`, and any
page with something the estimate does not model (Type 3 fonts, JPX/JBIG2 images, fonts that are
not embedded, shadings and patterns, inline images in more than 32 KB of content, annotations
other than links, whose appearances are drawn with the page — a seal as a signature widget, an
ink signature —, a page size PyMuPDF and PDFium disagree on) goes to the render thread, as
before. A scanned page is never drawn here: its image alone is over the budget.

The estimate can be wrong (a page of long diagonal strokes is the worst case per byte), so the
actual CPU time of every fast render is checked: one render over twice the budget (the first
render of a document, which pays one-off costs, over six times) turns the fast path off for that
document for good. And a document PyMuPDF had to repair, or whose page count
PDFium disagrees with, never gets a fast path at all.

This is a measured exception to ARCHITECTURE.md's "rendering never blocks the UI": the UI
thread renders only what is predicted to take well under the 20 ms stall the viewer allows
(bench/viewer.py measures the longest stall with this path on, text pages and scans).
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from slq_desk.ui.viewer.geometry import PX_PER_PT, PageSize, displayed_size

# The estimated CPU cost (ms) of a render done on the UI thread. The viewer's aim for the UI
# thread is no stall over 20 ms; this leaves room for the paint and the machine's own jitter.
BUDGET_MS = 8.0
# A fast render that took more CPU than this turns the fast path off for its document.
GUARD_MS = 2 * BUDGET_MS
# ... except a document's first render, which also pays one-off costs the estimate does not
# model (MuPDF's glyph cache and draw code touched for the first time in the process: 8-12 ms
# on a warm machine, over GUARD_MS on the first run after an install, which turned the fast
# path off for the rest of that document). A first render over this is still a wrong estimate.
FIRST_GUARD_MS = 3 * GUARD_MS
# Decoded bytes of content (page and form XObjects) read for the estimate; more is not cheap.
MAX_CONTENT_BYTES = 256 * 1024
# Files larger than this are not opened a second time (they are scans, not text).
MAX_FILE_BYTES = 64 * 1024 * 1024

# Cost model, milliseconds of CPU on the development machine (PyMuPDF 1.28, best of 5-7 on
# calibration pages: a text page at 1-8 MP, tables of 120-480 rectangles, 50-400 random
# diagonal / horizontal / vertical lines, JPEG images of 0.09-4 MP, a fresh document's first
# page). Conservative: each term is the slowest case of its kind seen.
MS_FIXED = 0.4
MS_PER_MEGAPIXEL = 1.3  # clearing and drawing text into the page image
MS_PER_SEGMENT = 0.25  # a path segment (l, c, v, y) at 100 %: long diagonal strokes cost this
MS_PER_RECT = 0.01  # a rectangle (re) at 100 %: table borders, cheap when axis-aligned
MS_PER_CONTENT_KB = 0.02  # interpreting the content
MS_PER_IMAGE_MEGAPIXEL = 20.0  # decoding a JPEG or deflated image
MS_PER_NEW_FONT_KB = 0.03  # decompressing and loading an embedded font the first time

# Image filters whose decoding cost the model covers.
CHEAP_IMAGE_FILTERS = frozenset({"", "DCTDecode", "FlateDecode", "CCITTFaxDecode", "LZWDecode",
                                 "RunLengthDecode", "ASCII85Decode", "ASCIIHexDecode"})
# Fonts every PDF reader carries; any other font must be embedded, or the two engines would draw
# different substitutes.
BASE_FONTS = frozenset({
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica",
    "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold",
    "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
})
_OPERATORS = re.compile(rb"(?<![^\s\]\)>])(re|sh|BI|l|c|v|y)(?=[\s\[\(/<%]|$)")
# Inline images (BI … EI) are decoded from the content itself: only small ones are cheap.
MAX_CONTENT_WITH_INLINE_IMAGE = 32 * 1024
# Annotations drawn with the page whose appearance the estimate does not read (a seal as a
# signature widget, an ink signature) send the page to the render thread; these have none.
CHEAP_ANNOTATIONS = frozenset({"Link", "Popup"})
_REF = re.compile(r"(\d+)\s+\d+\s+R")


@dataclass(frozen=True)
class PageCost:
    """What the estimate read from a page (independent of zoom)."""

    content_bytes: int
    segments: int
    rects: int
    image_pixels: int
    font_bytes: dict[int, int]  # embedded font (xref) → bytes of its font file


class FastPages:
    """One document's PyMuPDF copy, owned by the UI thread, drawing cheap pages on request."""

    def __init__(self, path: Path, pages: list[PageSize]) -> None:
        """Open ``path`` a second time; raises (and leaves nothing open) when it must not be used."""
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ValueError("too large for a second copy")
        import pymupdf

        self._pymupdf = pymupdf
        self._mupdf = pymupdf.mupdf
        doc = pymupdf.open(path)
        try:
            if not doc.is_pdf or doc.needs_pass or doc.is_repaired or doc.page_count != len(pages):
                raise ValueError("not the document PDFium opened")
            self._pdf = self._mupdf.pdf_specifics(doc.this)
        except Exception:
            doc.close()
            raise
        self._doc: Any = doc
        self.pages = pages
        self.enabled = True
        self.rendered = 0  # pages drawn here
        self.worst_ms = 0.0  # the most CPU one of them took
        self._costs: dict[int, PageCost | None] = {}
        self._next_to_prepare = 0
        self._loaded_fonts: set[int] = set()
        self._font_sizes: dict[int, int | None] = {}
        # One buffer for every page's decoded content (allocating 256 KB per page cost more
        # than reading the content).
        self._buffer = bytearray(MAX_CONTENT_BYTES + 1)

    def close(self) -> None:
        self.enabled = False
        self._doc.close()

    # -- the estimate ------------------------------------------------------------------------
    def prepare(self, seconds: float) -> bool:
        """Read the next pages' costs for about ``seconds``; True while pages are left.

        Called in small slices while the UI thread is idle, so a cold request finds its page's
        cost read already (reading it costs about as much as half the render).
        """
        deadline = time.perf_counter() + seconds
        while self.enabled and self._next_to_prepare < len(self.pages):
            page = self._next_to_prepare
            self._next_to_prepare += 1
            if page not in self._costs:
                self._cost(page)
            if time.perf_counter() >= deadline:
                break
        return self.enabled and self._next_to_prepare < len(self.pages)

    def _cost(self, page: int) -> PageCost | None:
        if page not in self._costs:
            try:
                self._costs[page] = self._read_cost(page)
            except Exception:  # noqa: BLE001 - a page PyMuPDF cannot read goes to the render thread
                self._costs[page] = None
        return self._costs[page]

    def estimate_ms(self, page: int, scale: float, rotation: int) -> float | None:
        """The predicted CPU cost of drawing ``page`` here, or None if it is not predictable."""
        if not self.enabled or not 0 <= page < len(self.pages):
            return None
        cost = self._cost(page)
        if cost is None:
            return None
        width, height = displayed_size(self.pages[page], rotation, scale)
        zoom = scale / PX_PER_PT
        new_font = sum(size for xref, size in cost.font_bytes.items() if xref not in self._loaded_fonts)
        return (MS_FIXED + MS_PER_MEGAPIXEL * width * height / 1e6
                + zoom * (MS_PER_SEGMENT * cost.segments + MS_PER_RECT * cost.rects)
                + MS_PER_CONTENT_KB * cost.content_bytes / 1024
                + MS_PER_IMAGE_MEGAPIXEL * cost.image_pixels / 1e6
                + MS_PER_NEW_FONT_KB * new_font / 1024)

    def _read_cost(self, number: int) -> PageCost | None:
        doc = self._doc
        if not self._page_dict_is_cheap(number):
            return None
        page = doc.load_page(number)
        streams = list(page.get_contents())
        streams += [entry[0] for entry in page.get_xobjects()]  # form XObjects, nested ones too
        view = memoryview(self._buffer)
        used = 0
        for xref in streams:
            count = self._read_bounded(xref, view[used:])
            if count is None:
                return None
            used += count
            if used < MAX_CONTENT_BYTES:
                view[used] = 0x0A  # streams are separate tokens
                used += 1
        counts = {"re": 0, "sh": 0, "seg": 0}
        for match in _OPERATORS.finditer(view[:used]):
            op = match.group(1)
            if op == b"re":
                counts["re"] += 1
            elif op == b"sh":
                return None  # smooth shadings: cost per pixel, not modelled
            elif op == b"BI":
                if used > MAX_CONTENT_WITH_INLINE_IMAGE:
                    return None
            else:
                counts["seg"] += 1
        pixels = 0
        for image in page.get_images(full=True):
            xref, smask, width, height, _, _, _, _, image_filter = image[:9]
            if image_filter not in CHEAP_IMAGE_FILTERS:
                return None  # JPX, JBIG2: slow decoders
            pixels += max(int(width), 0) * max(int(height), 0) * (2 if smask else 1)
        font_bytes: dict[int, int] = {}
        for xref, ext, kind, basefont, *_ in page.get_fonts(full=True):
            if kind == "Type3":
                return None  # glyphs are content streams of their own
            if ext == "n/a":
                if basefont.split("+")[-1] not in BASE_FONTS:
                    return None  # not embedded: each engine substitutes its own
                continue
            if xref not in self._font_sizes:
                self._font_sizes[xref] = self._font_file_bytes(xref)
            size = self._font_sizes[xref]
            if size is None:
                return None
            font_bytes[xref] = size
        return PageCost(used, counts["seg"], counts["re"], pixels, font_bytes)

    def _page_dict_is_cheap(self, number: int) -> bool:
        """No shading or pattern resources (cost per pixel) and no annotation with an
        appearance of its own (drawn with the page, not read by the estimate)."""
        mupdf = self._mupdf

        def name(key: str) -> Any:
            return mupdf.PdfObj(getattr(mupdf, f"PDF_ENUM_NAME_{key}"))

        page = mupdf.pdf_lookup_page_obj(self._pdf, number)
        resources = mupdf.pdf_dict_get_inheritable(page, name("Resources"))
        for key in ("Shading", "Pattern"):
            found = mupdf.pdf_dict_get(resources, name(key))
            if mupdf.pdf_is_dict(found) and mupdf.pdf_dict_len(found) > 0:
                return False
        annotations = mupdf.pdf_dict_get(page, name("Annots"))
        if mupdf.pdf_is_array(annotations):
            for i in range(mupdf.pdf_array_len(annotations)):
                annotation = mupdf.pdf_array_get(annotations, i)
                subtype = mupdf.pdf_to_name(mupdf.pdf_dict_get(annotation, name("Subtype")))
                if subtype not in CHEAP_ANNOTATIONS:
                    return False
        elif mupdf.pdf_is_indirect(annotations) or mupdf.pdf_is_dict(annotations):
            return False  # malformed: not worth guessing
        return True

    def _read_bounded(self, xref: int, into: memoryview) -> int | None:
        """Decode stream ``xref`` into ``into``; its length, or None when it does not fit (the
        last byte of the buffer is never content: reaching it means the stream is too long)."""
        if len(into) <= 1:
            return None
        mupdf = self._mupdf
        stream = mupdf.pdf_open_stream_number(self._pdf, xref)
        count = mupdf.fz_read(stream, mupdf.python_mutable_buffer_data(into), len(into))
        return None if count >= len(into) else int(count)

    def _font_file_bytes(self, xref: int) -> int | None:
        """Bytes of the embedded font file of font ``xref`` (as stored), None if not found."""
        doc = self._doc
        target = xref
        kind, value = doc.xref_get_key(xref, "DescendantFonts")
        if kind == "xref":  # an indirect array
            value, kind = doc.xref_object(int(value.split()[0]), compressed=True), "array"
        if kind == "array":
            ref = _REF.search(value)
            if ref is None:
                return None
            target = int(ref.group(1))
        kind, value = doc.xref_get_key(target, "FontDescriptor")
        if kind != "xref":
            return None
        descriptor = int(value.split()[0])
        for key in ("FontFile", "FontFile2", "FontFile3"):
            kind, value = doc.xref_get_key(descriptor, key)
            if kind == "xref":
                kind, length = doc.xref_get_key(int(value.split()[0]), "Length")
                if kind == "xref":
                    length = doc.xref_object(int(length.split()[0]), compressed=True)
                try:
                    return int(length)
                except ValueError:
                    return None
        return None

    # -- drawing -----------------------------------------------------------------------------
    def render(self, page: int, scale: float, rotation: int) -> QImage | None:
        """Draw ``page`` into a new ``QImage`` if it is predicted cheap; None otherwise."""
        estimate = self.estimate_ms(page, scale, rotation)
        if estimate is None or estimate > BUDGET_MS:
            return None
        started = time.thread_time()
        try:
            image = self._draw(page, scale, rotation)
        except Exception:  # noqa: BLE001 - the render thread (PDFium) gets its chance instead
            self._costs[page] = None
            return None
        finally:
            spent = (time.thread_time() - started) * 1000
            self.worst_ms = max(self.worst_ms, spent)
            if spent > (GUARD_MS if self.rendered else FIRST_GUARD_MS):
                # The estimate was wrong for this document: never stall on it again.
                self.enabled = False
        if image is None:
            self._costs[page] = None  # PyMuPDF and PDFium disagree on this page's size
            return None
        cost = self._costs.get(page)
        if cost is not None:
            self._loaded_fonts.update(cost.font_bytes)
        self.rendered += 1
        return image

    def _draw(self, number: int, scale: float, rotation: int) -> QImage | None:
        mupdf = self._mupdf
        page = mupdf.fz_load_page(self._doc.this, number)
        # The reader's rotation is clockwise, like the page's /Rotate (which MuPDF applies).
        ctm = mupdf.fz_concat(mupdf.fz_scale(scale, scale), mupdf.fz_rotate(rotation))
        box = mupdf.fz_round_rect(mupdf.fz_transform_rect(mupdf.fz_bound_page(page), ctm))
        width, height = box.x1 - box.x0, box.y1 - box.y0
        want_w, want_h = displayed_size(self.pages[number], rotation, scale)
        if abs(width - want_w) > 1.0 or abs(height - want_h) > 1.0:
            return None  # the boxes differ (a hostile CropBox): PDFium's size is the layout's
        image = QImage(width, height, QImage.Format.Format_RGB32)
        if image.isNull():
            return None
        # MuPDF draws straight into the QImage's memory: BGRA with the alpha kept opaque is
        # Qt's RGB32 on little-endian machines (no copy, no conversion).
        pixmap = mupdf.fz_new_pixmap_with_bbox_and_data(
            mupdf.fz_device_bgr(), box, mupdf.FzSeparations(), 1,
            mupdf.python_mutable_buffer_data(image.bits()))
        # Opaque white, by MuPDF (QImage.fill resolves Qt's overloads: 30 ms the first time).
        mupdf.fz_clear_pixmap_with_value(pixmap, 255)
        device = mupdf.fz_new_draw_device(mupdf.FzMatrix(), pixmap)
        try:
            mupdf.fz_run_page(page, device, ctm, mupdf.FzCookie())
            mupdf.fz_close_device(device)
        finally:
            del device, pixmap
        return image


def available() -> bool:
    """True on machines where the pixel layouts match (little-endian BGRA is Qt's RGB32)."""
    return sys.byteorder == "little"
