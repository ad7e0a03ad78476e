"""The queue: status, computed subsidy, blocking count; search, status filter, sort; shortcuts."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from slq_desk.ui.application_list import COL_BLOCKING, COL_SUBSIDY, ROW_ROLE


def _ids(win) -> list[str]:
    f = win.app_filter
    return [f.data(f.index(r, 0), ROW_ROLE).id for r in range(f.rowCount())]


def test_list_shows_subsidy_and_blocking_and_filters(review_window):
    win = review_window
    model = win.app_model
    flawed = model.rows[model.row_of("wuhan-flawed-1")]
    assert flawed.computed_subsidy == Decimal("56000.00") and flawed.blocking == 2
    index = model.index(model.row_of("wuhan-flawed-1"), COL_BLOCKING)
    assert model.data(index) == "2"
    assert model.data(model.index(model.row_of("hunan-clean-1"), COL_SUBSIDY)) == "¥172,922.04"

    win.search_edit.setText("湖南")  # policy label
    assert _ids(win) == ["hunan-clean-1"]
    win.search_edit.setText("WUHAN-FLAWED")
    assert _ids(win) == ["wuhan-flawed-1"]
    win.search_edit.clear()
    win.status_filter.setCurrentIndex(win.status_filter.findData("paid"))
    assert _ids(win) == []
    win.status_filter.setCurrentIndex(0)
    assert len(_ids(win)) == 2


def test_sort_by_amount_is_numeric(review_window):
    win = review_window
    win.app_table.sortByColumn(COL_SUBSIDY, Qt.SortOrder.AscendingOrder)
    assert _ids(win) == ["wuhan-flawed-1", "hunan-clean-1"]  # 56000 < 172922.04
    win.app_table.sortByColumn(COL_SUBSIDY, Qt.SortOrder.DescendingOrder)
    assert _ids(win) == ["hunan-clean-1", "wuhan-flawed-1"]


def test_keyboard_shortcuts_switch_tabs_and_applications(review_window, qtbot):
    win = review_window
    win.activateWindow()
    win.app_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    qtbot.keyClick(win, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert win.application_id == _ids(win)[0]
    qtbot.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert win.review_tabs.currentWidget() is win.scoring_tab
    qtbot.keyClick(win, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert win.review_tabs.currentWidget() is win.calculation_tab
    qtbot.keyClick(win, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert win.application_id == _ids(win)[1]
