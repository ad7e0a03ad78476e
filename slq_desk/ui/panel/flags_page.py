"""The chair's 复核 tab: the flags raised on the imported opinions (畸高畸低 per criterion, ±30%
deviation from the mean, arithmetic errors, out-of-range scores; thresholds from the panel
settings) per application and expert, the 复核 request sent for each, and its resolution — the
expert's written explanation or a revised, newly signed opinion (imported as an operation; the
flagged one is kept, superseded).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from slq_desk.desk.panel_process import FlagRow
from slq_desk.ui.operations import Report
from slq_desk.ui.panel.widgets import (
    ALERT_BG,
    INFO_BG,
    OpenButtons,
    ProcessPage,
    beijing,
    fill_row,
    item,
    table,
)
from slq_desk.ui.signing.common import BAD_STYLE, INFO_STYLE, OK_STYLE, message_label, show_message


class FlagsPage(ProcessPage):
    """``FlagsPage(view)``: list, request 复核, resolve."""

    resolved = Signal(object)  # Resolution

    def __init__(self, view: Any) -> None:
        super().__init__(view)
        self.rows: list[FlagRow] = []
        v = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = message_label(self)
        self.check_button = QPushButton(self.tr("重新检查(&R)"), self)
        self.check_button.clicked.connect(self.load)
        top.addWidget(self.summary, 1)
        top.addWidget(self.check_button)
        v.addLayout(top)
        self.flags_table = table(self, [
            "#", self.tr("申报"), self.tr("专家"), self.tr("类型"), self.tr("评分项"),
            self.tr("分值"), self.tr("参照"), self.tr("状态"), self.tr("复核通知"),
            self.tr("处理结果"), self.tr("说明")], self.tr("复核标记"))
        self.flags_table.itemSelectionChanged.connect(self._selected)
        v.addWidget(self.flags_table, 3)

        box = QGroupBox(self.tr("所选标记"), self)
        b = QVBoxLayout(box)
        self.detail = QLabel(box)
        self.detail.setWordWrap(True)
        b.addWidget(self.detail)
        form = QFormLayout()
        row = QHBoxLayout()
        self.note_edit = QLineEdit(box)
        self.note_edit.setPlaceholderText(self.tr("组长附言（可选）"))
        self.note_edit.setAccessibleName(self.tr("组长附言"))
        self.request_button = QPushButton(self.tr("发出复核通知(&Q)…"), box)
        self.request_button.clicked.connect(self._choose_request_file)
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.request_button)
        lab = QLabel(self.tr("复核通知(&N)："), box)
        lab.setBuddy(self.note_edit)
        form.addRow(lab, row)
        row2 = QHBoxLayout()
        self.explanation_edit = QPlainTextEdit(box)
        self.explanation_edit.setPlaceholderText(self.tr("专家的书面说明"))
        self.explanation_edit.setAccessibleName(self.tr("书面说明"))
        self.explanation_edit.setTabChangesFocus(True)
        self.explanation_edit.setFixedHeight(60)
        buttons = QVBoxLayout()
        self.explain_button = QPushButton(self.tr("记录书面说明(&E)"), box)
        self.explain_button.clicked.connect(lambda: self.resolve_with_explanation())
        self.revised_button = QPushButton(self.tr("导入修改后的意见(&I)…"), box)
        self.revised_button.clicked.connect(self._choose_revised)
        buttons.addWidget(self.explain_button)
        buttons.addWidget(self.revised_button)
        row2.addWidget(self.explanation_edit, 1)
        row2.addLayout(buttons)
        lab2 = QLabel(self.tr("处理(&X)："), box)
        lab2.setBuddy(self.explanation_edit)
        form.addRow(lab2, row2)
        b.addLayout(form)
        self.message = message_label(box)
        b.addWidget(self.message)
        self.request_open = OpenButtons(box)
        b.addWidget(self.request_open)
        v.addWidget(box, 2)
        self._selected()

    # --- data ---------------------------------------------------------------------------------

    def load(self) -> None:
        """Raise any new flag (stored thresholds), then list them all."""
        keep = self.selected()
        rows = self.attempt(self.summary, self.desk.panel_flags)
        if rows is None:
            return
        self.rows = rows
        t = self.flags_table
        t.setRowCount(len(rows))
        select_row = -1
        for i, r in enumerate(rows):
            crit = self.view._criterion_name(r.criterion) if r.criterion else self.tr("总分")
            state = self._status(r)
            if r.superseded and not r.resolved:
                state += self.tr("（所标记的意见已被更新的意见取代）")
            request = (self.tr("已发 {0}").format(beijing(r.requested_at))
                       if r.requested_at else "—")
            if r.resolved:
                result = self.tr("{0}（{1}，{2}）").format(self._label(r.resolution), r.resolved_by,
                                                      beijing(r.resolved_at))
            else:
                result = "—"
            said = r.explanation or r.request_note
            fill_row(t, i, [item(r.id, right=True), item(r.application_id), item(r.reviewer),
                            item(self._kind(r) + (" ★" if r.new else ""),
                                 self.tr("新发现") if r.new else ""),
                            item(crit), item(r.value, right=True),
                            item(r.reference, r.message, right=True), item(state, state),
                            item(request, r.request_note), item(result, r.revised_sha256),
                            item(said or r.message, r.message)],
                     None if r.resolved else (INFO_BG if r.requested_at else ALERT_BG),
                     muted=r.resolved)
            if keep is not None and r.id == keep.id:
                select_row = i
        still = sum(1 for r in rows if not r.resolved)
        text = self.tr("复核标记 {0} 个，未处理 {1} 个。").format(len(rows), still)
        show_message(self.summary, text, BAD_STYLE if still else OK_STYLE)
        if select_row >= 0:
            t.selectRow(select_row)
        self._selected()

    def selected(self) -> FlagRow | None:
        rows = self.flags_table.selectionModel().selectedRows() if self.rows else []
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def select_flag(self, flag_id: int) -> None:
        for i, r in enumerate(self.rows):
            if r.id == flag_id:
                self.flags_table.selectRow(i)

    def _selected(self) -> None:
        r = self.selected()
        open_ = r is not None and not r.resolved
        for w in (self.request_button, self.explain_button, self.revised_button,
                  self.note_edit, self.explanation_edit):
            w.setEnabled(open_)
        if r is None:
            self.detail.setText(self.tr("在上表中选择一个复核标记。"))
            return
        text = self.tr("#{0} {1} · {2} · {3}：{4}").format(
            r.id, r.application_id, r.reviewer, self._kind(r), r.message)
        if r.explanation:
            text += "\n" + self.tr("说明：{0}").format(r.explanation)
        if r.revised_sha256:
            text += "\n" + self.tr("修改后的意见 SHA-256：{0}").format(r.revised_sha256)
        self.detail.setText(text)

    # --- actions ------------------------------------------------------------------------------

    def _choose_request_file(self) -> None:
        r = self.selected()
        if r is None:
            return
        suggested = str(self.view.workspace.path / f"复核通知-{r.id}-{r.reviewer}.json")
        path, _f = QFileDialog.getSaveFileName(self, self.tr("保存复核通知"), suggested,
                                               self.tr("复核通知 (*.json)"))
        if path:
            self.request(Path(path))

    def request(self, out: Path | None) -> dict[str, Any] | None:
        """Mark the selected flag as sent for 复核; with ``out`` the request file is written
        for the expert (it also travels in the expert's next kit)."""
        r = self.selected()
        if r is None:
            show_message(self.message, self.tr("请先选择一个复核标记。"), BAD_STYLE)
            return None
        doc = self.attempt(self.message, lambda: self.desk.panel_request_recheck(
            r.id, self.note_edit.text().strip(), out, replace=True))
        if doc is None:
            return None
        show_message(self.message, doc["text"], OK_STYLE)
        self.request_open.set_path(out)
        self.load()
        return doc

    def resolve_with_explanation(self) -> bool:
        r = self.selected()
        if r is None:
            show_message(self.message, self.tr("请先选择一个复核标记。"), BAD_STYLE)
            return False
        done = self.attempt(self.message, lambda: self.desk.panel_resolve_flag(
            r.id, self.explanation_edit.toPlainText()))
        if done is None:
            return False
        self._resolved(done)
        return True

    def _choose_revised(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("选择修改后重新签署的评审意见"), "",
                                               self.tr("PDF 文件 (*.pdf)"))
        if path:
            self.resolve_with_revision(Path(path))

    def resolve_with_revision(self, pdf: Path) -> bool:
        r = self.selected()
        if r is None:
            show_message(self.message, self.tr("请先选择一个复核标记。"), BAD_STYLE)
            return False
        desk, flag_id = self.desk, r.id
        explanation = self.explanation_edit.toPlainText()

        def work(report: Report) -> Any:
            report(0, 0, self.tr("正在核验并导入修改后的意见…"))
            return desk.panel_resolve_flag(flag_id, explanation, pdf)

        return self.launch(work, self.message, self._resolved)

    def _resolved(self, done: Any) -> None:
        self.explanation_edit.clear()
        text = self.tr("复核标记 #{0} 已处理：{1}").format(done.flag_id, self._label(done.resolution))
        style = OK_STYLE
        for m in done.still_flagged:
            text += "\n" + self.tr("注意：修改后的意见仍触发同一规则：{0}").format(m)
            style = INFO_STYLE
        self.load()
        show_message(self.message, text, style)
        if done.revised_sha256:
            self.view.refresh()  # the revised opinion replaced the flagged one
        self.resolved.emit(done)

    def _kind(self, r: FlagRow) -> str:
        """The core's Chinese names, in the window's language."""
        return {"outlier": self.tr("畸高畸低"), "deviation": self.tr("偏离均值"),
                "arithmetic": self.tr("计算错误"),
                "range": self.tr("超出分值范围")}.get(r.kind, r.kind_label)

    def _status(self, r: FlagRow) -> str:
        return {"open": self.tr("待复核"), "requested": self.tr("已发复核通知"),
                "resolved": self.tr("已复核")}.get(r.status, r.status_label)

    def _label(self, resolution: str) -> str:
        return {"explained": self.tr("书面说明"),
                "revised": self.tr("修改后重新签署")}.get(resolution, resolution)
