"""The panel chair's view: import signed opinions, aggregate, calibrate, rank, simulate, export.

One widget over the core's panel functions (``slq_desk.panel``): every figure shown is the
core's Decimal, formatted for display; budgets and cut-offs are typed as text and read with
``D()`` (never a float spin box). Importing (verification of every file) and exporting (the
signed 评审结果汇总表) run as background operations (``ui/operations.py``); aggregation and
ranking are read-only and quick and run on the GUI thread when asked. Every read and write goes
through the desk service (``Desk``), never the database directly. Charts are the core's SVG
(``panel.charts``) shown with QtSvg.

The panel process of issue 16 (the draw, kits and pledges, 复核, the 综合意见 and the 评审报告,
公示 and 异议) lives in its own tab modules beside this one (``draw_page``, ``kits_page``,
``flags_page``, ``report_page``, ``publicity_page``), inserted in the order a panel runs.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from slq_desk.desk.service import Desk
from slq_desk.errors import BadInput
from slq_desk.money import MoneyError, fmt_grouped
from slq_desk.ui import i18n
from slq_desk.ui.operations import Operation
from slq_desk.ui.panel.widgets import OpenButtons
from slq_desk.ui.signing import signing_ops
from slq_desk.ui.signing.common import (
    BAD_STYLE,
    INFO_STYLE,
    OK_STYLE,
    DecimalField,
    ask_passphrase,
    message_label,
    parse_decimal_list,
    show_message,
)
from slq_desk.ui.theme import muted_qcolor, row_tint_light, themed_tint, tint_text
from slq_desk.vocabulary import METRIC_LABELS, Label, bilingual
from slq_desk.workspace import Workspace

# Qt Linguist (pyside6-lupdate) finds the strings by the name `translate("Context", "…")`.
translate = QCoreApplication.translate

# Row tints by meaning, as their light-theme colours; a dark theme shows their dark counterparts
# (theme.themed_tint) when a table is filled.
ALERT_BG = row_tint_light("bad")
MAIN_BG = row_tint_light("ok")
RESERVE_BG = row_tint_light("info")




def _item(text: Any, tip: str = "", right: bool = False) -> QTableWidgetItem:
    it = QTableWidgetItem("" if text is None else str(text))
    it.setFlags(it.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if tip:
        it.setToolTip(tip)
    if right:
        it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return it


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers), parent)
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setAlternatingRowColors(False)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    t.setTabKeyNavigation(False)
    return t


def _fill_row(table: QTableWidget, row: int, cells: list[QTableWidgetItem],
              bg: QColor | None = None, muted: bool = False) -> None:
    """``bg`` is a row tint (ALERT_BG, MAIN_BG, RESERVE_BG); ``muted`` greys the text of a row
    that no longer counts. Colours follow the theme."""
    for col, cell in enumerate(cells):
        if bg is not None:
            cell.setBackground(QBrush(themed_tint(bg)))
            if not muted:
                cell.setForeground(QBrush(tint_text()))
        if muted:
            cell.setForeground(QBrush(muted_qcolor()))
        table.setItem(row, col, cell)


def _svg_widget(parent: QWidget) -> QSvgWidget:
    w = QSvgWidget(parent)
    w.setMinimumSize(320, 160)
    # QtSvg (SVG Tiny) does not fill the charts' width='100%' background rectangle, so the
    # widget paints the white page itself.
    w.setAutoFillBackground(True)
    pal = w.palette()
    pal.setColor(w.backgroundRole(), QColor("white"))
    w.setPalette(pal)
    return w


def _load_svg(widget: QSvgWidget, svg: str) -> None:
    widget.load(QByteArray(svg.encode("utf-8")))
    size = widget.renderer().defaultSize()
    widget.setFixedSize(size)


METHODS = [("mean", "均值"), ("median", "中位数"), ("trimmed_mean", "截尾均值（≥5 位专家时去掉最高最低）"),
           ("drop_high_low", "去掉一个最高分和一个最低分")]
MODES = [(None, "按政策规定"), ("rank", "按排名"), ("first_come", "先到先得"), ("scaled", "等比例核减")]


class PanelView(QWidget):
    """``PanelView(workspace, parent=None)``: the chair's whole panel workflow in tabs."""

    imported = Signal(object)  # CollectReport
    exported = Signal(object)  # list[Written]

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *,
                 ask: Callable[[str], str | None] | None = None, run_sync: bool = False) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.desk = Desk(workspace)
        self.run_sync = run_sync
        self.agg: Any = None
        self.cands: list[Any] = []
        self.plist: Any = None
        self.sim: Any = None
        self.last_report: Any = None
        self.written: list[Any] = []
        self._op: Operation | None = None
        self._bridge = signing_ops.PromptBridge(ask or (lambda label: ask_passphrase(self, label)),
                                            self)
        self._bridge.notified.connect(lambda m: show_message(
            self.export_message, m.split(" No OS keyring")[0], INFO_STYLE))
        self.setAcceptDrops(True)
        self.setWindowTitle(translate("PanelView", "评审组汇总"))
        self._build()
        stored = self.method_box.findData(self.desk.panel_settings().method)
        if stored > 0:  # the panel's stored method is where the menu starts
            self.method_box.blockSignals(True)
            self.method_box.setCurrentIndex(stored)
            self.method_box.blockSignals(False)
        self.refresh()

    # --- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.method_box = QComboBox(self)
        # Literal translate() calls, so lupdate sees each method's name.
        shown = {"mean": translate("PanelView", "均值"),
                 "median": translate("PanelView", "中位数"),
                 "trimmed_mean": translate("PanelView", "截尾均值（≥5 位专家时去掉最高最低）"),
                 "drop_high_low": translate("PanelView", "去掉一个最高分和一个最低分")}
        for key, label in METHODS:
            self.method_box.addItem(shown.get(key, label), key)
        self.method_box.setAccessibleName(translate("PanelView", "汇总方法"))
        self.normalise_box = QCheckBox(translate("PanelView", "按专家 z 分数标准化(&Z)"), self)
        self.policy_box = QComboBox(self)
        self.policy_box.setAccessibleName(translate("PanelView", "政策"))
        self.refresh_button = QPushButton(translate("PanelView", "重新汇总(&U)"), self)
        self.refresh_button.clicked.connect(self.refresh)
        mlabel = QLabel(translate("PanelView", "汇总方法(&A)："), self)
        mlabel.setBuddy(self.method_box)
        plabel = QLabel(translate("PanelView", "政策(&P)："), self)
        plabel.setBuddy(self.policy_box)
        for w in (mlabel, self.method_box, self.normalise_box, plabel, self.policy_box):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        layout.addLayout(bar)
        self.method_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.normalise_box.toggled.connect(lambda _b: self.refresh())
        self.policy_box.currentIndexChanged.connect(lambda _i: self._policy_changed())

        # The method as every output prints it (issue 16: named on the view and on outputs).
        self.method_note = QLabel(self)
        self.method_note.setAccessibleName(translate("PanelView", "当前汇总方法"))
        layout.addWidget(self.method_note)
        self.message = message_label(self)
        layout.addWidget(self.message)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)

        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self._build_import_tab()
        self._build_scores_tab()
        self._build_calibration_tab()
        self._build_ranking_tab()
        self._build_simulation_tab()
        self._build_export_tab()
        self._add_process_pages()
        QShortcut(QKeySequence("F5"), self).activated.connect(self.refresh)
        for n in range(min(self.tabs.count(), 9)):
            QShortcut(QKeySequence(f"Alt+{n + 1}"), self).activated.connect(
                lambda n=n: self.tabs.setCurrentIndex(n))

    def _build_import_tab(self) -> None:
        page = QWidget(self)
        v = QVBoxLayout(page)
        row = QHBoxLayout()
        self.import_folder_button = QPushButton(translate("PanelView", "导入文件夹(&F)…"), page)
        self.import_folder_button.clicked.connect(self._choose_import_folder)
        self.import_zip_button = QPushButton(translate("PanelView", "导入 zip(&Z)…"), page)
        self.import_zip_button.clicked.connect(self._choose_import_zip)
        row.addWidget(self.import_folder_button)
        row.addWidget(self.import_zip_button)
        hint = QLabel(translate("PanelView", "也可把签名的意见 PDF、文件夹或 .zip 拖放到此窗口。每个文件都先核验签名。"), page)
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        v.addLayout(row)
        self.import_summary = message_label(page)
        v.addWidget(self.import_summary)
        split = QSplitter(Qt.Orientation.Vertical, page)
        box1 = QGroupBox(translate("PanelView", "本次导入结果"), split)
        b1 = QVBoxLayout(box1)
        self.import_table = _table(box1, [translate("PanelView", "文件"), translate("PanelView", "结果"), translate("PanelView", "申报"), translate("PanelView", "评审专家"),
                                          translate("PanelView", "总分"), translate("PanelView", "说明")])
        b1.addWidget(self.import_table)
        box2 = QGroupBox(translate("PanelView", "已导入的专家意见"), split)
        b2 = QVBoxLayout(box2)
        self.opinions_table = _table(box2, [translate("PanelView", "申报"), translate("PanelView", "评审专家"), translate("PanelView", "总分"), translate("PanelView", "意见"),
                                            translate("PanelView", "状态"), translate("PanelView", "本工作区"), translate("PanelView", "签署时间"), "SHA-256",
                                            translate("PanelView", "提示")])
        b2.addWidget(self.opinions_table)
        split.addWidget(box1)
        split.addWidget(box2)
        split.addWidget(self._build_roster_box(split))
        v.addWidget(split, 1)
        self.import_page = page
        self.tabs.addTab(page, translate("PanelView", "意见导入"))

    def _build_roster_box(self, parent: QWidget) -> QGroupBox:
        """The roster: whose certificate may sign opinions here (the core's panel.roster)."""
        box = QGroupBox(translate("PanelView", "评审组名册（按证书识别评审专家）"), parent)
        v = QVBoxLayout(box)
        row = QHBoxLayout()
        self.roster_name = QLineEdit(box)
        self.roster_name.setPlaceholderText(translate("PanelView", "成员姓名"))
        self.roster_name.setAccessibleName(translate("PanelView", "成员姓名"))
        self.roster_add_button = QPushButton(translate("PanelView", "登记证书(&C)…"), box)
        self.roster_add_button.clicked.connect(self._choose_roster_certificate)
        row.addWidget(self.roster_name)
        row.addWidget(self.roster_add_button)
        row.addStretch(1)
        v.addLayout(row)
        self.roster_message = message_label(box)
        v.addWidget(self.roster_message)
        self.roster_table = _table(box, [translate("PanelView", "成员"), translate("PanelView", "单位"),
                                         translate("PanelView", "有效至"), translate("PanelView", "证书指纹 SHA-256")])
        v.addWidget(self.roster_table)
        return box

    def _fill_roster(self) -> None:
        from slq_desk.opinion.layout import fingerprint_text
        from slq_desk.panel.roster import list_members

        members = list_members(self.workspace)
        self.roster_table.setRowCount(len(members))
        for row, m in enumerate(members):
            until = m.not_after.date().isoformat() if m.not_after else "—"
            _fill_row(self.roster_table, row, [
                _item(m.name), _item(m.organisation or "—"), _item(until),
                _item(fingerprint_text(m.cert_sha256), m.subject)])
        if not members:
            show_message(self.roster_message, translate(
                "PanelView", "名册为空：导入时以证书姓名核对评审专家。建议登记每位成员的证书。"),
                INFO_STYLE)

    def _choose_roster_certificate(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, translate("PanelView", "选择成员的证书"), "",
            translate("PanelView", "证书 (*.pem *.crt *.cer *.der)"))
        if path:
            self.add_roster_certificate(self.roster_name.text(), Path(path))

    def add_roster_certificate(self, name: str, path: Path) -> bool:
        """Register ``path`` as ``name``'s certificate; a refusal is shown, never raised."""
        from slq_desk.panel.roster import add_member

        try:
            member = add_member(self.workspace, name, path)
        except BadInput as err:
            show_message(self.roster_message, str(err), BAD_STYLE)
            return False
        self.roster_name.clear()
        self._fill_roster()
        show_message(self.roster_message, translate("PanelView", "已登记 {name} 的证书。").format(
            name=member.name), OK_STYLE)
        return True

    def _build_scores_tab(self) -> None:
        page = QWidget(self)
        v = QVBoxLayout(page)
        self.alert_summary = message_label(page)
        v.addWidget(self.alert_summary)
        self.scores_table = _table(page, [translate("PanelView", "申报"), translate("PanelView", "专家数"), translate("PanelView", "综合得分"), translate("PanelView", "均值"),
                                          translate("PanelView", "中位数"), translate("PanelView", "截尾均值"), translate("PanelView", "标准差"), translate("PanelView", "极差"),
                                          translate("PanelView", "分歧提示")])
        v.addWidget(self.scores_table, 1)
        self.tabs.addTab(page, translate("PanelView", "汇总评分"))

    def _build_calibration_tab(self) -> None:
        page = QWidget(self)
        v = QVBoxLayout(page)
        self.calibration_chart = _svg_widget(page)
        scroll = QScrollArea(page)
        scroll.setWidget(self.calibration_chart)
        scroll.setWidgetResizable(False)
        v.addWidget(scroll, 2)
        self.calibration_table = _table(page, [translate("PanelView", "评审专家"), translate("PanelView", "评审数"), translate("PanelView", "平均分"),
                                               translate("PanelView", "标准差"), translate("PanelView", "评审组平均"), translate("PanelView", "偏差")])
        self.calibration_table.horizontalHeader().setStretchLastSection(False)
        v.addWidget(self.calibration_table, 1)
        self.tabs.addTab(page, translate("PanelView", "打分校准"))

    def _build_ranking_tab(self) -> None:
        page = QWidget(self)
        v = QVBoxLayout(page)
        form = QHBoxLayout()
        self.budget_edit = DecimalField(translate("PanelView", "按政策资金池"), parent=page)
        self.budget_edit.setAccessibleName(translate("PanelView", "预算（元）"))
        self.cutoff_edit = DecimalField(translate("PanelView", "按评分表合格线"), score=True, parent=page)
        self.cutoff_edit.setAccessibleName(translate("PanelView", "分数线"))
        self.no_cutoff_box = QCheckBox(translate("PanelView", "不设分数线"), page)
        self.mode_box = QComboBox(page)
        for key, label in MODES:
            self.mode_box.addItem(translate("PanelView", label), key)
        self.rank_button = QPushButton(translate("PanelView", "排名并分配(&R)"), page)
        self.rank_button.clicked.connect(self.rank)
        self.budget_edit.returnPressed.connect(self.rank)
        self.cutoff_edit.returnPressed.connect(self.rank)
        for label, w in [(translate("PanelView", "预算（元）(&B)："), self.budget_edit),
                         (translate("PanelView", "分数线(&C)："), self.cutoff_edit)]:
            lab = QLabel(label, page)
            lab.setBuddy(w)
            form.addWidget(lab)
            form.addWidget(w)
        form.addWidget(self.no_cutoff_box)
        mlab = QLabel(translate("PanelView", "分配方式(&O)："), page)
        mlab.setBuddy(self.mode_box)
        form.addWidget(mlab)
        form.addWidget(self.mode_box)
        form.addWidget(self.rank_button)
        v.addLayout(form)
        self.rank_message = message_label(page)
        v.addWidget(self.rank_message)
        self.rank_table = _table(page, [translate("PanelView", "排名"), translate("PanelView", "申报"), translate("PanelView", "申报单位"), translate("PanelView", "综合得分"),
                                        translate("PanelView", "名单"), translate("PanelView", "建议金额（元）"), translate("PanelView", "拨付金额（元）"),
                                        translate("PanelView", "分歧"), translate("PanelView", "并列判定"), translate("PanelView", "说明")])
        v.addWidget(self.rank_table, 1)
        self.rank_totals = QLabel(page)
        v.addWidget(self.rank_totals)
        self.tabs.addTab(page, translate("PanelView", "排名与名单"))

    def _build_simulation_tab(self) -> None:
        page = QWidget(self)
        v = QVBoxLayout(page)
        form = QFormLayout()
        self.sim_budgets = QLineEdit(page)
        self.sim_budgets.setPlaceholderText(translate("PanelView", "例如：500000, 700000, 900000（元，逗号分隔）"))
        self.sim_cutoffs = QLineEdit(page)
        self.sim_cutoffs.setPlaceholderText(translate("PanelView", "可选，例如：60, 70（“无”表示不设分数线）"))
        for label, w in [(translate("PanelView", "预算方案(&G)："), self.sim_budgets),
                         (translate("PanelView", "分数线方案(&K)："), self.sim_cutoffs)]:
            lab = QLabel(label, page)
            lab.setBuddy(w)
            form.addRow(lab, w)
        self.simulate_button = QPushButton(translate("PanelView", "模拟(&M)"), page)
        self.simulate_button.clicked.connect(self.simulate)
        self.sim_budgets.returnPressed.connect(self.simulate)
        self.sim_cutoffs.returnPressed.connect(self.simulate)
        form.addRow("", self.simulate_button)
        v.addLayout(form)
        self.sim_message = message_label(page)
        v.addWidget(self.sim_message)
        split = QSplitter(Qt.Orientation.Vertical, page)
        self.sim_table = _table(split, [translate("PanelView", "预算（元）"), translate("PanelView", "分数线"), translate("PanelView", "正选"), translate("PanelView", "备选"),
                                        translate("PanelView", "拨付合计（元）"), translate("PanelView", "进入正选"), translate("PanelView", "移出正选")])
        split.addWidget(self.sim_table)
        self.sim_chart = _svg_widget(split)
        scroll = QScrollArea(split)
        scroll.setWidget(self.sim_chart)
        scroll.setMinimumHeight(340)  # the whole chart (320 px) without scrolling
        split.addWidget(scroll)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        v.addWidget(split, 1)
        self.tabs.addTab(page, translate("PanelView", "预算模拟"))

    def _build_export_tab(self) -> None:
        page = QWidget(self)
        v = QVBoxLayout(page)
        note = QLabel(translate("PanelView", "导出当前排名与名单（“排名与名单”页的预算、分数线与分配方式）：\n"
                         "评审结果汇总表 PDF（签名）、名单 CSV/XLSX、评分明细 CSV/JSON。"), page)
        note.setWordWrap(True)
        v.addWidget(note)
        form = QFormLayout()
        row = QHBoxLayout()
        self.export_dir = QLineEdit(page)
        self.export_dir.setText(str(self.workspace.path / "panel-exports"))
        self.export_browse = QPushButton(translate("PanelView", "浏览(&W)…"), page)
        self.export_browse.clicked.connect(self._choose_export_dir)
        row.addWidget(self.export_dir, 1)
        row.addWidget(self.export_browse)
        lab = QLabel(translate("PanelView", "导出到文件夹(&D)："), page)
        lab.setBuddy(self.export_dir)
        form.addRow(lab, row)
        self.chair_edit = QLineEdit(page)
        self.chair_edit.setPlaceholderText(translate("PanelView", "默认：签名证书中的姓名"))
        clab = QLabel(translate("PanelView", "评审组长(&H)："), page)
        clab.setBuddy(self.chair_edit)
        form.addRow(clab, self.chair_edit)
        self.draft_box = QCheckBox(translate("PanelView", "草稿（不签名）"), page)
        self.replace_box = QCheckBox(translate("PanelView", "覆盖已有文件"), page)
        form.addRow("", self.draft_box)
        form.addRow("", self.replace_box)
        self.export_button = QPushButton(translate("PanelView", "导出(&X)"), page)
        self.export_button.clicked.connect(self.export)
        form.addRow("", self.export_button)
        v.addLayout(form)
        self.export_message = message_label(page)
        v.addWidget(self.export_message)
        self.export_table = _table(page, [translate("PanelView", "文件"), translate("PanelView", "签名"), "SHA-256"])
        self.export_table.itemSelectionChanged.connect(self._export_selected)
        v.addWidget(self.export_table, 1)
        self.export_open = OpenButtons(page)
        v.addWidget(self.export_open)
        self.tabs.addTab(page, translate("PanelView", "导出"))

    # --- data ---------------------------------------------------------------------------------

    def settings(self) -> Any:
        """The workspace's panel settings with the method and normalisation chosen here."""
        return self.desk.panel_settings(self.method_box.currentData(),
                                        self.normalise_box.isChecked())

    def refresh(self) -> None:
        """Re-read opinions, aggregate, and rank with the current inputs."""
        from slq_desk.panel.rank_allocate import default_cut_off

        self._fill_opinions()
        self._fill_roster()
        self.method_note.setText(translate("PanelView", "汇总方法：{0}（打印在汇总表、综合意见、评审报告、公示名单上）").format(
            self.settings().method_label))
        self.agg, self.cands = None, []
        try:
            self.agg, self.cands = self.desk.panel_rank(self.settings())
        except BadInput as err:
            show_message(self.message, str(err), INFO_STYLE)
        else:
            show_message(self.message, "", OK_STYLE)
        if self.agg is not None and not self.cutoff_edit.text() \
                and not self.no_cutoff_box.isChecked():
            cut = default_cut_off(self.agg)
            if cut is not None:
                self.cutoff_edit.setText(str(cut))
        self._fill_policies()
        self._fill_scores()
        self._fill_calibration()
        if self.cands:
            self.rank()
        else:
            self.rank_table.setRowCount(0)
            self.rank_totals.setText("")
        if self.tabs.currentWidget() in (self.report_page, self.publicity_page):
            self._page_shown()  # their notes name the method now chosen

    def _fill_policies(self) -> None:
        current = self.policy_box.currentData()
        policies = sorted({c.policy_id for c in self.cands})
        self.policy_box.blockSignals(True)
        self.policy_box.clear()
        for p in policies:
            self.policy_box.addItem(p, p)
        if current in policies:
            self.policy_box.setCurrentIndex(policies.index(current))
        self.policy_box.setEnabled(len(policies) > 1)
        self.policy_box.blockSignals(False)

    def _policy_changed(self) -> None:
        if self.cands:
            self.rank()

    def _fill_opinions(self) -> None:
        rows = [(o.application_id, o.reviewer, o.total, o.recommendation, o.status, o.held,
                 o.signed_at, o.sha256, list(o.warnings))
                for o in self.desk.panel_opinions()]
        t = self.opinions_table
        t.setRowCount(len(rows))
        for i, (app_id, reviewer, total, rec, status, is_held, signed_at, sha, warns) in \
                enumerate(rows):
            state = translate("PanelView", "有效") if status == "active" else translate("PanelView", "已被更新的意见取代")
            cells = [_item(app_id), _item(reviewer), _item(total or "—", right=True),
                     _item(rec or "—"), _item(state),
                     _item(translate("PanelView", "有") if is_held else translate("PanelView", "无此申报")),
                     _item(signed_at.isoformat(" ", "seconds") if signed_at else "—"),
                     _item(sha[:16] + "…", sha), _item("；".join(warns), "\n".join(warns))]
            muted = status != "active"
            bg = RESERVE_BG if not is_held else None
            _fill_row(t, i, cells, bg, muted=muted)

    def _fill_scores(self) -> None:
        from slq_desk.review.aggregate import quantum, round_for_display

        t = self.scores_table
        if self.agg is None:
            t.setRowCount(0)
            show_message(self.alert_summary, "", INFO_STYLE)
            return
        q = quantum(self.agg.settings.places)

        def r(v: Decimal | None) -> str:
            return "—" if v is None else str(round_for_display(v, q))

        results = self.agg.results
        t.setRowCount(len(results))
        for i, a in enumerate(results):
            st = a.total
            total_label = translate("PanelView", "总分")
            alerts = "；".join(
                f"{total_label if al.scope == 'total' else self._criterion_name(al.scope)} "
                f"{i18n.label(METRIC_LABELS.get(al.metric, Label(al.metric, al.metric)))} "
                f"{r(al.value)} ≥ {al.threshold}" for al in a.alerts)
            tip = "\n".join(i18n.label(bilingual(al.message)) for al in a.alerts)
            cells = [_item(a.application_id, ", ".join(a.reviewers)), _item(st.n, right=True),
                     _item(r(a.score), right=True), _item(r(st.mean), right=True),
                     _item(r(st.median), right=True),
                     _item(r(st.trimmed_mean) + ("" if st.trimmed else "*"),
                           "" if st.trimmed else translate("PanelView", "专家不足 5 位，未去掉最高最低分"), right=True),
                     _item(r(st.stdev), right=True), _item(str(st.range), right=True),
                     _item(("⚠ " + alerts) if alerts else "", tip)]
            _fill_row(t, i, cells, ALERT_BG if a.alerts else None)
        n_alert = sum(1 for a in results if a.alerts)
        if n_alert:
            show_message(self.alert_summary, translate(
                "PanelView", "分歧提示：{0} 个申报的专家评分分歧较大（红色行），建议增加一名评审或组织讨论。"
            ).format(n_alert), BAD_STYLE)
        else:
            show_message(self.alert_summary, translate("PanelView", "没有分歧提示。"), OK_STYLE)

    def _criterion_name(self, key: str) -> str:
        info = self.agg.criteria.get(key) if self.agg is not None else None
        return info.name if info is not None else key

    def _fill_calibration(self) -> None:
        from slq_desk.panel.charts import calibration_svg
        from slq_desk.review.aggregate import quantum, round_for_display

        t = self.calibration_table
        if self.agg is None:
            t.setRowCount(0)
            self.calibration_chart.load(QByteArray())
            return
        q = quantum(self.agg.settings.places)
        rows = self.agg.calibration
        t.setRowCount(len(rows))
        for i, c in enumerate(rows):
            cells = [_item(c.reviewer), _item(c.n, right=True),
                     _item(round_for_display(c.mean, q), right=True),
                     _item("—" if c.stdev is None else round_for_display(c.stdev, q), right=True),
                     _item(round_for_display(c.panel_mean, q), right=True),
                     _item(f"{round_for_display(c.offset, q):+}", right=True)]
            _fill_row(t, i, cells)
        _load_svg(self.calibration_chart, calibration_svg(rows))

    # --- ranking and simulation ---------------------------------------------------------------

    def _inputs(self) -> tuple[Decimal | None, Decimal | None, str | None]:
        try:
            budget = self.budget_edit.decimal()
        except MoneyError:
            raise BadInput(translate("PanelView", "预算不是有效金额：{0}").format(self.budget_edit.text())) from None
        if budget is not None and budget != budget.quantize(Decimal("0.01")):
            raise BadInput(translate("PanelView", "预算须精确到分：{0}").format(self.budget_edit.text()))
        if self.no_cutoff_box.isChecked():
            cut = None
        else:
            try:
                cut = self.cutoff_edit.decimal()
            except MoneyError:
                raise BadInput(translate("PanelView", "分数线不是有效数字：{0}").format(self.cutoff_edit.text())) from None
        return budget, cut, self.mode_box.currentData()

    def rank(self) -> None:
        from slq_desk.panel.rank_allocate import (
            LIST_LABELS,
            describe_tie_break,
            rank_and_allocate,
        )
        from slq_desk.review.aggregate import quantum, round_for_display

        self.plist = None
        try:
            budget, cut, mode = self._inputs()
            self.plist = rank_and_allocate(self.cands, budget=budget, mode=mode, cut_off=cut,
                                           policy_id=self.policy_box.currentData())
        except BadInput as err:
            if self.budget_edit.text().strip() == "" and "pool" in str(err):
                # The policy leaves the pool to the year's notice: ask for it, no alarm.
                show_message(self.rank_message, translate("PanelView", "该政策未规定资金池：请在“预算（元）”中填写本年度"
                                                   "资金池金额，再按“排名并分配”。"), INFO_STYLE)
            else:
                show_message(self.rank_message, str(err), BAD_STYLE)
            self.rank_table.setRowCount(0)
            self.rank_totals.setText("")
            return
        show_message(self.rank_message, "", OK_STYLE)
        pl = self.plist
        q = quantum(2)
        t = self.rank_table
        t.setRowCount(len(pl.entries))
        for i, e in enumerate(pl.entries):
            c = e.candidate
            how = describe_tie_break(e.decided_by) + (translate("PanelView", " 并列未决") if e.unresolved else "")
            cells = [_item(e.rank, right=True), _item(c.application_id), _item(c.applicant_name),
                     _item(round_for_display(c.score, q), right=True),
                     _item(translate("PanelView", LIST_LABELS[e.status])),
                     _item(fmt_grouped(c.amount), right=True),
                     _item(fmt_grouped(e.granted), right=True),
                     _item(f"⚠ {c.alerts}" if c.alerts else ""), _item(how),
                     _item(i18n.label(bilingual(e.reason)), e.reason)]
            bg = {"main": MAIN_BG, "reserve": RESERVE_BG}.get(e.status)
            _fill_row(t, i, cells, bg, muted=e.status == "out")
        cut_text = str(pl.cut_off) if pl.cut_off is not None else translate("PanelView", "无")
        counts = (len(pl.of("main")), len(pl.of("reserve")), len(pl.of("out")))
        if pl.pool is None:
            totals = translate("PanelView", "政策 {0}　资金池 不限　分数线 {1}　正选 {2}，备选 {3}，"
                                            "未入选 {4}；拨付合计 {5}").format(
                pl.policy_id, cut_text, *counts, fmt_grouped(pl.granted))
        else:
            totals = translate("PanelView", "政策 {0}　资金池 {1}　分数线 {2}　正选 {3}，备选 {4}，"
                                            "未入选 {5}；拨付合计 {6}，余额 {7}").format(
                pl.policy_id, fmt_grouped(pl.pool), cut_text, *counts, fmt_grouped(pl.granted),
                fmt_grouped(pl.pool - pl.granted))
        self.rank_totals.setText(totals)

    def simulate(self) -> None:
        from slq_desk.panel.charts import simulation_svg
        from slq_desk.panel.simulate import simulate

        self.sim = None
        try:
            if not self.cands:
                raise BadInput(translate("PanelView", "没有可排序的申报：请先导入签名的专家意见。"))
            budgets = parse_decimal_list(self.sim_budgets.text(), translate("PanelView", "预算方案"))
            cut_offs = parse_decimal_list(self.sim_cutoffs.text(), translate("PanelView", "分数线方案"))
            if not budgets and not cut_offs:
                raise BadInput(translate("PanelView", "请填写至少一个预算方案或分数线方案。"))
            base_budget, base_cut, mode = self._inputs()
            self.sim = simulate(self.cands, budgets=budgets or None, cut_offs=cut_offs or None,
                                base_budget=base_budget, base_cut_off=base_cut, mode=mode,
                                policy_id=self.policy_box.currentData())
        except BadInput as err:
            show_message(self.sim_message, str(err), BAD_STYLE)
            self.sim_table.setRowCount(0)
            return
        base = self.sim.baseline
        show_message(self.sim_message, translate("PanelView", "基准：预算 {0}，分数线 {1}，正选 {2}，拨付 {3}").format(
            translate("PanelView", "不限") if base.pool is None else fmt_grouped(base.pool),
            str(base.cut_off) if base.cut_off is not None else translate("PanelView", "无"),
            len(base.of("main")), fmt_grouped(base.granted)), INFO_STYLE)
        t = self.sim_table
        t.setRowCount(len(self.sim.scenarios))
        for i, sc in enumerate(self.sim.scenarios):
            r = sc.result
            moved = bool(sc.moved_in or sc.moved_out)
            cells = [_item(translate("PanelView", "不限") if sc.budget is None else fmt_grouped(sc.budget), right=True),
                     _item(translate("PanelView", "无") if sc.cut_off is None else str(sc.cut_off), right=True),
                     _item(len(r.of("main")), right=True), _item(len(r.of("reserve")), right=True),
                     _item(fmt_grouped(r.granted), right=True),
                     _item("、".join(sc.moved_in) or "—", "\n".join(sc.moved_in)),
                     _item("、".join(sc.moved_out) or "—", "\n".join(sc.moved_out))]
            _fill_row(t, i, cells, RESERVE_BG if moved else None)
        _load_svg(self.sim_chart, simulation_svg(self.sim))

    # --- import -------------------------------------------------------------------------------

    def _choose_import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, translate("PanelView", "选择签名意见所在文件夹"))
        if path:
            self.import_path(Path(path))

    def _choose_import_zip(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("PanelView", "选择签名意见 zip"), "",
                                              translate("PanelView", "zip 压缩包 (*.zip);;PDF 文件 (*.pdf)"))
        if path:
            self.import_path(Path(path))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        if paths:
            self.import_path(paths[0])

    def is_busy(self) -> bool:
        return self._op is not None and not self._op.is_done

    def _start(self, op: Operation) -> None:
        self._op = op
        self.progress.show()
        for w in (self.import_folder_button, self.import_zip_button, self.export_button):
            w.setEnabled(False)
        op.ended.connect(self._finished)
        op.launch(self.run_sync)

    def _finished(self) -> None:
        self.progress.hide()
        for w in (self.import_folder_button, self.import_zip_button, self.export_button):
            w.setEnabled(True)

    def import_path(self, path: Path) -> None:
        if self.is_busy():
            return
        self.tabs.setCurrentWidget(self.import_page)
        op = signing_ops.import_opinions_op(self.desk, path)
        op.progress.connect(lambda _d, _t, text: show_message(self.import_summary, text, INFO_STYLE))
        op.finished.connect(self._imported)
        op.failed.connect(lambda m: show_message(self.import_summary, translate("PanelView", "未导入：{0}").format(m), BAD_STYLE))
        self._start(op)

    def _imported(self, report: Any) -> None:
        self.last_report = report
        rows: list[tuple[list[QTableWidgetItem], QColor | None]] = []
        for o in report.imported:
            notes = [] if o.held else [translate("PanelView", "本工作区无此申报")]
            if o.status != "active":
                notes.append(translate("PanelView", "已被更新的意见取代"))
            elif o.replaced:
                notes.append(translate("PanelView", "取代了较早的意见"))
            notes += list(o.warnings)
            rows.append(([_item(o.name), _item(translate("PanelView", "已导入")), _item(o.application_id),
                          _item(o.reviewer), _item(o.total or "—", right=True),
                          _item("；".join(notes), "\n".join(notes))],
                         None if o.held else RESERVE_BG))
        for name, digest in report.already:
            rows.append(([_item(name), _item(translate("PanelView", "已导入过")), _item(""), _item(""), _item(""),
                          _item(digest[:16] + "…", digest)], None))
        for r in report.refused:
            rows.append(([_item(r.name), _item(translate("PanelView", "拒绝")), _item(""), _item(""), _item(""),
                          _item("；".join(r.reasons), "\n".join(r.reasons))], ALERT_BG))
        t = self.import_table
        t.setRowCount(len(rows))
        for i, (cells, bg) in enumerate(rows):
            _fill_row(t, i, cells, bg)
        text = translate("PanelView", "导入 {0} 份，拒绝 {1} 份，重复 {2} 份，本工作区无对应申报 {3} 份。").format(
            len(report.imported), len(report.refused), len(report.already), len(report.not_held))
        show_message(self.import_summary, text, BAD_STYLE if report.refused else OK_STYLE)
        self.refresh()
        self.imported.emit(report)

    # --- export -------------------------------------------------------------------------------

    def _choose_export_dir(self) -> None:
        path = QFileDialog.getExistingDirectory(self, translate("PanelView", "选择导出文件夹"), self.export_dir.text())
        if path:
            self.export_dir.setText(path)

    def export(self) -> None:
        if self.is_busy():
            return
        try:
            if self.plist is None:
                raise BadInput(translate("PanelView", "还没有名单：请先在“排名与名单”页完成排名。"))
            text = self.export_dir.text().strip()
            if not text:
                raise BadInput(translate("PanelView", "请选择导出文件夹。"))
            out_dir = Path(text).expanduser()
            if out_dir.exists() and not out_dir.is_dir():
                raise BadInput(translate("PanelView", "导出位置不是文件夹：{0}").format(out_dir))
            budget, cut, mode = self._inputs()
        except BadInput as err:
            show_message(self.export_message, str(err), BAD_STYLE)
            return
        # The inputs shown now; the desk aggregates and ranks again inside the export's own
        # transaction, so the files match the data they were made from.
        inputs = signing_ops.ExportInputs(self.settings(), budget, cut, mode,
                                          self.policy_box.currentData())
        op = signing_ops.panel_export_op(self.desk, out_dir, inputs, self._bridge,
                                         self._bridge.notify, draft=self.draft_box.isChecked(),
                                         replace=self.replace_box.isChecked(),
                                         chair=self.chair_edit.text().strip() or None)
        op.progress.connect(lambda _d, _t, text: show_message(self.export_message, text, INFO_STYLE))
        op.finished.connect(self._exported)
        op.cancelled.connect(lambda: show_message(
            self.export_message, translate("PanelView", "已取消，未导出。"), BAD_STYLE))
        op.failed.connect(lambda m: show_message(self.export_message, translate("PanelView", "未导出：{0}").format(m), BAD_STYLE))
        self._start(op)

    def _exported(self, written: list[Any]) -> None:
        self.written = written
        t = self.export_table
        t.setRowCount(len(written))
        for i, w in enumerate(written):
            _fill_row(t, i, [_item(str(w.path)), _item(translate("PanelView", "已签名") if w.signed else ""),
                             _item(w.sha256, w.sha256)])
        show_message(self.export_message, translate("PanelView", "已导出 {0} 个文件到 {1}").format(
            len(written), written[0].path.parent if written else ""), OK_STYLE)
        self.export_open.set_path(written[0].path if written else None)
        self.exported.emit(written)

    def _export_selected(self) -> None:
        rows = self.export_table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.written):
            self.export_open.set_path(self.written[rows[0].row()].path)

    # --- the panel process (issue 16): pages in their own modules ------------------------------

    def _add_process_pages(self) -> None:
        """抽取专家 and 评审包与承诺书 before the import, 复核 after it, 综合意见与评审报告
        before the export, 公示与异议 last: the tabs in the order a panel runs."""
        from slq_desk.ui.panel.draw_page import DrawPage
        from slq_desk.ui.panel.flags_page import FlagsPage
        from slq_desk.ui.panel.kits_page import KitsPage
        from slq_desk.ui.panel.publicity_page import PublicityPage
        from slq_desk.ui.panel.report_page import ReportPage

        self.draw_page = DrawPage(self)
        self.kits_page = KitsPage(self)
        self.flags_page = FlagsPage(self)
        self.report_page = ReportPage(self)
        self.publicity_page = PublicityPage(self)
        self.tabs.insertTab(0, self.draw_page, translate("PanelView", "抽取专家"))
        self.tabs.insertTab(1, self.kits_page, translate("PanelView", "评审包与承诺书"))
        self.tabs.insertTab(self.tabs.indexOf(self.import_page) + 1, self.flags_page,
                            translate("PanelView", "复核"))
        self.tabs.insertTab(self.tabs.count() - 1, self.report_page,
                            translate("PanelView", "综合意见与评审报告"))
        self.tabs.addTab(self.publicity_page, translate("PanelView", "公示与异议"))
        self.tabs.setCurrentWidget(self.import_page)
        self.tabs.currentChanged.connect(lambda _i: self._page_shown())

    def _page_shown(self) -> None:
        """A process page reads its state when shown (the 复核 page raises new flags then)."""
        page = self.tabs.currentWidget()
        if page in (self.kits_page, self.flags_page, self.report_page, self.publicity_page):
            page.load()
        elif page is self.draw_page:
            self.draw_page.load()

    def show_page(self, page: QWidget) -> None:
        self.tabs.setCurrentWidget(page)
