"""The PDF-point → screen mapping, checked against where PDFium actually puts the ink."""

from __future__ import annotations

import pytest

from slq_desk.ui.viewer.geometry import (
    PAGE_GAP,
    Layout,
    PageSize,
    displayed_size,
    map_point,
    map_rect,
    unmap_point,
)
from tests.gui.factory import A4, BLOCK, make_pdf


def _dark_fraction(image, rect, inset: float) -> float:
    """Share of sampled pixels inside ``rect`` (shrunk by ``inset``) that are dark."""
    x0, y0, x1, y1 = rect[0] + inset, rect[1] + inset, rect[2] - inset, rect[3] - inset
    samples = dark = 0
    for i in range(9):
        for j in range(5):
            x = int(x0 + (x1 - x0) * i / 8)
            y = int(y0 + (y1 - y0) * j / 4)
            samples += 1
            dark += image.getpixel((x, y)) < 60
    return dark / samples


def _ring_light_fraction(image, rect, gap: float) -> float:
    """Share of pixels just outside ``rect`` that are light (the block must end where we say)."""
    x0, y0, x1, y1 = rect
    points = []
    for i in range(9):
        x = x0 + (x1 - x0) * i / 8
        y = y0 + (y1 - y0) * i / 8
        points += [(x, y0 - gap), (x, y1 + gap), (x0 - gap, y), (x1 + gap, y)]
    light = sum(image.getpixel((int(px), int(py))) > 200 for px, py in points)
    return light / len(points)


@pytest.mark.parametrize("own_rotation", [0, 90])
@pytest.mark.parametrize("user_rotation", [0, 90, 180, 270])
@pytest.mark.parametrize("scale", [0.75, 1.0, 2.5])
def test_mapped_block_is_where_pdfium_draws_it(own_rotation: int, user_rotation: int, scale: float) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(make_pdf(1, rotate=own_rotation))
    page = pdf[0]
    image = page.render(scale=scale, rotation=user_rotation).to_pil().convert("L")
    size = PageSize(A4[0], A4[1], own_rotation)
    w, h = displayed_size(size, user_rotation, scale)
    assert image.size == (round(w), round(h)) or abs(image.size[0] - w) <= 1
    rect = map_rect(size, user_rotation, scale, BLOCK)
    assert _dark_fraction(image, rect, inset=3) == 1.0
    assert _ring_light_fraction(image, rect, gap=4) >= 0.95
    pdf.close()


def test_mapping_formulas_by_hand() -> None:
    page = PageSize(600.0, 800.0, 0)
    assert map_point(page, 0, 2.0, 10, 20) == (20.0, 40.0)
    assert map_point(page, 90, 1.0, 10, 20) == (780.0, 10.0)  # left edge → top, clockwise
    assert map_point(page, 180, 1.0, 10, 20) == (590.0, 780.0)
    assert map_point(page, 270, 1.0, 10, 20) == (20.0, 590.0)
    assert map_rect(page, 90, 1.0, (10, 20, 110, 70)) == (730.0, 10.0, 780.0, 110.0)


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_unmap_inverts_map(rotation: int) -> None:
    page = PageSize(612.0, 792.0, 90)
    for x, y in [(0, 0), (12.5, 700), (611, 1), (300, 400)]:
        u, v = map_point(page, rotation, 1.7, x, y)
        back = unmap_point(page, rotation, 1.7, u, v)
        assert back == pytest.approx((x, y))


def test_layout_positions_round_trip_and_clamp() -> None:
    pages = [PageSize(600, 800), PageSize(800, 600), PageSize(600, 800)]
    layout = Layout(pages, 0, 0.5, viewport_width=1000)
    assert layout.tops[0] == PAGE_GAP
    assert layout.tops[1] == PAGE_GAP + 400 + PAGE_GAP
    for position in (0.0, 0.25, 1.5, 2.99):
        assert layout.position_of(layout.y_of(position)) == pytest.approx(position)
    assert layout.y_of(-3) == layout.y_of(0)
    assert layout.page_at(layout.tops[2] + 1) == 2
    assert layout.visible_pages(layout.tops[1] + 10, layout.tops[1] + 20) == [1]
    # Edges that only touch do not count: no render is spent on a page nobody sees.
    bottom_of_0 = layout.tops[0] + layout.sizes[0][1]
    assert layout.visible_pages(bottom_of_0, layout.tops[1] + 5) == [1]
    assert layout.visible_pages(bottom_of_0 - 5, layout.tops[1]) == [0]
    x0, _, x1, _ = layout.page_rect(1)
    assert (x0 + x1) / 2 == pytest.approx(500)  # centred in the wider viewport
