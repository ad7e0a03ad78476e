"""The checklist measures its wrapped rows at the width each column has, and a fill measures
each row a few times (issue 18 item 3: ~900 measures, ~20 ms, for a 150-row checklist, because
each measure asked the header, which laid the tree out again, and each opened section did)."""

from __future__ import annotations

from typing import Any

from slq_desk.ui.review_tabs.checklist_tab import WrappingDelegate


class CountingDelegate(WrappingDelegate):
    """Counts measures, and measures made from inside another (the tree laid out again)."""

    def __init__(self, tree: Any) -> None:
        super().__init__(tree)
        self.calls = 0
        self.nested = 0
        self.depth = 0

    def sizeHint(self, option: Any, index: Any) -> Any:
        self.calls += 1
        self.nested += self.depth > 0
        self.depth += 1
        try:
            return super().sizeHint(option, index)
        finally:
            self.depth -= 1


def _rows(tab: Any) -> int:
    """Rows on show (every ancestor open): the ones a layout measures."""
    count = 0
    stack = [tab.tree.topLevelItem(i) for i in range(tab.tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        count += 1
        if item.isExpanded():
            stack.extend(item.child(i) for i in range(item.childCount()))
    return count


def test_a_fill_measures_each_row_a_few_times(review_window, qtbot) -> None:
    from slq_desk.ui.review_tabs.checklist_tab import ChecklistTab

    win = review_window
    assert win.open_application("wuhan-flawed-1")
    data = win.checklist_tab.data
    tab = ChecklistTab()  # on screen, as a laptop's dock shows it
    qtbot.addWidget(tab)
    tab.resize(420, 800)
    tab.show()
    qtbot.waitExposed(tab)
    tab.set_data(data)
    qtbot.wait(20)
    delegate = CountingDelegate(tab.tree)
    tab.tree.setItemDelegate(delegate)
    qtbot.wait(20)
    delegate.calls = 0
    tab.set_data(data)
    qtbot.wait(50)  # the layout and paint after the fill
    rows = _rows(tab)
    assert rows > 20 and delegate.calls > 0
    # No measure lays the tree out again from inside a row's measure (before: the header was
    # asked each column's width, and fitting column 2 to its contents measured every row).
    assert delegate.nested == 0, (delegate.nested, delegate.calls)
    # And a few passes over the rows on show (three columns each), not one per opened row.
    assert delegate.calls <= 6 * 3 * rows, (delegate.calls, rows)


def test_rows_follow_the_width_of_their_column(review_window, qtbot) -> None:
    win = review_window
    assert win.open_application("wuhan-flawed-1")
    tab = win.checklist_tab
    tree = tab.tree
    finding = max(tab.items("finding"), key=lambda item: len(item.text(1)))
    assert len(finding.text(1)) > 20
    tree.header().resizeSection(0, 120)
    tree.resize(900, tree.height())
    qtbot.waitUntil(lambda: tree.header().sectionSize(1) > 500)
    tree.doItemsLayout()
    wide = tree.visualItemRect(finding).height()
    tree.resize(330, tree.height())
    qtbot.waitUntil(lambda: tree.header().sectionSize(1) < 200)
    tree.doItemsLayout()
    narrow = tree.visualItemRect(finding).height()
    assert narrow > wide  # wrapped onto more lines at the narrower width
    tree.resize(900, tree.height())
    qtbot.waitUntil(lambda: tree.header().sectionSize(1) > 500)
    tree.doItemsLayout()
    assert tree.visualItemRect(finding).height() == wide
