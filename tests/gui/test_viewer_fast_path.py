"""The viewer's UI-thread fast path (issue 18 item 2): cheap text pages are drawn on the spot by a
UI-owned PyMuPDF copy; scans, heavy vector pages, compression bombs and hostile files never are."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pypdfium2 as pdfium
import pytest
from PySide6.QtGui import QImage

from slq_desk.ui.viewer import fast_path
from slq_desk.ui.viewer.fast_path import BUDGET_MS, FastPages
from slq_desk.ui.viewer.geometry import PX_PER_PT, PageSize
from slq_desk.ui.viewer.image_cache import ImageCache, render_key
from slq_desk.ui.viewer.pane import ViewerPane
from slq_desk.ui.viewer.render_service import RenderService, render_into_qimage
from slq_desk.ui.viewer.text_service import TextService
from slq_desk.ui.workspace_data import DocumentRef
from tests.gui.factory import make_pdf
from tests.gui.helpers import WAIT_MS
from tests.support.paths import HOSTILE


def scanned_pdf(pages: int = 2) -> bytes:
    """Image-only pages, as a scanner makes them (a 200-dpi JPEG per A4 page)."""
    text = pymupdf.open(stream=make_pdf(pages), filetype="pdf")
    out = pymupdf.open()
    for page in text:
        jpeg = page.get_pixmap(dpi=200).tobytes("jpg", jpg_quality=80)
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=jpeg)
    return out.tobytes(garbage=3, deflate=True)


def vector_pdf(lines: int = 1000) -> bytes:
    """A drawing: long diagonal strokes, the rasteriser's most expensive content per byte."""
    doc = pymupdf.open()
    page = doc.new_page()
    rng = random.Random(7)
    shape = page.new_shape()
    for _ in range(lines):
        shape.draw_line((rng.uniform(0, 595), rng.uniform(0, 842)),
                        (rng.uniform(0, 595), rng.uniform(0, 842)))
    shape.finish(width=0.5)
    shape.commit()
    return doc.tobytes(deflate=True)


def bomb_pdf() -> bytes:
    """A page whose content stream is a few kilobytes on disk and megabytes decoded."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "x")
    xref = page.get_contents()[0]
    doc.update_stream(xref, b"q Q\n" * 1_000_000, compress=True)
    return doc.tobytes()


def pdfium_pages(path: Path) -> list[PageSize]:
    """The page sizes as the render thread reads them (what the layout uses)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            rotation = page.get_rotation()
            w, h = page.get_size()
            page.close()
            if rotation in (90, 270):
                w, h = h, w
            pages.append(PageSize(float(w), float(h), rotation))
        return pages
    finally:
        pdf.close()


@pytest.fixture()
def open_pane(qtbot, tmp_path: Path) -> Iterator:
    made: list[tuple[ViewerPane, RenderService, TextService]] = []

    def opener(name: str, data: bytes, pages: int) -> ViewerPane:
        path = tmp_path / name
        path.write_bytes(data)
        renderer, texts = RenderService(ImageCache()), TextService()
        pane = ViewerPane(renderer, texts)
        qtbot.addWidget(pane)
        pane.resize(900, 800)
        pane.show()
        made.append((pane, renderer, texts))
        pane.open_document(DocumentRef(1, f"key-{name}", "contract", name, path, pages, True, None))
        qtbot.waitUntil(pane.is_loaded, timeout=WAIT_MS)
        pane.view.set_zoom(1.0)
        qtbot.waitUntil(lambda: pane.view.is_idle() and renderer.pending() == 0, timeout=WAIT_MS)
        return pane

    try:
        yield opener
    finally:
        for pane, renderer, texts in made:
            pane.close_document()
            renderer.shutdown()
            texts.shutdown()


def key_of(pane: ViewerPane, page: int):
    view = pane.view
    return render_key(view.doc, page, view.zoom, view.rotation, view.dpr())


def test_a_cold_text_page_is_drawn_and_shown_before_go_to_page_returns(open_pane):
    pane = open_pane("text.pdf", make_pdf(12, lines_per_page=30), 12)
    renderer, view = pane.renderer, pane.view
    renderer.cache.drop_document(view.doc)
    fast = renderer.fast[view.doc]
    before = fast.rendered
    view.go_to_page(7)
    # No event-loop turn in between: drawn on the UI thread, painted, measured.
    assert key_of(pane, 7) in renderer.cache
    assert key_of(pane, 7) in view.shown_latency
    assert fast.rendered == before + 1
    assert key_of(pane, 7) not in renderer._queue  # and the thread is not asked for it too


