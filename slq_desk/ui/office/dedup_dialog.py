"""查重 across the workspace: run it (an operation; the index makes it a lookup per key), list
every pair of applications sharing an invoice, a contract, a file or an applicant, naming both,
and open either one in the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from slq_desk.desk.service import Desk
from slq_desk.ui import i18n
from slq_desk.ui.operations import Operation, Report
from slq_desk.ui.signing.common import BAD_STYLE, INFO_STYLE, OK_STYLE, message_label, show_message

Launcher = Callable[[Operation], Operation]
PAIR = Qt.ItemDataRole.UserRole + 1


class DedupDialog(QDialog):
    """``open_requested(app_id)`` asks the window to open one application of a pair."""

    open_requested = Signal(str)
    found = Signal(object)  # the duplicates, once a run has ended

    def __init__(self, desk: Desk, launch: Launcher, current: Callable[[], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DedupDialog")
        self.desk = desk
        self.launch = launch
        self.current = current
        self.duplicates: list[Any] = []
        self._op: Operation | None = None
        self.setWindowTitle(self.tr("查重"))
        self.resize(1200, 600)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("在整个工作区（跨政策）查找同一发票、同一合同、同一文件、同一申报单位重复申报；"
                               "每处重复在两份申报上各记一条警告。双击申报编号打开该申报。"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("DedupTable")
        self.table.setAccessibleName(self.tr("重复项"))
        self.table.setHorizontalHeaderLabels([self.tr("类型"), self.tr("申报（在先）"),
                                              self.tr("申报（在后）"), self.tr("重复内容"),
                                              self.tr("说明")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        # The pair and the key in readable widths (a file's SHA-256 is long; the tooltip has
        # it whole); the explanation takes the rest, wrapped.
        for column, width in ((1, 260), (2, 260), (3, 180)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.cellDoubleClicked.connect(self._double_clicked)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.table, 1)
        self.reindex_box = QCheckBox(self.tr("先重建查重索引（字段更正之后）(&X)"), self)
        layout.addWidget(self.reindex_box)
        self.message = message_label(self)
        layout.addWidget(self.message)
        # A rebuild over a province's invoices takes seconds: how far it is, and a way out.
        self.progress = QProgressBar(self)
        self.progress.setObjectName("DedupProgress")
        self.progress.setAccessibleName(self.tr("查重进度"))
        self.progress.hide()
        layout.addWidget(self.progress)
        buttons = QDialogButtonBox(self)
        self.run_button = buttons.addButton(self.tr("运行查重(&R)"), QDialogButtonBox.ButtonRole.ActionRole)
        self.run_button.clicked.connect(self.run)
        self.cancel_button = buttons.addButton(self.tr("取消查重(&C)"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button = buttons.addButton(self.tr("打开另一份申报(&O)"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self.open_other)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._update_buttons()

    def kind_name(self, kind: str) -> str:
        return {"invoice": self.tr("同一发票"), "contract": self.tr("同一合同编号"),
                "contract_deal": self.tr("疑似同一合同"), "file": self.tr("相同文件"),
                "applicant_policies": self.tr("同一单位跨政策申报"),
                "applicant_year": self.tr("同一单位同年两次申报")}.get(kind, kind)

    def run(self) -> None:
        if self._op is not None and not self._op.is_done:
            return
        desk, reindex = self.desk, self.reindex_box.isChecked()

        def work(report: Report) -> Any:
            report(0, 0, "")
            return desk.office.find_duplicates(reindex=reindex, progress=report)

        op = Operation(work)
        op.progress.connect(self._show_progress)
        op.finished.connect(self.show_duplicates)
        op.failed.connect(lambda m: show_message(self.message, self.tr("查重未完成：{0}").format(m),
                                                 BAD_STYLE))
        op.cancelled.connect(lambda: show_message(self.message, self.tr(
            "已取消查重，索引与已有结果保持不变。"), INFO_STYLE))
        op.ended.connect(self._ended)
        self._op = op
        self.run_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first step says how many
        self.progress.show()
        show_message(self.message, self.tr("正在查重…"), INFO_STYLE)
        self._update_buttons()
        self.launch(op)

    def cancel(self) -> None:
        """Stop at the next step; the step's transaction rolls back (nothing half done)."""
        if self._op is not None and not self._op.is_done:
            self._op.cancel()
            self.cancel_button.setEnabled(False)
            show_message(self.message, self.tr("正在取消查重…"), INFO_STYLE)

    def _show_progress(self, done: int, total: int, text: str) -> None:
        from slq_desk.checks import dedup

        if total <= 0:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if text == dedup.INDEX_TEXT:
            shown = self.tr("正在重建查重索引：{0} / {1} 份申报").format(done, total)
        elif text == dedup.FIND_TEXT:
            shown = self.tr("正在比对查重索引…")
        else:
            shown = self.tr("正在记录查重结果…")
        show_message(self.message, shown, INFO_STYLE)

    def _ended(self) -> None:
        self.progress.hide()
        self._update_buttons()

    def show_duplicates(self, duplicates: list[Any]) -> None:
        self.duplicates = list(duplicates)
        self.table.setRowCount(len(self.duplicates))
        for n, d in enumerate(self.duplicates):
            zh, en = d.messages(d.first)
            text = en if i18n.current() == "en" else zh
            values = [self.kind_name(d.kind), f"{d.first}  {d.first_label}",
                      f"{d.second}  {d.second_label}", d.key, text]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setData(PAIR, (d.first, d.second))
                self.table.setItem(n, column, item)
        self.table.resizeRowsToContents()
        if self.duplicates:
            show_message(self.message, self.tr("发现 {0} 处重复，两份申报上均已记为警告。").format(
                len(self.duplicates)), BAD_STYLE)
            self.table.setCurrentCell(0, 1)
        else:
            show_message(self.message, self.tr("未发现重复。"), OK_STYLE)
        self._update_buttons()
        self.found.emit(self.duplicates)

    def pair(self, row: int) -> tuple[str, str] | None:
        item = self.table.item(row, 0)
        value = item.data(PAIR) if item is not None else None
        return (str(value[0]), str(value[1])) if value else None

    def other(self, row: int) -> str | None:
        """The application of the pair that is not open (the later one when neither is)."""
        pair = self.pair(row)
        if pair is None:
            return None
        return pair[0] if self.current() == pair[1] else pair[1]

    def open_other(self) -> None:
        target = self.other(self.table.currentRow())
        if target is not None:
            self.open_requested.emit(target)

    def _double_clicked(self, row: int, column: int) -> None:
        pair = self.pair(row)
        if pair is None:
            return
        target = pair[0] if column == 1 else pair[1] if column == 2 else self.other(row)
        if target is not None:
            self.open_requested.emit(target)

    def _update_buttons(self) -> None:
        busy = self._op is not None and not self._op.is_done
        self.run_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy and not (self._op is not None and self._op.is_cancelled))
        target = self.other(self.table.currentRow()) if self.table.currentRow() >= 0 else None
        self.open_button.setEnabled(target is not None and not busy)
        if target is not None:
            self.open_button.setText(self.tr("打开另一份申报 {0}(&O)").format(target))

    def reject(self) -> None:
        if self._op is not None and not self._op.is_done:
            return  # its outcome is shown here; the work takes seconds
        super().reject()
