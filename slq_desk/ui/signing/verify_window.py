"""A window that verifies a signed opinion: drop a PDF (and optionally its package).

Shows valid / invalid with the verifier's reasons, the signer and certificate fingerprint, the
documents the opinion lists with their SHA-256 (checked against the package when one is given)
and the embedded review summary. A signed 评审结果汇总表 is recognised and verified too.
Verification runs in a worker (``VerifyOp``); bad input (no file, not a PDF) is a message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from slq_desk.desk.verification import SignatureVerdict, Verified, signature_verdict
from slq_desk.ui import theme
from slq_desk.ui.operations import Operation
from slq_desk.ui.signing import signing_ops
from slq_desk.ui.signing.common import (
    BAD_STYLE,
    INFO_STYLE,
    message_label,
    show_message,
)

# Qt Linguist (pyside6-lupdate) finds the strings by the name `translate("Context", "…")`.
translate = QCoreApplication.translate


def _item(text: str, tip: str = "") -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    it.setFlags(it.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if tip:
        it.setToolTip(tip)
    return it


class VerifyWindow(QWidget):
    """``VerifyWindow(parent=None)``; ``verify_path(pdf, package=None)``; drop files on it."""

    verified = Signal(object)  # desk.verification.Verified

    def __init__(self, parent: QWidget | None = None, *, run_sync: bool = False) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.run_sync = run_sync
        self.pdf: Path | None = None
        self.package: Path | None = None
        self.outcome: Verified | None = None
        self.error: str | None = None
        self._op: Operation | None = None
        self.setWindowTitle(translate("VerifyWindow", "验证签名的评审意见"))
        self.setAcceptDrops(True)
        self.resize(980, 720)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.drop_label = QLabel(translate("VerifyWindow", "将签名的评审意见 PDF 拖放到此处\n"
                                    "（可同时拖入申报材料文件夹或 .zip，以核对材料的 SHA-256）"), self)
        self.drop_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.drop_label.setMinimumHeight(70)
        self.drop_label.setStyleSheet(f"QLabel {{ border: 2px dashed #8aa; {theme.muted_css()} }}")
        layout.addWidget(self.drop_label)

        row = QHBoxLayout()
        self.open_button = QPushButton(translate("VerifyWindow", "打开 PDF(&O)…"), self)
        self.open_button.clicked.connect(self._choose_pdf)
        self.pdf_edit = QLineEdit(self)
        self.pdf_edit.setReadOnly(True)
        self.pdf_edit.setAccessibleName(translate("VerifyWindow", "意见表文件"))
        self.pdf_edit.setPlaceholderText(translate("VerifyWindow", "尚未选择文件"))
        row.addWidget(self.open_button)
        row.addWidget(self.pdf_edit, 1)
        layout.addLayout(row)
        prow = QHBoxLayout()
        self.package_edit = QLineEdit(self)
        self.package_edit.setReadOnly(True)
        self.package_edit.setAccessibleName(translate("VerifyWindow", "申报材料"))
        self.package_edit.setPlaceholderText(translate("VerifyWindow", "不核对申报材料（可选）"))
        self.folder_button = QPushButton(translate("VerifyWindow", "材料文件夹(&F)…"), self)
        self.folder_button.clicked.connect(self._choose_folder)
        self.zip_button = QPushButton(translate("VerifyWindow", "材料 zip(&Z)…"), self)
        self.zip_button.clicked.connect(self._choose_zip)
        self.clear_button = QPushButton(translate("VerifyWindow", "不核对材料(&N)"), self)
        self.clear_button.clicked.connect(lambda: self.set_package(None))
        plabel = QLabel(translate("VerifyWindow", "申报材料："), self)
        plabel.setBuddy(self.package_edit)
        prow.addWidget(plabel)
        prow.addWidget(self.package_edit, 1)
        prow.addWidget(self.folder_button)
        prow.addWidget(self.zip_button)
        prow.addWidget(self.clear_button)
        layout.addLayout(prow)

        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.verdict.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.verdict.setFont(font)
        self.verdict.hide()
        layout.addWidget(self.verdict)
        self.reasons = message_label(self)
        layout.addWidget(self.reasons)

        self.tabs = QTabWidget(self)
        self.signer_page = QWidget(self)
        self.signer_form = QFormLayout(self.signer_page)
        self.tabs.addTab(self.signer_page, translate("VerifyWindow", "签名人(&1)"))
        self.docs_table = QTableWidget(0, 5, self)
        self.docs_table.setHorizontalHeaderLabels(
            [translate("VerifyWindow", "材料"), translate("VerifyWindow", "类型"), translate("VerifyWindow", "页数"), "SHA-256", translate("VerifyWindow", "核对")])
        self._table_defaults(self.docs_table)
        self.tabs.addTab(self.docs_table, translate("VerifyWindow", "材料清单(&2)"))
        self.summary_page = QWidget(self)
        sv = QVBoxLayout(self.summary_page)
        self.unverified_label = message_label(self)
        sv.addWidget(self.unverified_label)
        self.summary_form = QFormLayout()
        sv.addLayout(self.summary_form)
        self.criteria_table = QTableWidget(0, 4, self)
        self.criteria_table.setHorizontalHeaderLabels([translate("VerifyWindow", "评分项"), translate("VerifyWindow", "得分"), translate("VerifyWindow", "权重"), translate("VerifyWindow", "意见")])
        self._table_defaults(self.criteria_table)
        sv.addWidget(self.criteria_table, 1)
        self.tabs.addTab(self.summary_page, translate("VerifyWindow", "评审摘要(&3)"))
        self.tabs.hide()
        layout.addWidget(self.tabs, 1)
        self.status = QLabel(self)
        layout.addWidget(self.status)
        QShortcut(QKeySequence.StandardKey.Open, self).activated.connect(self._choose_pdf)
        QShortcut(QKeySequence("F5"), self).activated.connect(self.reverify)
        QShortcut(QKeySequence.StandardKey.Close, self).activated.connect(self.close)

    @staticmethod
    def _table_defaults(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setTabKeyNavigation(False)

    # --- input --------------------------------------------------------------------------------

    def _choose_pdf(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("VerifyWindow", "选择签名的评审意见"), "",
                                              translate("VerifyWindow", "PDF 文件 (*.pdf);;所有文件 (*)"))
        if path:
            self.verify_path(Path(path), self.package)

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, translate("VerifyWindow", "选择申报材料文件夹"))
        if path:
            self.set_package(Path(path))

    def _choose_zip(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("VerifyWindow", "选择申报材料 zip"), "",
                                              translate("VerifyWindow", "zip 压缩包 (*.zip)"))
        if path:
            self.set_package(Path(path))

    def set_package(self, package: Path | None) -> None:
        self.package = package
        self.package_edit.setText("" if package is None else str(package))
        if self.pdf is not None:
            self.reverify()

    def reverify(self) -> None:
        if self.pdf is not None:
            self.verify_path(self.pdf, self.package)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.accept_paths(paths)

    def accept_paths(self, paths: list[Path]) -> None:
        """What a drop does: a PDF is the opinion, a folder or .zip the package."""
        pdf: Path | None = None
        package: Path | None = self.package
        ignored: list[str] = []
        for p in paths:
            if p.is_dir() or p.suffix.lower() == ".zip":
                package = p
            elif pdf is None:
                pdf = p  # whatever it is: the verifier says clearly if it is not a PDF
            else:
                ignored.append(p.name)
        self.package = package
        self.package_edit.setText("" if package is None else str(package))
        if pdf is not None:
            self.verify_path(pdf, package)
        elif self.pdf is not None:
            self.reverify()
        if ignored:
            self.status.setText(translate("VerifyWindow", "一次只验证一个 PDF；已忽略：{0}").format("、".join(ignored)))

    # --- verification -------------------------------------------------------------------------

    def verify_path(self, pdf: Path, package: Path | None = None) -> None:
        if self.is_busy():
            return
        self.pdf, self.package = pdf, package
        self.pdf_edit.setText(str(pdf))
        self.package_edit.setText("" if package is None else str(package))
        self.outcome, self.error = None, None
        op = signing_ops.verify_op(pdf, package)
        op.progress.connect(lambda _done, _total, text: self.status.setText(text))
        op.finished.connect(self._show)
        op.failed.connect(self._show_error)
        self._op = op
        op.launch(self.run_sync)

    def is_busy(self) -> bool:
        return self._op is not None and not self._op.is_done

    def _show_error(self, message: str) -> None:
        self.error = message
        self.verdict.setText(translate("VerifyWindow", "无法核验"))
        self.verdict.setStyleSheet(f"QLabel {{ color: {theme.error_color()}; }}")
        self.verdict.show()
        show_message(self.reasons, message, BAD_STYLE)
        self.tabs.hide()
        self.status.setText("")
        self.verified.emit(None)

    def _show(self, outcome: Verified) -> None:
        self.outcome = outcome
        self.status.setText("")
        if outcome.kind == "summary":
            self._show_summary(outcome)
        else:
            self._show_opinion(outcome.result)
        self.verified.emit(outcome)

    def _set_verdict(self, valid: bool, title: str) -> None:
        self.verdict.setText(("✔ " if valid else "✘ ") + title)
        self.verdict.setStyleSheet("QLabel { color: %s; }" % (theme.ok_color() if valid else theme.error_color()))
        self.verdict.show()

    def _show_opinion(self, r: Any) -> None:
        verdict = signature_verdict(r)
        self._set_verdict(verdict.valid, translate("VerifyWindow", "签名有效") if verdict.valid
                          else translate("VerifyWindow", "签名无效"))
        lines = [f"• {x}" for x in _reason_lines(r)]
        lines += [translate("VerifyWindow", "注意：{0}").format(_one_language(w)) for w in r.warnings]
        show_message(self.reasons, "\n".join(lines),
                     BAD_STYLE if r.reasons else INFO_STYLE)
        self._fill_signer(r)
        self._fill_documents(r)
        self._fill_summary(r)
        self.tabs.show()

    def _fill_signer(self, r: Any) -> None:
        verdict = signature_verdict(r)
        while self.signer_form.rowCount():
            self.signer_form.removeRow(0)
        if r.self_signed is None:
            trust = "—"
        elif r.trusted:
            trust = translate("VerifyWindow", "受信任")
        elif r.self_signed:
            trust = translate("VerifyWindow", "自签名证书（未经信任链验证，请与评审专家登记的指纹核对）")
        else:
            trust = translate("VerifyWindow", "未受信任")
        rows = [(translate("VerifyWindow", "签名人"), r.signer or "—"), (translate("VerifyWindow", "证书主体"), r.signer_subject or "—"),
                (translate("VerifyWindow", "证书 SHA-256"), r.cert_sha256 or "—"), (translate("VerifyWindow", "信任"), trust),
                (translate("VerifyWindow", "签署时间"), r.signed_at.isoformat(" ", "seconds") if r.signed_at else "—"),
                (translate("VerifyWindow", "覆盖范围"), _coverage(verdict, r.coverage)),
                (translate("VerifyWindow", "签名后修改"), _modification(verdict))]
        for label, value in rows:
            v = QLabel(value)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            v.setWordWrap(True)
            self.signer_form.addRow(label + "：", v)

    def _fill_documents(self, r: Any) -> None:
        docs = r.data.documents if r.data is not None else []
        pk = r.package
        self.docs_table.setRowCount(len(docs))
        for i, d in enumerate(docs):
            if pk is None:
                state = "—"
            elif d.name in pk.matched:
                state = translate("VerifyWindow", "一致")
            elif d.name in pk.changed:
                state = translate("VerifyWindow", "已改动")
            else:
                state = translate("VerifyWindow", "缺失")
            cells = [_item(d.name), _item(d.kind), _item(str(d.pages)),
                     _item(d.sha256, d.sha256), _item(state)]
            if state in (translate("VerifyWindow", "已改动"), translate("VerifyWindow", "缺失")):
                for c in cells:
                    c.setBackground(Qt.GlobalColor.yellow)
                    c.setForeground(Qt.GlobalColor.black)  # readable under a dark theme too
            for j, c in enumerate(cells):
                self.docs_table.setItem(i, j, c)
        if pk is not None:
            self.status.setText(translate("VerifyWindow", "申报材料核对：{0} 一致，{1} 改动，{2} 缺失").format(
                len(pk.matched), len(pk.changed), len(pk.missing)))

    def _fill_summary(self, r: Any) -> None:
        from decimal import Decimal

        from slq_desk.money import D, yuan

        while self.summary_form.rowCount():
            self.summary_form.removeRow(0)
        d = r.data
        show_message(self.unverified_label, "" if r.valid or d is None else translate("VerifyWindow", 
            "签名无效：以下内容未经验证，不能作为评审依据，仅供核对。"), BAD_STYLE)
        if d is None:
            self.summary_form.addRow(QLabel(translate("VerifyWindow", "文件中没有可读的评审数据。")))
            self.criteria_table.setRowCount(0)
            return

        def money(v: Any) -> str:
            return "—" if v is None else yuan(v if isinstance(v, Decimal) else D(str(v)))

        rows = [(translate("VerifyWindow", "意见类型"), d.title), (translate("VerifyWindow", "申报编号"), d.application_id),
                (translate("VerifyWindow", "申报单位"), d.applicant_name), (translate("VerifyWindow", "政策"), d.policy_name or d.policy_id),
                (translate("VerifyWindow", "评审专家"), d.reviewer + (f"（{d.reviewer_organisation}）"
                                              if d.reviewer_organisation else "")),
                (translate("VerifyWindow", "评审日期"), d.review_date.isoformat()),
                (translate("VerifyWindow", "总分"), "—" if d.total is None else str(d.total)),
                (translate("VerifyWindow", "评审意见"), d.recommendation or "—"),
                (translate("VerifyWindow", "测算金额"), money(d.computed_subsidy)),
                (translate("VerifyWindow", "建议金额"), money(d.recommended_subsidy)),
                (translate("VerifyWindow", "利益冲突声明"), translate("VerifyWindow", "已声明无利益冲突") if d.coi_declared and not d.coi_conflict
                 else translate("VerifyWindow", "未声明或存在冲突"))]
        for label, value in rows:
            v = QLabel(value)
            v.setWordWrap(True)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.summary_form.addRow(label + "：", v)
        self.criteria_table.setRowCount(len(d.criteria))
        for i, c in enumerate(d.criteria):
            score = str(c.score) + (f" / {c.max_score}" if c.max_score is not None else "")
            for j, text in enumerate([c.name, score, "" if c.weight is None else str(c.weight),
                                      c.comment]):
                self.criteria_table.setItem(i, j, _item(text, c.comment if j == 3 else ""))

    def _show_summary(self, o: Verified) -> None:
        # The summary verifier's answer and the signature lines below come from one result:
        # a summary whose signature lines say "changed" is never shown as valid.
        valid = o.summary_valid and (o.result is None or signature_verdict(o.result).integrity
                                     in ("intact", "validation_added"))
        self._set_verdict(valid, translate("VerifyWindow", "评审结果汇总表：签名有效") if valid
                          else translate("VerifyWindow", "评审结果汇总表：签名无效"))
        show_message(self.reasons, "\n".join(f"• {x}" for x in o.summary_reasons), BAD_STYLE)
        if o.result is not None:
            self._fill_signer(o.result)
        self.docs_table.setRowCount(0)
        show_message(self.unverified_label, "", BAD_STYLE)
        while self.summary_form.rowCount():
            self.summary_form.removeRow(0)
        totals = ((o.summary or {}).get("list") or {}).get("totals") or {}
        lst = (o.summary or {}).get("list") or {}
        for label, value in [(translate("VerifyWindow", "政策"), lst.get("policy")), (translate("VerifyWindow", "资金池"), lst.get("pool")),
                             (translate("VerifyWindow", "分数线"), lst.get("cut_off")), (translate("VerifyWindow", "正选"), totals.get("main")),
                             (translate("VerifyWindow", "备选"), totals.get("reserve")),
                             (translate("VerifyWindow", "拨付合计"), totals.get("granted"))]:
            self.summary_form.addRow(label + "：", QLabel("—" if value is None else str(value)))
        self.criteria_table.setRowCount(0)
        self.tabs.show()


def _reason_lines(r: Any) -> list[str]:
    """Each refusal once, in the interface's language, with its detail."""
    english = QCoreApplication.translate("VerifyWindow", "签名无效") != "签名无效"
    out = []
    for refusal in r.refusals:
        text = refusal.en if english else refusal.zh
        out.append(text + (f"：{refusal.detail}" if refusal.detail else ""))
    return out