def test_page_costs_are_read_ahead_while_the_ui_thread_is_idle(open_pane, qtbot):
    pane = open_pane("text.pdf", make_pdf(30, lines_per_page=30), 30)
    fast = pane.renderer.fast[pane.view.doc]
    qtbot.waitUntil(lambda: len(fast._costs) == 30, timeout=WAIT_MS)
    assert all(cost is not None for cost in fast._costs.values())  # text pages: all cheap
    assert not pane.renderer._prepare_timer.isActive()  # and then it stops


def test_a_scanned_page_never_takes_the_fast_path(open_pane, qtbot):
    pane = open_pane("scan.pdf", scanned_pdf(3), 3)
    renderer, view = pane.renderer, pane.view
    fast = renderer.fast[view.doc]
    scale = PX_PER_PT * view.dpr()
    estimate = fast.estimate_ms(1, scale, 0)
    assert estimate is not None and estimate > BUDGET_MS
    renderer.cache.drop_document(view.doc)
    view.go_to_page(1)
    assert key_of(pane, 1) not in renderer.cache  # left to the render thread...
    qtbot.waitUntil(lambda: key_of(pane, 1) in view.shown_latency, timeout=WAIT_MS)
    assert fast.rendered == 0  # ...which drew every page of the scan


def test_a_page_of_long_strokes_goes_to_the_render_thread(open_pane, qtbot):
    pane = open_pane("drawing.pdf", vector_pdf(), 1)
    renderer, view = pane.renderer, pane.view
    fast = renderer.fast[view.doc]
    estimate = fast.estimate_ms(0, PX_PER_PT, 0)
    assert estimate is not None and estimate > BUDGET_MS
    assert fast.rendered == 0
    assert key_of(pane, 0) in view.shown_latency  # shown, by the thread


