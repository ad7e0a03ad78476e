"""Synchronised scrolling by anchor: documents of different lengths stay aligned where set."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.helpers import WAIT_MS, open_and_wait


@pytest.fixture()
def views(window, qtbot):
    assert window.open_application("WH-2026-001")
    qtbot.waitUntil(lambda: window.left_pane.is_loaded() and window.right_pane.is_loaded(), timeout=WAIT_MS)
    open_and_wait(qtbot, window.left_pane, "01-服务合同.pdf")  # 6 pages
    open_and_wait(qtbot, window.right_pane, "02-服务合同修订版.pdf")  # 9 pages
    return window.left_pane.view, window.right_pane.view


def test_sync_follows_by_anchor_and_stops_when_off(window, views, qtbot):
    left, right = views
    left.set_position(1.0)
    right.set_position(3.25)  # the reviewer aligned page 2 with page 4 + a quarter
    window.sync_action.trigger()
    assert window.sync.enabled and window.sync.anchors == pytest.approx((1.0, 3.25), abs=0.01)

    left.set_position(2.5)
    assert right.position() == pytest.approx(4.75, abs=0.01)
    right.set_position(5.0)
    assert left.position() == pytest.approx(2.75, abs=0.01)

    # Past the end of the shorter document the longer one clamps, and comes back aligned.
    right.set_position(8.9)
    assert left.position() <= 6.0
    left.set_position(1.0)
    assert right.position() == pytest.approx(3.25, abs=0.01)

    window.sync_action.trigger()
    assert not window.sync.enabled
    left.set_position(4.0)
    assert right.position() == pytest.approx(3.25, abs=0.01)


def test_sync_reanchors_when_switched_on_again(window, views, qtbot):
    left, right = views
    window.sync.set_enabled(True)
    window.sync.set_enabled(False)
    left.set_position(0.5)
    right.set_position(6.0)
    window.sync.set_enabled(True)
    assert window.sync_action.isChecked()
    left.set_position(1.5)
    assert right.position() == pytest.approx(7.0, abs=0.01)


def test_sync_survives_zoom_and_keyboard(window, views, qtbot):
    left, right = views
    right.set_position(2.0)
    window.activateWindow()
    left.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.sync.enabled
    left.set_zoom(2.0)  # zoom keeps the left position, so the right one must not move
    assert right.position() == pytest.approx(2.0, abs=0.01)
    qtbot.keyClick(left, Qt.Key.Key_PageDown)
    moved = left.position()
    assert moved > 0
    assert right.position() == pytest.approx(2.0 + moved, abs=0.01)


def test_opening_another_document_reanchors(window, views, qtbot):
    left, right = views
    window.sync.set_enabled(True)
    left.set_position(2.0)
    open_and_wait(qtbot, window.right_pane, "03-发票-1.pdf")
    assert window.sync.anchors == pytest.approx((2.0, 0.0), abs=0.01)
    left.set_position(2.25)  # the 2-page invoice cannot scroll much further than this
    assert right.position() == pytest.approx(0.25, abs=0.02)
