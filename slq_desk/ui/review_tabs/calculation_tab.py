"""The 测算 tab: the subsidy with every step and its article, five policies side by side, and a
paragraph a reviewer can read aloud to a panel.

The numbers come from ``review_data.load_calculation`` (the checks' stored trace plus a fresh
computation of the same facts under each shipped policy); nothing is computed here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from slq_desk.money import yuan
from slq_desk.ui import i18n
from slq_desk.ui.review_data import CalculationData, StepRow
from slq_desk.ui.theme import muted_css
from slq_desk.vocabulary import STEP_LABEL_TEXTS, finding_label


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


def table_height(table: QTableWidget, rows: int) -> int:
    """Height that shows the header and ``rows`` rows of ``table``."""
    return (table.horizontalHeader().sizeHint().height()
            + rows * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth())


class CalculationTab(QWidget):
    facts_requested = Signal()  # the 认定事实 dialog, opened by the window

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CalculationTab")
        self.data: CalculationData | None = None
        self.headline = QLabel(self)
        self.headline.setObjectName("subsidy")
        self.headline.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.headline.setWordWrap(True)
        # The blocking findings, beside the amount: a computed figure is not a payable one.
        self.blocking = QLabel(self)
        self.blocking.setObjectName("blocking")
        self.blocking.setWordWrap(True)
        self.blocking.setStyleSheet("color: #c81e1e;")
        self.policy = QLabel(self)
        self.policy.setWordWrap(True)
        self.explanation = QPlainTextEdit(self)
        self.explanation.setObjectName("explanation")
        self.explanation.setReadOnly(True)
        self.explanation.setAccessibleName(self.tr("测算说明（可直接宣读）"))
        self.explanation.setMaximumHeight(130)
        copy = QPushButton(self.tr("复制说明"), self)
        copy.clicked.connect(self.copy_explanation)
        # Facts the documents do not show (申报方向, period, domestic …): facts_actions.py.
        self.facts_button = QPushButton(self.tr("认定事实…"), self)
        self.facts_button.setToolTip(self.tr("人工认定申报方向、服务期限、是否国产等事实 (Ctrl+Shift+F)"))
        self.facts_button.clicked.connect(lambda: self.facts_requested.emit())
        say = QHBoxLayout()
        say.addWidget(QLabel(self.tr("测算说明（可直接宣读）"), self), 1)
        say.addWidget(self.facts_button)
        say.addWidget(copy)
        self.steps = _table([self.tr("步骤"), self.tr("金额"), self.tr("条款"), self.tr("政策原文")], self)
        self.steps.setObjectName("steps")
        self.steps.setAccessibleName(self.tr("计算步骤"))
        header = self.steps.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # In a laptop's narrow dock the stretched 政策原文 column was squeezed until its header
        # read "olicy te": no section narrower than its header (the table scrolls instead).
        titles = [self.steps.horizontalHeaderItem(c) for c in range(4)]
        header.setMinimumSectionSize(max(
            header.fontMetrics().horizontalAdvance(t.text()) + 16 for t in titles if t is not None))
        # One line per step (the quote elided, whole in its tooltip and in the pane below).
        self.steps.setWordWrap(False)
        self.steps.currentCellChanged.connect(lambda row, *_: self._show_step(row))
        # The selected step's articles with the policy's own words, in full.
        self.quote = QLabel(self)
        self.quote.setObjectName("quote")
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Every article the calculation read, each with the policy's quoted words; scrolls.
        self.articles = QPlainTextEdit(self)
        self.articles.setObjectName("articles")
        self.articles.setReadOnly(True)
        self.articles.setAccessibleName(self.tr("引用条款："))
        self.articles.setMaximumHeight(110)
        self.articles.setStyleSheet(muted_css())
        self.compare = _table([self.tr("政策"), self.tr("符合"), self.tr("计补基数"), self.tr("补贴金额"), self.tr("说明")], self)
        self.compare.setObjectName("compare")
        self.compare.setAccessibleName(self.tr("五项政策对照"))
        # One line per policy: the name and the notes elide (whole in their tooltips), so no
        # column is squeezed to one character on a narrow dock.
        self.compare.setWordWrap(False)
        self.compare.setTextElideMode(Qt.TextElideMode.ElideRight)
        compare_header = self.compare.horizontalHeader()
        compare_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.compare.setColumnWidth(0, 110)
        for col in range(1, 4):
            compare_header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        compare_header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        compare_header.setMinimumSectionSize(40)
        self.compare_note = QLabel(self.tr("同一申报读出的事实在五项政策下分别测算，仅供比较；"
                                      "各地材料与认定口径不同，以本申报适用政策为准。"), self)
        self.compare_note.setWordWrap(True)
        self.compare_note.setStyleSheet(muted_css())
        # The tab scrolls as one page: on a 1366×768 laptop the dock is ~600 px tall; the
        # tab's minimum height (~620 px, a long quoted article) pushed the window off the
        # screen, and squeezing seven parts into it left one row of steps and one policy.
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.headline)
        layout.addWidget(self.blocking)
        layout.addWidget(self.policy)
        layout.addLayout(say)
        layout.addWidget(self.explanation)
        layout.addWidget(QLabel(self.tr("计算步骤"), self))
        layout.addWidget(self.steps, 3)
        layout.addWidget(self.quote)
        layout.addWidget(self.articles)
        layout.addWidget(QLabel(self.tr("五项政策对照"), self))
        layout.addWidget(self.compare, 2)
        layout.addWidget(self.compare_note)
        self.steps.setMinimumHeight(table_height(self.steps, 6))
        self.compare.setMinimumHeight(table_height(self.compare, 5))
        page = QScrollArea(self)
        page.setObjectName("CalculationPage")
        page.setWidgetResizable(True)
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(page)

    def set_data(self, data: CalculationData | None) -> None:
        self.data = data
        self.steps.setRowCount(0)
        self.compare.setRowCount(0)
        self.quote.clear()
        self.blocking.clear()
        if data is None:
            self.headline.setText(self.tr("未打开申报。"))
            self.policy.clear()
            self.explanation.clear()
            self.articles.clear()
            return
        if data.subsidy is None:
            self.headline.setText(self.tr("尚无测算结果"))
        elif data.eligible is False:
            self.headline.setText(self.tr("测算补贴 {0}（不符合补贴条件）").format(yuan(data.subsidy)))
        elif data.blocking:
            self.headline.setText(self.tr("测算补贴 {0} — 存在 {1} 项阻断问题，解决前不予补贴")
                                  .format(yuan(data.subsidy), len(data.blocking)))
        else:
            self.headline.setText(self.tr("测算补贴 {0}").format(yuan(data.subsidy)))
        if data.blocking:
            names = dict.fromkeys(i18n.label(finding_label(code)) for code, _ in data.blocking)
            separator = ", " if i18n.current() == "en" else "、"
            self.blocking.setText(self.tr("阻断问题：{0}（见检查清单）").format(separator.join(names)))
            self.blocking.setToolTip("\n".join(message for _, message in data.blocking))
        base = self.tr("计补基数 {0}").format(yuan(data.base)) if data.base is not None else ""
        self.policy.setText(f"{data.policy_name}（{data.policy_id}） {base}")
        english = i18n.current() == "en" and data.explanation_en
        self.explanation.setPlainText(data.explanation_en if english else data.explanation)
        for step in data.steps:
            row = self.steps.rowCount()
            self.steps.insertRow(row)
            quote = "；".join(f"“{q}”" for q in step.quotes)
            self.steps.setItem(row, 0, _cell(self.step_label(step)))
            self.steps.setItem(row, 1, _cell(yuan(step.amount) if step.amount is not None else "", right=True))
            article = _cell(step.article)
            article.setToolTip(quote or step.article)
            self.steps.setItem(row, 2, article)
            self.steps.setItem(row, 3, _cell(quote))
        if data.articles:
            lines = [f"{article}：" + "；".join(f"“{q}”" for q in data.quotes.get(article, ()))
                     if data.quotes.get(article) else article for article in data.articles]
            self.articles.setPlainText(self.tr("引用条款：") + "\n" + "\n".join(lines))
        else:
            self.articles.clear()
        if data.steps:
            self.steps.setCurrentCell(len(data.steps) - 1, 0)
        for outcome in data.compare:
            row = self.compare.rowCount()
            self.compare.insertRow(row)
            own = outcome.own
            name = outcome.label + (self.tr("（本申报）") if own else "")
            self.compare.setItem(row, 0, _cell(name, bold=own))
            self.compare.setItem(row, 1, _cell(self.tr("是") if outcome.eligible else self.tr("否"), bold=own))
            self.compare.setItem(row, 2, _cell(yuan(outcome.base), right=True, bold=own))
            self.compare.setItem(row, 3, _cell(yuan(outcome.subsidy), right=True, bold=own))
            self.compare.setItem(row, 4, _cell(outcome.error or "；".join(outcome.reasons)))

    def step_label(self, step: StepRow) -> str:
        """The step's name in the window's language (the vocabulary's English in English)."""
        words = STEP_LABEL_TEXTS.get(step.name)
        if words is None or i18n.current() != "en":
            return step.label
        # A step whose value is not an amount carries it after the name ("取整后：…").
        _, sep, rest = step.label.partition("：")
        return f"{words.en}: {rest}" if sep else words.en

    def _show_step(self, row: int) -> None:
        if self.data is None or not 0 <= row < len(self.data.steps):
            self.quote.clear()
            return
        step = self.data.steps[row]
        if not step.article:
            self.quote.setText(self.tr("本步骤无条款依据。"))
            return
        quotes = "\n".join(f"“{q}”" for q in step.quotes) or self.tr("（政策数据未载原文）")
        self.quote.setText(self.tr("{0}　依据 {1}：\n{2}").format(self.step_label(step), step.article, quotes))

    def copy_explanation(self) -> None:
        QGuiApplication.clipboard().setText(self.explanation.toPlainText())
