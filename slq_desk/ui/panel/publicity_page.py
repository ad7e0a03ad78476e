"""The chair's 公示与异议 tab: export the 公示 list (XLSX and PDF: applicant, amount, the panel's
experts, the combining method) for a period, and keep the 异议 log — record an objection
(received when, by whom, about what), answer it with an outcome, and reopen the application's
review when the objection is at least partly upheld.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from slq_desk.desk.panel_process import ObjectionRow
from slq_desk.errors import BadInput
from slq_desk.money import D, fmt_grouped
from slq_desk.ui.operations import Report
from slq_desk.ui.panel.widgets import (
    ALERT_BG,
    INFO_BG,
    OpenButtons,
    ProcessPage,
    beijing,
    fill_row,
    item,
    path_row,
    table,
)
from slq_desk.ui.signing.common import BAD_STYLE, INFO_STYLE, OK_STYLE, message_label, show_message

BEIJING_ZONE = QTimeZone(8 * 3600)


class PublicityPage(ProcessPage):
    """``PublicityPage(view)``: the 公示 list out, the 异议 log kept."""

    published = Signal(object)  # PublicityDone

    def __init__(self, view: Any) -> None:
        super().__init__(view)
        self.rows: list[ObjectionRow] = []
        self.last: Any = None
        v = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        v.addWidget(split, 1)
        split.addWidget(self._build_publicity(split))
        split.addWidget(self._build_objections(split))
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)

    def _build_publicity(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("公示名单（拟支持名单与评审专家）"), parent)
        v = QVBoxLayout(box)
        self.method_note = QLabel(box)
        self.method_note.setWordWrap(True)
        v.addWidget(self.method_note)
        form = QFormLayout()
        self.out_dir = QLineEdit(box)
        self.out_dir.setText(str(self.view.workspace.path / "panel-exports" / "公示"))
        self.out_dir.setAccessibleName(self.tr("公示导出文件夹"))
        lab = QLabel(self.tr("导出到文件夹(&D)："), box)
        lab.setBuddy(self.out_dir)
        form.addRow(lab, path_row(box, self.out_dir, self.tr("选择公示导出文件夹")))
        row = QHBoxLayout()
        self.start_edit = QDateEdit(QDate.currentDate(), box)
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("yyyy-MM-dd")
        self.start_edit.setAccessibleName(self.tr("公示开始日期"))
        self.days_box = QSpinBox(box)
        self.days_box.setRange(1, 60)
        self.days_box.setValue(5)
        self.days_box.setSuffix(self.tr(" 天"))
        self.days_box.setAccessibleName(self.tr("公示天数"))
        self.replace_box = QCheckBox(self.tr("覆盖已有文件"), box)
        self.export_button = QPushButton(self.tr("导出公示名单(&L)"), box)
        self.export_button.clicked.connect(self.export)
        slab = QLabel(self.tr("公示开始(&S)："), box)
        slab.setBuddy(self.start_edit)
        dlab = QLabel(self.tr("公示期(&Y)："), box)
        dlab.setBuddy(self.days_box)
        for w in (slab, self.start_edit, dlab, self.days_box, self.replace_box):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.export_button)
        form.addRow("", row)
        v.addLayout(form)
        self.pub_message = message_label(box)
        v.addWidget(self.pub_message)
        row = QHBoxLayout()
        self.rows_table = table(box, [self.tr("序号"), self.tr("申报单位"), self.tr("申报"),
                                      self.tr("拟支持金额（元）")], self.tr("公示名单"))
        self.files_table = table(box, [self.tr("文件"), self.tr("位置")], self.tr("公示文件"))
        self.files_table.itemSelectionChanged.connect(self._file_selected)
        row.addWidget(self.rows_table, 3)
        row.addWidget(self.files_table, 2)
        v.addLayout(row)
        self.pub_open = OpenButtons(box)
        v.addWidget(self.pub_open)
        return box

    def _build_objections(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("异议记录"), parent)
        v = QVBoxLayout(box)
        row = QHBoxLayout()
        self.app_box = QComboBox(box)
        self.app_box.setAccessibleName(self.tr("异议所涉申报"))
        self.objector_edit = QLineEdit(box)
        self.objector_edit.setPlaceholderText(self.tr("提出人"))
        self.objector_edit.setAccessibleName(self.tr("提出人"))
        self.about_edit = QLineEdit(box)
        self.about_edit.setPlaceholderText(self.tr("异议内容"))
        self.about_edit.setAccessibleName(self.tr("异议内容"))
        self.received_edit = QDateTimeEdit(QDateTime.currentDateTime().toTimeZone(BEIJING_ZONE),
                                           box)
        self.received_edit.setTimeZone(BEIJING_ZONE)
        self.received_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setAccessibleName(self.tr("收到时间（北京时间）"))
        self.record_button = QPushButton(self.tr("登记异议(&J)"), box)
        self.record_button.clicked.connect(lambda: self.record())
        alab = QLabel(self.tr("异议申报(&E)："), box)
        alab.setBuddy(self.app_box)
        rlab = QLabel(self.tr("收到(&R)："), box)
        rlab.setBuddy(self.received_edit)
        row.addWidget(alab)
        row.addWidget(self.app_box)
        row.addWidget(self.objector_edit, 1)
        row.addWidget(self.about_edit, 2)
        row.addWidget(rlab)
        row.addWidget(self.received_edit)
        row.addWidget(self.record_button)
        v.addLayout(row)
        self.obj_message = message_label(box)
        v.addWidget(self.obj_message)
        self.objections_table = table(box, [
            "#", self.tr("申报"), self.tr("收到时间（北京时间）"), self.tr("提出人"), self.tr("异议内容"),
            self.tr("处理结果"), self.tr("答复"), self.tr("重新评审"), self.tr("登记/答复人")],
            self.tr("异议记录"))
        self.objections_table.itemSelectionChanged.connect(self._selected)
        v.addWidget(self.objections_table, 1)
        row2 = QHBoxLayout()
        self.answer_edit = QLineEdit(box)
        self.answer_edit.setPlaceholderText(self.tr("答复内容"))
        self.answer_edit.setAccessibleName(self.tr("答复"))
        self.outcome_box = QComboBox(box)
        for key, label in (("upheld", self.tr("异议成立")), ("partly", self.tr("异议部分成立")),
                           ("rejected", self.tr("异议不成立"))):
            self.outcome_box.addItem(label, key)
        self.outcome_box.setAccessibleName(self.tr("处理结果"))
        self.reopen_box = QCheckBox(self.tr("重新评审该申报"), box)
        self.answer_button = QPushButton(self.tr("答复(&K)"), box)
        self.answer_button.clicked.connect(lambda: self.answer())
        lab = QLabel(self.tr("答复所选异议(&Q)："), box)
        lab.setBuddy(self.answer_edit)
        row2.addWidget(lab)
        row2.addWidget(self.answer_edit, 1)
        row2.addWidget(self.outcome_box)
        row2.addWidget(self.reopen_box)
        row2.addWidget(self.answer_button)
        v.addLayout(row2)
        return box

    # --- 公示 ---------------------------------------------------------------------------------

    def load(self) -> None:
        self.method_note.setText(self.tr("汇总方法（打印在公示名单上）：{0}").format(
            self.view.settings().method_label))
        current = self.app_box.currentData()
        ids = self.attempt(self.obj_message, self.desk.application_ids) or []
        self.app_box.clear()
        for a in ids:
            self.app_box.addItem(a, a)
        if current in ids:
            self.app_box.setCurrentIndex(ids.index(current))
        if not self.objector_edit.text() and not self.about_edit.text():
            # A new objection is received about now, not when the view was opened.
            self.received_edit.setDateTime(QDateTime.currentDateTime().toTimeZone(BEIJING_ZONE))
        self.load_objections()

    def export(self) -> bool:
        text = self.out_dir.text().strip()
        if not text:
            show_message(self.pub_message, self.tr("请选择导出文件夹。"), BAD_STYLE)
            return False
        try:
            budget, cut, mode = self.view._inputs()
        except BadInput as err:
            show_message(self.pub_message, str(err), BAD_STYLE)
            return False
        out_dir = Path(text).expanduser()
        q = self.start_edit.date()
        start = date(q.year(), q.month(), q.day())
        desk, settings = self.desk, self.view.settings()
        policy, days, replace = (self.view.policy_box.currentData(), self.days_box.value(),
                                 self.replace_box.isChecked())

        def work(report: Report) -> Any:
            report(0, 0, self.tr("正在生成公示名单…"))
            return desk.panel_publicity(out_dir, settings, budget=budget, cut_off=cut, mode=mode,
                                        policy_id=policy, start=start, days=days,
                                        replace=replace)

        return self.launch(work, self.pub_message, self._exported)

    def _exported(self, done: Any) -> None:
        self.last = done
        show_message(self.pub_message, self.tr(
            "公示期 {0}：拟支持 {1} 项，合计 {2} 元；评审专家 {3}；汇总方法 {4}").format(
            done.period, len(done.applications), done.total, "、".join(done.experts),
            done.method_label), OK_STYLE)
        rt = self.rows_table
        rt.setRowCount(len(done.rows))
        for i, (no, applicant, app_id, amount) in enumerate(done.rows):
            fill_row(rt, i, [item(no, right=True), item(applicant), item(app_id),
                             item(fmt_grouped(D(amount)), right=True)])
        t = self.files_table
        t.setRowCount(len(done.files))
        for i, f in enumerate(done.files):
            fill_row(t, i, [item(f.name), item(str(f.parent))])
        self.pub_open.set_path(done.files[0] if done.files else None)
        self.published.emit(done)

    def _file_selected(self) -> None:
        rows = self.files_table.selectionModel().selectedRows()
        if rows and self.last is not None and rows[0].row() < len(self.last.files):
            self.pub_open.set_path(self.last.files[rows[0].row()])

    # --- 异议 ---------------------------------------------------------------------------------

    def load_objections(self) -> None:
        keep = self.selected()
        rows = self.attempt(self.obj_message, self.desk.panel_objections)
        if rows is None:
            return
        self.rows = rows
        t = self.objections_table
        t.setRowCount(len(rows))
        for i, o in enumerate(rows):
            reopened = self.tr("已重新评审") if o.reopened else ""
            who = o.recorded_by + (f" / {o.answered_by}" if o.answered_by else "")
            fill_row(t, i, [item(o.id, right=True), item(o.application_id),
                            item(beijing(o.received_at)), item(o.objector),
                            item(o.about, o.about), item(self._outcome(o)),
                            item(o.answer or "—", o.answer), item(reopened), item(who)],
                     ALERT_BG if not o.outcome else (INFO_BG if o.reopened else None))
            if keep is not None and keep.id == o.id:
                t.selectRow(i)
        self._selected()

    def _outcome(self, o: ObjectionRow) -> str:
        """The core's Chinese outcome, in the window's language."""
        return {"upheld": self.tr("异议成立"), "partly": self.tr("异议部分成立"),
                "rejected": self.tr("异议不成立"), "": self.tr("待答复")}.get(o.outcome,
                                                                          o.outcome_label)

    def selected(self) -> ObjectionRow | None:
        rows = self.objections_table.selectionModel().selectedRows() if self.rows else []
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _selected(self) -> None:
        o = self.selected()
        ok = o is not None and not o.outcome
        for w in (self.answer_edit, self.outcome_box, self.reopen_box, self.answer_button):
            w.setEnabled(ok)

    def record(self) -> ObjectionRow | None:
        app = self.app_box.currentData()
        if app is None:
            show_message(self.obj_message, self.tr("工作区中没有申报。"), BAD_STYLE)
            return None
        # The edit shows Beijing time; its seconds since the epoch are zone-free.
        received = datetime.fromtimestamp(self.received_edit.dateTime().toSecsSinceEpoch(), UTC)
        row = self.attempt(self.obj_message, lambda: self.desk.panel_record_objection(
            app, self.objector_edit.text(), self.about_edit.text(), received.astimezone(UTC)))
        if row is None:
            return None
        self.objector_edit.clear()
        self.about_edit.clear()
        show_message(self.obj_message, self.tr("已登记异议 #{0}（{1}）。").format(
            row.id, row.application_id), OK_STYLE)
        self.load_objections()
        for i, o in enumerate(self.rows):
            if o.id == row.id:
                self.objections_table.selectRow(i)
        return row

    def answer(self) -> ObjectionRow | None:
        o = self.selected()
        if o is None:
            show_message(self.obj_message, self.tr("请先选择一条异议。"), BAD_STYLE)
            return None
        row = self.attempt(self.obj_message, lambda: self.desk.panel_answer_objection(
            o.id, self.answer_edit.text(), self.outcome_box.currentData(),
            self.reopen_box.isChecked()))
        if row is None:
            return None
        self.answer_edit.clear()
        self.reopen_box.setChecked(False)
        text = self.tr("异议 #{0}：{1}").format(row.id, self._outcome(row))
        if row.reopened:
            text += self.tr("；申报 {0} 已退回评审中").format(row.application_id)
        show_message(self.obj_message, text, INFO_STYLE if row.reopened else OK_STYLE)
        self.load_objections()
        return row
