"""The workspace's applications as a table model for the left-hand list, and its filter.

Columns: id, policy, applicant, status, documents, computed subsidy, blocking findings. Sorting
uses ``SORT_ROLE`` (numbers as numbers, money as Decimal) so 9 sorts before 10 and no amount
goes through float; ``ApplicationFilter`` adds a free-text search and a status filter.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from slq_desk.money import yuan
from slq_desk.ui.theme import severity_color
from slq_desk.ui.workspace_data import ApplicationRow

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
# The first five columns are the shell's (tests and settings rely on their order).
COL_DOCUMENTS, COL_SUBSIDY, COL_BLOCKING = 4, 5, 6
BLOCKING_COLOR = QColor(200, 30, 30)
# The status names live in the models (no Qt); marked here so lupdate collects them, for the
# list (ApplicationListModel) and the window's status filter (MainWindow).
_STATUS_NAMES = (  # lupdate reads literals only, so each pair is spelled out
    QT_TRANSLATE_NOOP("ApplicationListModel", "待初审"), QT_TRANSLATE_NOOP("MainWindow", "待初审"),
    QT_TRANSLATE_NOOP("ApplicationListModel", "初审中"), QT_TRANSLATE_NOOP("MainWindow", "初审中"),
    QT_TRANSLATE_NOOP("ApplicationListModel", "待评审"), QT_TRANSLATE_NOOP("MainWindow", "待评审"),
    QT_TRANSLATE_NOOP("ApplicationListModel", "评审中"), QT_TRANSLATE_NOOP("MainWindow", "评审中"),
    QT_TRANSLATE_NOOP("ApplicationListModel", "已评审"), QT_TRANSLATE_NOOP("MainWindow", "已评审"),
    QT_TRANSLATE_NOOP("ApplicationListModel", "已签署"), QT_TRANSLATE_NOOP("MainWindow", "已签署"),
    # The 初审 workflow's statuses (office.status); 初审中/待评审/已签署 above are older names.
    QT_TRANSLATE_NOOP("ApplicationListModel", "补正中"), QT_TRANSLATE_NOOP("MainWindow", "补正中"),
    QT_TRANSLATE_NOOP("ApplicationListModel", "初审通过"), QT_TRANSLATE_NOOP("MainWindow", "初审通过"),
    QT_TRANSLATE_NOOP("ApplicationListModel", "初审不通过"),
    QT_TRANSLATE_NOOP("MainWindow", "初审不通过"),
    QT_TRANSLATE_NOOP("ApplicationListModel", "公示中"), QT_TRANSLATE_NOOP("MainWindow", "公示中"),
    QT_TRANSLATE_NOOP("ApplicationListModel", "已兑付"), QT_TRANSLATE_NOOP("MainWindow", "已兑付"),
    QT_TRANSLATE_NOOP("ApplicationListModel", "撤销"), QT_TRANSLATE_NOOP("MainWindow", "撤销"),
)


# The invalid index, Qt's "no parent"; one instance instead of a call per default.
_ROOT = QModelIndex()
# The roles ``ApplicationListModel.cell`` answers; it returns None for any other at once.
_ANSWERED = frozenset(int(r) for r in (
    ROW_ROLE, SORT_ROLE, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole))
_CELL_FLAGS = (Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
               | Qt.ItemFlag.ItemNeverHasChildren)


class ApplicationListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ApplicationRow] = []
        self._row_of: dict[str, int] = {}
        self.haystacks: list[str] = []
        self._orders: dict[tuple[int, bool], list[int]] = {}
        self.headers = [self.tr("编号"), self.tr("政策"), self.tr("申报单位"), self.tr("状态"),
                        self.tr("材料"), self.tr("测算补贴"), self.tr("阻断")]

    def set_rows(self, rows: list[ApplicationRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._row_of = {row.id: i for i, row in enumerate(self.rows)}
        # What the filter searches, lower-cased once per refill rather than once per keystroke.
        self.haystacks = ["\n".join((row.id, row.applicant_name, row.policy_label,
                                     row.policy_id)).lower() for row in self.rows]
        self._orders = {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, source_row: int, column: int, role: int) -> object:
        """``data`` by row and column numbers: the filter asks this directly for the rows on
        screen (every repaint asks each visible cell for a dozen roles) rather than through a
        source ``QModelIndex`` made per call."""
        if role not in _ANSWERED:
            return None  # most roles a repaint asks for (font, decoration, check state, …)
        row = self.rows[source_row]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.id
            if column == 1:
                return row.policy_label
            if column == 2:
                return row.applicant_name
            if column == 3:
                return self.tr(row.status_label)
            if column == COL_DOCUMENTS:
                return str(row.document_count)
            if column == COL_SUBSIDY:
                return yuan(row.computed_subsidy)
            return str(row.blocking) if row.blocking else ""
        if role == SORT_ROLE:
            if column == COL_SUBSIDY:
                return row.computed_subsidy if row.computed_subsidy is not None else Decimal(-1)
            if column == COL_BLOCKING:
                return row.blocking
            if column == COL_DOCUMENTS:
                return row.document_count
            return self.cell(source_row, column, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{row.applicant_name}\n{row.policy_label} · {self.tr(row.status_label)}"
            if row.blocking:
                tip += "\n" + self.tr("阻断问题 {0} 项").format(row.blocking)
            return tip
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_BLOCKING and row.blocking:
            return QBrush(severity_color(BLOCKING_COLOR))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_SUBSIDY, COL_BLOCKING, COL_DOCUMENTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort_key(self, row: ApplicationRow, column: int) -> tuple[int, Decimal | int | str]:
        """What a column sorts by (``SORT_ROLE``'s value, computed without an index): numbers as
        numbers, money as Decimal, text as shown."""
        if column == COL_SUBSIDY:
            return (0, row.computed_subsidy if row.computed_subsidy is not None else Decimal(-1))
        if column == COL_BLOCKING:
            return (0, row.blocking)
        if column == COL_DOCUMENTS:
            return (0, row.document_count)
        texts = {0: row.id, 1: row.policy_label, 2: row.applicant_name}
        return (1, texts[column] if column in texts else self.tr(row.status_label))

    def sorted_rows(self, column: int, descending: bool) -> list[int]:
        """Every row's index in the column's order, sorted once per refill (the filter then
        keeps the order while it picks rows, with no comparison per keystroke)."""
        key = (column, descending)
        if key not in self._orders:
            keys = self._column_keys(column)
            self._orders[key] = sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)
        return self._orders[key]

    def _column_keys(self, column: int) -> list[Any]:
        """``sort_key``'s second element for every row, one list comprehension per column (the
        first element is the same for a whole column, so the order is ``sort_key``'s): the
        first click on a header of 10,000 rows no longer makes 10,000 method calls."""
        rows = self.rows
        if column == COL_SUBSIDY:
            minus = Decimal(-1)
            return [minus if r.computed_subsidy is None else r.computed_subsidy for r in rows]
        if column == COL_BLOCKING:
            return [r.blocking for r in rows]
        if column == COL_DOCUMENTS:
            return [r.document_count for r in rows]
        if column == 0:
            return [r.id for r in rows]
        if column == 1:
            return [r.policy_label for r in rows]
        if column == 2:
            return [r.applicant_name for r in rows]
        shown: dict[str, str] = {}  # status → its translated label, translated once each
        for r in rows:
            if r.status not in shown:
                shown[r.status] = self.tr(r.status_label)
        return [shown[r.status] for r in rows]

    def row_of(self, application_id: str) -> int:
        return self._row_of.get(application_id, -1)


class ApplicationFilter(QAbstractProxyModel):
    """Search (id, applicant, policy) and an optional status; sorts by ``SORT_ROLE``'s values.

    A province holds thousands of applications: ``QSortFilterProxyModel`` calls back into Python
    for every row it filters and every comparison it sorts (10,000 rows: 0.2 s to filter, 6 s to
    sort a column). Here the filter and the sort run once in Python over the model's rows (a
    list comprehension and one ``sorted``), and the proxy only maps the rows on screen
    (``bench/scale.py``).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status = ""
        self.text = ""
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._rows: list[int] = []  # proxy row → source row
        self._list: ApplicationListModel | None = None  # the source, when it is the list model
        self._where: dict[int, int] | None = {}  # source row → proxy row, made when first asked
        self._scans = 0  # look-ups without the map since the rows were laid out

    # -- what the window calls ----------------------------------------------------------------
    def set_status(self, status: str) -> None:
        self.status = status
        self._relayout()

    def set_text(self, text: str) -> None:
        self.text = text.strip().lower()
        self._relayout()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self._relayout()

    def sortColumn(self) -> int:
        return self.sort_column

    def sortOrder(self) -> Qt.SortOrder:
        return self.sort_order

    # -- the mapping ---------------------------------------------------------------------------
    def setSourceModel(self, model: QAbstractItemModel) -> None:
        old = self.sourceModel()
        if old is not None:
            for signal, slot in self._connections(old):
                signal.disconnect(slot)
        self.beginResetModel()
        super().setSourceModel(model)
        self._list = model if isinstance(model, ApplicationListModel) else None
        for signal, slot in self._connections(model):
            signal.connect(slot)
        self._rows, self._where, self._scans = self._compute(), None, 0
        self.endResetModel()

    def _connections(self, model: QAbstractItemModel) -> list[tuple[Any, Any]]:
        return [(model.modelAboutToBeReset, self.beginResetModel),
                (model.modelReset, self._source_reset),
                (model.dataChanged, self._source_data_changed),
                (model.headerDataChanged, self.headerDataChanged),
                (model.layoutChanged, self._relayout),
                (model.rowsInserted, self._source_rows_changed),
                (model.rowsRemoved, self._source_rows_changed)]

    def _source_reset(self) -> None:
        self._rows, self._where, self._scans = self._compute(), None, 0
        self.endResetModel()

    def _source_rows_changed(self, *_args: object) -> None:
        # The list model only resets; anything else is still shown right.
        self.beginResetModel()
        self._source_reset()

    def _source_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles: list[int]) -> None:
        # A row's values may now sort or filter differently: lay the list out again. (The list
        # model's rows are frozen and only replaced whole, by set_rows, which resets.)
        self._relayout()

    def _compute(self) -> list[int]:
        model = self.sourceModel()
        if not isinstance(model, ApplicationListModel):
            count = model.rowCount() if model is not None else 0
            rows = list(range(count))
        else:
            order: Sequence[int] = (
                model.sorted_rows(self.sort_column, self.sort_order == Qt.SortOrder.DescendingOrder)
                if 0 <= self.sort_column < model.columnCount() else range(len(model.rows)))
            status, needle, hay, data = self.status, self.text, model.haystacks, model.rows
            if status and needle:
                rows = [i for i in order if data[i].status == status and needle in hay[i]]
            elif status:
                rows = [i for i in order if data[i].status == status]
            elif needle:
                rows = [i for i in order if needle in hay[i]]
            else:
                rows = list(order)
        return rows

    def _relayout(self, *_args: object) -> None:
        """Filter and sort again, keeping the selection and the current row (persistent
        indexes) on the rows they were on."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        sources = [self.mapToSource(index) for index in persistent]
        self._rows, self._where, self._scans = self._compute(), None, 0
        self.changePersistentIndexList(persistent, [self.mapFromSource(s) for s in sources])
        self.layoutChanged.emit()

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # The list model's cell straight from the row map: Qt's own path makes a source index
        # through ``mapToSource`` and ``index`` (two more calls into Python) per cell and role,
        # half of what a repaint of 10,000 rows cost after a sort (bench/scale.py).
        model = self._list
        if model is None:
            return super().data(index, role)
        row = index.row()  # -1 for the invalid index
        if not 0 <= row < len(self._rows):
            return None
        return model.cell(self._rows[row], index.column(), role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        # What the table model gives every valid cell (QAbstractTableModel's flags), without
        # the round trip through a source index.
        if self._list is not None:
            return _CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
        return super().flags(index)

    def mapToSource(self, proxy: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        model = self.sourceModel()
        if model is None or not proxy.isValid() or proxy.row() >= len(self._rows):
            return QModelIndex()
        return model.index(self._rows[proxy.row()], proxy.column())

    def mapFromSource(self, source: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        if not source.isValid():
            return QModelIndex()
        if self._where is None:
            # The reverse map is for the few indexes kept across a re-sort (the selection, the
            # current row): the first few look-ups scan the row list (C speed), and only a
            # caller asking for more gets a map of all 10,000 rows made.
            self._scans += 1
            if self._scans <= 16:
                try:
                    return self.createIndex(self._rows.index(source.row()), source.column())
                except ValueError:
                    return QModelIndex()
            self._where = {src: proxy for proxy, src in enumerate(self._rows)}
        row = self._where.get(source.row())
        return QModelIndex() if row is None else self.createIndex(row, source.column())

    def index(self, row: int, column: int,
              parent: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:
        columns = len(self._list.headers) if self._list is not None else self.columnCount()
        if parent.isValid() or not (0 <= row < len(self._rows)) or not 0 <= column < columns:
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, _child: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        return QModelIndex()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        model = self.sourceModel()
        return 0 if parent.isValid() or model is None else model.columnCount()

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and bool(self._rows)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        model = self.sourceModel()
        return model.headerData(section, orientation, role) if model is not None else None
