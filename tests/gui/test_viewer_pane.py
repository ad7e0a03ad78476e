"""The viewer pane: open, scroll, zoom, keyboard, search, selection, broken files, HiDPI."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication

from slq_desk.ui.viewer.image_cache import render_key
from tests.gui.helpers import WAIT_MS, open_and_wait, wait_settled


@pytest.fixture()
def pane(window, qtbot):
    assert window.open_application("WH-2026-001")
    pane = window.left_pane
    qtbot.waitUntil(pane.is_loaded, timeout=WAIT_MS)
    wait_settled(qtbot, pane)
    return pane


def test_application_documents_grouped_by_kind_in_both_pickers(window, qtbot):
    assert window.open_application("WH-2026-001")
    for pane in (window.left_pane, window.right_pane):
        model = pane.picker.model()
        texts = [model.item(r).text().strip() for r in range(model.rowCount())]
        assert texts[:3] == ["服务合同", "01-服务合同.pdf", "02-服务合同修订版.pdf"]
        assert "发票" in texts and texts.index("发票") < texts.index("03-发票-1.pdf")
        assert not model.item(0).isEnabled()  # a kind header cannot be chosen
    qtbot.waitUntil(window.is_settled, timeout=WAIT_MS)
    assert window.left_pane.doc.original_name == "01-服务合同.pdf"
    assert window.right_pane.doc.original_name == "03-发票-1.pdf"


def test_visible_pages_rendered_sharp_and_shown(pane, qtbot):
    view = pane.view
    assert view.page_count() == 6
    keys = view.wanted_keys()
    assert keys and all(k in pane.renderer.cache for k in keys)
    image = pane.renderer.cache.get(keys[0])
    # Rendered at zoom × DPR: the image's pixels match the page's drawn size.
    x0, _, x1, _ = view.layout_.page_rect(keys[0].page)
    assert abs(image.width() / image.devicePixelRatio() - (x1 - x0)) <= 1
    assert keys[0] in view.shown_latency
    assert pane.page_total.text() == "/ 6"


def test_keyboard_scrolling(pane, qtbot):
    view = pane.view
    view.setFocus()
    bar = view.verticalScrollBar()
    assert bar.value() == 0
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert bar.value() == bar.pageStep()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert bar.value() == bar.pageStep() + bar.singleStep()
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert bar.value() == 0
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert bar.value() == bar.maximum() and view.current_page() == 5
    assert pane.page_box.value() == 6
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.current_page() == 0
    qtbot.keyClick(view, Qt.Key.Key_Right)  # fit width: no sideways room, so next page
    assert view.current_page() == 1
    pane.page_box.setValue(4)
    assert view.current_page() == 3
    wait_settled(qtbot, pane)


def test_zoom_keeps_position_and_renders_new_zoom(pane, qtbot):
    view = pane.view
    view.go_to_page(2)
    wait_settled(qtbot, pane)  # page 2 at the old zoom is what must stand in below
    before = view.position()
    zoom = view.zoom
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom > zoom and view.fit is None
    assert view.position() == pytest.approx(before, abs=0.01)
    assert pane.zoom_box.currentText() == f"{view.zoom * 100:.0f}%"
    # Until the sharp image arrives the old zoom stands in.
    key = render_key(view.doc, 2, view.zoom, 0, view.dpr())
    if key not in pane.renderer.cache:
        assert pane.renderer.cache.nearest(key) is not None
    wait_settled(qtbot, pane)
    assert key in pane.renderer.cache
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom < zoom
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.fit == "width" and view.zoom == pytest.approx(zoom)
    pane.zoom_box.setEditText("150%")
    pane.zoom_box.lineEdit().editingFinished.emit()
    assert view.zoom == pytest.approx(1.5)
    pane.zoom_box.setEditText("很大")  # nonsense is ignored, the zoom in force is shown again
    pane.zoom_box.lineEdit().editingFinished.emit()
    assert view.zoom == pytest.approx(1.5) and pane.zoom_box.currentText() == "150%"
    pane.zoom_box.activated.emit(1)
    assert view.fit == "page"
    wait_settled(qtbot, pane)


def test_rotation_swaps_page_shape(pane, qtbot):
    view = pane.view
    view.set_zoom(1.0)
    x0, y0, x1, y1 = view.layout_.page_rect(0)
    pane.rotate()
    r0, s0, r1, s1 = view.layout_.page_rect(0)
    assert (r1 - r0, s1 - s0) == pytest.approx((y1 - y0, x1 - x0))
    wait_settled(qtbot, pane)
    assert render_key(view.doc, view.current_page(), 1.0, 90, view.dpr()) in pane.renderer.cache


def test_search_counts_hits_and_steps_through_them(pane, qtbot):
    pane.search("secret")  # the page says "SECRET": Latin case folds
    qtbot.waitUntil(lambda: not pane._searching, timeout=WAIT_MS)
    assert pane.hit_count() == 1
    assert pane.current_hit() == (2, 0)
    assert pane.view.current_page() == 2  # scrolled to the hit
    assert pane.search_bar.count.text() == "1 / 1"

    pane.search("算力租赁")
    qtbot.waitUntil(lambda: not pane._searching, timeout=WAIT_MS)
    total = pane.hit_count()
    assert total == sum(len(v) for v in pane.view.hits.values()) and total > 30
    pane.setFocus()
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_F3)
    assert pane.current_hit() == (0, 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(pane.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert pane._current_hit == total - 1  # wraps to the last hit
    assert pane.search_bar.count.text() == f"{total} / {total}"

    pane.search("没有这个词")
    qtbot.waitUntil(lambda: not pane._searching, timeout=WAIT_MS)
    assert pane.hit_count() == 0 and pane.search_bar.count.text() == "无匹配"
    wait_settled(qtbot, pane)


def test_ctrl_f_opens_find_bar(pane, qtbot):
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus, timeout=WAIT_MS)
    assert not pane.search_bar.isVisible()
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert pane.search_bar.isVisible()
    qtbot.keyClicks(pane.search_bar.edit, "COMPUTE")
    qtbot.waitUntil(lambda: pane.hit_count() > 0 and not pane._searching, timeout=WAIT_MS)
    qtbot.keyClick(pane.search_bar.edit, Qt.Key.Key_Escape)
    assert not pane.search_bar.isVisible() and pane.view.hits == {}


def test_select_text_and_copy(pane, qtbot):
    view = pane.view
    view.set_zoom(1.0)
    wait_settled(qtbot, pane)
    qtbot.waitUntil(lambda: (view.doc, 0) in pane.texts.texts, timeout=WAIT_MS)
    text = pane.texts.texts[(view.doc, 0)]
    line = text.search("第1行：算力租赁")[0]
    start = view.view_rect(0, (line[0] + 1, line[1], line[0] + 2, line[3])).center().toPoint()
    end = view.view_rect(0, (line[2] - 2, line[1], line[2] - 1, line[3])).center().toPoint()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), end)
    # A synthetic move carries no pressed button, so finish the drag with a button-held event.
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(end), QPointF(view.viewport().mapToGlobal(end)),
                       Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QGuiApplication.sendEvent(view.viewport(), move)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert view.selected_text() == "第1行：算力租赁"
    QGuiApplication.clipboard().clear()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "第1行：算力租赁"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(2, 2))  # off the page
    assert view.selected_text() == ""


@pytest.mark.parametrize(("name", "words"), [
    ("04-付款回单-加密.pdf", "已加密"),
    ("05-使用记录-损坏.pdf", "已损坏"),
])
def test_broken_or_encrypted_document_shows_message(pane, qtbot, name, words):
    doc = next(d for d in pane.documents() if d.original_name == name)
    pane.open_document(doc)
    qtbot.waitUntil(lambda: pane.message is not None and words in pane.message, timeout=WAIT_MS)
    assert pane.stack.currentWidget() is pane.message_label
    assert name in pane.message_label.text()
    assert pane.is_settled()
    open_and_wait(qtbot, pane, "03-发票-1.pdf")  # the pane still works afterwards
    assert pane.stack.currentWidget() is pane.view


def test_unreadable_row_and_missing_file_messages(pane, qtbot):
    import dataclasses

    doc = pane.documents()[0]
    pane.open_document(dataclasses.replace(doc, sha256="x" * 64, readable=False, error="PDF 结构损坏"))
    assert "PDF 结构损坏" in pane.message
    pane.open_document(dataclasses.replace(doc, sha256="y" * 64, path=doc.path.with_name("gone")))
    assert "找不到" in pane.message


def test_hidpi_renders_at_twice_the_pixels(pane, qtbot):
    view = pane.view
    view.dpr_override = 2.0
    view.set_zoom(1.0)
    wait_settled(qtbot, pane)
    key = render_key(view.doc, 0, 1.0, 0, 2.0)
    image = pane.renderer.cache.get(key)
    assert image is not None and image.devicePixelRatio() == 2.0
    x0, _, x1, _ = view.layout_.page_rect(0)
    assert abs(image.width() - 2 * (x1 - x0)) <= 2


def test_thumbnails_render_lazily_and_navigate(pane, qtbot):
    pane.view.go_to_page(2)
    pane.thumbs_button.setChecked(True)
    assert pane.thumbnails.isVisible()
    assert pane.thumbnails.currentIndex().row() == 2  # the page being read is marked
    model = pane.thumbnail_model
    assert model.rowCount() == 6
    qtbot.waitUntil(lambda: model.key_for(0) in pane.renderer.cache, timeout=WAIT_MS)
    image = model.data(model.index(0), Qt.ItemDataRole.DecorationRole)
    assert image.width() / image.devicePixelRatio() == pytest.approx(110, abs=1)
    pane.thumbnails.clicked.emit(model.index(4))
    assert pane.view.current_page() == 4
    wait_settled(qtbot, pane)


def test_ctrl_wheel_zooms(pane, qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    view = pane.view
    zoom = view.zoom
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(centre, QPointF(view.viewport().mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QGuiApplication.sendEvent(view.viewport(), event)
    assert view.zoom == pytest.approx(zoom * 1.21, rel=0.01)
    assert view.verticalScrollBar().value() == 0 or view.position() < 0.05
    wait_settled(qtbot, pane)


def test_huge_page_is_rendered_within_the_pixel_limit(pane, qtbot, tmp_path):
    from slq_desk.ui.viewer.render_service import MAX_PIXELS
    from slq_desk.ui.workspace_data import DocumentRef
    from tests.gui.factory import make_pdf

    path = tmp_path / "huge.pdf"
    path.write_bytes(make_pdf(1, page_size=(14400.0, 14400.0)))
    pane.open_document(DocumentRef(0, "", "other", "huge.pdf", path, 1, True, None))
    qtbot.waitUntil(pane.is_loaded, timeout=WAIT_MS)
    pane.view.set_zoom(2.0)  # 38,400 px square: far beyond the limit
    wait_settled(qtbot, pane)
    image = pane.renderer.cache.get(pane.view.wanted_keys()[0])
    assert 0 < image.width() * image.height() <= MAX_PIXELS
