"""The 初审 tab of the review dock: the open application's status with its allowed next moves
(one button each), its notices, its manual 查验 and credit records, its 补正 versions and its
status history. It shows data and forwards the person's requests to ``OfficeActions``; the data
comes in one background read (``OfficeData``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from slq_desk.desk.office import StatusInfo
from slq_desk.ui.office.common import open_path, status_name

if TYPE_CHECKING:
    from slq_desk.ui.office.actions import OfficeActions


@dataclass(frozen=True)
class OfficeData:
    status: StatusInfo
    notices: list[dict[str, Any]] = field(default_factory=list)
    checks: dict[str, Any] = field(default_factory=dict)
    versions: list[dict[str, Any]] = field(default_factory=list)


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for n, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(n, column, item)
    table.resizeRowsToContents()
    # Tall enough for what it holds (up to six rows), so the tab scrolls as one page.
    shown = min(len(rows), 6)
    height = (table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 2
              + sum(table.rowHeight(r) for r in range(shown))
              + (table.fontMetrics().lineSpacing() + 8 if not rows else 0)
              + (table.horizontalScrollBar().sizeHint().height() if len(rows) else 0))
    table.setFixedHeight(height)


class OfficeTab(QWidget):
    def __init__(self, office: OfficeActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OfficeTab")
        self.office = office
        self.data: OfficeData | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        self.header = QLabel(body)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.header.font())
        font.setBold(True)
        self.header.setFont(font)
        layout.addWidget(self.header)
        self.status_label = QLabel(body)
        self.status_label.setObjectName("OfficeStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.status_label)
        layout.addWidget(QLabel(self.tr("可转为（点击后写明理由）："), body))
        # A grid, three to a row: the dock is narrow and a status name may be long in English.
        self.moves = QGridLayout()
        self.moves.setContentsMargins(0, 0, 0, 0)
        self.moves_holder = QWidget(body)
        self.moves_holder.setLayout(self.moves)
        self.moves_holder.setAccessibleName(self.tr("可转为的状态"))
        layout.addWidget(self.moves_holder)
        self.move_buttons: dict[str, QPushButton] = {}

        notices = QGroupBox(self.tr("通知书"), body)
        nl = QVBoxLayout(notices)
        self.notices = _table(notices, self.tr("通知书"), [self.tr("文书编号"), self.tr("文书"),
                                                          self.tr("状态"), self.tr("期限")])
        self.notices.setObjectName("OfficeNotices")
        self.notices.cellDoubleClicked.connect(lambda row, _c: self._edit_notice(row))
        self.notices.currentCellChanged.connect(lambda *_: self._update_notice_buttons())
        nl.addWidget(self.notices)
        row = QHBoxLayout()
        self.draft_button = QPushButton(self.tr("起草通知书…"), notices)
        self.draft_button.clicked.connect(lambda: self.office.draft_notice())
        self.edit_button = QPushButton(self.tr("编辑 / 签发…"), notices)
        self.edit_button.clicked.connect(lambda: self._edit_notice(self.notices.currentRow()))
        self.open_file_button = QPushButton(self.tr("打开文件"), notices)
        self.open_file_button.clicked.connect(lambda: self._open_notice(False))
        self.open_folder_button = QPushButton(self.tr("打开文件夹"), notices)
        self.open_folder_button.clicked.connect(lambda: self._open_notice(True))
        for button in (self.draft_button, self.edit_button, self.open_file_button,
                       self.open_folder_button):
            row.addWidget(button)
        row.addStretch(1)
        nl.addLayout(row)
        layout.addWidget(notices)

        checks = QGroupBox(self.tr("发票查验与信用核查"), body)
        cl = QVBoxLayout(checks)
        self.invoices = _table(checks, self.tr("发票查验"), [self.tr("发票"), self.tr("查验结果"),
                                                            self.tr("日期"), self.tr("查验人"),
                                                            self.tr("文件")])
        self.invoices.setObjectName("OfficeInvoiceChecks")
        cl.addWidget(self.invoices)
        self.credit_label = QLabel(checks)
        self.credit_label.setObjectName("OfficeCredit")
        self.credit_label.setWordWrap(True)
        cl.addWidget(self.credit_label)
        row = QHBoxLayout()
        self.record_button = QPushButton(self.tr("记录查验…"), checks)
        self.record_button.clicked.connect(lambda: self.office.record_checks())
        row.addWidget(self.record_button)
        row.addStretch(1)
        cl.addLayout(row)
        layout.addWidget(checks)

        supplement = QGroupBox(self.tr("补正"), body)
        sl = QVBoxLayout(supplement)
        self.versions_label = QLabel(supplement)
        self.versions_label.setObjectName("OfficeVersions")
        self.versions_label.setWordWrap(True)
        sl.addWidget(self.versions_label)
        row = QHBoxLayout()
        self.supplement_folder_button = QPushButton(self.tr("导入补正文件夹…"), supplement)
        self.supplement_folder_button.clicked.connect(lambda: self.office.import_supplement(folder=True))
        self.supplement_zip_button = QPushButton(self.tr("导入补正包（.zip）…"), supplement)
        self.supplement_zip_button.clicked.connect(lambda: self.office.import_supplement(folder=False))
        row.addWidget(self.supplement_folder_button)
        row.addWidget(self.supplement_zip_button)
        row.addStretch(1)
        sl.addLayout(row)
        layout.addWidget(supplement)

        history = QGroupBox(self.tr("状态记录"), body)
        hl = QVBoxLayout(history)
        self.history_label = QLabel(history)
        self.history_label.setObjectName("OfficeHistory")
        self.history_label.setWordWrap(True)
        self.history_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hl.addWidget(self.history_label)
        layout.addWidget(history)
        layout.addStretch(1)
        self.set_data(None)

    # --- showing --------------------------------------------------------------------------------

    def set_data(self, data: OfficeData | None) -> None:
        self.data = data
        for button in self.move_buttons.values():
            self.moves.removeWidget(button)
            button.hide()  # deleted later; hidden now, so it is never drawn under the new ones
            button.deleteLater()
        self.move_buttons = {}
        enabled = data is not None
        for widget in (self.draft_button, self.record_button, self.supplement_folder_button,
                       self.supplement_zip_button):
            widget.setEnabled(enabled)
        if data is None:
            self.header.setText(self.tr("请先在左侧打开一份申报。"))
            self.status_label.setText("")
            _fill(self.notices, [])
            _fill(self.invoices, [])
            self.credit_label.setText("")
            self.versions_label.setText("")
            self.history_label.setText("")
            self._update_notice_buttons()
            return
        st = data.status
        self.header.setText(self.tr("申报 {0} · {1} · {2}").format(st.application_id, st.applicant,
                                                                   st.policy))
        self.status_label.setText(self.tr("状态：<b>{0}</b> · 未解决的阻断问题 {1} 项").format(
            status_name(st.status), st.blocking))
        for code in st.allowed:
            button = QPushButton(status_name(code), self.moves_holder)
            button.setToolTip(self.tr("把申报转为“{0}”（写明理由）").format(status_name(code)))
            button.setAccessibleName(self.tr("转为{0}").format(status_name(code)))
            button.clicked.connect(lambda _c=False, c=code: self.office.move_status(c))
            n = len(self.move_buttons)
            self.moves.addWidget(button, n // 3, n % 3)
            self.move_buttons[code] = button
        if not st.allowed:
            done = QPushButton(self.tr("终态，不能再更改"), self.moves_holder)
            done.setEnabled(False)
            self.moves.addWidget(done, 0, 0)
            self.move_buttons[""] = done
        titles = {"supplement": self.tr("补正材料通知书"), "acceptance": self.tr("受理通知书"),
                  "rejection": self.tr("不予受理通知书")}
        states = {"draft": self.tr("草稿"), "signed": self.tr("已签发")}
        _fill(self.notices, [[n["number"], titles.get(n["kind"], n["title"]),
                              states.get(n["status"], n["status"])
                              + (f"（{n['signer']}）" if n.get("signer") else ""),
                              n["deadline"] or ""] for n in data.notices])
        results = {"一致": self.tr("一致"), "不一致": self.tr("不一致"), "查无此票": self.tr("查无此票"),
                   "无失信记录": self.tr("无失信记录"), "有失信记录": self.tr("有失信记录"),
                   "未查到": self.tr("未查到")}
        _fill(self.invoices, [[i["invoice"] or "—",
                               results.get(i["result"], i["result"]) if i["result"] else self.tr("未查验"),
                               i["checked_on"] or "", i["checked_by"] or "", i["file"]]
                              for i in data.checks.get("invoices", [])])
        credit = data.checks.get("credit")
        if credit:
            self.credit_label.setText(self.tr("信用核查：{0}（{1}，{2}）{3}").format(
                results.get(credit["result"], credit["result"]), credit["checked_on"],
                credit["checked_by"], credit["note"] or ""))
        else:
            self.credit_label.setText(self.tr("信用核查：尚未记录"))
        if len(data.versions) <= 1:
            self.versions_label.setText(self.tr("仅原始申报包，尚无补正。"))
        else:
            lines = []
            for v in data.versions[1:]:
                ch = v["changes"] or {}
                lines.append(self.tr("第 {0} 版 {1}：新增 {2}，替换 {3}，已解决 {4}，仍存在 {5}").format(
                    v["version"], v["package"], len(ch.get("added", [])),
                    len(ch.get("replaced", [])), len(ch.get("closed", [])),
                    len(ch.get("remaining", []))))
            self.versions_label.setText("\n".join(lines))
        if st.history:
            self.history_label.setText("\n".join(
                self.tr("{0}  {1} → {2}  {3}：{4}").format(
                    h["at"][:16].replace("T", " "), status_name(h["from"] or ""),
                    status_name(h["to"] or ""), h["by"], h["reason"])
                + (self.tr("（越过 {0} 项）").format(len(h["override"])) if h["override"] else "")
                for h in st.history))
        else:
            self.history_label.setText(self.tr("尚无状态变更。"))
        self._update_notice_buttons()

    def _notice(self, row: int) -> dict[str, Any] | None:
        if self.data is None or not 0 <= row < len(self.data.notices):
            return None
        return self.data.notices[row]

    def _update_notice_buttons(self) -> None:
        notice = self._notice(self.notices.currentRow())
        self.edit_button.setEnabled(notice is not None)
        has_file = notice is not None and bool(notice.get("file"))
        self.open_file_button.setEnabled(has_file)
        self.open_folder_button.setEnabled(has_file)

    def _edit_notice(self, row: int) -> None:
        notice = self._notice(row)
        if notice is not None:
            self.office.open_notice(int(notice["id"]))

    def _open_notice(self, folder: bool) -> None:
        notice = self._notice(self.notices.currentRow())
        if notice is not None and notice.get("file"):
            path = Path(notice["file"])
            open_path(path.parent if folder else path)
