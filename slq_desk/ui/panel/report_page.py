"""The chair's 综合意见与评审报告 tab.

综合意见: per application, the chair's draft (recommendation, amount, text; optimistic lock as in
the CLI) and its export, signed with the installed identity or as a 草稿. 评审报告: built with one
empty signature field per member (the latest draw's panel), ranked with the view's method,
budget, cut-off and mode; a member at this desk signs it with their own key, with a dissent and
its reasons if they have one; and the verification lists, member by member, who signed, who
dissented and who has not signed yet. PDF work runs as operations.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from slq_desk.errors import BadInput
from slq_desk.ui.operations import Report
from slq_desk.ui.panel.widgets import (
    ALERT_BG,
    INFO_BG,
    OK_BG,
    OpenButtons,
    ProcessPage,
    beijing,
    fill_row,
    item,
    table,
)
from slq_desk.ui.signing.common import (
    BAD_STYLE,
    INFO_STYLE,
    OK_STYLE,
    DecimalField,
    message_label,
    show_message,
)

RECOMMENDATIONS = (None, "推荐", "修改后推荐", "不推荐")


class ReportPage(ProcessPage):
    """``ReportPage(view)``: the 综合意见 per application and the 评审报告 every member signs."""

    opinion_exported = Signal(object)  # ExportedPanel
    report_built = Signal(object)  # ReportBuilt
    report_checked = Signal(object)  # ReportCheck

    def __init__(self, view: Any) -> None:
        super().__init__(view)
        self.version: int | None = None
        self.check: Any = None
        self.opinion_files: list[Any] = []
        v = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        v.addWidget(split, 1)
        split.addWidget(self._build_opinion(split))
        split.addWidget(self._build_report(split))
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)

    # --- layout -------------------------------------------------------------------------------

    def _build_opinion(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("综合意见（每个申报一份，组长签署）"), parent)
        form = QFormLayout(box)
        self.app_box = QComboBox(box)
        self.app_box.setAccessibleName(self.tr("申报"))
        self.app_box.currentIndexChanged.connect(lambda _i: self.load_conclusion())
        lab = QLabel(self.tr("申报(&B)："), box)
        lab.setBuddy(self.app_box)
        form.addRow(lab, self.app_box)
        self.rec_box = QComboBox(box)
        labels = {None: self.tr("按专家多数意见"), "推荐": self.tr("推荐"),
                  "修改后推荐": self.tr("修改后推荐"), "不推荐": self.tr("不推荐")}
        for key in RECOMMENDATIONS:
            self.rec_box.addItem(labels[key], key)
        self.rec_box.setAccessibleName(self.tr("综合建议"))
        lab = QLabel(self.tr("综合建议(&C)："), box)
        lab.setBuddy(self.rec_box)
        form.addRow(lab, self.rec_box)
        self.amount_edit = DecimalField(self.tr("默认：专家建议金额的中位数"), parent=box)
        self.amount_edit.setAccessibleName(self.tr("建议金额（元）"))
        lab = QLabel(self.tr("建议金额（元）(&M)："), box)
        lab.setBuddy(self.amount_edit)
        form.addRow(lab, self.amount_edit)
        self.comment_edit = QPlainTextEdit(box)
        self.comment_edit.setAccessibleName(self.tr("综合意见"))
        self.comment_edit.setTabChangesFocus(True)
        lab = QLabel(self.tr("综合意见(&T)："), box)
        lab.setBuddy(self.comment_edit)
        form.addRow(lab, self.comment_edit)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存草稿(&V)"), box)
        self.save_button.clicked.connect(self.save_conclusion)
        self.opinion_draft_box = QCheckBox(self.tr("草稿（不签名）"), box)
        self.opinion_button = QPushButton(self.tr("导出并签署(&O)…"), box)
        self.opinion_button.clicked.connect(self._choose_opinion_file)
        row.addWidget(self.save_button)
        row.addStretch(1)
        row.addWidget(self.opinion_draft_box)
        row.addWidget(self.opinion_button)
        form.addRow("", row)
        self.opinion_message = message_label(box)
        form.addRow(self.opinion_message)
        self.opinion_open = OpenButtons(box)
        form.addRow(self.opinion_open)
        self.opinions_table = table(box, [self.tr("申报"), self.tr("状态"), self.tr("签署人"),
                                          self.tr("时间（北京时间）"), self.tr("文件")],
                                    self.tr("已导出的综合意见"))
        self.opinions_table.itemSelectionChanged.connect(self._opinion_selected)
        form.addRow(self.opinions_table)
        return box

    def _fill_opinion_files(self) -> None:
        """Every 综合意见 written so far: which applications still lack a signed one shows."""
        files = self.attempt(self.opinion_message, self.desk.panel_opinion_files) or []
        self.opinion_files = files
        t = self.opinions_table
        t.setRowCount(len(files))
        for i, f in enumerate(files):
            state = self.tr("已签署") if f.signed else self.tr("草稿（未签名）")
            fill_row(t, i, [item(f.application_id), item(state), item(f.signer or "—"),
                            item(beijing(f.at)), item(f.path.name, str(f.path))],
                     OK_BG if f.signed else None)

    def _opinion_selected(self) -> None:
        rows = self.opinions_table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.opinion_files):
            self.opinion_open.set_path(self.opinion_files[rows[0].row()].path)

    def _build_report(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("评审报告（每位成员签署）"), parent)
        v = QVBoxLayout(box)
        self.method_note = QLabel(box)
        self.method_note.setWordWrap(True)
        v.addWidget(self.method_note)
        form = QFormLayout()
        self.report_path = QLineEdit(box)
        self.report_path.setText(str(self.view.workspace.path / "panel-exports" / "评审报告.pdf"))
        self.report_path.setAccessibleName(self.tr("评审报告文件"))
        row = QHBoxLayout()
        browse = QPushButton(self.tr("选择(&W)…"), box)
        browse.clicked.connect(self._choose_report)
        row.addWidget(self.report_path, 1)
        row.addWidget(browse)
        lab = QLabel(self.tr("报告文件(&F)："), box)
        lab.setBuddy(self.report_path)
        form.addRow(lab, row)
        row = QHBoxLayout()
        self.replace_box = QCheckBox(self.tr("覆盖已有文件"), box)
        self.build_button = QPushButton(self.tr("生成评审报告(&G)"), box)
        self.build_button.clicked.connect(self.build_report)
        self.verify_button = QPushButton(self.tr("核验签名(&Y)"), box)
        self.verify_button.clicked.connect(self.verify_report)
        row.addWidget(self.replace_box)
        row.addStretch(1)
        row.addWidget(self.build_button)
        row.addWidget(self.verify_button)
        form.addRow("", row)
        row = QHBoxLayout()
        self.dissent_edit = QLineEdit(box)
        self.dissent_edit.setPlaceholderText(self.tr("同意则留空；持不同意见时写明意见和理由"))
        self.dissent_edit.setAccessibleName(self.tr("不同意见"))
        self.sign_button = QPushButton(self.tr("以本人身份签署(&N)"), box)
        self.sign_button.clicked.connect(lambda: self.sign_report())
        row.addWidget(self.dissent_edit, 1)
        row.addWidget(self.sign_button)
        lab = QLabel(self.tr("不同意见(&I)："), box)
        lab.setBuddy(self.dissent_edit)
        form.addRow(lab, row)
        v.addLayout(form)
        self.report_message = message_label(box)
        v.addWidget(self.report_message)
        self.verdict = QLabel(box)
        self.verdict.setWordWrap(True)
        v.addWidget(self.verdict)
        self.members_table = table(box, [self.tr("成员"), self.tr("状态"), self.tr("签署时间（北京时间）"),
                                         self.tr("签名"), self.tr("证书"), self.tr("签署意见")],
                                   self.tr("签署情况"))
        v.addWidget(self.members_table, 1)
        # A dissent is read in full, not as a clipped cell.
        self.dissents = QLabel(box)
        self.dissents.setWordWrap(True)
        self.dissents.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.dissents)
        self.report_open = OpenButtons(box)
        v.addWidget(self.report_open)
        return box

    # --- 综合意见 -------------------------------------------------------------------------------

    def load(self) -> None:
        """Applications from the aggregate; the method the outputs will print."""
        current = self.app_box.currentData()
        ids = [r.application_id for r in self.view.agg.results] if self.view.agg else []
        self.app_box.blockSignals(True)
        self.app_box.clear()
        for a in ids:
            self.app_box.addItem(a, a)
        if current in ids:
            self.app_box.setCurrentIndex(ids.index(current))
        self.app_box.blockSignals(False)
        self.method_note.setText(self.tr("汇总方法（打印在报告上）：{0}").format(
            self.view.settings().method_label))
        self.load_conclusion()
        self._fill_opinion_files()

    def load_conclusion(self) -> None:
        app = self.app_box.currentData()
        for w in (self.save_button, self.opinion_button):
            w.setEnabled(app is not None)
        if app is None:
            self.comment_edit.setPlainText("")
            return
        row = self.attempt(self.opinion_message, lambda: self.desk.panel_conclusion(app))
        if row is None:
            self.version = None
            self.rec_box.setCurrentIndex(0)
            self.amount_edit.setText("")
            text = self.attempt(self.opinion_message, lambda: self.desk.panel_composed_comment(
                app, self.view.settings()))
            self.comment_edit.setPlainText(text or "")
            show_message(self.opinion_message, self.tr("尚无草稿：意见文字由各专家意见汇成，可修改后保存。"),
                         INFO_STYLE)
            return
        self.version = row["version"]
        self.rec_box.setCurrentIndex(max(0, self.rec_box.findData(row["recommendation"])))
        self.amount_edit.setText(row["recommended_amount"] or "")
        self.comment_edit.setPlainText(row["comment"] or "")
        show_message(self.opinion_message, self.tr("草稿第 {0} 版（{1}）").format(
            row["version"], row["chair"]), INFO_STYLE)

    def save_conclusion(self) -> bool:
        app = self.app_box.currentData()
        if app is None:
            return False
        amount = self.amount_edit.text().strip() or None
        out = self.attempt(self.opinion_message, lambda: self.desk.save_panel_conclusion(
            app, self.desk.actor, self.view.settings(),
            comment=self.comment_edit.toPlainText().strip() or None,
            recommendation=self.rec_box.currentData(), amount=amount,
            expected_version=self.version))
        if out is None:
            return False
        self.version = out["version"]
        show_message(self.opinion_message, self.tr("已保存草稿第 {0} 版。").format(out["version"]),
                     OK_STYLE)
        return True

    def _choose_opinion_file(self) -> None:
        app = self.app_box.currentData()
        if app is None:
            return
        suggested = str(self.view.workspace.path / "panel-exports" / f"综合意见-{app}.pdf")
        path, _f = QFileDialog.getSaveFileName(self, self.tr("导出综合意见"), suggested,
                                               self.tr("PDF 文件 (*.pdf)"))
        if path:
            self.export_opinion(Path(path), replace=True)

    def export_opinion(self, out: Path, replace: bool = False) -> bool:
        app = self.app_box.currentData()
        if app is None:
            return False
        desk, settings, draft = self.desk, self.view.settings(), self.opinion_draft_box.isChecked()

        def work(report: Report) -> Any:
            ident = None if draft else self.identity(report)
            report(0, 0, self.tr("正在生成综合意见…"))
            out.parent.mkdir(parents=True, exist_ok=True)
            return desk.panel_export_opinion(app, out, ident, settings, replace=replace)

        return self.launch(work, self.opinion_message, self._opinion_done)

    def _opinion_done(self, done: Any) -> None:
        state = (self.tr("已签署（{0}）").format(done.signer) if done.signed
                 else self.tr("草稿（未签名）"))
        show_message(self.opinion_message, self.tr("{0}：{1}").format(done.path.name, state),
                     OK_STYLE)
        self.opinion_open.set_path(done.path)
        self._fill_opinion_files()
        self.opinion_exported.emit(done)

    # --- 评审报告 -------------------------------------------------------------------------------

    def _choose_report(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("评审报告文件"), self.report_path.text(), self.tr("PDF 文件 (*.pdf)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.report_path.setText(path)
            if Path(path).exists():
                self.verify_report()

    def _pdf(self) -> Path | None:
        text = self.report_path.text().strip()
        if not text:
            show_message(self.report_message, self.tr("请填写报告文件。"), BAD_STYLE)
            return None
        return Path(text).expanduser()

    def build_report(self) -> bool:
        pdf = self._pdf()
        if pdf is None:
            return False
        try:
            budget, cut, mode = self.view._inputs()
        except BadInput as err:
            show_message(self.report_message, str(err), BAD_STYLE)
            return False
        desk, settings, policy = self.desk, self.view.settings(), self.view.policy_box.currentData()
        replace = self.replace_box.isChecked()

        def work(report: Report) -> Any:
            report(0, 0, self.tr("正在生成评审报告…"))
            pdf.parent.mkdir(parents=True, exist_ok=True)
            built = desk.panel_build_report(pdf, settings, budget=budget, cut_off=cut,
                                            mode=mode, policy_id=policy, replace=replace)
            return built, desk.panel_verify_report(pdf)

        return self.launch(work, self.report_message, self._built)

    def _built(self, done: tuple[Any, Any]) -> None:
        built, check = done
        show_message(self.report_message, self.tr(
            "已生成 {0}，待 {1} 签署；汇总方法：{2}").format(
            built.path.name, "、".join(built.members), built.method_label), OK_STYLE)
        self._show_check(check)
        self.report_open.set_path(built.path)
        self.report_built.emit(built)

    def sign_report(self) -> bool:
        pdf = self._pdf()
        if pdf is None:
            return False
        desk, dissent = self.desk, self.dissent_edit.text().strip() or None

        def work(report: Report) -> Any:
            before = desk.panel_verify_report(pdf)
            if not before.members:  # not a report: refused before any passphrase is asked
                raise BadInput("；".join(before.problems) or self.tr("不是评审报告"))
            if not before.unsigned:
                raise BadInput(self.tr("每位成员都已签署，无需再签。"))
            ident = self.identity(report)
            report(0, 0, self.tr("正在签署评审报告…"))
            desk.panel_sign_report(pdf, ident, dissent)
            return desk.panel_verify_report(pdf)

        return self.launch(work, self.report_message, self._signed)

    def _signed(self, check: Any) -> None:
        self.dissent_edit.clear()
        last = check.signatures[-1] if check.signatures else None
        if last is not None:
            show_message(self.report_message, self.tr("{0} 已签署{1}。").format(
                last.member, self.tr("（持不同意见）") if last.dissent else ""), OK_STYLE)
        self._show_check(check)
        self.report_open.set_path(Path(check.path))

    def verify_report(self) -> bool:
        pdf = self._pdf()
        if pdf is None:
            return False
        desk = self.desk

        def work(report: Report) -> Any:
            report(0, 0, self.tr("正在核验签名…"))
            return desk.panel_verify_report(pdf)

        return self.launch(work, self.report_message, self._verified)

    def _verified(self, check: Any) -> None:
        show_message(self.report_message, "", OK_STYLE)
        self._show_check(check)
        self.report_open.set_path(Path(check.path))

    def _show_check(self, check: Any) -> None:
        """Member by member: signed (agreeing or dissenting) or not yet; every problem named."""
        self.check = check
        by_member = {s.member: s for s in check.signatures}
        names = list(check.members) + [s.member for s in check.signatures
                                       if s.member not in check.members]
        t = self.members_table
        t.setRowCount(len(names))
        for i, name in enumerate(names):
            sc = by_member.get(name)
            if sc is None:
                fill_row(t, i, [item(name), item(self.tr("尚未签署")), item("—"), item(""),
                                item(""), item("")], muted=True)
                continue
            status = self.tr("持不同意见") if sc.dissent else self.tr("已签署（同意）")
            kind = self.tr("认证签名") if sc.certification else self.tr("签名")
            if sc.ok:
                kind = "✓ " + kind
            else:
                kind = "✗ " + kind + self.tr("（无效）")
            trust = (self.tr("专家库登记的证书") if sc.registered else
                     "" if sc.trusted else self.tr("证书未经信任链验证，请核对指纹"))
            cert = f"{sc.signer}　{sc.cert_sha256[:16]}…" + (f"（{trust}）" if trust else "")
            said = sc.dissent or sc.verdict
            tip = "\n".join([said, *sc.problems, *sc.notes])
            fill_row(t, i, [item(name), item(status), item(beijing(sc.signed_at)),
                            item(kind, "\n".join(sc.problems)), item(cert, sc.cert_sha256),
                            item(said, tip)],
                     ALERT_BG if not sc.ok else (INFO_BG if sc.dissent else OK_BG))
        self.dissents.setText("\n".join(
            self.tr("{0} 持不同意见：{1}").format(s.member, s.dissent)
            for s in check.signatures if s.dissent))
        signed = [s.member for s in check.signatures]
        verdict = self.tr("有效") if check.valid else (
            self.tr("尚无签名") if not check.signatures and not check.problems else self.tr("无效"))
        text = self.tr("{0}：已签署 {1}；持不同意见 {2}；尚未签署 {3}").format(
            verdict, "、".join(signed) or self.tr("无"), "、".join(check.dissenters) or self.tr("无"),
            "、".join(check.unsigned) or self.tr("无"))
        for p in check.problems:
            text += "\n" + self.tr("原因：{0}").format(p)
        show_message(self.verdict, text, OK_STYLE if check.valid and not check.unsigned else
                     (BAD_STYLE if check.problems or any(not s.ok for s in check.signatures)
                      else INFO_STYLE))
        self.report_checked.emit(check)
