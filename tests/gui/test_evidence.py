"""Evidence boxes land on the rectangle, in page coordinates, at any zoom and rotation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from tests.gui.factory import A4, BLOCK
from tests.gui.helpers import WAIT_MS, doc_named, wait_settled

PX_PER_PT = 96 / 72  # 100 % is physical size on a 96-dpi screen


def expected_box(view, page: int, rect, rotation: int, zoom: float):
    """Where the box must be, worked out here independently of the viewer's geometry module."""
    s = zoom * PX_PER_PT
    w, h = A4
    x0, y0, x1, y1 = rect
    corners = []
    for x, y in ((x0, y0), (x1, y1)):
        u, v = {0: (x, y), 90: (h - y, x), 180: (w - x, h - y), 270: (y, w - x)}[rotation]
        corners.append((u * s, v * s))
    page_w = (h if rotation in (90, 270) else w) * s
    # Pages are centred horizontally in the content; the content scrolls by the scroll bars.
    content_w = max(view.layout_.content_width, view.viewport().width())
    left = (content_w - page_w) / 2 - view.horizontalScrollBar().value()
    top = view.layout_.tops[page] - view.verticalScrollBar().value()
    xs = sorted(c[0] for c in corners)
    ys = sorted(c[1] for c in corners)
    return left + xs[0], top + ys[0], left + xs[1], top + ys[1]