def _one_language(text: str) -> str:
    """The verifier's warnings are "中文 / English": the half for the interface's language."""
    zh, sep, en = text.partition(" / ")
    if not sep:
        return text
    english = QCoreApplication.translate("VerifyWindow", "签名无效") != "签名无效"
    return en if english else zh


def _coverage(verdict: SignatureVerdict, code: str) -> str:
    if verdict.integrity == "not_checked":
        return "—"
    if verdict.integrity == "changed_inside":
        return translate("VerifyWindow", "签名范围内的内容与签名不符")
    return {"ENTIRE_FILE": translate("VerifyWindow", "整个文件"), "ENTIRE_REVISION": translate("VerifyWindow", "签名时的版本（之后有追加）"),
            "CONTIGUOUS_BLOCK_FROM_START": translate("VerifyWindow", "文件开头的一部分"), "": "—"}.get(code, code)


def _modification(verdict: SignatureVerdict) -> str:
    """Read from the verdict, never from pyHanko's level alone: a byte edited inside the signed
    range leaves no later revision (level NONE) yet the signature no longer holds."""
    if verdict.integrity == "not_checked":
        return "—"
    if verdict.integrity == "changed_inside":
        return translate("VerifyWindow", "签名后内容被改动（摘要不符）")
    if verdict.integrity == "validation_added":
        return translate("VerifyWindow", "追加了验证信息")
    if verdict.integrity == "intact":
        return translate("VerifyWindow", "无")
    return {"FORM_FILLING": translate("VerifyWindow", "填写了表单或追加了签名"),
            "ANNOTATIONS": translate("VerifyWindow", "添加了批注"),
            "OTHER": translate("VerifyWindow", "修改了页面或文档结构")}.get(
        verdict.modification, translate("VerifyWindow", "签名后文件被修改"))