def test_a_compression_bomb_is_not_read_past_the_limit(tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(bomb_pdf())
    assert path.stat().st_size < 64 * 1024
    fast = FastPages(path, pdfium_pages(path))
    try:
        assert fast.estimate_ms(0, PX_PER_PT, 0) is None
        assert fast.render(0, PX_PER_PT, 0) is None
    finally:
        fast.close()


def test_one_render_over_the_guard_turns_the_fast_path_off_for_the_document(open_pane, monkeypatch):
    pane = open_pane("text.pdf", make_pdf(6), 6)
    renderer, view = pane.renderer, pane.view
    fast = renderer.fast[view.doc]
    monkeypatch.setattr(fast_path, "GUARD_MS", -1.0)  # every render is "too slow"
    renderer.cache.drop_document(view.doc)
    assert renderer.render_now(key_of(pane, 2))
    assert not fast.enabled
    assert not renderer.render_now(key_of(pane, 4))  # from now on, the render thread's


def test_a_documents_first_render_is_judged_with_its_one_off_costs(tmp_path, monkeypatch):
    """The first render pays the process's and document's set-up: only a far slower one is a wrong estimate."""
    path = tmp_path / "text.pdf"
    path.write_bytes(make_pdf(3))
    monkeypatch.setattr(fast_path, "GUARD_MS", -1.0)  # every render is "too slow" ...
    monkeypatch.setattr(fast_path, "FIRST_GUARD_MS", 1e9)  # ... except a first one
    fast = FastPages(path, pdfium_pages(path))
    try:
        assert fast.render(0, PX_PER_PT, 0) is not None and fast.enabled
        assert fast.render(1, PX_PER_PT, 0) is not None and not fast.enabled
        assert fast.render(2, PX_PER_PT, 0) is None
    finally:
        fast.close()
    monkeypatch.setattr(fast_path, "FIRST_GUARD_MS", -1.0)
    fast = FastPages(path, pdfium_pages(path))
    try:
        assert fast.render(0, PX_PER_PT, 0) is not None and not fast.enabled
    finally:
        fast.close()


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_the_fast_image_is_the_render_threads_page(tmp_path, rotation):
    """Same size as PDFium's (the layout's), and the same picture (no mirrored rotation)."""
    path = tmp_path / "rotated.pdf"
    path.write_bytes(make_pdf(2, rotate=90))  # the page's own /Rotate, plus the reader's
    fast = FastPages(path, pdfium_pages(path))
    pdf = pdfium.PdfDocument(str(path))
    try:
        scale = PX_PER_PT
        mine = fast.render(1, scale, rotation)
        assert mine is not None
        theirs = render_into_qimage(pdfium, pdf[1], scale, rotation)
        assert abs(mine.width() - theirs.width()) <= 1 and abs(mine.height() - theirs.height()) <= 1
        small = [img.scaled(60, 60).convertToFormat(QImage.Format.Format_Grayscale8)
                 for img in (mine, theirs)]
        diff = sum(abs(small[0].pixelColor(x, y).value() - small[1].pixelColor(x, y).value())
                   for x in range(60) for y in range(60)) / 3600
        assert diff < 12  # a rotation the wrong way round differs by far more
    finally:
        fast.close()
        pdf.close()


@pytest.mark.skipif(not HOSTILE.is_dir(), reason="the shared hostile corpus is not mounted")
def test_hostile_files_never_crash_the_fast_path():
    drawn = refused = unopened = 0
    for path in sorted(HOSTILE.glob("*.pdf")):
        try:
            pages = pdfium_pages(path)
        except Exception:  # noqa: BLE001 - PDFium cannot open it: the viewer shows a message
            continue
        try:
            fast = FastPages(path, pages)
        except Exception:  # noqa: BLE001 - no second copy for this file: the thread draws it
            unopened += 1
            continue
        try:
            for number in range(min(len(pages), 5)):
                for rotation in (0, 90):
                    image = fast.render(number, PX_PER_PT, rotation)
                    if image is None:
                        refused += 1
                        continue
                    drawn += 1
                    assert not image.isNull()
        finally:
            fast.close()
    assert drawn > 0  # the corpus has pages the fast path draws: they were exercised


def annotated_pdf(kind: str) -> bytes:
    """A text page carrying a link, or a drawn annotation (an ink signature over the text)."""
    doc = pymupdf.open(stream=make_pdf(1), filetype="pdf")
    page = doc[0]
    if kind == "link":
        page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(60, 60, 200, 80),
                          "uri": "https://example.invalid/"})
    else:
        page.add_ink_annot([[(100 + i, 300 + (i % 7) * 3) for i in range(200)]])
    return doc.tobytes()


@pytest.mark.parametrize(("kind", "fast"), [("link", True), ("ink", False)])
def test_pages_with_drawn_annotations_go_to_the_render_thread(tmp_path, kind, fast):
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(annotated_pdf(kind))
    pages = FastPages(path, pdfium_pages(path))
    try:
        assert (pages.render(0, PX_PER_PT, 0) is not None) == fast
    finally:
        pages.close()


def test_a_page_with_an_inline_image_over_the_limit_is_not_predicted(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "x")
    xref = page.get_contents()[0]
    size = 200  # 200 × 200 RGB, uncompressed: 120 KB inside the content stream
    inline = (b"q 100 0 0 100 72 400 cm BI /W %d /H %d /CS /RGB /BPC 8 ID " % (size, size)
              + bytes(size * size * 3) + b" EI Q\n")
    doc.update_stream(xref, doc.xref_stream(xref) + b"\n" + inline, compress=True)
    path = tmp_path / "inline.pdf"
    path.write_bytes(doc.tobytes())
    pages = FastPages(path, pdfium_pages(path))
    try:
        assert pages.estimate_ms(0, PX_PER_PT, 0) is None
    finally:
        pages.close()


def test_the_opaque_shadow_is_exactly_the_translucent_one_on_the_background():
    from PySide6.QtGui import QPainter

    from slq_desk.ui.viewer.page_view import BACKGROUND, SHADOW, SHADOW_ON_BACKGROUND

    blended = QImage(4, 4, QImage.Format.Format_RGB32)
    blended.fill(BACKGROUND)
    painter = QPainter(blended)
    painter.fillRect(0, 0, 4, 4, SHADOW)
    painter.end()
    assert blended.pixelColor(1, 1) == SHADOW_ON_BACKGROUND
