"""The queue's fast paths give what Qt's own paths give (issue 18: sort by a header on 10,000
rows): the column orders equal sorting by ``sort_key``; the filter's cells, flags and
source↔proxy mapping equal the ones through a source index, before and after many look-ups."""

from __future__ import annotations

import random
from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt

from slq_desk.desk.queue import ApplicationRow
from slq_desk.ui.application_list import ROW_ROLE, SORT_ROLE, ApplicationFilter, ApplicationListModel

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
         Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.DecorationRole, SORT_ROLE)


def _rows(n: int) -> list[ApplicationRow]:
    rng = random.Random(18)
    # Few distinct values per column, so every column has ties (whose order must not change).
    return [ApplicationRow(
        f"app-{rng.randrange(n // 3):04d}", rng.choice(["wuhan-2026", "hunan-2026", "other"]),
        rng.choice(["甲公司", "乙公司", "Acme", "acme"]),
        rng.choice(["pending_check", "reviewed", "signed", "unknown_status"]), rng.randrange(4),
        rng.choice([None, Decimal("1.0"), Decimal("1"), Decimal("2.50"), Decimal("0")]),
        rng.randrange(3)) for _ in range(n)]


def test_column_orders_equal_sorting_by_sort_key(qapp) -> None:
    model = ApplicationListModel()
    rows = _rows(600)
    model.set_rows(rows)
    for column in range(model.columnCount()):
        keys = [model.sort_key(r, column) for r in rows]
        for descending in (False, True):
            want = sorted(range(len(rows)), key=keys.__getitem__, reverse=descending)
            assert model.sorted_rows(column, descending) == want, (column, descending)


def test_filter_cells_flags_and_mapping_match_the_source_index_path(qapp) -> None:
    model = ApplicationListModel()
    model.set_rows(_rows(300))
    proxy = ApplicationFilter()
    proxy.setSourceModel(model)
    proxy.sort(5, Qt.SortOrder.DescendingOrder)
    proxy.set_text("公司")
    assert 0 < proxy.rowCount() < model.rowCount()
    for row in range(proxy.rowCount()):
        for column in range(proxy.columnCount()):
            index = proxy.index(row, column)
            source = proxy.mapToSource(index)
            for role in ROLES:
                assert proxy.data(index, role) == model.data(source, role), (row, column, role)
            assert proxy.flags(index) == model.flags(source)
        assert proxy.data(proxy.index(row, 0), ROW_ROLE) == model.rows[source.row()]
    assert proxy.data(QModelIndex()) is None and proxy.flags(QModelIndex()) == model.flags(QModelIndex())
    # Source → proxy: the first look-ups scan, later ones use the map; both agree, and a row
    # filtered out maps to nothing.
    shown = {proxy.mapToSource(proxy.index(r, 0)).row(): r for r in range(proxy.rowCount())}
    for _ in range(2):
        for source_row in range(model.rowCount()):
            got = proxy.mapFromSource(model.index(source_row, 2))
            if source_row in shown:
                assert got.row() == shown[source_row] and got.column() == 2
            else:
                assert not got.isValid()
