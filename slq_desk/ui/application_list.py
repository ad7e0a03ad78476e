"""The workspace's applications as a table model for the left-hand list."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from slq_desk.ui.workspace_data import ApplicationRow

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


# The invalid index, Qt's "no parent"; one instance instead of a call per default.
_ROOT = QModelIndex()


class ApplicationListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ApplicationRow] = []
        self.headers = [self.tr("编号"), self.tr("政策"), self.tr("申报单位"), self.tr("状态"),
                        self.tr("材料")]

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
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.id, row.policy_label, row.applicant_name, row.status_label,
                    str(row.document_count))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.applicant_name}\n{row.policy_label} · {row.status_label}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_of(self, application_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == application_id), -1)
