"""审计日志: the workspace's hash-chained audit log, filtered by actor, action, application and
Beijing date range, with a button that runs the same check as ``slq-desk audit verify`` (the
chain walk and its comparison with the workspace's checkpoints) and shows the verdict.

Reads go through ``Desk.audit_log`` / ``Desk.verify_audit_anchored`` (Qt-free); the check runs
as an operation (a long log takes a while to walk). Times are shown in Beijing time; the stored
times stay UTC.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from slq_desk.clock import now_beijing, to_beijing
from slq_desk.desk.overview import AuditFilter, AuditRow
from slq_desk.desk.service import Desk
from slq_desk.errors import SlqError, localised
from slq_desk.ui import i18n
from slq_desk.ui.operations import Operation
from slq_desk.ui.theme import error_color, muted_css, ok_color
from slq_desk.vocabulary import AUDIT_GROUP_LABELS, audit_action_label, audit_entity_label

LIMIT = 2000


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    item.setToolTip(text)
    return item


def _compact(value: Any) -> str:
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class AuditViewer(QWidget):
    """``AuditViewer(desk)``; ``apply_filters()``, ``verify()``; ``set_desk`` on a new workspace."""

    def __init__(self, desk: Desk | None, parent: QWidget | None = None, *,
                 run_sync: bool = False) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("AuditViewer")
        self.run_sync = run_sync
        self.desk: Desk | None = None
        self.rows: list[AuditRow] = []
        self.verdict_ok: bool | None = None
        self._op: Operation | None = None
        self.setWindowTitle(self.tr("审计日志"))
        self.resize(1100, 720)
        self._build()
        self.set_desk(desk)

    def _build(self) -> None:
        self.actor = QComboBox(self)
        self.actor.setEditable(True)
        self.actor.setObjectName("AuditActor")
        self.actor.setAccessibleName(self.tr("操作人"))
        self.action = QComboBox(self)  # labels shown, codes kept as the items' data
        self.action.setObjectName("AuditAction")
        self.action.setAccessibleName(self.tr("操作"))
        self.application = QLineEdit(self)
        self.application.setObjectName("AuditApplication")
        self.application.setAccessibleName(self.tr("申报编号"))
        self.application.setPlaceholderText(self.tr("全部申报"))
        self.application.setClearButtonEnabled(True)
        today = QDate.fromString(now_beijing().date().isoformat(), Qt.DateFormat.ISODate)
        self.use_since = QCheckBox(self.tr("自(&S)"), self)
        self.since = QDateEdit(today.addDays(-30), self)
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setAccessibleName(self.tr("起始日期"))
        self.use_until = QCheckBox(self.tr("至(&U)"), self)
        self.until = QDateEdit(today, self)
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.until.setAccessibleName(self.tr("结束日期"))
        for check, edit in ((self.use_since, self.since), (self.use_until, self.until)):
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
        self.query_button = QPushButton(self.tr("查询(&Q)"), self)
        self.query_button.setObjectName("AuditQuery")
        self.query_button.setDefault(True)
        self.query_button.clicked.connect(self.apply_filters)
        self.clear_button = QPushButton(self.tr("清除筛选(&C)"), self)
        self.clear_button.clicked.connect(self.clear_filters)
        self.application.returnPressed.connect(self.apply_filters)
        line = self.actor.lineEdit()
        if line is not None:
            line.returnPressed.connect(self.apply_filters)
        self.action.activated.connect(lambda _i: self.apply_filters())

        form = QFormLayout()
        actor_label = QLabel(self.tr("操作人(&A)："), self)
        actor_label.setBuddy(self.actor)
        action_label = QLabel(self.tr("操作(&O)："), self)
        action_label.setBuddy(self.action)
        app_label = QLabel(self.tr("申报(&P)："), self)
        app_label.setBuddy(self.application)
        form.addRow(actor_label, self.actor)
        form.addRow(action_label, self.action)
        form.addRow(app_label, self.application)
        dates = QHBoxLayout()
        dates.addWidget(self.use_since)
        dates.addWidget(self.since)
        dates.addWidget(self.use_until)
        dates.addWidget(self.until)
        dates.addStretch(1)
        dates.addWidget(self.clear_button)
        dates.addWidget(self.query_button)
        form.addRow(self.tr("日期（北京时间）："), dates)

        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("AuditTable")
        self.table.setAccessibleName(self.tr("审计事件"))
        self.table.setHorizontalHeaderLabels([
            self.tr("序号"), self.tr("时间（北京时间）"), self.tr("操作人"), self.tr("操作"),
            self.tr("对象"), self.tr("申报")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_detail(row))
        self.detail = QPlainTextEdit(self)
        self.detail.setObjectName("AuditDetail")
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("事件详情"))
        self.detail.setPlaceholderText(self.tr("选择一条事件查看修改前后的内容。"))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)

        self.count = QLabel(self)
        self.count.setStyleSheet(muted_css())
        self.verify_button = QPushButton(self.tr("核验审计链(&V)"), self)
        self.verify_button.setObjectName("AuditVerify")
        self.verify_button.setToolTip(self.tr("与 slq-desk audit verify 相同：逐条核对哈希链，并与工作区的检查点比对"))
        self.verify_button.clicked.connect(self.verify)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("AuditVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        foot = QHBoxLayout()
        foot.addWidget(self.count, 1)
        foot.addWidget(self.verify_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        layout.addLayout(foot)
        layout.addWidget(self.verdict)
        QShortcut(QKeySequence.StandardKey.Refresh, self).activated.connect(self.apply_filters)
        QShortcut(QKeySequence.StandardKey.Close, self).activated.connect(self.close)

    # --- data -------------------------------------------------------------------------------

    def set_desk(self, desk: Desk | None) -> None:
        """Show another workspace's log (or none): filters and verdict start afresh."""
        self.desk = desk
        self.verdict_ok = None
        self.verdict.clear()
        self.detail.clear()
        self.application.clear()
        for combo in (self.actor, self.action):
            combo.clear()
        self.use_since.setChecked(False)
        self.use_until.setChecked(False)
        self.verify_button.setEnabled(desk is not None)
        self.query_button.setEnabled(desk is not None)
        if desk is not None:
            try:
                actors, actions = desk.audit_filter_choices()
            except SlqError:
                actors, actions = [], []
            self.actor.addItem("")
            self.actor.addItems(actors)
            self.action.addItem(self.tr("全部操作"), "")
            for prefix in sorted({a.split(".", 1)[0] for a in actions if "." in a}):
                group = AUDIT_GROUP_LABELS.get(prefix)
                self.action.addItem(self.tr("{0}类（全部）").format(
                    i18n.label(group) if group else prefix), prefix + ".")
            for code in actions:
                self.action.addItem(i18n.label(audit_action_label(code)), code)
            self.actor.setCurrentIndex(0)
            self.action.setCurrentIndex(0)
        self.apply_filters()

    def filters(self) -> AuditFilter:
        def day(edit: QDateEdit) -> Any:
            from datetime import date

            return date.fromisoformat(edit.date().toString(Qt.DateFormat.ISODate))

        return AuditFilter(actor=self.actor.currentText().strip(),
                           action=str(self.action.currentData() or ""),
                           application_id=self.application.text().strip(),
                           since=day(self.since) if self.use_since.isChecked() else None,
                           until=day(self.until) if self.use_until.isChecked() else None)

    def show_application(self, application_id: str) -> None:
        """Filter to one application's events."""
        self.application.setText(application_id)
        self.apply_filters()

    def set_action(self, code: str) -> bool:
        """Choose an action (or a group, "review.") in the filter; False if the log has none."""
        index = self.action.findData(code)
        if index < 0:
            return False
        self.action.setCurrentIndex(index)
        return True

    def clear_filters(self) -> None:
        self.actor.setCurrentText("")
        self.action.setCurrentIndex(0)
        self.application.clear()
        self.use_since.setChecked(False)
        self.use_until.setChecked(False)
        self.apply_filters()

    def apply_filters(self) -> None:
        self.table.setRowCount(0)
        self.detail.clear()
        self.rows = []
        if self.desk is None:
            self.count.setText(self.tr("未打开工作区。"))
            return
        try:
            self.rows = self.desk.audit_log(self.filters(), LIMIT)
        except SlqError as err:
            self.count.setText(localised(err, i18n.current() != "en"))
            return
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            when = to_beijing(row.at).strftime("%Y-%m-%d %H:%M:%S")
            cells = [str(row.seq), when, row.actor, i18n.label(audit_action_label(row.action)),
                     f"{i18n.label(audit_entity_label(row.entity))} {row.entity_id}",
                     row.application_id or ""]
            for c, text in enumerate(cells):
                item = _item(text)
                if c == 3:
                    item.setToolTip(row.action)  # the code, for a script or a bug report
                    item.setData(Qt.ItemDataRole.UserRole, row.action)
                self.table.setItem(r, c, item)
        more = self.tr("（只显示最新的 {0} 条）").format(LIMIT) if len(self.rows) >= LIMIT else ""
        self.count.setText(self.tr("{0} 条事件").format(len(self.rows)) + more)

    def _show_detail(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            self.detail.clear()
            return
        ev = self.rows[row]
        lines = [self.tr("修改前：{0}").format(_compact(ev.before) or "—"),
                 self.tr("修改后：{0}").format(_compact(ev.after) or "—")]
        self.detail.setPlainText("\n".join(lines))

    # --- audit verify ---------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self._op is not None and not self._op.is_done

    def verify(self) -> None:
        if self.desk is None or self.is_busy():
            return
        desk = self.desk
        self.verify_button.setEnabled(False)
        self.verdict.setStyleSheet("")
        self.verdict.setText(self.tr("正在核验审计链…"))
        op = Operation(lambda _report: desk.verify_audit_anchored([]), self)
        op.finished.connect(lambda result: self._show_verdict(desk, result))
        op.failed.connect(self._verify_failed)
        op.ended.connect(lambda: self.verify_button.setEnabled(self.desk is not None))
        self._op = op
        op.launch(self.run_sync)

    def _chain_reason(self, reason: str) -> str:
        """``audit.verify``'s English reason in the interface's language."""
        if i18n.current() == "en":
            return reason
        if reason.startswith("event ") and "is missing" in reason:
            return self.tr("有事件缺失")
        if reason.startswith("does not follow"):
            return self.tr("与前一条事件不衔接（被删除或重排）")
        if reason.startswith("content changed"):
            return self.tr("记录后内容被改动")
        return reason

    def _verify_failed(self, message: str) -> None:
        self.verdict_ok = False
        self.verdict.setStyleSheet(f"color: {error_color()};")
        self.verdict.setText(self.tr("无法核验：{0}").format(message))

    def _show_verdict(self, desk: Desk, result: Any) -> None:
        if desk is not self.desk:
            return  # the workspace changed while the chain was walked
        report, anchored = result
        english = i18n.current() == "en"
        lines: list[str] = []
        if report.ok:
            lines.append(self.tr("✔ 审计链完整：{0} 条事件").format(report.events))
        else:
            lines.append(self.tr("✘ 审计链断裂：第 {0} 条事件（{1}）").format(
                report.broken_seq, self._chain_reason(report.reason)))
        for problem in anchored.problems:
            zh, sep, en = problem.message.partition(" / ")
            lines.append("✘ " + (en if english and sep else zh))
        if anchored.checked:
            lines.append(self.tr("已与 {0} 个检查点比对（最新为第 {1} 条）").format(
                anchored.checked, anchored.newest))
        else:
            lines.append(self.tr("注意：没有可比对的检查点，无法发现尾部截断"))
        if anchored.other_keys:
            lines.append(self.tr("注意：{0} 个检查点由他人的密钥生成，本机无法核验").format(
                anchored.other_keys))
        ok = bool(report.ok and anchored.ok)
        self.verdict_ok = ok
        self.verdict.setStyleSheet(f"color: {ok_color() if ok else error_color()};")
        self.verdict.setText("\n".join(lines))

    def closeEvent(self, event: Any) -> None:
        if self.is_busy():
            self._op.done.wait(30)  # type: ignore[union-attr]
        super().closeEvent(event)
