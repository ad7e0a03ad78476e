"""Page geometry: where each page sits in the scrolled view and how PDF points map onto it.

Pure arithmetic, no Qt, so the mapping the evidence boxes rely on can be tested exactly.
Coordinates in PDF points use PyMuPDF's convention: origin at the top-left of the *unrotated*
page, y downwards (that is what extraction reports, even on pages carrying a /Rotate). The
displayed rotation is the page's own /Rotate plus the reader's rotation, clockwise, as PDFium
renders it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

# 100 % zoom shows a page at its physical size on a 96-dpi screen (1 pt = 1/72 in).
PX_PER_PT = 96.0 / 72.0
PAGE_GAP = 12.0  # logical pixels between pages and around them

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class PageSize:
    """A page's unrotated size in points and its own /Rotate (0, 90, 180, 270)."""

    width: float
    height: float
    rotation: int = 0


def normal_rotation(degrees: int) -> int:
    r = int(degrees) % 360
    if r % 90:
        raise ValueError(f"rotation must be a multiple of 90 degrees, got {degrees}")
    return r


def displayed_size(page: PageSize, user_rotation: int, scale: float) -> tuple[float, float]:
    """Width and height in pixels of the page as shown (after both rotations)."""
    r = normal_rotation(page.rotation + user_rotation)
    w, h = page.width * scale, page.height * scale
    return (h, w) if r in (90, 270) else (w, h)


def map_point(page: PageSize, user_rotation: int, scale: float, x: float, y: float) -> tuple[float, float]:
    """A point in unrotated PDF points → pixels from the shown page's top-left corner."""
    r = normal_rotation(page.rotation + user_rotation)
    w, h = page.width, page.height
    if r == 0:
        u, v = x, y
    elif r == 90:  # clockwise: the page's left edge becomes the top
        u, v = h - y, x
    elif r == 180:
        u, v = w - x, h - y
    else:
        u, v = y, w - x
    return u * scale, v * scale


def unmap_point(page: PageSize, user_rotation: int, scale: float, u: float, v: float) -> tuple[float, float]:
    """Inverse of :func:`map_point`: shown-page pixels → unrotated PDF points."""
    r = normal_rotation(page.rotation + user_rotation)
    w, h = page.width, page.height
    a, b = u / scale, v / scale
    if r == 0:
        return a, b
    if r == 90:
        return b, h - a
    if r == 180:
        return w - a, h - b
    return w - b, a


def map_rect(page: PageSize, user_rotation: int, scale: float, rect: Rect) -> Rect:
    """A PDF-point rectangle → the shown page's pixel rectangle (normalised x0<x1, y0<y1)."""
    x0, y0 = map_point(page, user_rotation, scale, rect[0], rect[1])
    x1, y1 = map_point(page, user_rotation, scale, rect[2], rect[3])
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


@dataclass
class Layout:
    """Pages stacked vertically, each centred horizontally, with ``PAGE_GAP`` around them."""

    pages: list[PageSize]
    user_rotation: int
    scale: float  # logical pixels per PDF point
    viewport_width: float

    def __post_init__(self) -> None:
        self.sizes = [displayed_size(p, self.user_rotation, self.scale) for p in self.pages]
        self.content_width = max((w for w, _ in self.sizes), default=0.0) + 2 * PAGE_GAP
        self.tops: list[float] = []
        y = PAGE_GAP
        for _, h in self.sizes:
            self.tops.append(y)
            y += h + PAGE_GAP
        self.content_height = y

    def page_rect(self, index: int) -> Rect:
        """The page's rectangle in content pixels."""
        w, h = self.sizes[index]
        width = max(self.content_width, self.viewport_width)
        x0 = (width - w) / 2
        y0 = self.tops[index]
        return x0, y0, x0 + w, y0 + h

    def page_at(self, y: float) -> int:
        """Index of the page whose slot (the gap above it plus the page) contains content y."""
        if not self.pages:
            return -1
        i = bisect_right(self.tops, y + PAGE_GAP) - 1
        return min(max(i, 0), len(self.pages) - 1)

    def visible_pages(self, y0: float, y1: float) -> list[int]:
        if not self.pages:
            return []
        first = self.page_at(y0)
        out = []
        for i in range(first, len(self.pages)):
            top = self.tops[i]
            if top >= y1:
                break
            if top + self.sizes[i][1] > y0:  # a page that merely touches the edge is not shown
                out.append(i)
        return out

    def position_of(self, y: float) -> float:
        """Content y → continuous position in pages: page index + fraction into its slot.

        A page's slot is the gap above it plus the page, so position 0.0 is the very top.
        """
        if not self.pages:
            return 0.0
        i = self.page_at(y)
        slot = self.sizes[i][1] + PAGE_GAP
        frac = (y - self.tops[i] + PAGE_GAP) / slot if slot > 0 else 0.0
        return i + min(max(frac, 0.0), 1.0)

    def y_of(self, position: float) -> float:
        """Inverse of :meth:`position_of`, clamped to the document."""
        if not self.pages:
            return 0.0
        position = min(max(position, 0.0), float(len(self.pages)))
        i = min(int(position), len(self.pages) - 1)
        slot = self.sizes[i][1] + PAGE_GAP
        return self.tops[i] - PAGE_GAP + (position - i) * slot

    def rect_in_content(self, index: int, rect: Rect) -> Rect:
        """A PDF-point rectangle on page ``index`` → content pixels."""
        px0, py0, _, _ = self.page_rect(index)
        x0, y0, x1, y1 = map_rect(self.pages[index], self.user_rotation, self.scale, rect)
        return px0 + x0, py0 + y0, px0 + x1, py0 + y1