@pytest.fixture()
def pane(window, qtbot):
    assert window.open_application("WH-2026-001")
    pane = window.right_pane
    qtbot.waitUntil(pane.is_loaded, timeout=WAIT_MS)
    return pane


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_evidence_box_matches_rectangle_at_zooms_and_rotations(pane, qtbot, rotation):
    contract = doc_named(pane, "02-服务合同修订版.pdf")
    for _ in range(rotation // 90):
        pane.rotate()
    for zoom in (0.5, 1.0, 2.0):
        pane.view.set_zoom(zoom)
        assert pane.show_evidence(contract.sha256, 4, BLOCK, "合同金额")
        qtbot.waitUntil(lambda: pane.is_loaded() and pane.doc.key == contract.key, timeout=WAIT_MS)
        view = pane.view
        box = view.evidence_view_rect()
        ex0, ey0, ex1, ey1 = expected_box(view, 4, BLOCK, view.rotation, zoom)
        assert (box.left(), box.top(), box.right(), box.bottom()) == pytest.approx(
            (ex0, ey0, ex1, ey1), abs=0.01)
        # Scrolled into view, and drawn over the black block the page really has there.
        assert view.viewport().rect().contains(box.center().toPoint())
        wait_settled(qtbot, pane)
        image = view.viewport().grab().toImage()
        dpr = image.devicePixelRatio()
        # At 200 % the block is wider than a pane: sample the part that is on screen.
        inner = box.adjusted(4, 4, -4, -4).intersected(QRectF(view.viewport().rect()).adjusted(1, 1, -1, -1))
        assert inner.width() > 20 and inner.height() > 20
        for fx in (0.1, 0.5, 0.9):
            for fy in (0.2, 0.8):
                x = inner.left() + inner.width() * fx
                y = inner.top() + inner.height() * fy
                colour = QColor(image.pixel(int(x * dpr), int(y * dpr)))
                assert colour.lightness() < 60, (zoom, rotation, x, y, colour.name())
        # The frame itself is red.
        edge = QColor(image.pixel(int(inner.center().x() * dpr), int(box.top() * dpr)))
        assert edge.red() > 150 and edge.green() < 100


def test_evidence_by_path_with_string_coordinates_and_bad_input(pane, qtbot):
    invoice = doc_named(pane, "03-发票-1.pdf")
    assert pane.show_evidence(str(invoice.path), 1, ["100.0", "120", "300", "170.5"], "金额")
    qtbot.waitUntil(lambda: pane.view.evidence is not None, timeout=WAIT_MS)
    assert pane.view.evidence.rect == (100.0, 120.0, 300.0, 170.5)
    assert pane.view.evidence.page == 1
    before = pane.view.evidence
    assert not pane.show_evidence("0" * 64, 0, BLOCK)  # unknown document
    assert not pane.show_evidence(invoice.sha256, 0, ("a", 1, 2, 3))
    assert not pane.show_evidence(invoice.sha256, 0, (300, 120, 100, 170))  # inverted
    assert not pane.show_evidence(invoice.sha256, 0, (1, 2, 3))
    assert not pane.show_evidence(invoice.sha256, 7, BLOCK)  # no such page
    assert pane.view.evidence == before


def test_evidence_on_a_document_not_yet_open_waits_for_it(window, qtbot):
    assert window.open_application("WH-2026-001")
    pane = window.left_pane
    revision = doc_named(pane, "02-服务合同修订版.pdf")
    assert window.show_evidence(revision.sha256, 8, BLOCK, "修订条款")
    qtbot.waitUntil(lambda: pane.view.evidence is not None, timeout=WAIT_MS)
    assert pane.doc.key == revision.key and pane.picker.currentText().strip() == revision.original_name
    assert pane.view.current_page() in (7, 8)
    assert 8 in pane.view.visible_pages()
    wait_settled(qtbot, pane)


def test_evidence_label_sits_off_the_text():
    """The label goes into the gutter beside the page when there is one, else outside the box;
    never over the boxed text."""
    from PySide6.QtCore import QSizeF

    from slq_desk.ui.viewer.evidence import label_rect

    size = QSizeF(60, 18)
    box = QRectF(200, 300, 120, 16)
    page = QRectF(100, 0, 500, 800)
    # Room left of the page: the label is in the gutter, level with the box, off the page.
    wide = label_rect(box, size, page, QRectF(0, 0, 700, 800))
    assert not wide.intersects(page) and wide.top() == box.top() and wide.right() <= page.left()
    # Only room on the right.
    right = label_rect(box, size, QRectF(10, 0, 500, 800), QRectF(0, 0, 700, 800))
    assert right.left() >= 510 and not right.intersects(QRectF(10, 0, 500, 800))
    # The page fills the viewport: outside the box, above it, and never overlapping it.
    tight = QRectF(0, 0, 500, 800)
    above = label_rect(box, size, tight, tight)
    assert above.bottom() < box.top() and not above.intersects(box)
    # A box at the very top: no room above, so beside it, still inside the viewport.
    top_box = QRectF(200, 2, 120, 16)
    beside = label_rect(top_box, size, tight, tight)
    assert not beside.intersects(top_box) and tight.contains(beside) and beside.left() > top_box.right()


def test_evidence_box_is_an_outline_not_a_fill(pane, qtbot):
    """Inside the box the page shows through unchanged (white paper stays white)."""
    invoice = doc_named(pane, "03-发票-1.pdf")
    pane.view.set_zoom(1.0)
    # A box over an empty stretch of the page margin.
    assert pane.show_evidence(invoice.sha256, 0, (5, 5, 60, 40), "空白")
    qtbot.waitUntil(lambda: pane.view.evidence is not None, timeout=WAIT_MS)
    wait_settled(qtbot, pane)
    box = pane.view.evidence_view_rect()
    image = pane.view.viewport().grab().toImage()
    dpr = image.devicePixelRatio()
    centre = QColor(image.pixel(int(box.center().x() * dpr), int(box.center().y() * dpr)))
    assert centre.name() == "#ffffff"


def test_evidence_label_avoids_the_neighbouring_lines():
    """With the page's lines of text known, the label goes where it covers none of them."""
    from PySide6.QtCore import QSizeF

    from slq_desk.ui.viewer.evidence import label_rect

    page = QRectF(0, 0, 500, 800)
    box = QRectF(200, 300, 120, 16)
    size = QSizeF(60, 18)
    # Lines every 20 px down to the boxed one, nothing below it (the end of a paragraph).
    lines = [QRectF(40, y, 420, 16) for y in range(0, 301, 20)]
    spot = label_rect(box, size, page, page, lines)
    assert not any(spot.intersects(line) for line in lines) and not spot.intersects(box)
    assert spot.top() > box.bottom()  # below, where the page is blank
