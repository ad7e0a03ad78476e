"""Checklist: a usage log's thousands of table lines are summarised (the count and the first
rows), not one tree row per value (issue 18, item 3)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QTreeWidgetItem

from slq_desk.ui.review_data import ChecklistData, DocumentFields
from slq_desk.ui.review_tabs.checklist_tab import ChecklistTab


def _all(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    out = [item]
    for i in range(item.childCount()):
        out += _all(item.child(i))
    return out


def test_a_long_log_shows_its_row_count_and_first_rows(qtbot) -> None:
    tab = ChecklistTab()
    qtbot.addWidget(tab)
    preview = ((("date", "2026-01-01"), ("card_hours", "16"), ("amount", "1200.00")),
               (("date", "2026-01-02"), ("card_hours", "8"), ("amount", "600.00")))
    log = DocumentFields(7, "d" * 64, "使用记录.pdf", "usage_log", True, (), 95, "auto", "",
                         73012, preview)
    tab.set_data(ChecklistData("app-1", "wuhan-2026", "武汉星河智算科技有限公司", Decimal("1000.00"),
                               (), (), (log,)))
    items = [it for i in range(tab.tree.topLevelItemCount()) for it in _all(tab.tree.topLevelItem(i))]
    table = next(it for it in items if it.text(0) == "明细共 73,012 行")
    assert "前 2 行" in table.text(1)
    assert table.childCount() == 2
    first = table.child(0)
    assert first.text(0) == "明细第 1 行"
    assert "2026-01-01" in first.text(1) and "¥1,200.00" in first.text(1)
