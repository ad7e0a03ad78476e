"""What a 补正 import changed, shown when it ends: files added, replaced (the originals kept) or
unchanged, files refused, the findings the 补正 closed, those that remain and any new ones,
and the computed subsidy before and after."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from slq_desk.office.supplement import FindingState, SupplementResult
from slq_desk.ui.office.common import heading_label, severity_name
from slq_desk.ui.theme import severity_color

COLORS = {"block": QColor(200, 30, 30), "warn": QColor(190, 110, 0), "info": QColor(40, 90, 160)}
CLOSED = QColor(30, 130, 60)  # a finding the 补正 closed is good news, whatever it was


class SupplementReportDialog(QDialog):
    def __init__(self, result: SupplementResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SupplementReport")
        self.outcome = result
        self.setWindowTitle(self.tr("补正导入结果"))
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        self.header = heading_label(self)
        layout.addWidget(self.header)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("SupplementTree")
        self.tree.setAccessibleName(self.tr("补正结果"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("项目"), self.tr("内容")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.setWordWrap(True)
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill()

    def _section(self, title: str, count: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [self.tr("{0}（{1}）").format(title, count), ""])
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        item.setExpanded(True)
        return item

    def _finding(self, parent: QTreeWidgetItem, f: FindingState, mark: str) -> None:
        severity = severity_name(f.severity)
        text = f"{f.message_zh}" + (f"（{f.file}）" if f.file else "")
        item = QTreeWidgetItem(parent, [f"{mark} {severity}", text])
        item.setToolTip(1, f"{f.code}: {text}")
        color = CLOSED if mark == "✓" else COLORS.get(f.severity)
        if color is not None:
            item.setForeground(0, QBrush(severity_color(color)))

    def _fill(self) -> None:
        r = self.outcome
        if not r.created:
            self.header.setText(self.tr("申报 {0}：此补正包已导入过（第 {1} 版），未重复导入。").format(
                r.application_id, r.version))
            self.summary.setText("")
            return
        self.header.setText(self.tr("申报 {0}：补正材料已导入为第 {1} 版，原件保留").format(
            r.application_id, r.version))
        blocking_left = sum(1 for f in [*r.remaining, *r.new] if f.severity == "block")
        self.summary.setText(self.tr(
            "新增 {0} 个文件，替换 {1} 个，未变 {2} 个，拒收 {3} 个；已解决问题 {4} 项，仍存在 {5} 项"
            "（其中阻断 {6} 项），新出现 {7} 项。测算补贴：{8} → {9} 元。").format(
            len(r.added), len(r.replaced), len(r.unchanged), len(r.refused), len(r.closed),
            len(r.remaining), blocking_left, len(r.new), r.subsidy_before or "—",
            r.subsidy_after or "—"))
        files = self._section(self.tr("文件"), len(r.added) + len(r.replaced) + len(r.unchanged)
                              + len(r.refused))
        for name in r.added:
            QTreeWidgetItem(files, [self.tr("+ 新增"), name])
        for old, new in r.replaced:
            QTreeWidgetItem(files, [self.tr("~ 替换"), self.tr("{0} → {1}（原件保留）").format(old, new)])
        for name in r.unchanged:
            QTreeWidgetItem(files, [self.tr("= 未变"), name])
        for name in r.refused:
            QTreeWidgetItem(files, [self.tr("! 拒收"), name])
        closed = self._section(self.tr("补正已解决的问题"), len(r.closed))
        for f in r.closed:
            self._finding(closed, f, "✓")
        remaining = self._section(self.tr("仍存在的问题"), len(r.remaining))
        for f in r.remaining:
            self._finding(remaining, f, "·")
        if r.new:
            fresh = self._section(self.tr("补正后新出现的问题"), len(r.new))
            for f in r.new:
                self._finding(fresh, f, "!")
        self.tree.expandAll()
