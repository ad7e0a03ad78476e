"""The reference lists the 初审 rules consult (supplier registries, the 揭榜 list, the credit
blacklist, banned entities, unsafe devices): what is loaded — the newest of each kind is the one
in use — and importing a CSV/XLSX list with its kind, source and date (an operation: a list can
hold many thousand rows)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from slq_desk.desk.service import Desk
from slq_desk.ui.operations import Operation, Report
from slq_desk.ui.signing.common import BAD_STYLE, OK_STYLE, message_label, show_message

Launcher = Callable[[Operation], Operation]


class ListsDialog(QDialog):
    imported = Signal(object)  # checks.lists.ImportedList

    def __init__(self, desk: Desk, launch: Launcher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ListsDialog")
        self.desk = desk
        self.launch = launch
        self._op: Operation | None = None
        self.setWindowTitle(self.tr("参考名单"))
        self.resize(1100, 620)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("ListsTable")
        self.table.setAccessibleName(self.tr("已导入的名单"))
        self.table.setHorizontalHeaderLabels([self.tr("使用中"), self.tr("名单"), self.tr("日期"),
                                              self.tr("条目"), self.tr("来源"), self.tr("文件"),
                                              self.tr("导入人")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        shown = QLabel(self.tr("已导入的名单（每类以日期最新的一份为准）(&L)："), self)
        shown.setBuddy(self.table)
        layout.addWidget(shown)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("尚未导入任何名单：相关规则会生成“请人工核对”的提示。"), self)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)

        box = QGroupBox(self.tr("导入名单（CSV 或 XLSX；列：名称、统一社会信用代码、设备型号、日期、备注）"), self)
        form = QFormLayout(box)
        self.kind_box = QComboBox(box)
        self.kind_box.setAccessibleName(self.tr("名单类别"))
        for code, label in desk.office.list_kinds().items():
            self.kind_box.addItem(label, code)
        self._row(form, self.tr("类别(&K)："), self.kind_box)
        file_row = QHBoxLayout()
        self.file_edit = QLineEdit(box)
        self.file_edit.setAccessibleName(self.tr("名单文件"))
        browse = QPushButton(self.tr("浏览(&B)…"), box)
        browse.clicked.connect(self._browse)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        file_label = QLabel(self.tr("文件(&F)："), box)
        file_label.setBuddy(self.file_edit)
        form.addRow(file_label, file_row)
        self.source_edit = QLineEdit(box)
        self.source_edit.setAccessibleName(self.tr("来源"))
        self.source_edit.setPlaceholderText(self.tr("如：武汉市数据局公告 2026年第3号"))
        self._row(form, self.tr("来源(&S)："), self.source_edit)
        self.date_edit = QDateEdit(QDate.currentDate(), box)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setAccessibleName(self.tr("名单日期"))
        self._row(form, self.tr("名单日期(&D)："), self.date_edit)
        self.import_button = QPushButton(self.tr("导入(&I)"), box)
        self.import_button.clicked.connect(self.import_list)
        form.addRow("", self.import_button)
        layout.addWidget(box)
        self.message = message_label(self)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def _row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text, field.parentWidget())
        label.setBuddy(field)
        form.addRow(label, field)

    def refresh(self) -> None:
        rows = self.desk.office.reference_lists()
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            values = [self.tr("是") if row["in_use"] else "", row["label"], row["as_of"],
                      str(row["entries"]), row["source"] or "—", row["file"], row["imported_by"]]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(n, column, item)
        self.empty.setVisible(not rows)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择名单文件"), "",
                                              self.tr("名单 (*.csv *.xlsx)"))
        if path:
            self.file_edit.setText(path)

    def import_list(self) -> None:
        if self._op is not None and not self._op.is_done:
            return
        text = self.file_edit.text().strip()
        if not text:
            show_message(self.message, self.tr("请选择名单文件。"), BAD_STYLE)
            return
        path = Path(text).expanduser()
        kind = str(self.kind_box.currentData())
        source = self.source_edit.text().strip()
        d = self.date_edit.date()
        as_of = date(d.year(), d.month(), d.day())
        desk = self.desk

        def work(report: Report) -> Any:
            report(0, 0, path.name)
            return desk.office.import_list(kind, path, source, as_of)

        op = Operation(work)
        op.finished.connect(self._imported)
        op.failed.connect(lambda m: show_message(self.message, self.tr("未导入：{0}").format(m),
                                                 BAD_STYLE))
        op.ended.connect(lambda: self.import_button.setEnabled(True))
        self.import_button.setEnabled(False)
        self._op = op
        self.launch(op)

    def _imported(self, done: Any) -> None:
        self.refresh()
        show_message(self.message, self.tr("已导入 {0}：{1} 条，日期 {2}。").format(
            self.kind_box.currentText(), done.entries, done.as_of.isoformat()), OK_STYLE)
        self.imported.emit(done)

    def reject(self) -> None:
        if self._op is not None and not self._op.is_done:
            return  # its outcome is shown here; the work takes seconds
        super().reject()
