"""Rendered page images, kept by (document, page, zoom, rotation, DPR) and evicted by bytes.

QImages, not QPixmaps: they are made in the render thread and QPixmaps belong to the GUI thread.
When the sharp image for a zoom is not there yet, :meth:`ImageCache.nearest` offers the cached
image of the same page whose zoom is closest, so the reader sees a slightly soft page at once
instead of a blank one.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtGui import QImage

# About a dozen A4 pages at 100 % on a DPR-2 screen, or forty at DPR 1.
DEFAULT_BUDGET = 160 * 1024 * 1024


@dataclass(frozen=True)
class RenderKey:
    doc: str
    page: int
    zoom: float  # rounded by :func:`render_key` so near-equal floats share an entry
    rotation: int  # the reader's rotation; the page's own /Rotate is implied by the document
    dpr: float


def render_key(doc: str, page: int, zoom: float, rotation: int, dpr: float) -> RenderKey:
    return RenderKey(doc, page, round(zoom, 4), rotation % 360, round(dpr, 2))


class ImageCache:
    """Least-recently-used images within a byte budget."""

    def __init__(self, budget_bytes: int = DEFAULT_BUDGET) -> None:
        self.budget = budget_bytes
        self.bytes = 0
        self._images: OrderedDict[RenderKey, QImage] = OrderedDict()
        # (doc, page, rotation) → keys, so nearest() does not scan the whole cache.
        self._by_page: dict[tuple[str, int, int], set[RenderKey]] = {}

    def __len__(self) -> int:
        return len(self._images)

    def __contains__(self, key: RenderKey) -> bool:
        return key in self._images

    def get(self, key: RenderKey) -> QImage | None:
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def put(self, key: RenderKey, image: QImage) -> None:
        if key in self._images:
            self._drop(key)
        size = image.sizeInBytes()
        if size > self.budget:
            return  # never cache what would evict everything else
        self._images[key] = image
        self._by_page.setdefault((key.doc, key.page, key.rotation), set()).add(key)
        self.bytes += size
        while self.bytes > self.budget and self._images:
            oldest = next(iter(self._images))
            self._drop(oldest)

    def nearest(self, key: RenderKey) -> QImage | None:
        """The cached image of the same page and rotation with the closest zoom × DPR."""
        candidates = self._by_page.get((key.doc, key.page, key.rotation))
        if not candidates:
            return None
        target = key.zoom * key.dpr
        best = min(candidates, key=lambda k: abs(k.zoom * k.dpr - target))
        return self.get(best)

    def drop_document(self, doc: str) -> None:
        for key in [k for k in self._images if k.doc == doc]:
            self._drop(key)

    def _drop(self, key: RenderKey) -> None:
        image = self._images.pop(key)
        self.bytes -= image.sizeInBytes()
        page_keys = self._by_page.get((key.doc, key.page, key.rotation))
        if page_keys is not None:
            page_keys.discard(key)
            if not page_keys:
                del self._by_page[(key.doc, key.page, key.rotation)]
