"""Page hand-off in the viewer: prefetch in reading order, withdrawn and stale renders, the
direct QImage render, and text asked for only once the reader stays on a page (issue 18)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from slq_desk.ui.viewer import page_view
from slq_desk.ui.viewer.image_cache import ImageCache, render_key
from slq_desk.ui.viewer.pane import ViewerPane
from slq_desk.ui.viewer.render_service import RenderService
from slq_desk.ui.viewer.text_service import TextService
from slq_desk.ui.workspace_data import DocumentRef
from tests.gui.factory import make_pdf
from tests.gui.helpers import WAIT_MS

PAGES = 14


def make_doc(tmp_path: Path, name: str, title: str = "服务合同") -> DocumentRef:
    path = tmp_path / name
    path.write_bytes(make_pdf(PAGES, title=title, lines_per_page=20))
    return DocumentRef(1, f"key-{name}", "contract", name, path, PAGES, True, None)


def open_pane(qtbot, tmp_path: Path, fast_path: bool) -> Iterator[ViewerPane]:
    renderer, texts = RenderService(ImageCache(), fast_path=fast_path), TextService()
    pane = ViewerPane(renderer, texts)
    qtbot.addWidget(pane)
    pane.resize(900, 800)
    pane.show()
    pane.open_document(make_doc(tmp_path, "a.pdf"))
    qtbot.waitUntil(pane.is_loaded, timeout=WAIT_MS)
    pane.view.set_zoom(1.0)  # an A4 page is taller than the view: one or two pages visible
    try:
        yield pane
    finally:
        pane.close_document()
        renderer.shutdown()
        texts.shutdown()


@pytest.fixture()
def pane(qtbot, tmp_path: Path) -> Iterator[ViewerPane]:
    yield from open_pane(qtbot, tmp_path, fast_path=True)


@pytest.fixture()
def thread_pane(qtbot, tmp_path: Path) -> Iterator[ViewerPane]:
    """Every page through the render thread (no UI-thread fast path for cheap pages)."""
    yield from open_pane(qtbot, tmp_path, fast_path=False)


def wait_idle(qtbot, pane: ViewerPane) -> None:
    qtbot.waitUntil(lambda: pane.view.is_idle() and pane.renderer.pending() == 0
                    and pane.texts.pending() == 0, timeout=WAIT_MS)


def key_of(pane: ViewerPane, page: int):
    view = pane.view
    return render_key(view.doc, page, view.zoom, view.rotation, view.dpr())


def test_next_pages_in_reading_order_are_prefetched(pane, qtbot):
    view, cache = pane.view, pane.renderer.cache
    view.go_to_page(4)
    wait_idle(qtbot, pane)
    first, last = view.visible_pages()[0], view.visible_pages()[-1]
    ahead = [last + d for d in range(1, page_view.PREFETCH_AHEAD + 1)]
    behind = [first - d for d in range(1, page_view.PREFETCH_BEHIND + 1)]
    assert [k.page for k in view.prefetch_keys()] == ahead + behind
    assert all(key_of(pane, p) in cache for p in ahead + behind)
    assert key_of(pane, ahead[-1] + 1) not in cache  # no further than that

    # The next page is then served from the cache, and shown before go_to_page returns.
    nxt = view.visible_pages()[-1] + 1
    assert key_of(pane, nxt) in cache
    view.go_to_page(nxt)
    assert key_of(pane, nxt) in view.shown_latency
    assert view.is_settled()


def test_reading_backwards_prefetches_the_pages_before(pane, qtbot):
    view = pane.view
    view.go_to_page(10)
    wait_idle(qtbot, pane)
    view.go_to_page(7)
    wait_idle(qtbot, pane)
    first = view.visible_pages()[0]
    assert [k.page for k in view.prefetch_keys()][:3] == [first - 1, first - 2, first - 3]
    assert all(key_of(pane, first - d) in pane.renderer.cache for d in (1, 2, 3))


def test_prefetch_is_asked_for_only_after_the_visible_pages_are_painted(thread_pane, qtbot):
    pane = thread_pane
    view, renderer = pane.view, pane.renderer
    wait_idle(qtbot, pane)
    renderer.cache.drop_document(view.doc)
    with renderer._cond:  # the render thread cannot take anything from the queue meanwhile
        view.go_to_page(6)
        # Only the visible pages are queued: the next pages would compete with them.
        assert renderer.pending() == len(view.wanted_keys())
        assert not any(k in renderer._queue for k in view.prefetch_keys())
    wait_idle(qtbot, pane)
    assert all(k in renderer.cache for k in view.prefetch_keys())


def test_a_request_superseded_before_it_rendered_is_withdrawn(thread_pane, qtbot):
    pane = thread_pane
    view, renderer = pane.view, pane.renderer
    wait_idle(qtbot, pane)
    renderer.cache.drop_document(view.doc)
    with renderer._cond:
        view.go_to_page(3)
        withdrawn = key_of(pane, 3)
        assert withdrawn in renderer._queue
        view.go_to_page(10)  # the reader jumped on before page 3 was drawn
        assert withdrawn not in renderer._queue
        assert withdrawn not in view.requested_at
    wait_idle(qtbot, pane)
    assert withdrawn not in renderer.cache and withdrawn not in view.shown_latency
    assert key_of(pane, 10) in view.shown_latency


def test_no_stale_page_after_switching_documents(pane, qtbot, tmp_path):
    view, renderer = pane.view, pane.renderer
    wait_idle(qtbot, pane)
    old = view.doc
    stale = key_of(pane, 2)
    late = renderer.cache.get(key_of(pane, 0))
    assert late is not None
    pane.open_document(make_doc(tmp_path, "b.pdf", title="发票"))
    qtbot.waitUntil(pane.is_loaded, timeout=WAIT_MS)
    assert view.doc != old
    assert not any(k.doc == old for k in renderer.cache._images)
    # A render of the old document that finishes after it was closed is dropped on arrival.
    shown: list[object] = []
    renderer.rendered.connect(lambda key, image: shown.append(key))
    with renderer._cond:
        renderer._outbox.append((stale, late))
    renderer._rendered_bg.emit()
    wait_idle(qtbot, pane)
    assert stale not in renderer.cache and stale not in shown
    assert all(k.doc == view.doc for k in view.wanted_keys() + list(view.shown_latency))


def test_pdfium_renders_straight_into_the_qimage(tmp_path):
    import pypdfium2 as pdfium
    from PySide6.QtGui import QImage

    from slq_desk.ui.viewer.render_service import render_into_qimage

    path = tmp_path / "one.pdf"
    path.write_bytes(make_pdf(1, rotate=90))
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        for rotation in (0, 90):
            direct = render_into_qimage(pdfium, page, 1.5, rotation)
            bitmap = page.render(scale=1.5, rotation=rotation, prefer_bgrx=True)
            copied = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                            QImage.Format.Format_RGB32).copy()
            bitmap.close()
            assert direct.format() == QImage.Format.Format_RGB32
            assert direct.size() == copied.size() and direct == copied
            assert direct.pixelColor(1, 1).name() == "#ffffff"  # filled with paper, not zeros
        page.close()
    finally:
        pdf.close()


def test_text_is_asked_for_once_the_reader_stays_on_the_page(pane, qtbot):
    view, texts = pane.view, pane.texts
    view.go_to_page(5)
    wait_idle(qtbot, pane)
    page = view.visible_pages()[-1] + 1  # prefetched: shown in the first paint
    view.go_to_page(page)  # shown at once: cached
    assert view.is_settled() and (view.doc, page) not in texts._requested
    assert texts.pending() == 0 and (view.doc, page) not in texts.texts  # not at the page turn
    qtbot.waitUntil(lambda: (view.doc, page) in texts.texts, timeout=WAIT_MS)


def test_a_burst_of_renders_wakes_the_ui_thread_once(pane, qtbot):
    view, renderer = pane.view, pane.renderer
    wait_idle(qtbot, pane)
    renderer.cache.drop_document(view.doc)
    wakes: list[bool] = []
    renderer._rendered_bg.connect(lambda: wakes.append(True))
    delivered: list[object] = []
    renderer.rendered.connect(lambda key, image: delivered.append(key))
    keys = [key_of(pane, page) for page in range(PAGES)]
    # The UI thread is kept busy (no event loop) while the render thread finishes every page.
    for rank, key in enumerate(keys):
        renderer.request(key, float(rank), "test")
    deadline = time.monotonic() + WAIT_MS / 1000
    while time.monotonic() < deadline:
        with renderer._cond:
            if not renderer._queue and renderer._inflight is None:
                break
        time.sleep(0.01)
    assert renderer.pending() == len(keys)  # all rendered, none handed over yet
    qtbot.waitUntil(lambda: renderer.pending() == 0, timeout=WAIT_MS)
    assert sorted(delivered, key=lambda k: k.page) == keys and all(k in renderer.cache for k in keys)
    assert len(wakes) == 1


def test_a_visible_page_is_painted_as_soon_as_it_arrives(pane, qtbot):
    view, renderer = pane.view, pane.renderer
    wait_idle(qtbot, pane)
    renderer.cache.drop_document(view.doc)
    wanted = key_of(pane, 9)
    seen: dict[object, bool] = {}
    # Connected after the view, so this runs right after the view's own slot.
    renderer.rendered.connect(lambda key, image: seen.setdefault(key, key in view.shown_latency))
    view.go_to_page(9)
    qtbot.waitUntil(lambda: wanted in seen, timeout=WAIT_MS)
    assert seen[wanted]  # painted inside the hand-off, not on a later turn of the event loop
