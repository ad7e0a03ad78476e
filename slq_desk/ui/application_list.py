"""The workspace's applications as a table model for the left-hand list, and its filter.

Columns: id, policy, applicant, status, documents, computed subsidy, blocking findings. Sorting
uses ``SORT_ROLE`` (numbers as numbers, money as Decimal) so 9 sorts before 10 and no amount
goes through float; ``ApplicationFilter`` adds a free-text search and a status filter.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
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


class ApplicationListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ApplicationRow] = []
        self.headers = [self.tr("编号"), self.tr("政策"), self.tr("申报单位"), self.tr("状态"),
                        self.tr("材料"), self.tr("测算补贴"), self.tr("阻断")]

    def set_rows(self, rows: list[ApplicationRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
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
        row = self.rows[index.row()]
        if role == ROW_ROLE:
            return row
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            subsidy = yuan(row.computed_subsidy)
            return (row.id, row.policy_label, row.applicant_name, self.tr(row.status_label),
                    str(row.document_count), subsidy, str(row.blocking) if row.blocking else "")[column]
        if role == SORT_ROLE:
            if column == COL_SUBSIDY:
                return row.computed_subsidy if row.computed_subsidy is not None else Decimal(-1)
            if column == COL_BLOCKING:
                return row.blocking
            if column == COL_DOCUMENTS:
                return row.document_count
            return self.data(index, Qt.ItemDataRole.DisplayRole)
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

    def row_of(self, application_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == application_id), -1)


class ApplicationFilter(QSortFilterProxyModel):
    """Search (id, applicant, policy) and an optional status; sorts by ``SORT_ROLE``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status = ""
        self.text = ""
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_status(self, status: str) -> None:
        # begin/endFilterChange: invalidateFilter() is deprecated since Qt 6.10.
        self.beginFilterChange()
        self.status = status
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = text.strip().lower()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ApplicationListModel) or source_row >= len(model.rows):
            return True
        row = model.rows[source_row]
        if self.status and row.status != self.status:
            return False
        needle = self.text
        if not needle:
            return True
        return any(needle in text.lower() for text in (row.id, row.applicant_name, row.policy_label,
                                                        row.policy_id))

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if isinstance(a, (int, Decimal)) and isinstance(b, (int, Decimal)):
            return a < b
        return str(a) < str(b)
