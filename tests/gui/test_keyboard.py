"""Keyboard paths: Tab across the docks (never trapped in the list), Alt+1…4 and F6 jumps,
Ctrl+1…3 into the review tabs, and a focus ring that shows in the light and dark themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from slq_desk.ui.keyboard import REGIONS

APP = "hunan-clean-1"


@pytest.fixture()
def win(review_window, qtbot):
    w = review_window
    assert w.open_application(APP)
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    return w


def _press(widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifier)
    QApplication.processEvents()


def _focus():
    return QApplication.focusWidget()


def test_tab_leaves_the_application_table(win, qtbot):
    win.app_table.setFocus()
    qtbot.waitUntil(lambda: _focus() is win.app_table)
    before = win.application_id
    _press(win.app_table, Qt.Key.Key_Tab)
    assert _focus() is not win.app_table
    assert win.keyboard.region_of(_focus()) == "left"
    assert win.application_id == before  # Tab opens nothing
    # Back with Shift+Tab, then Ctrl+Tab leaves it too.
    _press(_focus(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _focus() is win.app_table


def test_tab_walks_list_panes_and_review_in_reading_order(win, qtbot):
    win.show_review_tab(1)  # the scoring form
    win.search_edit.setFocus()
    qtbot.waitUntil(lambda: _focus() is win.search_edit)
    regions: list[str] = []
    reached = []
    for _ in range(120):
        region = win.keyboard.region_of(_focus())
        if region and (not regions or regions[-1] != region):
            regions.append(region)
        reached.append(_focus())
        if region == "review" and _focus() is win.scoring_tab.submit_button:
            break
        _press(_focus(), Qt.Key.Key_Tab)
    assert regions[:4] == ["list", "left", "right", "review"], regions
    # The scoring form is reachable by keyboard alone: its controls come in its own order.
    chain = win.scoring_tab.tab_chain()
    usable = [w for w in chain if w.isEnabled() and w.isVisibleTo(win)]
    assert usable and all(w in reached for w in usable), [w.objectName() or w.accessibleName() for w in usable if w not in reached]
    assert win.scoring_tab.submit_button in reached or not win.scoring_tab.submit_button.isEnabled()


@pytest.mark.parametrize("n,region", list(enumerate(REGIONS, 1)))
def test_alt_number_jumps_to_a_region(win, qtbot, n, region):
    win.search_edit.setFocus()
    qtbot.waitUntil(lambda: _focus() is win.search_edit)
    win.review_dock.hide()
    _press(_focus(), getattr(Qt.Key, f"Key_{n}"), Qt.KeyboardModifier.AltModifier)
    assert win.keyboard.region_of(_focus()) == region
    if region == "review":
        assert win.review_dock.isVisible()  # a closed dock opens to take the focus
    if region == "list":
        assert _focus() is win.app_table
    if region in ("left", "right"):
        pane = win.left_pane if region == "left" else win.right_pane
        assert _focus() is pane.view  # the pages themselves: arrow keys scroll


def test_f6_cycles_the_regions_both_ways(win, qtbot):
    win.app_table.setFocus()
    qtbot.waitUntil(lambda: _focus() is win.app_table)
    seen = []
    for _ in range(4):
        _press(_focus(), Qt.Key.Key_F6)
        seen.append(win.keyboard.region_of(_focus()))
    assert seen == ["left", "right", "review", "list"]
    _press(_focus(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert win.keyboard.region_of(_focus()) == "review"


def test_ctrl_number_opens_a_review_tab_with_the_focus_in_it(win, qtbot):
    win.app_table.setFocus()
    qtbot.waitUntil(lambda: _focus() is win.app_table)
    _press(_focus(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert win.review_tabs.currentWidget() is win.scoring_tab
    assert win.scoring_tab.isAncestorOf(_focus())
    _press(_focus(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert _focus() is win.checklist_tab.tree


def test_alt_4_lands_on_the_form_not_its_toolbar(win, qtbot):
    win.show_review_tab(1)
    tab = win.scoring_tab
    win.app_table.setFocus()
    qtbot.waitUntil(lambda: _focus() is win.app_table)
    if tab.coi_none.isEnabled():  # before the declaration: the declaration
        _press(_focus(), Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
        assert _focus() is tab.coi_none
        assert tab.declare_no_conflict()
        QApplication.processEvents()  # the opened form's widgets show on the next turn
    win.app_table.setFocus()
    qtbot.waitUntil(lambda: _focus() is win.app_table)
    _press(_focus(), Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    first_score = next(iter(tab.boxes.values())).spin
    assert _focus() is first_score


def _ring_pixels(win, widget) -> tuple[int, int]:
    """(highlight-coloured, sampled) pixels on the line just outside ``widget``."""
    image = win.grab().toImage()
    top_left = widget.mapTo(win, QPoint(0, 0))
    x0, y0 = top_left.x() - 1, top_left.y() - 1
    x1, y1 = x0 + widget.width() + 1, y0 + widget.height() + 1
    highlight = win.palette().color(QPalette.ColorRole.Highlight)
    points = [(x, y0) for x in range(x0 + 4, x1 - 4, 7)] + [(x0, y) for y in range(y0 + 4, y1 - 4, 5)]
    hits = 0
    ratio = image.devicePixelRatio()
    for x, y in points:
        colour = QColor(image.pixel(int(x * ratio), int(y * ratio)))
        hits += abs(colour.red() - highlight.red()) + abs(colour.green() - highlight.green()) \
            + abs(colour.blue() - highlight.blue()) < 60
    return hits, len(points)


@pytest.mark.parametrize("dark", [False, True])
def test_the_focused_widget_has_a_visible_ring(win, qtbot, qapp, dark):
    from slq_desk.ui import theme

    theme.apply_theme(qapp, dark)
    try:
        assert theme.is_dark() == dark
        for target in (win.search_edit, win.left_pane.picker, win.checklist_tab.tree):
            target.setFocus()
            qtbot.waitUntil(lambda t=target: _focus() is t)
            ring = win.keyboard.ring
            assert ring.widget() is target and ring.isVisible()
            hits, total = _ring_pixels(win, target)
            assert hits >= total * 0.8, (target.objectName(), hits, total)
        # Nothing focused in the window (a dialog elsewhere): no ring left behind.
        win.keyboard._focus_changed(None, None)
        assert not win.keyboard.ring.isVisible()
    finally:
        theme.apply_theme(qapp, False)
