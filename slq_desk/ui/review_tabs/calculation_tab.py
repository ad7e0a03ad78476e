"""The 测算 tab: the subsidy with every step and its article, five policies side by side, and a
paragraph a reviewer can read aloud to a panel.

The numbers come from ``review_data.load_calculation`` (the checks' stored trace plus a fresh
computation of the same facts under each shipped policy); nothing is computed here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from slq_desk.money import fmt
from slq_desk.ui.review_data import CalculationData
from slq_desk.ui.theme import muted_css


def _table(headers: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    return table


def _cell(text: str, right: bool = False, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
    return item


class CalculationTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CalculationTab")
        self.data: CalculationData | None = None
        self.headline = QLabel(self)
        self.headline.setObjectName("subsidy")
        self.headline.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.headline.setWordWrap(True)
        self.policy = QLabel(self)
        self.policy.setWordWrap(True)
        self.explanation = QPlainTextEdit(self)
        self.explanation.setObjectName("explanation")
        self.explanation.setReadOnly(True)
        self.explanation.setAccessibleName(self.tr("测算说明（可直接宣读）"))
        self.explanation.setMaximumHeight(130)
        copy = QPushButton(self.tr("复制说明"), self)
        copy.clicked.connect(self.copy_explanation)
        say = QHBoxLayout()
        say.addWidget(QLabel(self.tr("测算说明（可直接宣读）"), self), 1)
        say.addWidget(copy)
        self.steps = _table([self.tr("步骤"), self.tr("金额（元）"), self.tr("条款")], self)
        self.steps.setObjectName("steps")
        self.steps.setAccessibleName(self.tr("计算步骤"))
        self.steps.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.steps.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.steps.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.articles = QLabel(self)
        self.articles.setWordWrap(True)
        self.articles.setStyleSheet(muted_css())
        self.compare = _table([self.tr("政策"), self.tr("符合"), self.tr("计补基数"), self.tr("补贴金额"), self.tr("说明")], self)
        self.compare.setObjectName("compare")
        self.compare.setAccessibleName(self.tr("五项政策对照"))
        for col in range(4):
            self.compare.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.compare.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.compare_note = QLabel(self.tr("同一申报读出的事实在五项政策下分别测算，仅供比较；"
                                      "各地材料与认定口径不同，以本申报适用政策为准。"), self)
        self.compare_note.setWordWrap(True)
        self.compare_note.setStyleSheet(muted_css())
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.policy)
        layout.addLayout(say)
        layout.addWidget(self.explanation)
        layout.addWidget(QLabel(self.tr("计算步骤"), self))
        layout.addWidget(self.steps, 3)
        layout.addWidget(self.articles)
        layout.addWidget(QLabel(self.tr("五项政策对照"), self))
        layout.addWidget(self.compare, 2)
        layout.addWidget(self.compare_note)

    def set_data(self, data: CalculationData | None) -> None:
        self.data = data
        self.steps.setRowCount(0)
        self.compare.setRowCount(0)
        if data is None:
            self.headline.setText(self.tr("未打开申报。"))
            self.policy.clear()
            self.explanation.clear()
            self.articles.clear()
            return
        if data.subsidy is None:
            self.headline.setText(self.tr("尚无测算结果"))
        elif data.eligible is False:
            self.headline.setText(self.tr("测算补贴 {0} 元（不符合补贴条件）").format(fmt(data.subsidy)))
        else:
            self.headline.setText(self.tr("测算补贴 {0} 元").format(fmt(data.subsidy)))
        base = self.tr("计补基数 {0} 元").format(fmt(data.base)) if data.base is not None else ""
        self.policy.setText(f"{data.policy_name}（{data.policy_id}） {base}")
        self.explanation.setPlainText(data.explanation)
        for step in data.steps:
            row = self.steps.rowCount()
            self.steps.insertRow(row)
            self.steps.setItem(row, 0, _cell(step.label))
            self.steps.setItem(row, 1, _cell(fmt(step.amount) if step.amount is not None else "", right=True))
            self.steps.setItem(row, 2, _cell(step.article))
        self.articles.setText(self.tr("引用条款：{0}").format("；".join(data.articles)) if data.articles else "")
        for outcome in data.compare:
            row = self.compare.rowCount()
            self.compare.insertRow(row)
            own = outcome.own
            name = outcome.label + (self.tr("（本申报）") if own else "")
            self.compare.setItem(row, 0, _cell(name, bold=own))
            self.compare.setItem(row, 1, _cell(self.tr("是") if outcome.eligible else self.tr("否"), bold=own))
            self.compare.setItem(row, 2, _cell(fmt(outcome.base), right=True, bold=own))
            self.compare.setItem(row, 3, _cell(fmt(outcome.subsidy), right=True, bold=own))
            self.compare.setItem(row, 4, _cell(outcome.error or "；".join(outcome.reasons)))
        self.compare.resizeRowsToContents()

    def copy_explanation(self) -> None:
        QGuiApplication.clipboard().setText(self.explanation.toPlainText())
