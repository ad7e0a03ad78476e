"""工作概况: where the workspace's work stands — counts by policy and status, what is blocked
and by which finding, what waits for whom.

One read of ``Desk.dashboard()`` (Qt-free) per refresh, shown in three tables; double-clicking
an application opens it in the window (``open_requested``). The window keeps it in a dock and
refreshes it when it is shown, after imports and checks, and when the workspace changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from slq_desk.clock import to_beijing
from slq_desk.desk.overview import Dashboard
from slq_desk.desk.queue import policy_label
from slq_desk.desk.service import Desk
from slq_desk.errors import SlqError, localised
from slq_desk.ui import i18n
from slq_desk.ui.theme import muted_css
from slq_desk.vocabulary import STATUS_LABELS, finding_label

# The statuses as columns, in workflow order.
STATUS_ORDER = tuple(STATUS_LABELS)
APP_ROLE = Qt.ItemDataRole.UserRole + 1


def _item(text: str, app_id: str | None = None, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    item.setToolTip(text)
    if app_id is not None:
        item.setData(APP_ROLE, app_id)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class DashboardView(QWidget):
    open_requested = Signal(str)  # an application id the person wants to open

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DashboardView")
        self.desk: Desk | None = None
        self.data: Dashboard | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("DashboardSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.refresh_button = QPushButton(self.tr("刷新(&U)"), self)
        self.refresh_button.clicked.connect(self.refresh)
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.refresh_button)

        self.counts = _table(self, "DashboardCounts", [])
        self.counts.setAccessibleName(self.tr("按政策与状态统计"))
        self.blocked = _table(self, "DashboardBlocked", [
            self.tr("申报"), self.tr("申报单位"), self.tr("政策"), self.tr("状态"),
            self.tr("阻断性问题")])
        self.blocked.setAccessibleName(self.tr("受阻的申报"))
        self.waiting = _table(self, "DashboardWaiting", [
            self.tr("申报"), self.tr("申报单位"), self.tr("状态"), self.tr("等待"),
            self.tr("自（北京时间）"), self.tr("期限")])
        self.waiting.setAccessibleName(self.tr("待办：等待谁"))
        for table in (self.blocked, self.waiting):
            table.cellActivated.connect(lambda row, _c, t=table: self._open(t, row))
            table.cellDoubleClicked.connect(lambda row, _c, t=table: self._open(t, row))

        def titled(title: str, widget: QWidget) -> QWidget:
            box = QWidget(self)
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            label = QLabel(title, box)
            label.setStyleSheet("font-weight: bold;")
            label.setBuddy(widget)
            lay.addWidget(label)
            lay.addWidget(widget, 1)
            return box

        self.blocked_title = self.tr("受阻：有阻断性问题的申报（双击打开）")
        self.waiting_title = self.tr("待办：每份申报在等待谁（双击打开）")
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(titled(self.tr("按政策与状态统计"), self.counts))
        split.addWidget(titled(self.blocked_title, self.blocked))
        split.addWidget(titled(self.waiting_title, self.waiting))
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 3)
        self.note = QLabel(self)
        self.note.setStyleSheet(muted_css())
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(split, 1)
        layout.addWidget(self.note)
        self.set_desk(None)

    def waiting_label(self, code: str) -> str:
        return {"official": self.tr("初审经办人"), "applicant": self.tr("申报单位（补正）"),
                "experts": self.tr("评审专家"), "chair": self.tr("评审组组长"),
                "finance": self.tr("财政兑付")}.get(code, code)

    def set_desk(self, desk: Desk | None) -> None:
        self.desk = desk
        self.refresh()

    def refresh(self) -> None:
        for table in (self.counts, self.blocked, self.waiting):
            table.setRowCount(0)
        self.data = None
        if self.desk is None:
            self.summary.setText(self.tr("未打开工作区。"))
            self.note.setText("")
            return
        try:
            data = self.desk.dashboard()
        except SlqError as err:
            self.summary.setText(localised(err, i18n.current() != "en"))
            return
        self.data = data
        self._fill(data)

    def _fill(self, d: Dashboard) -> None:
        blocked_n = len(d.blocked)
        waiting_n = len(d.waiting)
        self.summary.setText(self.tr("共 {0} 份申报 · 受阻 {1} 份 · 待办 {2} 份").format(
            d.total, blocked_n, waiting_n))
        statuses = [s for s in STATUS_ORDER if d.by_status.get(s)]
        statuses += sorted(s for s in d.by_status if s not in STATUS_ORDER)
        self.counts.setColumnCount(len(statuses) + 2)
        self.counts.setHorizontalHeaderLabels(
            [self.tr("政策")] + [i18n.label(STATUS_LABELS[s]) if s in STATUS_LABELS else s
                                 for s in statuses] + [self.tr("合计")])
        policies = sorted(d.by_policy)
        self.counts.setRowCount(len(policies) + 1)
        for r, policy in enumerate(policies):
            self.counts.setItem(r, 0, _item(policy_label(policy)))
            for c, status in enumerate(statuses, 1):
                n = d.by_policy_status.get((policy, status), 0)
                self.counts.setItem(r, c, _item(str(n) if n else "", right=True))
            self.counts.setItem(r, len(statuses) + 1, _item(str(d.by_policy[policy]), right=True))
        last = len(policies)
        self.counts.setItem(last, 0, _item(self.tr("合计")))
        for c, status in enumerate(statuses, 1):
            self.counts.setItem(last, c, _item(str(d.by_status[status]), right=True))
        self.counts.setItem(last, len(statuses) + 1, _item(str(d.total), right=True))

        sep = ", " if i18n.current() == "en" else "、"
        self.blocked.setRowCount(blocked_n)
        for r, b in enumerate(d.blocked):
            findings = sep.join(
                i18n.label(finding_label(code)) + (f" ×{n}" if n > 1 else "")
                for code, n in b.findings)
            cells = [b.application_id, b.applicant, policy_label(b.policy_id),
                     i18n.label(STATUS_LABELS[b.status]) if b.status in STATUS_LABELS else b.status,
                     findings]
            for c, text in enumerate(cells):
                self.blocked.setItem(r, c, _item(text, b.application_id))

        self.waiting.setRowCount(waiting_n)
        for r, w in enumerate(d.waiting):
            who = self.waiting_label(w.waiting_for)
            if w.who:
                who += self.tr("：{0}").format(sep.join(w.who))
            since = to_beijing(w.since).strftime("%Y-%m-%d %H:%M") if w.since else ""
            cells = [w.application_id, w.applicant,
                     i18n.label(STATUS_LABELS[w.status]) if w.status in STATUS_LABELS else w.status,
                     who, since, w.deadline or ""]
            for c, text in enumerate(cells):
                self.waiting.setItem(r, c, _item(text, w.application_id))
        top = d.blocking_codes[:3]
        self.note.setText(self.tr("最常见的阻断性问题：{0}").format(sep.join(
            self.tr("{0}（{1} 份）").format(i18n.label(finding_label(code)), n) for code, n in top))
            if top else self.tr("没有受阻的申报。"))

    def _open(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        app_id = item.data(APP_ROLE) if item is not None else None
        if isinstance(app_id, str):
            self.open_requested.emit(app_id)
